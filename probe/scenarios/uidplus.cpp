// uid.uidplus — RFC 4315 §3 (UIDPLUS, part of RFC 9051 §6.3.12, §6.4.7): APPEND answers
// [APPENDUID uidvalidity uid], COPY [COPYUID uidvalidity source-uids dest-uids]; UID FETCH,
// UID STORE and UID SEARCH address messages by those UIDs; UID EXPUNGE (RFC 4315 §2.1,
// RFC 9051 §6.4.9) removes only the given UID.
#include "analyzer/message_data.h"
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void uidplus(ScenarioContext& s) {
  const std::string box = s.create_mailbox("uid");
  const std::string dest = s.create_mailbox("uid-dest");
  std::vector<std::string> uids;
  for (const char* subject : {"uid-1", "uid-2"}) {
    Reply r = s.append(box, test_message(subject));
    const analyzer::ResponseCode* code = r.code("APPENDUID");
    s.expect(code != nullptr,
             "APPEND answers OK [APPENDUID uidvalidity uid], the server said " + r.words());
    uids.emplace_back(analyzer::code_word(code->text, 1));
    s.expect(analyzer::read_number(uids.back()).value_or(0) > 0, "APPENDUID names a UID");
  }
  s.select(box);
  Reply fetch = s.run("UID FETCH " + uids[1] + " (UID RFC822.SIZE)");
  s.expect_ok(fetch);
  const ServerResponse* f = fetch_of(fetch, 2);
  s.expect(f != nullptr, "UID FETCH of the second APPENDUID's UID returns message 2");
  const analyzer::FetchData d = analyzer::read_fetch(f->response, f->message);
  s.expect(
      d.uid && std::to_string(*d.uid) == uids[1],
      "UID FETCH includes the UID item (RFC 9051 §6.4.9), the server said '" + f->words() + "'");
  Reply store = s.run("UID STORE " + uids[0] + " +FLAGS (\\Flagged)");
  s.expect_ok(store);
  Reply search = s.run("UID SEARCH FLAGGED");
  s.expect_ok(search);
  s.expect(search_result(search) == std::vector<std::uint32_t>{static_cast<std::uint32_t>(
                                        analyzer::read_number(uids[0]).value_or(0))},
           "UID SEARCH FLAGGED returns the flagged message's UID " + uids[0]);
  Reply copy = s.run("UID COPY " + uids[0] + " " + quoted(dest));
  s.expect_ok(copy);
  s.expect(copy.code("COPYUID") != nullptr &&
               analyzer::code_word(copy.code("COPYUID")->text, 1) == uids[0],
           "UID COPY answers OK [COPYUID uidvalidity " + uids[0] + " n], the server said " +
               copy.words());
  s.expect_ok(s.run("STORE 1:2 +FLAGS.SILENT (\\Deleted)"));
  Reply expunge = s.run("UID EXPUNGE " + uids[1]);
  s.expect_ok(expunge);
  s.expect(expunged(expunge) == std::vector<std::uint32_t>{2},
           "UID EXPUNGE of message 2's UID expunges message 2 only, though 1 is \\Deleted too");
  s.expect_ok(s.run("CLOSE"));
}

IMAPSCOPE_SCENARIO(uidplus, "uid.uidplus", "RFC 4315 §2.1, §3; RFC 9051 §6.4.9",
                   "APPENDUID, COPYUID, UID FETCH/STORE/SEARCH/COPY and UID EXPUNGE", "UIDPLUS",
                   Phase::kAuthenticated, 120);

}  // namespace
}  // namespace imapscope::probe
