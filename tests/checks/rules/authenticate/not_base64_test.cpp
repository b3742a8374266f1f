#include "tests/support/rule_test.h"

RULE_FIRES(AuthenticateNotBase64, "authenticate.not-base64", PlainTextAnswer, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: + 
C: alice secret
S: a1 BAD invalid base64
)",
           5)

// RFC 9051 §6.2.2: "=AAA" and "AAA=BBB" are not allowed.
RULE_FIRES(AuthenticateNotBase64, "authenticate.not-base64", PaddingInTheMiddle, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: + 
C: AGFs=aWNl
S: a1 BAD invalid base64
)",
           5)

RULE_FIRES(AuthenticateNotBase64, "authenticate.not-base64", MissingPadding, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: + 
C: AGFsaWNlAHNlY3JldA
S: a1 BAD invalid base64
)",
           5)

// The answer is a credential: neither the message nor the excerpt may show it.
TEST(AuthenticateNotBase64, NeverShowsTheAnswer) {
  const auto a = imapscope::testing::analyze_transcript(R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: + 
C: alice s3cr3t-passw0rd
S: a1 BAD invalid base64
)");
  const auto v = imapscope::testing::violations_of(a, "authenticate.not-base64");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].severity, imapscope::checks::Severity::kError);
  EXPECT_EQ(v[0].tag, "a1");
  EXPECT_EQ(v[0].message.find("s3cr3t"), std::string::npos) << v[0].message;
  EXPECT_EQ(v[0].message.find("alice"), std::string::npos) << v[0].message;
  EXPECT_EQ(v[0].excerpt.find("s3cr3t"), std::string::npos) << v[0].excerpt;
}

RULE_SILENT(AuthenticateNotBase64, "authenticate.not-base64", CorrectSession,
            imapscope::testing::kCorrectRev2Session)

RULE_SILENT(AuthenticateNotBase64, "authenticate.not-base64", ValidAnswer, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready
C: a1 AUTHENTICATE PLAIN
S: + 
C: AGFsaWNlAHNlY3JldA==
S: a1 OK done
)")

// "*" cancels the exchange (RFC 9051 §6.2.2); an empty line is an empty response
// (base64 = *(4base64-char) [base64-terminal]).
RULE_SILENT(AuthenticateNotBase64, "authenticate.not-base64", CancelAndEmptyResponse, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=SCRAM-SHA-256 AUTH=PLAIN] ready
C: a1 AUTHENTICATE SCRAM-SHA-256
S: + 
C: *
S: a1 BAD authentication canceled
C: a2 AUTHENTICATE PLAIN
S: + 
C:
S: + 
C: AGFsaWNlAHNlY3JldA==
S: a2 OK done
)")

// The initial response on the command line (SASL-IR) is not an answer line.
RULE_SILENT(AuthenticateNotBase64, "authenticate.not-base64", InitialResponseEquals, R"(
S: * OK [CAPABILITY IMAP4rev2 AUTH=EXTERNAL] ready
C: a1 AUTHENTICATE EXTERNAL =
S: a1 OK done
)")
