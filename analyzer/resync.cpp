#include "analyzer/resync.h"

#include <algorithm>
#include <cctype>

#include "analyzer/command.h"
#include "analyzer/syntax.h"

namespace imapscope::analyzer {
namespace {

// The head's first token up to SP (or the line's end), and what follows the SP.
std::string_view first_token(std::string_view& head) {
  std::size_t end = 0;
  while (end < head.size() && head[end] != ' ' && head[end] != '\r' && head[end] != '\n')
    ++end;
  const std::string_view token = head.substr(0, end);
  head.remove_prefix(end);
  return token;
}

bool next_is_space(std::string_view& rest) {
  if (rest.empty() || rest[0] != ' ') return false;
  rest.remove_prefix(1);
  return true;
}

// The token ends the line or is followed by SP: "FETCH" in "FETCH (", not in "FETCHED".
bool token_ends(std::string_view rest) {
  return rest.empty() || rest[0] == ' ' || rest[0] == '\r' || rest[0] == '\n';
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// tag = 1*<any ASTRING-CHAR except "+"> (RFC 9051 §9)
bool is_tag(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return c != '+' && is_astring_char(c); });
}

bool any_of_names(std::string_view token, std::initializer_list<std::string_view> names) {
  return std::any_of(names.begin(), names.end(),
                     [&](std::string_view n) { return iequals(token, n); });
}

}  // namespace

bool plausible_command_start(std::string_view head) {
  const std::string_view tag = first_token(head);
  if (!is_tag(tag) || !next_is_space(head)) return false;
  std::string name = upper(first_token(head));
  if (!token_ends(head)) return false;
  if (name == "UID") {
    if (!next_is_space(head)) return false;
    name += ' ' + upper(first_token(head));
  }
  return command_info(name).id != CommandId::kUnknown;
}

bool plausible_response_start(std::string_view head,
                              const std::function<bool(std::string_view tag)>& tag_in_progress) {
  const std::string_view first = first_token(head);
  if (!next_is_space(head)) return false;
  const std::string_view second = first_token(head);
  if (!token_ends(head) || second.empty()) return false;
  if (first != "*") {
    // response-tagged = tag SP resp-cond-state (RFC 9051 §7.1)
    return is_tag(first) && tag_in_progress(first) && any_of_names(second, {"OK", "NO", "BAD"});
  }
  if (std::all_of(second.begin(), second.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    // message-data = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att)); mailbox-data's
    // number SP "EXISTS" (RFC 9051 §7.4, §7.5; RECENT in RFC 3501 §7.3.2)
    if (!next_is_space(head)) return false;
    const std::string_view third = first_token(head);
    return token_ends(head) && any_of_names(third, {"EXISTS", "EXPUNGE", "FETCH", "RECENT"});
  }
  // resp-cond-state, resp-cond-bye and the names of RFC 9051 §7.2-§7.4 and extensions.
  return any_of_names(second,
                      {"OK",      "NO",        "BAD",  "BYE",      "PREAUTH",    "CAPABILITY",
                       "ENABLED", "FLAGS",     "LIST", "LSUB",     "NAMESPACE",  "STATUS",
                       "SEARCH",  "ESEARCH",   "SORT", "THREAD",   "ID",         "VANISHED",
                       "QUOTA",   "QUOTAROOT", "ACL",  "MYRIGHTS", "LISTRIGHTS", "METADATA"});
}

void ResyncScanner::start() {
  active_ = true;
  at_line_start_ = true;
  held_.clear();
  skipped_ = 0;
}

std::optional<ResyncScanner::Resumed> ResyncScanner::scan(
    std::string_view bytes, const Origin& origin,
    const std::function<bool(std::string_view)>& plausible) {
  while (active_ && !bytes.empty()) {
    if (!at_line_start_) {
      const std::size_t lf = bytes.find('\n');
      if (lf == std::string_view::npos) {
        skipped_ += bytes.size();
        return std::nullopt;
      }
      skipped_ += lf + 1;
      bytes.remove_prefix(lf + 1);
      at_line_start_ = true;
      continue;
    }
    if (held_.empty()) held_origin_ = origin;
    const std::size_t lf = bytes.find('\n');
    const std::size_t line = lf == std::string_view::npos ? bytes.size() : lf + 1;
    const std::size_t take = std::min(line, kHead - held_.size());
    held_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    const bool line_ended = held_.back() == '\n';
    if (!line_ended && held_.size() < kHead) return std::nullopt;  // judge it when whole
    if (plausible(held_)) {
      active_ = false;
      Resumed r{std::move(held_), held_origin_, bytes, skipped_};
      held_.clear();
      return r;
    }
    skipped_ += held_.size();
    held_.clear();
    at_line_start_ = line_ended;
  }
  return std::nullopt;
}

}  // namespace imapscope::analyzer
