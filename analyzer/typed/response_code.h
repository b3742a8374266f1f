#pragma once
// resp-text-code (RFC 9051 §7.1, §9; RFC 5530; and the codes of the extensions) with its
// arguments typed: "[COPYUID 38505 304,319:320 3956:3958]" reads as uidvalidity 38505, source
// UIDs 304,319:320 and destination UIDs 3956:3958.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "analyzer/response.h"
#include "analyzer/sequence_set.h"

namespace imapscope::analyzer::typed {

struct ResponseCodeData {
  std::string_view name;  // as sent
  std::string_view text;  // the arguments as sent, after the name's SP

  // UIDNEXT, UIDVALIDITY, UNSEEN (RFC 9051 §7.1), HIGHESTMODSEQ (RFC 7162 §3.1.2.1),
  // METADATA LONGENTRIES / MAXSIZE (RFC 5464 §4.2.1, §4.3).
  std::optional<std::uint64_t> number;
  // APPENDUID uidvalidity append-uid, COPYUID uidvalidity source destination (RFC 4315 §3).
  std::optional<std::uint32_t> uidvalidity;
  std::optional<SequenceSet> source_uids;
  // APPENDUID's UIDs, COPYUID's destination UIDs, MODIFIED's set (RFC 7162 §3.2).
  std::optional<SequenceSet> uids;
  // PERMANENTFLAGS (flag-perm list), BADCHARSET (charsets), CAPABILITY (capabilities),
  // MAILBOXID (RFC 8474 §4).
  std::optional<std::vector<std::string_view>> list;
  std::string_view atom;  // METADATA's LONGENTRIES / MAXSIZE / TOOMANY / NOPRIVATE

  bool is(std::string_view upper) const;
  friend bool operator==(const ResponseCodeData&, const ResponseCodeData&) = default;
};

// Reads a response code; nullopt when a code this layer knows has malformed arguments (the
// strict grammar names the error). Unknown codes keep their name and text only.
std::optional<ResponseCodeData> read_response_code(const ResponseCode& code);

}  // namespace imapscope::analyzer::typed
