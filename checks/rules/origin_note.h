#pragma once
// How a finding names an earlier message of the same connection: by the line of a transcript or
// rawlog, by the packet (frame number, as Wireshark counts) of a capture; by nothing when the
// input has neither (a probe's second connections), rather than a "line 0" that is nowhere.
#include <string>
#include <string_view>

#include "capture/origin.h"

namespace imapscope::checks {

// "line 12", "packet 40" or "".
inline std::string place(const capture::Origin& origin) {
  if (origin.line != 0) return "line " + std::to_string(origin.line);
  if (origin.packet != 0) return "packet " + std::to_string(origin.packet);
  return {};
}

// " (line 12)", " (packet 40)" or "".
inline std::string place_note(const capture::Origin& origin) {
  const std::string where = place(origin);
  return where.empty() ? where : " (" + where + ")";
}

// " (tag 'a4', line 12)", " (tag 'a4', packet 40)" or " (tag 'a4')".
inline std::string tag_note(std::string_view tag, const capture::Origin& origin) {
  const std::string where = place(origin);
  return " (tag '" + std::string(tag) + "'" + (where.empty() ? "" : ", " + where) + ")";
}

}  // namespace imapscope::checks
