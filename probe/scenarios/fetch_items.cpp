// fetch.items — RFC 9051 §6.4.5 and §7.5.2: FETCH returns the items asked for, matching what
// was appended: FLAGS, UID, INTERNALDATE, RFC822.SIZE, BODY[] octet for octet, header fields,
// a partial <origin.octets>, the ENVELOPE subject; BODY.PEEK does not set \Seen (§6.4.5).
#include "analyzer/message_data.h"
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

void fetch_items(ScenarioContext& s) {
  const std::string box = s.create_mailbox("fetch");
  const std::string m = test_message("fetch-items", "First line.\r\nSecond line.\r\n");
  s.append(box, m, "(\\Flagged)");
  s.select(box);
  Reply r = s.run("FETCH 1 (FLAGS UID INTERNALDATE RFC822.SIZE BODY.PEEK[] ENVELOPE)");
  s.expect_ok(r);
  const ServerResponse* f = fetch_of(r, 1);
  s.expect(f != nullptr, "a FETCH response for message 1");
  const std::string said = ", the server said '" + f->words() + "'";
  const analyzer::FetchData d = analyzer::read_fetch(f->response, f->message);
  s.expect(d.uid && *d.uid > 0, "a non-zero UID" + said);
  s.expect(d.internaldate.has_value(), "INTERNALDATE" + said);
  s.expect(d.rfc822_size == m.size(), "RFC822.SIZE " + std::to_string(m.size()) + said);
  bool flagged = false, seen = false;
  for (std::string_view flag : d.flags.value_or(std::vector<std::string_view>{})) {
    flagged = flagged || analyzer::iequals(flag, "\\Flagged");
    seen = seen || analyzer::iequals(flag, "\\Seen");
  }
  s.expect(flagged, "FLAGS with \\Flagged as appended" + said);
  s.expect(!seen, "no \\Seen: BODY.PEEK must not set it" + said);
  const analyzer::Arg* body = fetch_item(*f, "BODY[]");
  s.expect(body != nullptr && string_value(*f, *body) == m,
           "BODY[] must equal the appended message byte for byte");
  const analyzer::Arg* envelope = fetch_item(*f, "ENVELOPE");
  s.expect(envelope != nullptr && envelope->kind == analyzer::ArgKind::kList &&
               envelope->children.size() == 10 &&
               string_value(*f, envelope->children[1]) == "fetch-items",
           "ENVELOPE is a 10-item list with the subject 'fetch-items' (RFC 9051 §7.5.2)");
  Reply part =
      s.run("FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT)] BODY.PEEK[TEXT] BODY.PEEK[]<6.8>)");
  s.expect_ok(part);
  const ServerResponse* p = fetch_of(part, 1);
  s.expect(p != nullptr, "a FETCH response for message 1");
  const analyzer::Arg* subject = fetch_item(*p, "BODY[HEADER.FIELDS (SUBJECT)]");
  s.expect(subject != nullptr && string_value(*p, *subject) == "Subject: fetch-items\r\n\r\n",
           "BODY[HEADER.FIELDS (SUBJECT)] is the Subject line and the blank line, the server "
           "said '" +
               p->words() + "'");
  const analyzer::Arg* text = fetch_item(*p, "BODY[TEXT]");
  s.expect(text != nullptr && string_value(*p, *text) == "First line.\r\nSecond line.\r\n",
           "BODY[TEXT] is the body after the blank line");
  const analyzer::Arg* partial = fetch_item(*p, "BODY[]<6>");
  s.expect(partial != nullptr && string_value(*p, *partial) == m.substr(6, 8),
           "BODY[]<6.8> returns as BODY[]<6> the 8 octets from offset 6 (RFC 9051 §6.4.5)");
  Reply flags = s.run("FETCH 1 (FLAGS)");
  s.expect_ok(flags);
  const ServerResponse* after = fetch_of(flags, 1);
  s.expect(after != nullptr && after->words().find("\\Seen") == std::string::npos,
           "BODY.PEEK must not set \\Seen");
  s.expect_ok(s.run("CLOSE"));
}

IMAPSCOPE_SCENARIO(fetch_items, "fetch.items", "RFC 9051 §6.4.5, §7.5.2",
                   "FETCH FLAGS, UID, INTERNALDATE, RFC822.SIZE, ENVELOPE, BODY sections and "
                   "partials match the appended message",
                   "", Phase::kAuthenticated, 90);

}  // namespace
}  // namespace imapscope::probe
