// list.special-use, create.special-use — RFC 6154 §2: with the SPECIAL-USE capability, "If the
// client specifies the 'SPECIAL-USE' selection option, the LIST command MUST return only those
// mailboxes that have a special-use attribute set. If the client specifies the 'SPECIAL-USE'
// return option, the LIST command MUST return the new special-use attributes on those
// mailboxes that have them set." §3: with CREATE-SPECIAL-USE, CREATE takes a USE parameter;
// when the server cannot give the use "it MUST NOT create the mailbox, and MUST respond ...
// with a tagged NO".
#include <map>
#include <set>

#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

// RFC 6154 §2: the special-use attributes.
bool is_special_use(std::string_view attribute) {
  for (const char* use :
       {"\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent", "\\Trash"})
    if (analyzer::iequals(attribute, use)) return true;
  return false;
}

// Mailbox name -> its special-use attributes, from the LIST responses of `r`.
std::map<std::string, std::set<std::string>> special_uses(ScenarioContext& s, const Reply& r) {
  std::map<std::string, std::set<std::string>> out;
  for (const ServerResponse* d : r.data("LIST")) {
    const auto& args = d->response.args;
    s.expect(args.size() >= 3 && args[0].kind == analyzer::ArgKind::kList,
             "LIST (attributes) delimiter name, the server said '" + d->words() + "'");
    std::set<std::string>& uses = out[string_value(*d, args[2])];
    for (const analyzer::Arg& a : args[0].children)
      if (is_special_use(a.text)) uses.insert(analyzer::to_upper(a.text));
  }
  return out;
}

std::string shown(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& n : names)
    out += (out.empty() ? "" : ", ") + n;
  return "[" + out + "]";
}

void list_special_use(ScenarioContext& s) {
  // A mailbox created without USE has no special use: the probe knows one answer for sure.
  const std::string plain = s.create_mailbox("special-none");
  Reply all = s.run("LIST \"\" \"*\" RETURN (SPECIAL-USE)");
  s.expect_ok(all);
  const auto returned = special_uses(s, all);
  s.expect(returned.count(plain) == 1,
           "LIST \"\" \"*\" RETURN (SPECIAL-USE) lists the probe's mailbox " + plain);
  s.expect(returned.at(plain).empty(),
           "a mailbox created without USE has no special-use attribute, the server gave " + plain +
               " " + shown(returned.at(plain)));
  std::set<std::string> with_use;
  for (const auto& [name, uses] : returned)
    if (!uses.empty()) with_use.insert(name);
  Reply selected = s.run("LIST (SPECIAL-USE) \"\" \"*\"");
  s.expect_ok(selected);
  std::set<std::string> selection;
  for (const auto& [name, uses] : special_uses(s, selected)) {
    // "The 'SPECIAL-USE' return option is implied by the 'SPECIAL-USE' selection option."
    s.expect(!uses.empty(),
             "LIST (SPECIAL-USE) returns only mailboxes with a special-use "
             "attribute, and with it (RFC 6154 §2); " +
                 name + " has none");
    selection.insert(name);
  }
  s.expect(selection == with_use,
           "LIST (SPECIAL-USE) returns exactly the mailboxes RETURN (SPECIAL-USE) marks: " +
               shown(selection) + " against " + shown(with_use));
}

void create_special_use(ScenarioContext& s) {
  Reply all = s.run("LIST \"\" \"*\" RETURN (SPECIAL-USE)");
  s.expect_ok(all);
  std::set<std::string> taken;
  for (const auto& [name, uses] : special_uses(s, all))
    taken.insert(uses.begin(), uses.end());
  // RFC 6154 §3: creating a use that exists "might have the effect of moving the special use
  // from the old mailbox to the new one", and \Junk or \All may start server actions: the probe
  // only gives a plain use no mailbox has.
  std::string use;
  for (const char* candidate : {"\\Archive", "\\Drafts", "\\Sent", "\\Trash"})
    if (use.empty() && !taken.count(analyzer::to_upper(candidate))) use = candidate;
  if (use.empty())
    throw ScenarioSkipped("every special use the probe could give is taken; another could move it");
  const std::string box = s.child("special-use");
  Reply created = s.run("CREATE " + quoted(box) + " (USE (" + use + "))");
  Reply listed = s.run("LIST \"\" " + quoted(box) + " RETURN (SPECIAL-USE)");
  s.expect_ok(listed);
  const auto got = special_uses(s, listed);
  if (created.status() == analyzer::Status::kNo) {
    s.expect(got.empty(), "a CREATE refused with NO MUST NOT create the mailbox (RFC 6154 §3)");
    return;
  }
  s.expect_ok(created);
  s.expect(got.count(box) == 1 && got.at(box).count(analyzer::to_upper(use)) == 1,
           "CREATE " + box + " (USE (" + use + ")) gives it the attribute " + use +
               " in LIST RETURN (SPECIAL-USE)");
}

IMAPSCOPE_SCENARIO(list_special_use, "list.special-use", "RFC 6154 §2; RFC 5258 §3",
                   "LIST RETURN (SPECIAL-USE) and LIST (SPECIAL-USE) agree, and a probe mailbox "
                   "has no special use",
                   "SPECIAL-USE", Phase::kAuthenticated, 41);
IMAPSCOPE_SCENARIO(create_special_use, "list.create-special-use", "RFC 6154 §3",
                   "CREATE with USE of a special use no mailbox has, checked with LIST",
                   "CREATE-SPECIAL-USE", Phase::kAuthenticated, 42);

}  // namespace
}  // namespace imapscope::probe
