#pragma once
// Shared by the capability.*-not-advertised rules (whether the client used an extension the
// server did not advertise) and by login.logindisabled and login.accepted-while-disabled.
//
// Which capability list counts. RFC 9051 §7.2.2: "It is unnecessary for a client to send a
// separate CAPABILITY command if it recognizes these automatic capabilities and there was no
// change to the TLS and/or authentication state since they were received", and §6.2.1: "Once
// TLS has been started, the client MUST discard cached information about server
// capabilities". So a list is judged against only while it still describes the connection:
// from a listing (greeting code, untagged CAPABILITY, CAPABILITY code) until STARTTLS, LOGIN,
// AUTHENTICATE or UNAUTHENTICATE succeeds (a CAPABILITY code in a successful LOGIN's or
// AUTHENTICATE's OK is the new list; one in STARTTLS's OK predates TLS and is discarded).
// A command pipelined behind one of those four is not judged either: the client could not
// know the capabilities of the state it would run in. RFC 8437 §3: servers "MAY choose to
// advertise the UNAUTHENTICATE capability only after authentication".
//
// RFC 9051 Appendix E (2), (3): IMAP4rev2 "Folded in IMAP NAMESPACE [RFC2342], UNSELECT
// [RFC3691], UIDPLUS [RFC4315], ESEARCH [RFC4731], SEARCHRES [RFC5182], ENABLE [RFC5161],
// IDLE [RFC2177], SASL-IR [RFC4959], LIST-EXTENDED [RFC5258], LIST-STATUS [RFC5819], MOVE
// [RFC6851], and LITERAL- extensions [RFC7888]", SPECIAL-USE's mailbox attributes, "Added
// STATUS SIZE [RFC8438]", and §6.3.9.5 the CHILDREN return option: a server listing IMAP4rev2
// offers those whether or not it lists their own names.

#include <array>
#include <string>
#include <string_view>

#include "analyzer/command.h"
#include "analyzer/session_observer.h"
#include "checks/rule.h"
#include "checks/rules/origin_note.h"

namespace imapscope::checks::extension_use {

inline constexpr std::array<std::string_view, 15> kFoldedIntoImap4rev2 = {
    "NAMESPACE", "UNSELECT", "UIDPLUS",     "ESEARCH",       "SEARCHRES",
    "ENABLE",    "IDLE",     "SASL-IR",     "LIST-EXTENDED", "LIST-STATUS",
    "MOVE",      "LITERAL-", "SPECIAL-USE", "STATUS=SIZE",   "CHILDREN"};

inline bool folded_into_imap4rev2(std::string_view cap) {
  for (std::string_view c : kFoldedIntoImap4rev2) {
    if (analyzer::iequals(c, cap)) return true;
  }
  return false;
}

inline bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && analyzer::iequals(s.substr(0, prefix.size()), prefix);
}

// A rule about a client using an extension, judged in on_command against the session's
// capability list while that list still describes the server (see above; the session keeps
// track of it, SessionView::capability_list_stale).
class ExtensionUseRule : public Rule {
 public:
  using Rule::Rule;

 protected:
  // Whether a command sent now can be judged against the session's capability list.
  bool judging() const {
    if (session().capability_list_stale() || session().capabilities().empty()) return false;
    for (const analyzer::InFlightCommand& c : session().in_flight()) {
      if (analyzer::changes_tls_or_authentication(c.id)) return false;
    }
    return true;
  }

  bool lists(std::string_view cap) const { return session().has_capability(cap); }
  // Listed by name, or included in IMAP4rev2 and IMAP4rev2 is listed.
  bool offers(std::string_view cap) const {
    return lists(cap) || (folded_into_imap4rev2(cap) && lists("IMAP4rev2"));
  }
  bool lists_prefix(std::string_view prefix) const {
    for (const std::string& c : session().capabilities()) {
      if (starts_with_ignoring_case(c, prefix)) return true;
    }
    return false;
  }

  // " (capability list of line N)", "... of packet N", or "" when neither is known.
  std::string list_origin() const {
    const std::string where = place(session().capability_list_origin());
    return where.empty() ? where : " (capability list of " + where + ")";
  }
};

}  // namespace imapscope::checks::extension_use
