// The command-line contract: subcommands, options, report formats and exit statuses.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "tests/support/run_command.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

constexpr const char* kViolation = "samples/violations/expunge-during-fetch.txt";
constexpr const char* kRev1 = "samples/violations/capability-imap4rev2-missing.txt";
constexpr const char* kClean = "samples/rfc/rfc9051-commands.txt";

TEST(Cli, VersionAndHelp) {
  CommandResult r = run_imapscope({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("imapscope "), std::string::npos);
  r = run_imapscope({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("check"), std::string::npos);
  EXPECT_NE(r.out.find("rules"), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_imapscope({}).exit_code, 2);
  EXPECT_EQ(run_imapscope({"check"}).exit_code, 2);
  EXPECT_EQ(run_imapscope({"check", "--format", "yaml", kClean}).exit_code, 2);
  EXPECT_EQ(run_imapscope({"check", "--fail-on", "sometimes", kClean}).exit_code, 2);
  EXPECT_EQ(run_imapscope({"check", "--profile", "imap5", kClean}).exit_code, 2);
  EXPECT_EQ(run_imapscope({"frobnicate"}).exit_code, 2);
}

// Named choices are listed by name in the help and in the error for a wrong one; values are
// taken in any case.
TEST(Cli, ChoicesAreNamed) {
  CommandResult r = run_imapscope({"check", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--fail-on ENUM:{error, never, warning}=error"), std::string::npos);
  EXPECT_NE(r.out.find("--profile ENUM:{auto, imap4rev1, imap4rev2}=auto"), std::string::npos);
  EXPECT_NE(r.out.find("--color ENUM:{always, auto, never}=auto"), std::string::npos);
  EXPECT_EQ(std::count_if(
                r.out.begin(), r.out.end(),
                [](char c) { return c != '\n' && std::iscntrl(static_cast<unsigned char>(c)); }),
            0);
  r = run_imapscope({"check", "--profile", "imap5", kClean});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--profile: 'imap5' is not one of auto, imap4rev1, imap4rev2"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(run_imapscope({"check", "--fail-on", "WARNING", kRev1}).exit_code, 1);
  EXPECT_EQ(run_imapscope({"check", "--profile", "IMAP4rev2", kRev1}).exit_code, 1);
}

TEST(Cli, ExitStatusFollowsFailOn) {
  EXPECT_EQ(run_imapscope({"check", kClean}).exit_code, 0);
  EXPECT_EQ(run_imapscope({"check", kViolation}).exit_code, 1);
  EXPECT_EQ(run_imapscope({"check", "--fail-on", "never", kViolation}).exit_code, 0);
  EXPECT_EQ(run_imapscope({"check", kRev1}).exit_code, 0);  // a warning only
  EXPECT_EQ(run_imapscope({"check", "--fail-on", "warning", kRev1}).exit_code, 1);
  EXPECT_EQ(run_imapscope({"check", "--profile", "imap4rev2", kRev1}).exit_code, 1);
  EXPECT_EQ(
      run_imapscope({"check", "--profile", "imap4rev1", "--fail-on", "warning", kRev1}).exit_code,
      0);
}

TEST(Cli, MalformedTranscriptIsOneLineNamingFileAndLine) {
  TempFile bad("C: a1 NOOP\nS: a1 OK done\nthis line has no prefix\n");
  const CommandResult r = run_imapscope({"check", bad.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(r.err, "imapscope: " + bad.path() +
                       ":3: expected a line starting with 'C:' or 'S:' (or '#' for a comment)\n");
}

TEST(Cli, UnreadableAndUnrecognizedInputsExitTwo) {
  CommandResult r = run_imapscope({"check", "/nonexistent/session.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/session.txt"), std::string::npos);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  TempFile garbage("just some text\nnothing imap here\n");
  r = run_imapscope({"check", garbage.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("expected a C:/S: transcript"), std::string::npos);
}

TEST(Cli, JsonReportFollowsSchemaVersion1) {
  const CommandResult r = run_imapscope({"check", "-f", "json", kViolation});
  const json j = json::parse(r.out);
  EXPECT_EQ(j["schema_version"], 1);
  EXPECT_EQ(j["tool"]["name"], "imapscope");
  EXPECT_TRUE(j["tool"]["version"].is_string());
  EXPECT_EQ(j["inputs"][0]["path"], kViolation);
  EXPECT_EQ(j["inputs"][0]["kind"], "transcript");
  const json& c = j["connections"][0];
  for (const char* key : {"id", "input", "client", "server", "commands", "responses",
                          "capabilities", "final_state"}) {
    EXPECT_TRUE(c.contains(key)) << key;
  }
  EXPECT_TRUE(c["client"].is_null());
  ASSERT_EQ(j["violations"].size(), 1u);
  const json& v = j["violations"][0];
  EXPECT_EQ(v["rule"], "expunge.during-fetch");
  EXPECT_EQ(v["severity"], "error");
  EXPECT_EQ(v["side"], "server");
  EXPECT_EQ(v["connection"], 1);
  EXPECT_EQ(v["line"], 23);
  EXPECT_TRUE(v["offset"].is_number());
  EXPECT_TRUE(v["packet"].is_null());
  EXPECT_TRUE(v["time"].is_null());
  EXPECT_EQ(v["tag"], "a4");
  EXPECT_EQ(v["rfc"], "RFC 9051 §7.5.1");
  EXPECT_EQ(v["excerpt"], "* 3 EXPUNGE");
  EXPECT_EQ(j["summary"]["errors"], 1);
  EXPECT_EQ(j["summary"]["warnings"], 0);
  EXPECT_EQ(j["summary"]["info"], 0);
}

TEST(Cli, OffsetIsTheByteOffsetInTheDirectionsStream) {
  TempFile t(
      "S: * OK [CAPABILITY IMAP4rev2] hi\nC: a1 NOOP\nS: * 1 EXPUNGE\nS: a1 OK done\nS: * 1 "
      "EXPUNGE\n");
  const json j = json::parse(run_imapscope({"check", "-f", "json", t.path()}).out);
  json found;
  for (const json& v : j["violations"]) {
    if (v["rule"] == "expunge.no-command") found = v;
  }
  ASSERT_TRUE(found.is_object()) << j.dump(1);
  // "* OK [CAPABILITY IMAP4rev2] hi\r\n" (32) + "* 1 EXPUNGE\r\n" (13) + "a1 OK done\r\n" (12)
  EXPECT_EQ(found["offset"], 57);
  EXPECT_EQ(found["line"], 5);
  EXPECT_EQ(found["direction"], "server");
}

TEST(Cli, TextReportGroupsByConnectionWithFileAndLine) {
  const CommandResult r = run_imapscope({"check", kViolation, kClean});
  EXPECT_NE(r.out.find("connection 1 (samples/violations/expunge-during-fetch.txt)"),
            std::string::npos);
  EXPECT_NE(r.out.find("connection 2 (samples/rfc/rfc9051-commands.txt)"), std::string::npos);
  EXPECT_NE(
      r.out.find("samples/violations/expunge-during-fetch.txt:23: error: [expunge.during-fetch]"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2 connections, 1 error, 0 warnings"), std::string::npos) << r.out;
}

TEST(Cli, OutputOptionWritesTheReportToAFile) {
  TempFile out("", ".json");
  const CommandResult r = run_imapscope({"check", "-f", "json", "-o", out.path(), kClean});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(json::parse(read_file(out.path()))["summary"]["errors"], 0);
}

TEST(Cli, CredentialsAreRedactedUnlessAsked) {
  // Violations located at the commands themselves: a LOGIN and an AUTHENTICATE with an
  // initial response (RFC 4959), both reusing a tag in flight, and never completed.
  TempFile t(
      "S: * OK [CAPABILITY IMAP4rev2] hi\nC: a1 NOOP\nC: a1 LOGIN alice hunter2\n"
      "C: a1 AUTHENTICATE PLAIN AGFsaWNlAGh1bnRlcjI=\n");
  CommandResult r = run_imapscope({"check", "-f", "json", t.path()});
  EXPECT_NE(r.out.find("a1 AUTHENTICATE PLAIN ***"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("hunter2"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("AGFsaWNlAGh1bnRlcjI="), std::string::npos) << r.out;
  r = run_imapscope({"check", "--show-credentials", "-f", "json", t.path()});
  EXPECT_NE(r.out.find("AGFsaWNlAGh1bnRlcjI="), std::string::npos) << r.out;
  TempFile open_login("S: * OK [CAPABILITY IMAP4rev2] hi\nC: a1 LOGIN alice hunter2\n");
  r = run_imapscope({"check", "-f", "json", open_login.path()});
  EXPECT_NE(r.out.find("a1 LOGIN alice ***"), std::string::npos) << r.out;
  r = run_imapscope({"check", "--show-credentials", "-f", "json", open_login.path()});
  EXPECT_NE(r.out.find("a1 LOGIN alice hunter2"), std::string::npos) << r.out;
}

TEST(Cli, RulesCatalogAsTextAndJson) {
  CommandResult r = run_imapscope({"rules"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("expunge.during-fetch"), std::string::npos);
  r = run_imapscope({"rules", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0);
  const json j = json::parse(r.out);
  ASSERT_GE(j["rules"].size(), 18u);
  for (const json& rule : j["rules"]) {
    for (const char* key : {"id", "severity", "side", "rfc", "summary"})
      EXPECT_TRUE(rule.contains(key));
  }
}

// docs/rules.md is the generated catalog the README links; it must not drift from the code.
TEST(Cli, RuleCatalogDocumentIsUpToDate) {
  const CommandResult r = run_imapscope({"rules", "--format", "markdown"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(read_file(std::string(IMAPSCOPE_SOURCE_DIR) + "/docs/rules.md"), r.out)
      << "regenerate with: build/cli/imapscope rules --format markdown > docs/rules.md";
}

TEST(Cli, RawlogPairIsOneConnectionWhicheverFileIsNamed) {
  const json j = json::parse(
      run_imapscope({"check", "-f", "json", "samples/dovecot/idle.in", "samples/dovecot/idle.out"})
          .out);
  EXPECT_EQ(j["inputs"].size(), 1u);
  EXPECT_EQ(j["connections"].size(), 1u);
  EXPECT_EQ(j["inputs"][0]["path"], "samples/dovecot/idle.in");
}

}  // namespace
}  // namespace imapscope::testing
