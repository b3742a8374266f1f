// mailbox.* — RFC 9051 §6.3.4 CREATE ("It is an error to attempt to create INBOX or a
// mailbox with a name that refers to an extant mailbox"), §6.3.6 RENAME, §6.3.5 DELETE ("It
// is an error to attempt to delete INBOX or a mailbox name that does not exist").
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

bool listed(ScenarioContext& s, const std::string& name) {
  Reply r = s.run("LIST \"\" " + quoted(name));
  s.expect_ok(r);
  return !r.data("LIST").empty();
}

void create_rename_delete(ScenarioContext& s) {
  const std::string a = s.create_mailbox("lifecycle-a");
  s.expect(listed(s, a), "a created mailbox must be listed: " + a);
  const std::string b = s.child("lifecycle-b");
  s.expect_ok(s.run("RENAME " + quoted(a) + " " + quoted(b)));
  s.expect(!listed(s, a) && listed(s, b), "after RENAME only the new name exists");
  s.expect_ok(s.run("DELETE " + quoted(b)));
  s.expect(!listed(s, b), "a deleted mailbox must no longer be listed: " + b);
}

void delete_missing(ScenarioContext& s) {
  s.expect_status(s.run("DELETE " + quoted(s.child("no-such-mailbox"))), analyzer::Status::kNo);
}

void create_existing(ScenarioContext& s) {
  s.expect_status(s.run("CREATE " + quoted(s.root())), analyzer::Status::kNo);
}

void rename_missing(ScenarioContext& s) {
  s.expect_status(
      s.run("RENAME " + quoted(s.child("no-such-mailbox")) + " " + quoted(s.child("renamed"))),
      analyzer::Status::kNo);
}

IMAPSCOPE_SCENARIO(create_rename_delete, "mailbox.create-rename-delete",
                   "RFC 9051 §6.3.4, §6.3.5, §6.3.6",
                   "CREATE, RENAME and DELETE of probe mailboxes, checked with LIST", "",
                   Phase::kAuthenticated, 50);
IMAPSCOPE_SCENARIO(delete_missing, "mailbox.delete-missing", "RFC 9051 §6.3.5",
                   "DELETE of a mailbox that does not exist gets NO", "", Phase::kAuthenticated,
                   51);
IMAPSCOPE_SCENARIO(create_existing, "mailbox.create-existing", "RFC 9051 §6.3.4",
                   "CREATE of an existing mailbox gets NO", "", Phase::kAuthenticated, 52);
IMAPSCOPE_SCENARIO(rename_missing, "mailbox.rename-missing", "RFC 9051 §6.3.6",
                   "RENAME of a mailbox that does not exist gets NO", "", Phase::kAuthenticated,
                   53);

}  // namespace
}  // namespace imapscope::probe
