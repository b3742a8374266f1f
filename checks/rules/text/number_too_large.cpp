// text.number-too-large — RFC 9051 §9: "Note: [ABNF] rules MUST be followed strictly". A FETCH
// UID is a uniqueid = nz-number, "Non-zero unsigned 32-bit integer (0 < n < 4,294,967,296)";
// RFC822.SIZE is a number64 in RFC 9051 ("Unsigned 63-bit integer") but a 32-bit number in
// RFC 3501 §9; a MODSEQ is a mod-sequence-value, "Positive unsigned 63-bit integer
// (1 <= n <= 9,223,372,036,854,775,807)" (RFC 7162 §7).
#include <string>

#include "checks/rule.h"

namespace imapscope::checks {
namespace {

constexpr std::string_view k32Max = "4294967295";
constexpr std::string_view k63Max = "9223372036854775807";

// Whether the digit string `s` (no sign) exceeds the decimal `max`.
bool exceeds(std::string_view s, std::string_view max) {
  while (s.size() > 1 && s.front() == '0')
    s.remove_prefix(1);
  if (s.size() != max.size()) return s.size() > max.size();
  return s > max;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

class TextNumberTooLarge final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"text.number-too-large", Severity::kError, Side::kServer,
                                  "RFC 9051 §9, RFC 7162 §7",
                                  "FETCH UID, RFC822.SIZE or MODSEQ value above its "
                                  "32-bit or 63-bit range"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kFetch};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.name != "FETCH" || r.args.empty() || r.args[0].kind != analyzer::ArgKind::kList) return;
    const std::vector<analyzer::Arg>& items = r.args[0].children;
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
      const analyzer::Arg& name = items[i];
      const analyzer::Arg& value = items[i + 1];
      if (name.is_atom("UID")) {
        check(info, "UID", value, k32Max, "an unsigned 32-bit number");
      } else if (name.is_atom("RFC822.SIZE")) {
        if (session().imap4rev2_in_force()) {
          check(info, "RFC822.SIZE", value, k63Max, "an unsigned 63-bit number");
        } else {
          check(info, "RFC822.SIZE", value, k32Max, "an unsigned 32-bit number");
        }
      } else if (name.is_atom("MODSEQ") && value.kind == analyzer::ArgKind::kList &&
                 value.children.size() == 1) {
        check(info, "MODSEQ", value.children[0], k63Max, "an unsigned 63-bit number");
      }
    }
  }

 private:
  void check(const analyzer::MessageInfo& info, std::string_view item, const analyzer::Arg& value,
             std::string_view max, std::string_view range) {
    if (value.kind != analyzer::ArgKind::kAtom || !all_digits(value.text)) return;
    if (!exceeds(value.text, max)) return;
    ctx().report(kInfo, info,
                 "FETCH " + std::string(item) + " " + std::string(value.text) + " is not " +
                     std::string(range) + " (at most " + std::string(max) + ")");
  }
};
IMAPSCOPE_RULE(TextNumberTooLarge);

}  // namespace
}  // namespace imapscope::checks
