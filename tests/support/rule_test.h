#pragma once
// Rule tests. Every rule of the catalog has at least one test that makes it fire and one that
// shows it silent on correct traffic; RULE_FIRES / RULE_SILENT record which rules they cover,
// and the catalog test fails for a rule that lacks either.
//
//   RULE_FIRES(TagUnknown, "tag.unknown", ExtraCompletion, R"(
//   S: * OK [CAPABILITY IMAP4rev2] ready
//   S: zz OK done
//   )", 3);   // the rule fires at line 3 of the transcript
//   RULE_SILENT(TagUnknown, "tag.unknown", NormalSession, kCorrectSession);

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "checks/checker.h"

namespace imapscope::testing {

// Runs `transcript` (C:/S: text) through the whole pipeline.
checks::Analysis analyze_transcript(std::string_view transcript,
                                    checks::Profile profile = checks::Profile::kAuto);

// Runs a Dovecot rawlog pair through the whole pipeline: `in_text` is what the client sent
// (NAME.in), `out_text` what the server sent (NAME.out), byte for byte, with or without the
// "SECONDS.MICROSECONDS " stamp at the start of every line.
checks::Analysis analyze_rawlog(std::string_view in_text, std::string_view out_text,
                                checks::Profile profile = checks::Profile::kAuto);

// The violations of one rule.
std::vector<checks::Violation> violations_of(const checks::Analysis& a, std::string_view rule);

// Registers that `rule` has a test of the given kind; returns true so it can seed a static.
bool note_rule_test(std::string_view rule, bool fires);
bool rule_has_test(std::string_view rule, bool fires);

// A transcript of a correct IMAP4rev2 session that every rule must stay silent on.
extern const char* const kCorrectRev2Session;

void expect_fires_at(std::string_view rule, std::string_view transcript, std::uint64_t line,
                     checks::Profile profile = checks::Profile::kAuto);
void expect_silent(std::string_view rule, std::string_view transcript,
                   checks::Profile profile = checks::Profile::kAuto);

}  // namespace imapscope::testing

// `suite` names the rule as a C++ identifier (TagUnknown for tag.unknown); test names are
// Suite.Fires_Name and Suite.Silent_Name.
#define RULE_FIRES(suite, rule, name, transcript, line)                                            \
  static const bool suite##_fires_noted_##name = ::imapscope::testing::note_rule_test(rule, true); \
  TEST(suite, Fires_##name) {                                                                      \
    ::imapscope::testing::expect_fires_at(rule, transcript, line);                                 \
  }

#define RULE_SILENT(suite, rule, name, transcript)         \
  static const bool suite##_silent_noted_##name =          \
      ::imapscope::testing::note_rule_test(rule, false);   \
  TEST(suite, Silent_##name) {                             \
    ::imapscope::testing::expect_silent(rule, transcript); \
  }
