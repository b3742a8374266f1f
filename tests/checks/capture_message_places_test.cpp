// A finding that names an earlier message ("EXPUNGE ... while FETCH (tag 'a4', line 20)") names
// it by what the input has: the line of a transcript, the packet of a capture, nothing at all
// when neither is known — never "line 0".

#include <gtest/gtest.h>

#include <string>

#include "checks/checker.h"
#include "checks/rules/origin_note.h"
#include "tests/support/pcap_builder.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

namespace p = pcap;

TEST(OriginNote, NamesTheLineThenThePacketThenNothing) {
  capture::Origin o;
  EXPECT_EQ(checks::place_note(o), "");
  EXPECT_EQ(checks::tag_note("a4", o), " (tag 'a4')");
  o.packet = 40;
  EXPECT_EQ(checks::place_note(o), " (packet 40)");
  EXPECT_EQ(checks::tag_note("a4", o), " (tag 'a4', packet 40)");
  o.line = 12;  // a transcript's lines are what its reader sees
  EXPECT_EQ(checks::place_note(o), " (line 12)");
  EXPECT_EQ(checks::tag_note("a4", o), " (tag 'a4', line 12)");
}

const checks::Violation* find(const checks::Analysis& a, const std::string& rule) {
  for (const checks::Violation& v : a.violations) {
    if (v.rule == rule) return &v;
  }
  return nullptr;
}

TEST(CaptureMessagePlaces, EarlierMessagesAreNamedByTheirPacket) {
  p::Conversation c("10.0.0.1", 50000, "10.0.0.2", 143, p::in_ethernet);
  c.handshake();                                           // packets 1-3
  c.server("* PREAUTH [CAPABILITY IMAP4rev2] ready\r\n");  // 4
  c.client("a1 SELECT INBOX\r\n");                         // 5
  c.server(
      "* 3 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n"  // 6
      "* OK [UIDNEXT 4] ok\r\n* FLAGS (\\Seen)\r\n"
      "* LIST () \"/\" INBOX\r\na1 OK [READ-WRITE] done\r\n");
  c.client("a2 FETCH 1:3 FLAGS\r\n");                   // 7
  c.server("* 1 FETCH (FLAGS ())\r\n* 3 EXPUNGE\r\n");  // 8
  c.server("a2 OK done\r\n");                           // 9
  c.client("a3 GETQUOTAROOT INBOX\r\n");                // 10
  c.server("a3 BAD unknown command\r\n");               // 11
  c.close();
  TempFile pcap(p::pcap_file(p::kLinkEthernet, c.records()), ".pcap");
  const checks::CheckResult r = checks::check_inputs({pcap.path()}, {});
  ASSERT_FALSE(r.error);

  const checks::Violation* expunge = find(r.analysis, "expunge.during-fetch");
  ASSERT_NE(expunge, nullptr);
  EXPECT_EQ(expunge->packet, 8u);
  EXPECT_EQ(expunge->message,
            "EXPUNGE of message 3 while FETCH (tag 'a2', packet 7) is in progress");

  const checks::Violation* quota = find(r.analysis, "capability.quota-not-advertised");
  ASSERT_NE(quota, nullptr);
  EXPECT_NE(quota->message.find("(capability list of packet 4)"), std::string::npos)
      << quota->message;

  for (const checks::Violation& v : r.analysis.violations)
    EXPECT_EQ(v.message.find("line 0"), std::string::npos) << v.rule << ": " << v.message;
}

}  // namespace
}  // namespace imapscope::testing
