// append.* — RFC 9051 §6.3.12 APPEND: the message is stored as sent (the probe reads it back
// byte for byte), with the flags and date-time given; a synchronizing literal waits for "+"
// (§7.6), LITERAL+ does not (RFC 7888 §4); to a missing mailbox the server "MUST return an
// error, and MUST NOT automatically create the mailbox ... MUST send the response code
// [TRYCREATE]" unless it is certain the mailbox cannot be created.
#include "analyzer/message_data.h"
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

// Reads message `n` of `box` back and compares it with `sent`.
void expect_stored(ScenarioContext& s, const std::string& box, std::uint32_t n,
                   const std::string& sent) {
  s.select(box, true);
  const std::string number = std::to_string(n);
  Reply r = s.run("FETCH " + number + " (RFC822.SIZE BODY.PEEK[])");
  s.expect_ok(r);
  const ServerResponse* f = fetch_of(r, n);
  s.expect(f != nullptr, "a FETCH response for message " + number);
  const analyzer::Arg* body = fetch_item(*f, "BODY[]");
  s.expect(body != nullptr, "BODY[] in the FETCH response, the server said '" + f->words() + "'");
  const std::string got = string_value(*f, *body);
  s.expect(got == sent, "the stored message must equal the appended one byte for byte (" +
                            std::to_string(sent.size()) + " octets sent, " +
                            std::to_string(got.size()) + " fetched)");
  const analyzer::FetchData d = analyzer::read_fetch(f->response, f->message);
  s.expect(d.rfc822_size == sent.size(), "RFC822.SIZE must be the appended size " +
                                             std::to_string(sent.size()) + ", the server said '" +
                                             f->words() + "'");
  s.expect_ok(s.run("CLOSE"));
}

void append_sync(ScenarioContext& s) {
  const std::string box = s.create_mailbox("append-sync");
  const std::string m = test_message("append-sync");
  s.append(box, m, {}, LiteralMode::kSynchronizing);
  expect_stored(s, box, 1, m);
}

void append_literal_plus(ScenarioContext& s) {
  const std::string box = s.create_mailbox("append-plus");
  const std::string m = test_message("append-plus");
  s.append(box, m, {}, LiteralMode::kNonSynchronizing);
  expect_stored(s, box, 1, m);
}

void append_flags_date(ScenarioContext& s) {
  const std::string box = s.create_mailbox("append-flags");
  s.append(box, test_message("append-flags"), "(\\Seen \\Flagged) \"05-Jan-2026 12:34:56 +0000\"");
  s.select(box, true);
  Reply r = s.run("FETCH 1 (FLAGS INTERNALDATE)");
  s.expect_ok(r);
  const ServerResponse* f = fetch_of(r, 1);
  s.expect(f != nullptr, "a FETCH response for message 1");
  const analyzer::FetchData d = analyzer::read_fetch(f->response, f->message);
  const auto has_flag = [&](std::string_view flag) {
    if (!d.flags) return false;
    for (std::string_view x : *d.flags)
      if (analyzer::iequals(x, flag)) return true;
    return false;
  };
  s.expect(has_flag("\\Seen") && has_flag("\\Flagged"),
           "the flags given to APPEND must be set, the server said '" + f->words() + "'");
  s.expect(
      d.internaldate && (*d.internaldate == "05-Jan-2026 12:34:56 +0000" ||
                         *d.internaldate == " 5-Jan-2026 12:34:56 +0000"),
      "INTERNALDATE must be the date-time given to APPEND, the server said '" + f->words() + "'");
  s.expect_ok(s.run("CLOSE"));
}

void append_multipart(ScenarioContext& s) {
  const std::string box = s.create_mailbox("append-mime");
  const std::string m =
      "From: imapscope probe <probe@example.invalid>\r\n"
      "To: probe@example.invalid\r\n"
      "Subject: append-mime\r\n"
      "Date: Mon, 23 Nov 2026 20:00:00 +0000\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=\"=_imapscope\"\r\n"
      "\r\n"
      "--=_imapscope\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: 8bit\r\n"
      "\r\n"
      "Gr\xc3\xbc\xc3\x9f"
      "e, 8-bit text.\r\n"
      "--=_imapscope\r\n"
      "Content-Type: application/octet-stream\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n"
      "aW1hcHNjb3BlIHByb2JlIGF0dGFjaG1lbnQ=\r\n"
      "--=_imapscope--\r\n";
  s.append(box, m);
  expect_stored(s, box, 1, m);
  s.select(box, true);
  Reply r = s.run("FETCH 1 (BODY.PEEK[2])");
  s.expect_ok(r);
  const ServerResponse* f = fetch_of(r, 1);
  s.expect(f != nullptr, "a FETCH response for message 1");
  const analyzer::Arg* part = fetch_item(*f, "BODY[2]");
  s.expect(part != nullptr && string_value(*f, *part) == "aW1hcHNjb3BlIHByb2JlIGF0dGFjaG1lbnQ=",
           "BODY[2] must be the second part's body, the server said '" + f->words() + "'");
  // RFC 9051 §7.5.2 / §9: body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]; each
  // body-type-1part starts with its media type and subtype and has its encoding sixth and its
  // size in octets seventh — without the CRLF before the next boundary, which belongs to the
  // boundary (RFC 2046 §5.1.1).
  Reply bs = s.run("FETCH 1 (BODYSTRUCTURE)");
  s.expect_ok(bs);
  const ServerResponse* b = fetch_of(bs, 1);
  s.expect(b != nullptr, "a FETCH response for message 1");
  const std::string said = ", the server said '" + b->words() + "'";
  const analyzer::Arg* structure = fetch_item(*b, "BODYSTRUCTURE");
  s.expect(structure != nullptr && structure->kind == analyzer::ArgKind::kList &&
               structure->children.size() >= 3,
           "BODYSTRUCTURE of the two-part message is a multipart list" + said);
  const auto& parts = structure->children;
  const auto is = [&](const analyzer::Arg& a, std::string_view want) {
    return a.kind == analyzer::ArgKind::kQuoted && analyzer::iequals(string_value(*b, a), want);
  };
  const auto single_part = [&](const analyzer::Arg& p, std::string_view type,
                               std::string_view subtype, std::string_view encoding,
                               std::size_t size) {
    return p.kind == analyzer::ArgKind::kList && p.children.size() >= 7 &&
           is(p.children[0], type) && is(p.children[1], subtype) && is(p.children[5], encoding) &&
           analyzer::read_number(p.children[6].text) == std::uint64_t{size};
  };
  s.expect(single_part(parts[0], "text", "plain", "8bit", 20),
           "the first part is text/plain, 8bit, 20 octets (RFC 9051 §7.5.2)" + said);
  s.expect(single_part(parts[1], "application", "octet-stream", "base64", 36),
           "the second part is application/octet-stream, base64, 36 octets" + said);
  s.expect(is(parts[2], "mixed"), "the multipart subtype is \"mixed\"" + said);
  s.expect_ok(s.run("CLOSE"));
}

void append_trycreate(ScenarioContext& s) {
  // With LITERAL+ when offered: a synchronizing literal refused by a tagged NO leaves the
  // command unfinished for the analyzer, which cannot know the octets will not follow.
  Reply r = s.run(
      {"APPEND " + quoted(s.child("no-such-mailbox")) + " ", test_message("append-trycreate"), ""});
  s.expect_status(r, analyzer::Status::kNo);
  s.expect(
      r.code("TRYCREATE") != nullptr,
      "NO [TRYCREATE] for APPEND to a mailbox that could be created, the server said " + r.words());
  Reply list = s.run("LIST \"\" " + quoted(s.child("no-such-mailbox")));
  s.expect(list.data("LIST").empty(), "APPEND MUST NOT create the mailbox");
}

IMAPSCOPE_SCENARIO(append_sync, "append.sync-literal", "RFC 9051 §6.3.12, §7.6",
                   "APPEND with a synchronizing literal, read back byte for byte", "",
                   Phase::kAuthenticated, 70);
IMAPSCOPE_SCENARIO(append_literal_plus, "append.literal-plus", "RFC 7888 §4; RFC 9051 §6.3.12",
                   "APPEND with a non-synchronizing literal, read back byte for byte",
                   "LITERAL+|LITERAL-", Phase::kAuthenticated, 71);
IMAPSCOPE_SCENARIO(append_flags_date, "append.flags-date", "RFC 9051 §6.3.12",
                   "APPEND with flags and a date-time sets them", "", Phase::kAuthenticated, 72);
IMAPSCOPE_SCENARIO(append_multipart, "append.multipart", "RFC 9051 §6.3.12, §7.5.2; RFC 2046 §5.1",
                   "APPEND of a multipart MIME message with 8-bit text; BODY[2] and BODYSTRUCTURE",
                   "", Phase::kAuthenticated, 73);
IMAPSCOPE_SCENARIO(append_trycreate, "append.trycreate", "RFC 9051 §6.3.12",
                   "APPEND to a missing mailbox gets NO [TRYCREATE] and creates nothing", "",
                   Phase::kAuthenticated, 74);

}  // namespace
}  // namespace imapscope::probe
