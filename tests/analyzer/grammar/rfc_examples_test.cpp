// Known-answer tests: every example command and response of the RFCs' command and response
// sections (extracted by tests/data/grammar/extract-examples.py) validates against the strict
// grammar with no error and no deviation.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "tests/analyzer/grammar/grammar_test_support.h"

namespace imapscope::testing {
namespace {

// Client lines that are not commands: an AUTHENTICATE exchange's base64 answers, IDLE's DONE.
bool is_exchange_line(std::string_view text) {
  return text.find(' ') == std::string_view::npos;
}

void expect_all_valid(const std::string& file, analyzer::grammar::Options options) {
  const std::string data = read_data_file(file);
  ASSERT_FALSE(data.empty()) << file;
  std::istringstream in(data);
  std::string line;
  int number = 0;
  int checked = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.size() < 4 || line[0] == '#') continue;
    const std::string_view text = std::string_view(line).substr(3);
    const bool client = line[0] == 'C';
    if (client && is_exchange_line(text)) continue;
    const auto r = client ? command(text, options) : response(text, options);
    ++checked;
    EXPECT_TRUE(r.valid) << file << ":" << number << ": " << line << "\n  expected "
                         << r.error.expected << " at column " << r.error.column + 1 << " ("
                         << r.error.rule << ")";
    for (const auto& d : r.deviations) {
      ADD_FAILURE() << file << ":" << number << ": " << line << "\n  deviation " << d.deviation
                    << " at column " << d.column + 1 << ": expected " << d.expected;
    }
  }
  EXPECT_GT(checked, 20) << file;
}

TEST(RfcExamples, Rfc9051CommandsAndResponsesValidate) {
  expect_all_valid("tests/data/grammar/rfc9051-examples.txt", {true, true});
}

TEST(RfcExamples, Rfc3501CommandsAndResponsesValidate) {
  expect_all_valid("tests/data/grammar/rfc3501-examples.txt", {false, false});
}

TEST(RfcExamples, ExtensionExamplesValidate) {
  expect_all_valid("tests/data/grammar/extension-examples.txt", {true, true});
}

}  // namespace
}  // namespace imapscope::testing
