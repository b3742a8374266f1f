#pragma once
// The strict validator: recursive descent over a Message's bytes against the formal syntax of
// RFC 9051 §9 and RFC 3501 §9 (their union, rev1-only forms included) and the extensions'
// ABNF (RFC 4466 as their common base). It runs after the lenient parse of command.h and
// response.h succeeded, and tells exactly where and why a message breaks the grammar.
//
// Known real-world deviations are not plain errors: the validator names them
// (SyntaxError::deviation), steps over them and goes on, so a dedicated rule can report each
// one with the severity its RFC gives.

#include <vector>

#include "analyzer/message.h"
#include "analyzer/syntax.h"

namespace imapscope::analyzer::grammar {

struct Options {
  // RFC 9051 §9 / RFC 6855 §3: UTF-8 in quoted strings is allowed under IMAP4rev2 or once
  // UTF8=ACCEPT is enabled; otherwise 8-bit bytes are the "quoted-8bit" deviation.
  bool utf8 = false;
  // IMAP4rev2 is in force: resp-text may lack text (RFC 9051 §9); under rev1 it may not.
  bool rev2 = false;
};

struct Result {
  bool valid = true;  // no error (deviations may still have been recovered from)
  SyntaxError error;  // the first error, when !valid
  std::vector<SyntaxError> deviations;
};

// RFC 9051 §9 "command", the whole client message.
Result validate_command(const Message& m, const Options& options = {});
// RFC 9051 §9 "continue-req" / "response-data" / "response-tagged" / "response-fatal" /
// "greeting", the whole server message.
Result validate_response(const Message& m, const Options& options = {});

// Deviation names carried in SyntaxError::deviation.
namespace deviation {
inline constexpr const char* kTrailingSpace = "trailing-space";
inline constexpr const char* kDoubleSpace = "double-space";
inline constexpr const char* kMissingText = "missing-text";
inline constexpr const char* kContinuationNoSpace = "continuation-no-space";
inline constexpr const char* kBodyNil = "body-nil";
inline constexpr const char* kBadNumber = "bad-number";
inline constexpr const char* kUnquotedSpecials = "unquoted-specials";
inline constexpr const char* kBlankLine = "blank-line";
inline constexpr const char* kWrongSide = "wrong-side";
inline constexpr const char* kQuoted8bit = "quoted-8bit";
inline constexpr const char* kLiteralLength = "literal-length";
}  // namespace deviation

}  // namespace imapscope::analyzer::grammar
