// rev2.recent-sent — IMAP4rev2 deprecates \Recent and the RECENT response (RFC 9051
// Appendix E, item 12: "RECENT response on SELECT/EXAMINE, \Recent flag, RECENT STATUS, and
// SEARCH NEW items are now deprecated"; §2.3.2: "\Recent  This flag was in use in IMAP4rev1
// and is now deprecated."). What the RFC actually restricts:
// - The RECENT response: §9 mailbox-data = ... / obsolete-recent-response, with the comment
//   "obsolete-search-response and obsolete-recent-response can only be returned by servers
//   that support both IMAPrev1 and IMAPrev2." A server that does support both may keep
//   sending it after ENABLE IMAP4rev2 (Appendix A: "With the exception of obsolete SEARCH and
//   RECENT responses, servers advertising both IMAP4rev1 and IMAP4rev2 would never return
//   such removed response data items/responses"; §6.3.2: "IMAP4rev1-compliant servers can
//   also send the untagged RECENT response"). So it is reported only from a server that
//   offers IMAP4rev2 without IMAP4rev1. The restriction is worded without an RFC 2119
//   keyword: a warning.
// - The \Recent flag in FETCH FLAGS: §9 flag-fetch = flag / obsolete-flag-recent keeps it in
//   the IMAP4rev2 grammar; it is only deprecated. Reported as info while IMAP4rev2 is in force.
#include "checks/rule.h"

namespace imapscope::checks {
namespace {

// The FLAGS list of a FETCH response's msg-att, when it has one.
const analyzer::Arg* fetch_flags(const analyzer::Response& r) {
  if (r.args.empty() || r.args[0].kind != analyzer::ArgKind::kList) return nullptr;
  const std::vector<analyzer::Arg>& items = r.args[0].children;
  for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
    if (items[i].is_atom("FLAGS") && items[i + 1].kind == analyzer::ArgKind::kList) {
      return &items[i + 1];
    }
  }
  return nullptr;
}

class Rev2RecentSent final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"rev2.recent-sent", Severity::kWarning, Side::kServer,
                                  "RFC 9051 §9 (obsolete-recent-response), §2.3.2, Appendix A, "
                                  "Appendix E",
                                  "RECENT response from an IMAP4rev2-only server (warning), or "
                                  "the deprecated \\Recent flag in FETCH while IMAP4rev2 is in "
                                  "force (info)"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.kind != analyzer::ResponseKind::kUntaggedNumber || !session().imap4rev2_in_force()) {
      return;
    }
    if (r.name == "RECENT") {
      if (session().has_capability("IMAP4rev1")) return;  // allowed from a dual server
      ctx().report(kInfo, info,
                   "untagged RECENT from a server that offers IMAP4rev2 but not IMAP4rev1; the "
                   "obsolete RECENT response can only be returned by servers that support both");
      return;
    }
    if (r.name != "FETCH") return;
    const analyzer::Arg* flags = fetch_flags(r);
    if (flags == nullptr) return;
    for (const analyzer::Arg& f : flags->children) {
      if (!f.is_atom("\\RECENT")) continue;
      ctx().report(kInfo, info,
                   "FETCH FLAGS of message " + std::to_string(r.number) +
                       " include \\Recent, which IMAP4rev2 deprecates",
                   {}, Severity::kInfo);
      return;
    }
  }
};
IMAPSCOPE_RULE(Rev2RecentSent);

}  // namespace
}  // namespace imapscope::checks
