// fetch.binary — RFC 3516 §4.2: BINARY "Requests that the specified section be transmitted
// after performing CTE-related decoding"; BINARY.SIZE "Requests the decoded size of the
// section". §4.3: BINARY is "An <nstring> or <literal8>", and only literal8 may hold NUL
// (RFC 9051 §9: a literal's CHAR8 is %x01-ff), so a decoded section with NUL octets comes as
// ~{n}. The probe appends a message whose first part is every octet value in base64 (RFC 2045
// §6.8) and whose second is UTF-8 text in quoted-printable with a soft line break (RFC 2045
// §6.7), and compares the decoded parts it gets back with what it encoded, octet for octet.
#include <openssl/evp.h>

#include "analyzer/message_data.h"
#include "probe/scenario.h"

namespace imapscope::probe {
namespace {

// RFC 2045 §6.8: base64 in lines of at most 76 characters.
std::string base64_lines(std::string_view in) {
  std::string encoded(4 * ((in.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                reinterpret_cast<const unsigned char*>(in.data()),
                                static_cast<int>(in.size()));
  encoded.resize(static_cast<std::size_t>(n));
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76)
    out += encoded.substr(i, 76) + "\r\n";
  return out;
}

void fetch_binary(ScenarioContext& s) {
  // Every octet value, CR and LF only as one CRLF pair: --save-transcript's lines end in CRLF,
  // so a bare CR or LF in a literal would not survive the C:/S: form.
  std::string octets;
  for (int i = 0; i < 256; ++i)
    if (i != '\r' && i != '\n') octets += static_cast<char>(i);
  octets.insert(16, "\r\n");
  const std::string text =
      "Caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9"
      "e.";
  const std::string m =
      "From: imapscope probe <probe@example.invalid>\r\n"
      "To: probe@example.invalid\r\n"
      "Subject: fetch-binary\r\n"
      "Date: Mon, 23 Nov 2026 20:00:00 +0000\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=\"=_imapscope\"\r\n"
      "\r\n"
      "--=_imapscope\r\n"
      "Content-Type: application/octet-stream\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n" +
      base64_lines(octets) +
      "--=_imapscope\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "Caf=C3=A9 cr=C3=A8me=\r\n"
      " br=C3=BBl=C3=A9e.\r\n"
      "--=_imapscope--\r\n";
  const std::string box = s.create_mailbox("binary");
  s.append(box, m);
  s.select(box, true);
  Reply r = s.run("FETCH 1 (BINARY.PEEK[1] BINARY.SIZE[1] BINARY.PEEK[2] BINARY.SIZE[2])");
  s.expect_ok(r);
  const ServerResponse* f = fetch_of(r, 1);
  s.expect(f != nullptr, "a FETCH response for message 1");
  const std::string said = ", the server said '" + f->words() + "'";
  const auto expect_part = [&](std::string_view part, const std::string& decoded,
                               std::string_view encoding) {
    const std::string item = "BINARY[" + std::string(part) + "]";
    const analyzer::Arg* got = fetch_item(*f, item);
    s.expect(got != nullptr, item + " in the FETCH response" + said);
    const std::string value = string_value(*f, *got);
    s.expect(value == decoded, item + " must be the " + std::string(encoding) +
                                   "-decoded part octet for octet (" +
                                   std::to_string(decoded.size()) + " octets expected, " +
                                   std::to_string(value.size()) + " received)");
    const analyzer::Arg* size = fetch_item(*f, "BINARY.SIZE[" + std::string(part) + "]");
    s.expect(size != nullptr && analyzer::read_number(size->text) == std::uint64_t{decoded.size()},
             "BINARY.SIZE[" + std::string(part) + "] must be the decoded size " +
                 std::to_string(decoded.size()) + said);
  };
  expect_part("1", octets, "base64");
  // The decoded part holds NUL: only a literal8 can carry it (RFC 9051 §9 CHAR8).
  const analyzer::Arg* first = fetch_item(*f, "BINARY[1]");
  s.expect(
      first->kind == analyzer::ArgKind::kLiteral && f->message.text.substr(first->begin, 2) == "~{",
      "BINARY[1], holding NUL octets, comes as a literal8 ~{n} (RFC 3516 §4.3, RFC 9051 §9)" +
          said);
  expect_part("2", text, "quoted-printable");
  s.expect_ok(s.run("CLOSE"));
}

IMAPSCOPE_SCENARIO(fetch_binary, "fetch.binary",
                   "RFC 3516 §4.2, §4.3; RFC 2045 §6.7, §6.8; RFC 9051 §9",
                   "FETCH BINARY[n] and BINARY.SIZE[n] of base64 and quoted-printable parts match "
                   "the decoded octets",
                   "BINARY", Phase::kAuthenticated, 91);

}  // namespace
}  // namespace imapscope::probe
