#pragma once
// The untagged responses that rules looking for a response code or a capability list watch
// (SessionObserver::watched_untagged): a FETCH or EXISTS, the bulk of a session, carries
// neither, and a rule not called for them is one memory access fewer per message.

#include "analyzer/session_observer.h"

namespace imapscope::checks::response_watch {

// Untagged responses that can carry a response code: resp-cond-state (OK, NO, BAD),
// resp-cond-bye (BYE), and a PREAUTH after the greeting, which untagged_kind() counts among
// kOther (RFC 9051 §7.1, §9 "response-data").
inline constexpr analyzer::UntaggedWatch kCoded{
    analyzer::UntaggedKind::kOk, analyzer::UntaggedKind::kNo, analyzer::UntaggedKind::kBad,
    analyzer::UntaggedKind::kBye, analyzer::UntaggedKind::kOther};

// Untagged responses that can list capabilities: those with a CAPABILITY code, and the
// CAPABILITY response (RFC 9051 §7.1, §7.2.2).
inline constexpr analyzer::UntaggedWatch kCapabilityListing =
    kCoded | analyzer::UntaggedWatch{analyzer::UntaggedKind::kCapability};

}  // namespace imapscope::checks::response_watch
