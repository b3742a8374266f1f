// store.flags — RFC 9051 §6.4.6: STORE +FLAGS / -FLAGS / FLAGS answer with the new flags in
// an untagged FETCH; 'A suffix of ".SILENT" in the data item name prevents the untagged
// FETCH' (Cyrus sends it all the same).
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

bool has_flag(const ServerResponse* f, std::string_view flag) {
  if (f == nullptr) return false;
  const analyzer::Arg* flags = fetch_item(*f, "FLAGS");
  if (flags == nullptr) return false;
  for (const analyzer::Arg& a : flags->children)
    if (analyzer::iequals(a.text, flag)) return true;
  return false;
}

void store_flags(ScenarioContext& s) {
  const std::string box = s.create_mailbox("store");
  s.append(box, test_message("store"));
  s.select(box);
  Reply plus = s.run("STORE 1 +FLAGS (\\Flagged)");
  s.expect_ok(plus);
  s.expect(has_flag(fetch_of(plus, 1), "\\Flagged"),
           "STORE +FLAGS answers * 1 FETCH (FLAGS (... \\Flagged ...))");
  Reply minus = s.run("STORE 1 -FLAGS (\\Flagged)");
  s.expect_ok(minus);
  s.expect(fetch_of(minus, 1) != nullptr && !has_flag(fetch_of(minus, 1), "\\Flagged"),
           "STORE -FLAGS answers * 1 FETCH with \\Flagged gone");
  Reply replace = s.run("STORE 1 FLAGS (\\Answered $Probe)");
  s.expect_ok(replace);
  s.expect(has_flag(fetch_of(replace, 1), "\\Answered"), "STORE FLAGS sets the given flags");
  Reply silent = s.run("STORE 1 +FLAGS.SILENT (\\Draft)");
  s.expect_ok(silent);
  s.expect(fetch_of(silent, 1) == nullptr,
           "STORE +FLAGS.SILENT sends no untagged FETCH (\".SILENT\" prevents it, RFC 9051 "
           "§6.4.6)");
  Reply check = s.run("FETCH 1 (FLAGS)");
  s.expect_ok(check);
  s.expect(has_flag(fetch_of(check, 1), "\\Draft") && has_flag(fetch_of(check, 1), "\\Answered"),
           "after .SILENT the flags are set all the same");
  s.expect_ok(s.run("CLOSE"));
}

IMAPSCOPE_SCENARIO(store_flags, "store.flags", "RFC 9051 §6.4.6",
                   "STORE +FLAGS, -FLAGS, FLAGS and .SILENT with the FETCH responses that follow",
                   "", Phase::kAuthenticated, 100);

}  // namespace
}  // namespace imapscope::probe
