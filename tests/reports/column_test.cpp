// Where a syntax error is, as file:line:column: the column is counted in the offending message
// line (a transcript's "C: " is not part of the message), the caret sits under that byte, and
// SARIF's startColumn is the file's column (message column + 3). An error on a later line of
// a message (after a literal) has no column: its line is not the one reported and quoted.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "reports/report.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/temp_file.h"

namespace imapscope::testing {
namespace {

using nlohmann::json;

const std::vector<std::string> kLines = {
    "S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] hi",
    "C: a1 SELECT INBOX )(",  // line 2: ')' is message column 17, file column 20
    "S: a1 BAD no",
    "C: a2 LOGIN {5}",
    "S: + go",
    "C: alice bad)(",  // the literal "alice", then the command's second line " bad)("
    "S: a2 BAD no",
};

class SyntaxColumn : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string text;
    for (const std::string& l : kLines)
      text += l + "\n";
    file_ = std::make_unique<TempFile>(text);
    checks::CheckResult r = checks::check_inputs({file_->path()}, {});
    ASSERT_FALSE(r.error.has_value());
    analysis_ = std::move(r.analysis);
    for (const checks::Violation& v : analysis_.violations)
      if (v.rule == "syntax.command") syntax_.push_back(&v);
    ASSERT_EQ(syntax_.size(), 2u);
  }

  std::unique_ptr<TempFile> file_;
  checks::Analysis analysis_;
  std::vector<const checks::Violation*> syntax_;
};

TEST_F(SyntaxColumn, ColumnIsInTheMessageLineAndTheCaretUnderIt) {
  const checks::Violation& v = *syntax_[0];
  EXPECT_EQ(v.line, 2u);
  ASSERT_TRUE(v.column.has_value());
  const std::string message_line = kLines[1].substr(3);
  EXPECT_EQ(message_line.at(*v.column), ')');

  std::ostringstream out;
  reports::write_text(out, analysis_);
  const std::string text = out.str();
  const std::string where = file_->path() + ":2:" + std::to_string(*v.column + 1) + ": error:";
  const std::size_t at = text.find(where);
  ASSERT_NE(at, std::string::npos) << text;
  // The quoted line, then the caret under the ')' in it.
  std::istringstream lines(text.substr(at));
  std::string header, quoted, caret;
  std::getline(lines, header);
  std::getline(lines, quoted);
  std::getline(lines, caret);
  EXPECT_EQ(quoted, "      " + kLines[1]);
  ASSERT_EQ(caret.find_first_not_of(' '), caret.size() - 1) << caret;
  EXPECT_EQ(quoted.at(caret.size() - 1), ')');

  // SARIF counts in the file: after the "C: ".
  std::ostringstream sarif;
  reports::write_sarif(sarif, analysis_, kTestTool);
  const json results = json::parse(sarif.str())["runs"][0]["results"];
  bool found = false;
  for (const json& r : results) {
    if (r["ruleId"] != "syntax.command" || r["properties"]["offset"] != v.offset) continue;
    found = true;
    const json& region = r["locations"][0]["physicalLocation"]["region"];
    EXPECT_EQ(region["startLine"], 2);
    EXPECT_EQ(kLines[1].at(region["startColumn"].get<std::size_t>() - 1), ')');
    EXPECT_EQ(r["properties"]["column"], *v.column + 1);
  }
  EXPECT_TRUE(found);
}

TEST_F(SyntaxColumn, AnErrorAfterALiteralHasNoColumnInTheFirstLine) {
  const checks::Violation& v = *syntax_[1];
  EXPECT_EQ(v.line, 4u);  // where the command begins
  EXPECT_FALSE(v.column.has_value());
  EXPECT_NE(v.message.find("at column 5 of line 2 of the command"), std::string::npos) << v.message;
  std::ostringstream out;
  reports::write_text(out, analysis_);
  const std::string text = out.str();
  EXPECT_NE(text.find(file_->path() + ":4: error: [syntax.command]"), std::string::npos) << text;
  EXPECT_EQ(text.find(file_->path() + ":4:5"), std::string::npos) << text;
  // No caret under "C: a2 LOGIN {5}", where the error is not.
  const std::size_t quoted = text.find("      C: a2 LOGIN {5}\n");
  ASSERT_NE(quoted, std::string::npos);
  std::istringstream rest(text.substr(quoted));
  std::string line, after;
  std::getline(rest, line);
  std::getline(rest, after);
  EXPECT_FALSE(std::regex_match(after, std::regex(" *\\^"))) << after;
}

// A credential before the error is shown as "***": the caret still lands under the byte the
// error is at, in the line as the report shows it.
TEST(SyntaxColumnRedacted, CaretAfterARedactedPasswordIsUnderTheError) {
  TempFile file(
      "S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] hi\n"
      "C: a1 LOGIN alice averyveryverylongpassword )(\n"
      "S: a1 BAD no\n");
  checks::CheckResult r = checks::check_inputs({file.path()}, {});
  ASSERT_FALSE(r.error.has_value());
  const checks::Violation* v = nullptr;
  for (const checks::Violation& x : r.analysis.violations)
    if (x.column) v = &x;
  ASSERT_NE(v, nullptr);
  ASSERT_TRUE(v->excerpt_column.has_value());
  EXPECT_EQ(v->excerpt, "a1 LOGIN alice *** )(");
  const char at = std::string("a1 LOGIN alice averyveryverylongpassword )(").at(*v->column);
  EXPECT_EQ(v->excerpt.at(*v->excerpt_column), at);

  std::ostringstream out;
  reports::write_text(out, r.analysis);
  const std::string text = out.str();
  const std::size_t quoted = text.find("      C: a1 LOGIN alice *** )(\n");
  ASSERT_NE(quoted, std::string::npos) << text;
  std::istringstream rest(text.substr(quoted));
  std::string line, caret;
  std::getline(rest, line);
  std::getline(rest, caret);
  ASSERT_EQ(caret.find_first_not_of(' '), caret.size() - 1) << caret;
  EXPECT_EQ(line.at(caret.size() - 1), at) << line << "\n" << caret;
}

}  // namespace
}  // namespace imapscope::testing
