// `imapscope check` on captures, as a user runs it: real Dovecot pcaps, mangled ones, --port,
// and files that only pretend to be captures.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "tests/support/pcap_builder.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

json check_json(const std::vector<std::string>& args, CommandResult& r) {
  std::vector<std::string> all{"check", "-f", "json"};
  all.insert(all.end(), args.begin(), args.end());
  r = run_imapscope(all);
  return json::parse(r.out);
}

TEST(PcapCli, RealCaptureHasNoErrorsAndSaysWhere) {
  CommandResult r;
  const json j = check_json({"samples/dovecot/imaplib-basic.pcap"}, r);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty());
  EXPECT_EQ(j["inputs"][0]["kind"], "pcap");
  EXPECT_EQ(j["inputs"][0]["capture_problems"], json::array());
  ASSERT_EQ(j["connections"].size(), 1u);
  const json& c = j["connections"][0];
  const std::regex endpoint(R"(127\.0\.0\.1:\d+)");
  EXPECT_TRUE(std::regex_match(c["client"].get<std::string>(), endpoint)) << c["client"];
  EXPECT_EQ(c["server"], "127.0.0.1:48983");
  EXPECT_EQ(c["final_state"], "logout");
  EXPECT_EQ(c["capture_problems"], json::array());
  EXPECT_EQ(j["summary"]["errors"], 0);
  ASSERT_FALSE(j["violations"].empty());  // Dovecot 2.3's missing IMAP4rev2: a warning
  for (const json& v : j["violations"]) {
    EXPECT_TRUE(v["packet"].is_number()) << v;
    EXPECT_TRUE(v["time"].is_string()) << v;
    EXPECT_TRUE(v["line"].is_null()) << v;
  }
  EXPECT_EQ(j["violations"][0]["packet"], 4);
  EXPECT_TRUE(j["violations"][0]["time"].get<std::string>().starts_with("2026-11-23T16:55:27."));
}

TEST(PcapCli, EveryPlainDovecotCaptureHasNoErrors) {
  for (const char* name : {"imaplib-basic", "idle", "curl", "pipelined", "pipelined-login",
                           "auth-fail", "starttls", "mbsync"}) {
    SCOPED_TRACE(name);
    CommandResult r;
    const json j = check_json({std::string("samples/dovecot/") + name + ".pcap"}, r);
    EXPECT_EQ(j["summary"]["errors"], 0) << j["violations"].dump(1);
    EXPECT_GE(j["connections"].size(), 1u);
    for (const json& c : j["connections"])
      EXPECT_GT(c["responses"].get<int>(), 0);
  }
}

TEST(PcapCli, TextReportNamesEndpointsAndPackets) {
  const CommandResult r = run_imapscope({"check", "samples/dovecot/idle.pcap"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("connection 2 (samples/dovecot/idle.pcap, 127.0.0.1:"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("-> 127.0.0.1:48983)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("samples/dovecot/idle.pcap, packet 4: warning:"), std::string::npos)
      << r.out;
}

TEST(PcapCli, PortOptionMakesAnotherPortImap) {
  CommandResult r;
  json j = check_json({"samples/dovecot/imaps.pcap"}, r);
  EXPECT_TRUE(j["connections"].empty());
  // Not analyzed, but not silently: the report names the port to give.
  const json& problems = j["inputs"][0]["capture_problems"];
  ASSERT_EQ(problems.size(), 1u) << problems.dump(1);
  EXPECT_EQ(problems[0]["kind"], "unrecognized-tls");
  EXPECT_EQ(problems[0]["packet"], 4);
  EXPECT_NE(problems[0]["message"].get<std::string>().find("--port 38621"), std::string::npos);
  j = check_json({"--port", "38621", "samples/dovecot/imaps.pcap"}, r);
  ASSERT_EQ(j["connections"].size(), 1u);
  EXPECT_EQ(j["connections"][0]["tls"], "implicit");
  EXPECT_TRUE(j["inputs"][0]["capture_problems"].empty());
  j = check_json({"--port", "1", "--port", "38621", "samples/dovecot/imaps.pcap"}, r);
  EXPECT_EQ(j["connections"].size(), 1u);
  EXPECT_EQ(run_imapscope({"check", "--port", "65536", "samples/dovecot/imaps.pcap"}).exit_code, 2);
  EXPECT_EQ(run_imapscope({"check", "--port", "imap", "samples/dovecot/imaps.pcap"}).exit_code, 2);
}

TEST(PcapCli, DroppedPacketIsACaptureProblemNotAnError) {
  pcap::PcapFile f = pcap::split_pcap(read_file("samples/dovecot/imaplib-basic.pcap"));
  f.records.erase(f.records.begin() + 10);  // packet 11: the server's answer to LOGIN
  TempFile mangled(f.bytes(), ".pcap");
  CommandResult r;
  const json j = check_json({mangled.path()}, r);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(j["summary"]["errors"], 0) << j["violations"].dump(1);
  const json& problems = j["connections"][0]["capture_problems"];
  ASSERT_EQ(problems.size(), 1u) << problems.dump(1);
  EXPECT_EQ(problems[0]["kind"], "gap");
  EXPECT_TRUE(problems[0]["packet"].is_number());
  EXPECT_TRUE(problems[0]["time"].is_string());
  EXPECT_EQ(problems[0]["direction"], "server");
  EXPECT_GT(problems[0]["bytes"].get<int>(), 0);
  EXPECT_TRUE(problems[0]["message"].is_string());
  const CommandResult text = run_imapscope({"check", mangled.path()});
  EXPECT_NE(text.out.find("  capture: packet "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(": gap in the server stream: "), std::string::npos) << text.out;
}

TEST(PcapCli, CutFileIsReadUpToTheCut) {
  const std::string bytes = read_file("samples/dovecot/imaplib-basic.pcap");
  TempFile cut(bytes.substr(0, bytes.size() / 2), ".pcap");
  CommandResult r;
  const json j = check_json({cut.path()}, r);
  EXPECT_NE(r.exit_code, 2);
  ASSERT_EQ(j["inputs"][0]["capture_problems"].size(), 1u);
  EXPECT_EQ(j["inputs"][0]["capture_problems"][0]["kind"], "truncated");
  EXPECT_TRUE(j["inputs"][0]["capture_problems"][0]["direction"].is_null());
  ASSERT_EQ(j["connections"].size(), 1u);
  // The connection did not end, the capture did: its last message, cut, is no syntax error.
  const json& problems = j["connections"][0]["capture_problems"];
  ASSERT_EQ(problems.size(), 1u) << problems.dump(1);
  EXPECT_EQ(problems[0]["kind"], "capture-ended");
  EXPECT_EQ(j["summary"]["errors"], 0) << j["violations"].dump(1);
}

TEST(PcapCli, GarbageWithAPcapMagicIsOneLineAndExitTwo) {
  TempFile garbage(std::string("\xd4\xc3\xb2\xa1", 4) + "this is not a capture", ".pcap");
  const CommandResult r = run_imapscope({"check", garbage.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_TRUE(r.err.starts_with("imapscope: " + garbage.path() + ": not a readable capture"))
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

}  // namespace
}  // namespace imapscope::testing
