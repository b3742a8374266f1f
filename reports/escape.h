#pragma once
// Escaping for the markup formats (HTML, XML) and for URIs. Report text comes from hostile
// streams: any byte may appear in an excerpt, a tag or a path, valid UTF-8 or not.

#include <string>
#include <string_view>

namespace imapscope::reports {

// `text` as valid UTF-8: each byte that does not start or continue a valid sequence becomes
// U+FFFD.
std::string valid_utf8(std::string_view text);

// Text for HTML or XML 1.0 content (attribute = false) or a double- or single-quoted
// attribute value (attribute = true): & < > " ' escaped, invalid UTF-8 replaced by U+FFFD,
// control characters XML 1.0 does not allow shown as \xNN, U+FFFE and U+FFFF replaced; in an
// attribute, tab, CR and LF become character references so they survive normalization.
std::string escape_markup(std::string_view text, bool attribute = false);
inline std::string escape_attribute(std::string_view text) {
  return escape_markup(text, true);
}

// A path as a URI reference: unreserved characters and '/' kept, every other byte %XX.
// An absolute path becomes a file:// URI.
std::string path_to_uri(std::string_view path);

}  // namespace imapscope::reports
