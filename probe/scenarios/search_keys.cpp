// search.keys — RFC 9051 §6.4.4: SEARCH returns exactly the messages matching the keys. Three
// known messages (subjects, flags, sizes) are searched with ALL, SUBJECT, FLAGGED, UNSEEN,
// NOT, OR, LARGER, HEADER and a sequence set, and the answers compared.
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

std::string shown(const std::vector<std::uint32_t>& v) {
  std::string out = "(";
  for (std::uint32_t n : v)
    out += (out.size() > 1 ? " " : "") + std::to_string(n);
  return out + ")";
}

void search_keys(ScenarioContext& s) {
  const std::string box = s.create_mailbox("search");
  s.append(box, test_message("search-alpha"), "(\\Flagged)");
  s.append(box, test_message("search-beta", std::string(2000, 'x') + "\r\n"), "(\\Seen)");
  s.append(box, test_message("search-gamma"));
  s.select(box, true);
  const struct {
    const char* keys;
    std::vector<std::uint32_t> want;
  } cases[] = {
      {"ALL", {1, 2, 3}},        {"SUBJECT \"search-beta\"", {2}},
      {"FLAGGED", {1}},          {"UNSEEN", {1, 3}},
      {"NOT SEEN", {1, 3}},      {"OR FLAGGED SEEN", {1, 2}},
      {"LARGER 1500", {2}},      {"HEADER Message-ID search-gamma", {3}},
      {"2:3 UNFLAGGED", {2, 3}}, {"SUBJECT \"no-such-subject\"", {}},
  };
  for (const auto& c : cases) {
    Reply r = s.run(std::string("SEARCH ") + c.keys);
    s.expect_ok(r);
    const std::vector<std::uint32_t> got = search_result(r);
    s.expect(got == c.want, std::string("SEARCH ") + c.keys + " must find " + shown(c.want) +
                                ", the server found " + shown(got));
  }
  s.expect_ok(s.run("CLOSE"));
}

IMAPSCOPE_SCENARIO(search_keys, "search.keys", "RFC 9051 §6.4.4",
                   "SEARCH with ALL, SUBJECT, FLAGGED, UNSEEN, NOT, OR, LARGER, HEADER and a "
                   "sequence set finds exactly the known messages",
                   "", Phase::kAuthenticated, 110);

}  // namespace
}  // namespace imapscope::probe
