// Known-answer tests of the typed FETCH response (RFC 9051 §7.5.2): the RFCs' own examples
// read to the structure their text describes.
#include "analyzer/typed/fetch_response.h"

#include <gtest/gtest.h>

#include "tests/analyzer/typed/typed_test_support.h"

namespace imapscope::testing {
namespace {

using analyzer::typed::BodyStructure;
using analyzer::typed::FetchResponse;
using analyzer::typed::ImapString;
using analyzer::typed::read_fetch_response;

// RFC 9051 §8 (Sample IMAP4rev2 Connection), "a003 fetch 12 full", its line breaks joined.
constexpr std::string_view kRfc9051Full =
    R"x(* 12 FETCH (FLAGS (\Seen) INTERNALDATE "17-Jul-1996 02:44:25 -0700" RFC822.SIZE 4286 )x"
    R"x(ENVELOPE ("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev2 WG mtg summary and minutes" )x"
    R"x((("Terry Gray" NIL "gray" "cac.washington.edu")) )x"
    R"x((("Terry Gray" NIL "gray" "cac.washington.edu")) )x"
    R"x((("Terry Gray" NIL "gray" "cac.washington.edu")) )x"
    R"x(((NIL NIL "imap" "cac.washington.edu")) )x"
    R"x(((NIL NIL "minutes" "CNRI.Reston.VA.US")("John Klensin" NIL "KLENSIN" "MIT.EDU")) NIL NIL )x"
    R"x("<B27397-0100000@cac.washington.ed>") )x"
    R"x(BODY ("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92)))x";

TEST(TypedFetchResponse, Rfc9051SampleFullFetch) {
  auto p = parse_response_text(kRfc9051Full);
  ASSERT_TRUE(p->ok);
  const auto f = read_fetch_response(p->response, p->message);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->number, 12u);
  ASSERT_EQ(f->items.size(), 5u);

  ASSERT_TRUE(f->find("FLAGS") && f->find("FLAGS")->flags);
  EXPECT_EQ(*f->find("FLAGS")->flags, (std::vector<std::string_view>{"\\Seen"}));
  EXPECT_EQ(f->find("INTERNALDATE")->string->text, "17-Jul-1996 02:44:25 -0700");
  EXPECT_EQ(f->find("RFC822.SIZE")->number, 4286u);

  const auto& env = f->find("ENVELOPE")->envelope;
  ASSERT_TRUE(env);
  EXPECT_EQ(env->date.text, "Wed, 17 Jul 1996 02:23:25 -0700 (PDT)");
  EXPECT_EQ(env->subject.text, "IMAP4rev2 WG mtg summary and minutes");
  ASSERT_EQ(env->from.size(), 1u);
  EXPECT_EQ(env->from[0].name.text, "Terry Gray");
  EXPECT_TRUE(env->from[0].adl.nil());
  EXPECT_EQ(env->from[0].mailbox.text, "gray");
  EXPECT_EQ(env->from[0].host.text, "cac.washington.edu");
  EXPECT_EQ(env->sender, env->from);
  EXPECT_EQ(env->reply_to, env->from);
  ASSERT_EQ(env->to.size(), 1u);
  EXPECT_TRUE(env->to[0].name.nil());
  EXPECT_EQ(env->to[0].mailbox.text, "imap");
  ASSERT_EQ(env->cc.size(), 2u);
  EXPECT_EQ(env->cc[1].name.text, "John Klensin");
  EXPECT_EQ(env->cc[1].host.text, "MIT.EDU");
  EXPECT_TRUE(env->bcc.empty());
  EXPECT_TRUE(env->in_reply_to.nil());
  EXPECT_EQ(env->message_id.text, "<B27397-0100000@cac.washington.ed>");

  const auto& body = f->find("BODY")->body;
  ASSERT_TRUE(body);
  EXPECT_FALSE(body->multipart);
  EXPECT_TRUE(body->is_text());
  EXPECT_EQ(body->type.text, "TEXT");
  EXPECT_EQ(body->subtype.text, "PLAIN");
  ASSERT_EQ(body->parameters.size(), 1u);
  EXPECT_EQ(body->parameters[0].attribute.text, "CHARSET");
  EXPECT_EQ(body->parameters[0].value.text, "US-ASCII");
  EXPECT_TRUE(body->id.nil());
  EXPECT_TRUE(body->description.nil());
  EXPECT_EQ(body->encoding.text, "7BIT");
  EXPECT_EQ(body->octets, 3028u);
  EXPECT_EQ(body->lines, 92u);
  EXPECT_EQ(body->extension_fields, 0u);
}

// RFC 5550 §8.4: "I: * 161 FETCH (UID 25627 BODYSTRUCTURE (("TEXT" "PLAIN" ..." — a
// multipart/mixed whose two parts follow each other with no SP.
TEST(TypedFetchResponse, Rfc5550MultipartBodystructure) {
  auto p = parse_response_text(
      R"x(* 161 FETCH (UID 25627 BODYSTRUCTURE (("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL )x"
      R"x("7BIT" 1152 23)("TEXT" "PLAIN" ("CHARSET" "US-ASCII" "NAME" "trip.txt") )x"
      R"x("<960723163407.20117h@washington.example.com>" "Your trip details" "BASE64" 4554 73) )x"
      R"x("MIXED")))x");
  ASSERT_TRUE(p->ok);
  const auto f = read_fetch_response(p->response, p->message);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->find("UID")->number, 25627u);
  const auto& b = f->find("BODYSTRUCTURE")->body;
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->multipart);
  EXPECT_EQ(b->subtype.text, "MIXED");
  ASSERT_EQ(b->parts.size(), 2u);
  EXPECT_EQ(b->parts[0].octets, 1152u);
  EXPECT_EQ(b->parts[0].lines, 23u);
  const BodyStructure& trip = b->parts[1];
  ASSERT_EQ(trip.parameters.size(), 2u);
  EXPECT_EQ(trip.parameters[1].attribute.text, "NAME");
  EXPECT_EQ(trip.parameters[1].value.text, "trip.txt");
  EXPECT_EQ(trip.id.text, "<960723163407.20117h@washington.example.com>");
  EXPECT_EQ(trip.description.text, "Your trip details");
  EXPECT_EQ(trip.encoding.text, "BASE64");
  EXPECT_EQ(trip.octets, 4554u);
}

// A message/rfc822 part (body-type-msg: envelope, body, lines) inside a multipart, with every
// extension field of body-ext-1part and body-ext-mpart (RFC 9051 §9).
TEST(TypedFetchResponse, NestedMessageWithExtensionData) {
  auto p = parse_response_text(
      R"x(* 3 FETCH (BODYSTRUCTURE (("TEXT" "PLAIN" ("CHARSET" "UTF-8") NIL NIL "QUOTED-PRINTABLE" )x"
      R"x(120 4 "Q2hlY2tzdW0=" ("INLINE" NIL) ("en" "de") "http://x.test/a")("MESSAGE" "RFC822" )x"
      R"x(NIL NIL "forwarded" "7BIT" 420 ("Mon, 1 Jan 2024 00:00:00 +0000" "fw" NIL NIL NIL NIL )x"
      R"x(NIL NIL NIL "<m@x.test>") ("TEXT" "HTML" NIL NIL NIL "8BIT" 200 8) 14 NIL )x"
      R"x(("ATTACHMENT" ("FILENAME" "fw.eml")) "fr") "MIXED" ("BOUNDARY" "b1") NIL NIL NIL 7)))x");
  ASSERT_TRUE(p->ok) << p->error.expected << " at " << p->error.column << "\n" << p->message.text;
  const auto f = read_fetch_response(p->response, p->message);
  ASSERT_TRUE(f);
  const BodyStructure& b = *f->find("BODYSTRUCTURE")->body;
  ASSERT_EQ(b.parts.size(), 2u);
  EXPECT_EQ(b.parameters.size(), 1u);
  EXPECT_EQ(b.parameters[0].value.text, "b1");
  EXPECT_FALSE(b.disposition);
  EXPECT_EQ(b.extension_fields, 5u);  // param, dsp, lang, loc, one body-extension
  ASSERT_EQ(b.extensions.size(), 1u);
  EXPECT_EQ(b.extensions[0].arg->text, "7");

  const BodyStructure& text = b.parts[0];
  EXPECT_EQ(text.md5.text, "Q2hlY2tzdW0=");
  ASSERT_TRUE(text.disposition);
  EXPECT_EQ(text.disposition->type.text, "INLINE");
  EXPECT_TRUE(text.disposition->parameters.empty());
  EXPECT_TRUE(text.language_list);
  ASSERT_EQ(text.language.size(), 2u);
  EXPECT_EQ(text.language[1].text, "de");
  EXPECT_EQ(text.location.text, "http://x.test/a");

  const BodyStructure& msg = b.parts[1];
  EXPECT_TRUE(msg.is_message());
  ASSERT_TRUE(msg.envelope);
  EXPECT_EQ(msg.envelope->subject.text, "fw");
  EXPECT_EQ(msg.envelope->message_id.text, "<m@x.test>");
  ASSERT_EQ(msg.parts.size(), 1u);
  EXPECT_EQ(msg.parts[0].subtype.text, "HTML");
  EXPECT_EQ(msg.lines, 14u);
  EXPECT_TRUE(msg.md5.nil());
  EXPECT_EQ(msg.disposition->parameters[0].value.text, "fw.eml");
  EXPECT_FALSE(msg.language_list);
  EXPECT_EQ(msg.language[0].text, "fr");
  EXPECT_EQ(msg.extension_fields, 3u);
}

// RFC 9051 §8: "* 12 FETCH (BODY[HEADER] {342}" — the literal is referenced with its size, and
// a partial's origin is read (§7.5.2 "BODY[<section>]<<origin octet>>").
TEST(TypedFetchResponse, SectionsLiteralsAndPartials) {
  auto p = parse_response_text(
      R"x(* 12 FETCH (BODY[HEADER] {9}\r\nSubject:  BODY[1.2.HEADER.FIELDS (Date "From")]<0> "x" )x"
      R"x(BINARY[2] ~{3}\r\nabc BINARY.SIZE[2] 3 MODSEQ (624140003) UID 7 X-GM-LABELS (\Inbox) )x"
      R"x(X-GM-MSGID 1278455344230334865 EMAILID (M6d99ac3275bb4e) SAVEDATE NIL))x");
  ASSERT_TRUE(p->ok);
  const auto f = read_fetch_response(p->response, p->message);
  ASSERT_TRUE(f);
  ASSERT_EQ(f->items.size(), 10u);
  const auto& header = f->items[0];
  ASSERT_TRUE(header.att.section);
  EXPECT_EQ(header.att.section->text, "HEADER");
  EXPECT_EQ(header.string->form, ImapString::Form::kLiteral);
  EXPECT_EQ(header.string->size, 9u);
  EXPECT_EQ(header.string->text, "Subject: ");
  // The literal's octets are the framer's, not a copy.
  EXPECT_EQ(header.string->text.data(), p->message.literals[0].retained.data());

  const auto& fields = f->items[1].att;
  EXPECT_EQ(fields.name, "BODY");
  EXPECT_EQ(fields.section->part, (std::vector<std::uint32_t>{1, 2}));
  EXPECT_EQ(fields.section->text, "HEADER.FIELDS");
  EXPECT_EQ(fields.section->header_fields, (std::vector<std::string_view>{"Date", "From"}));
  EXPECT_EQ(fields.origin, 0u);
  EXPECT_FALSE(fields.count);

  EXPECT_TRUE(f->items[2].string->binary);
  EXPECT_EQ(f->items[2].string->text, "abc");
  EXPECT_EQ(f->items[3].number, 3u);
  EXPECT_EQ(f->find("MODSEQ")->number, 624140003u);
  EXPECT_EQ(f->find("UID")->number, 7u);
  EXPECT_EQ(*f->find("X-GM-LABELS")->flags, (std::vector<std::string_view>{"\\Inbox"}));
  EXPECT_EQ(f->find("X-GM-MSGID")->number, 1278455344230334865u);
  // EMAILID's value is a parenthesized objectid (RFC 8474 §5.1).
  EXPECT_EQ(f->find("EMAILID")->string->text, "M6d99ac3275bb4e");
  EXPECT_TRUE(f->find("SAVEDATE")->string->nil());
}

TEST(TypedFetchResponse, WrongShapesAreNotRead) {
  for (std::string_view text : {
           "* 1 FETCH (UID x)",                      // UID needs a number
           "* 1 FETCH (FLAGS \\Seen)",               // FLAGS needs a list
           "* 1 FETCH (ENVELOPE (NIL NIL))",         // ten fields
           "* 1 FETCH (BODY (\"TEXT\" \"PLAIN\"))",  // body-fields missing
           "* 1 FETCH (UID 1 FLAGS)",                // odd item list
           "* 1 FETCH (BODY[HEADER.FIELDS] NIL)",    // header-list missing
           "* 1 FETCH (MODSEQ 5)",                   // MODSEQ (n)
       }) {
    auto p = parse_response_text(text);
    ASSERT_TRUE(p->ok) << text;
    EXPECT_FALSE(read_fetch_response(p->response, p->message)) << text;
  }
}

}  // namespace
}  // namespace imapscope::testing
