// `imapscope check -`: standard input holds a pcap, a pcapng or a transcript, told from its
// first bytes and streamed (a pipe cannot seek back); real samples are piped through a shell
// as a user would. And the TLS details of the real STARTTLS and implicit-TLS samples, as the
// reports print them.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/pcap_builder.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

struct Piped {
  int exit_code = -1;
  std::string out;
};

// Runs `imapscope ARGS < INPUT` through sh, from the source directory.
Piped pipe_into(const std::string& input, const std::string& args) {
  const std::string command = "cd '" + std::string(IMAPSCOPE_SOURCE_DIR) + "' && cat '" + input +
                              "' | '" + IMAPSCOPE_BINARY + "' " + args;
  Piped r;
  std::FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), p)) > 0)
    r.out.append(buffer.data(), n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(StdinCli, APcapOnStandardInputIsReadAsTheFileIs) {
  const Piped piped = pipe_into("samples/dovecot/imaplib-basic.pcap", "check -f json -");
  ASSERT_EQ(piped.exit_code, 0) << piped.out;
  const json j = json::parse(piped.out);
  const CommandResult direct =
      run_imapscope({"check", "-f", "json", "samples/dovecot/imaplib-basic.pcap"});
  const json f = json::parse(direct.out);
  EXPECT_EQ(j["inputs"][0]["path"], "-");
  EXPECT_EQ(j["inputs"][0]["kind"], "pcap");
  ASSERT_EQ(j["connections"].size(), 1u);
  EXPECT_EQ(j["connections"][0]["commands"], f["connections"][0]["commands"]);
  EXPECT_EQ(j["connections"][0]["responses"], f["connections"][0]["responses"]);
  EXPECT_EQ(j["connections"][0]["final_state"], "logout");
  EXPECT_EQ(j["violations"].size(), f["violations"].size());
}

TEST(StdinCli, APcapngOnStandardInputAmongOtherInputs) {
  namespace p = pcap;
  p::Conversation c("192.0.2.1", 40000, "192.0.2.2", 143, p::in_ethernet);
  c.handshake();
  c.server("* OK [CAPABILITY IMAP4rev2] ready\r\n");
  c.client("a1 LOGOUT\r\n");
  c.server("* BYE bye\r\na1 OK done\r\n");
  c.close();
  TempFile pcapng(p::pcapng_file(p::kLinkEthernet, c.records()), ".pcapng");
  const Piped piped =
      pipe_into(pcapng.path(), "check -f json samples/dovecot/imaplib-basic.pcap -");
  ASSERT_EQ(piped.exit_code, 0) << piped.out;
  const json j = json::parse(piped.out);
  ASSERT_EQ(j["inputs"].size(), 2u);
  EXPECT_EQ(j["inputs"][1]["path"], "-");
  EXPECT_EQ(j["inputs"][1]["kind"], "pcapng");
  ASSERT_EQ(j["connections"].size(), 2u);
  EXPECT_EQ(j["connections"][1]["server"], "192.0.2.2:143");
  EXPECT_EQ(j["connections"][1]["final_state"], "logout");
}

TEST(StdinCli, ATranscriptOnStandardInputStillWorks) {
  const Piped piped = pipe_into("samples/violations/expunge-during-fetch.txt", "check -");
  EXPECT_EQ(piped.exit_code, 1);
  EXPECT_NE(piped.out.find("[expunge.during-fetch]"), std::string::npos) << piped.out;
}

TEST(StdinCli, NeitherCaptureNorTranscriptIsOneClearError) {
  // A pcap's magic, then no header: libpcap cannot read it.
  TempFile junk(std::string("\xd4\xc3\xb2\xa1garbage", 11), ".bin");
  const Piped piped = pipe_into(junk.path(), "check - 2>&1");
  EXPECT_EQ(piped.exit_code, 2) << piped.out;
  EXPECT_NE(piped.out.find("-: not a readable capture"), std::string::npos) << piped.out;
}

TEST(TlsDetailsCli, ImplicitTlsSampleShowsVersionAndCipher) {
  const CommandResult r =
      run_imapscope({"check", "-f", "json", "--port", "38621", "samples/dovecot/imaps.pcap"});
  const json j = json::parse(r.out);
  ASSERT_EQ(j["connections"].size(), 1u);
  const json& c = j["connections"][0];
  EXPECT_EQ(c["tls"], "implicit");
  EXPECT_EQ(c["tls_version"], "TLS 1.3");
  EXPECT_EQ(c["tls_cipher"], "TLS_AES_256_GCM_SHA384");
  EXPECT_EQ(c["tls_offered_versions"], json({"TLS 1.3", "TLS 1.2"}));
  EXPECT_EQ(c["tls_sni"], nullptr);  // curl connected to 127.0.0.1: no name to send
}

TEST(TlsDetailsCli, StarttlsSampleTextReportNamesTheTls) {
  const CommandResult r = run_imapscope({"check", "samples/dovecot/starttls.pcap"});
  EXPECT_NE(r.out.find("then TLS (starttls, TLS 1.3, TLS_AES_256_GCM_SHA384, not decrypted)"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace imapscope::testing
