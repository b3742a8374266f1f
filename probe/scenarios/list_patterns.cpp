// list.patterns — RFC 9051 §6.3.9: LIST returns the names matching the pattern, "%" not
// crossing a hierarchy delimiter and "*" crossing it; LIST "" "" returns the delimiter;
// INBOX always exists for a logged-in user (§5.1).
#include <algorithm>

#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

std::vector<std::string> names(const Reply& r) {
  std::vector<std::string> out;
  for (const ServerResponse* d : r.data("LIST"))
    if (d->response.args.size() >= 3) out.push_back(string_value(*d, d->response.args[2]));
  std::sort(out.begin(), out.end());
  return out;
}

std::string shown(const std::vector<std::string>& v) {
  std::string out = "[";
  for (const std::string& n : v)
    out += (out.size() > 1 ? ", " : "") + n;
  return out + "]";
}

void list_patterns(ScenarioContext& s) {
  const std::string a = s.create_mailbox("list-a");
  const std::string b = s.create_mailbox("list-a" + std::string(1, s.delimiter()) + "b");
  Reply inbox = s.run("LIST \"\" INBOX");
  s.expect_ok(inbox);
  s.expect(names(inbox).size() == 1, "LIST \"\" INBOX must return INBOX (RFC 9051 §5.1)");
  Reply percent = s.run("LIST \"\" " + quoted(s.root() + s.delimiter() + "%"));
  s.expect_ok(percent);
  s.expect(names(percent) == std::vector<std::string>{a},
           "'%' must match one level: expected [" + a + "], got " + shown(names(percent)));
  Reply star = s.run("LIST \"\" " + quoted(s.root() + s.delimiter() + "*"));
  s.expect_ok(star);
  std::vector<std::string> want{a, b};
  std::sort(want.begin(), want.end());
  s.expect(names(star) == want,
           "'*' must match every level: expected " + shown(want) + ", got " + shown(names(star)));
  Reply none = s.run("LIST \"\" " + quoted(s.root() + s.delimiter() + "no-such-%"));
  s.expect_ok(none);
  s.expect(names(none).empty(), "a pattern matching nothing returns no LIST response");
  // The reference argument is prefixed to the pattern (§6.3.9).
  Reply ref = s.run("LIST " + quoted(a + s.delimiter()) + " %");
  s.expect_ok(ref);
  s.expect(names(ref) == std::vector<std::string>{b},
           "LIST with a reference: expected [" + b + "], got " + shown(names(ref)));
}

IMAPSCOPE_SCENARIO(list_patterns, "list.patterns", "RFC 9051 §6.3.9, §5.1",
                   "LIST with %, * and a reference returns exactly the matching probe mailboxes",
                   "", Phase::kAuthenticated, 40);

}  // namespace
}  // namespace imapscope::probe
