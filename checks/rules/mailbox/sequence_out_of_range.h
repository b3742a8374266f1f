#pragma once
// Shared by mailbox.expunge-out-of-range and mailbox.fetch-out-of-range: RFC 9051 §2.3.1.2,
// message sequence numbers run from 1 to the number of messages in the mailbox.

#include <optional>
#include <string>

#include "analyzer/session_observer.h"

namespace imapscope::checks {

// A problem with `n` as a message sequence number of the mailbox in view, or nullopt.
inline std::optional<std::string> sequence_problem(const analyzer::SessionView& s,
                                                   std::uint32_t n) {
  const analyzer::SelectedMailbox* mb = s.mailbox();
  if (n == 0) return std::string("message number 0 (numbers start at 1)");
  if (mb == nullptr || !mb->exists_known() || n <= mb->exists()) return std::nullopt;
  return "message number " + std::to_string(n) + " beyond the " + std::to_string(mb->exists()) +
         " messages in the mailbox";
}

}  // namespace imapscope::checks
