// samples/dovecot/mbsync.pcap (scripts/record-mbsync-sample): mbsync (isync 1.4) syncing a
// Maildir with Dovecot both ways. Beyond the byte-exact streams every sample gets
// (pcap_samples_test.cpp), this one is here for what mbsync does on the wire: it pipelines, and
// its APPEND's literal goes non-synchronizing (LITERAL+, RFC 7888) in the same write as the two
// UID FETCHes after it, whose answers bring the server's messages as literals.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/capture/capture_recorder.h"

namespace imapscope::testing {
namespace {

std::string sample(const std::string& name) {
  return std::string(IMAPSCOPE_SOURCE_DIR) + "/samples/dovecot/" + name;
}

TEST(MbsyncSample, AppendLiteralAndFetchesGoInOneClientTurn) {
  const CaptureRecorder r = read_capture_file(sample("mbsync.pcap"));
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.order.size(), 1u);
  const RecordedConnection& c = r.at(0);
  const std::string append = "6 APPEND \"INBOX\" (\\Flagged) {233+}\r\n";
  const auto turn = std::find_if(c.turns.begin(), c.turns.end(), [&](const std::string& t) {
    return t.starts_with("C:") && t.find(append) != std::string::npos;
  });
  ASSERT_NE(turn, c.turns.end());
  // No continuation request is awaited: the literal's 233 octets and the next two commands
  // follow before the server says anything.
  const std::size_t octets = turn->find(append) + append.size();
  ASSERT_GE(turn->size(), octets + 233);
  EXPECT_TRUE(turn->substr(octets, 233).ends_with("Written locally, for mbsync to APPEND.\r\n"));
  EXPECT_EQ(turn->substr(octets + 233),
            "\r\n7 UID FETCH 1 (BODY.PEEK[])\r\n8 UID FETCH 2 (BODY.PEEK[])\r\n");
}

TEST(MbsyncSample, ServerSendsTheMessagesAsLiterals) {
  const CaptureRecorder r = read_capture_file(sample("mbsync.pcap"));
  ASSERT_EQ(r.order.size(), 1u);
  const std::string& server = r.at(0).server;
  for (const char* fetch :
       {"* 1 FETCH (UID 1 BODY[] {220}\r\n", "* 2 FETCH (UID 2 BODY[] {220}\r\n"}) {
    const std::size_t at = server.find(fetch);
    ASSERT_NE(at, std::string::npos) << fetch;
    // 220 octets, then the ')' that closes the FETCH: the count is right.
    EXPECT_EQ(server.substr(at + std::string(fetch).size() + 220, 3), ")\r\n") << fetch;
  }
  EXPECT_NE(server.find("6 OK [APPENDUID "), std::string::npos);  // UIDPLUS: no re-FETCH
}

}  // namespace
}  // namespace imapscope::testing
