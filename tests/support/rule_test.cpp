#include "tests/support/rule_test.h"

#include <fstream>
#include <set>

#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

std::set<std::string>& noted(bool fires) {
  static std::set<std::string> firing;
  static std::set<std::string> silent;
  return fires ? firing : silent;
}

std::string describe(const checks::Analysis& a) {
  std::string s;
  for (const checks::Violation& v : a.violations) {
    s += "  line " + std::to_string(v.line) + " [" + v.rule + "] " + v.message + "\n";
  }
  return s.empty() ? "  (no violations)\n" : s;
}

}  // namespace

const char* const kCorrectRev2Session = R"(# A correct IMAP4rev2 session.
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN LITERAL+ IDLE] server ready
C: a1 CAPABILITY
S: * CAPABILITY IMAP4rev2 AUTH=PLAIN LITERAL+ IDLE
S: a1 OK CAPABILITY completed
C: a2 LOGIN alice {6}
S: + ready
C: secret
S: a2 OK [CAPABILITY IMAP4rev2 IDLE] LOGIN completed
C: a3 SELECT INBOX
S: * 3 EXISTS
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [UIDVALIDITY 3857529045] UIDs valid
S: * OK [UIDNEXT 4392] Predicted next UID
S: * OK [PERMANENTFLAGS (\Deleted \Seen \*)] Limited
S: * LIST () "/" INBOX
S: a3 OK [READ-WRITE] SELECT completed
C: a4 FETCH 1:2 (FLAGS BODY[HEADER.FIELDS (SUBJECT)])
S: * 1 FETCH (FLAGS (\Seen) BODY[HEADER.FIELDS (SUBJECT)] {16}
S: Subject: hello
S: )
S: * 2 FETCH (FLAGS () BODY[HEADER.FIELDS (SUBJECT)] {2}
S:
S: )
S: a4 OK FETCH completed
C: a5 STORE 1 +FLAGS (\Deleted)
S: * 1 FETCH (FLAGS (\Seen \Deleted))
S: a5 OK STORE completed
C: a6 UID FETCH 1:* FLAGS
S: * 1 EXPUNGE
S: * 1 FETCH (UID 7 FLAGS ())
S: a6 OK UID FETCH completed
C: a7 IDLE
S: + idling
S: * 3 EXISTS
C: DONE
S: a7 OK IDLE terminated
C: a8 EXPUNGE
S: a8 OK EXPUNGE completed
C: a9 CLOSE
S: a9 OK CLOSE completed
C: a10 LOGOUT
S: * BYE logging out
S: a10 OK LOGOUT completed
)";

checks::Analysis analyze_transcript(std::string_view transcript, checks::Profile profile) {
  TempFile file(transcript);
  checks::CheckOptions options;
  options.profile = profile;
  checks::CheckResult result = checks::check_inputs({file.path()}, options);
  EXPECT_FALSE(result.error.has_value()) << (result.error ? result.error->to_string() : "");
  return std::move(result.analysis);
}

checks::Analysis analyze_rawlog(std::string_view in_text, std::string_view out_text,
                                checks::Profile profile) {
  TempFile in(in_text, "session.in", true);
  const std::string out_path = in.dir() + "/session.out";  // removed with in's directory
  {
    std::ofstream out(out_path, std::ios::binary);
    out.write(out_text.data(), static_cast<std::streamsize>(out_text.size()));
  }
  checks::CheckOptions options;
  options.profile = profile;
  checks::CheckResult result = checks::check_inputs({in.path()}, options);
  EXPECT_FALSE(result.error.has_value()) << (result.error ? result.error->to_string() : "");
  return std::move(result.analysis);
}

std::vector<checks::Violation> violations_of(const checks::Analysis& a, std::string_view rule) {
  std::vector<checks::Violation> out;
  for (const checks::Violation& v : a.violations) {
    if (v.rule == rule) out.push_back(v);
  }
  return out;
}

bool note_rule_test(std::string_view rule, bool fires) {
  noted(fires).insert(std::string(rule));
  return true;
}

bool rule_has_test(std::string_view rule, bool fires) {
  return noted(fires).count(std::string(rule)) > 0;
}

void expect_fires_at(std::string_view rule, std::string_view transcript, std::uint64_t line,
                     checks::Profile profile) {
  ASSERT_NE(checks::find_rule(rule), nullptr) << "no rule " << rule << " in the catalog";
  const checks::Analysis a = analyze_transcript(transcript, profile);
  const auto found = violations_of(a, rule);
  ASSERT_FALSE(found.empty()) << rule << " did not fire; violations:\n" << describe(a);
  EXPECT_EQ(found.front().line, line) << describe(a);
}

void expect_silent(std::string_view rule, std::string_view transcript, checks::Profile profile) {
  ASSERT_NE(checks::find_rule(rule), nullptr) << "no rule " << rule << " in the catalog";
  const checks::Analysis a = analyze_transcript(transcript, profile);
  EXPECT_TRUE(violations_of(a, rule).empty()) << rule << " fired; violations:\n" << describe(a);
}

}  // namespace imapscope::testing
