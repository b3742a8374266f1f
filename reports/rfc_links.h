#pragma once
// Links to the RFC sections a rule cites. "RFC 9051 §7.5.1" becomes
// https://www.rfc-editor.org/rfc/rfc9051#section-7.5.1 (a link for a reader to follow; no
// report fetches anything).

#include <string>
#include <string_view>
#include <vector>

namespace imapscope::reports {

struct CitationPart {
  std::string text;
  std::string url;  // empty for the text between section references
};

// The citation cut into text and linked section references, in order; concatenating the
// parts' text gives the citation back. "RFC 9051 §2.2.1, §9" gives "RFC 9051 ",
// "§2.2.1" (linked), ", ", "§9" (linked). A bare number before "§" ("3501 §6.1.1") names
// the RFC of the sections after it.
std::vector<CitationPart> cite_rfc_sections(std::string_view citation);

// The first section's URL, or the first RFC's when no section is cited; empty when none.
std::string first_rfc_url(std::string_view citation);

std::string rfc_section_url(std::string_view rfc_number, std::string_view section);

}  // namespace imapscope::reports
