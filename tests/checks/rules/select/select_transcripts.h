#pragma once
// Transcripts shared by the select.*-missing tests: an IMAP4rev2 SELECT or EXAMINE with every
// response RFC 9051 §6.3.2 requires, or with one of them left out. The tagged OK stands at
// line 4 + the number of data lines (line 2 is the greeting, line 3 the command).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace imapscope::testing {

inline const std::vector<std::string_view>& full_select_data() {
  static const std::vector<std::string_view> lines = {
      "S: * 2 EXISTS",
      "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
      "S: * OK [UIDVALIDITY 3857529045] UIDs valid",
      "S: * OK [UIDNEXT 4392] Predicted next UID",
      "S: * OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
      "S: * LIST () \"/\" INBOX"};
  return lines;
}

// `command` is SELECT or EXAMINE; the data line containing `omit` is left out ("" keeps all).
inline std::string select_transcript(std::string_view command, std::string_view omit) {
  std::string t =
      "\nS: * PREAUTH [CAPABILITY IMAP4rev2] ready\nC: a1 " + std::string(command) + " INBOX\n";
  for (std::string_view line : full_select_data()) {
    if (omit.empty() || line.find(omit) == std::string_view::npos) (t += line) += '\n';
  }
  t += command == "EXAMINE" ? "S: a1 OK [READ-ONLY] EXAMINE completed\n"
                            : "S: a1 OK [READ-WRITE] SELECT completed\n";
  return t;
}

// The line of the tagged OK in select_transcript(command, omit) when one line is omitted.
constexpr std::uint64_t kTaggedOkLineWithOneOmitted = 4 + 5;

inline const char* const kFailedSelect = R"(
S: * PREAUTH [CAPABILITY IMAP4rev2] ready
C: a1 SELECT nosuch
S: a1 NO [NONEXISTENT] no such mailbox
)";

}  // namespace imapscope::testing
