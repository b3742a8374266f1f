#include "analyzer/framer.h"

#include <algorithm>
#include <cstring>

namespace imapscope::analyzer {
namespace {

// Enough of a cut line's end to still recognize "~{18446744073709551615+}" after CR.
constexpr std::size_t kTailKeep = 32;

}  // namespace

bool parse_literal_announcement(std::string_view line, LiteralKind& kind, std::uint64_t& size,
                                std::size_t& announcement_begin) {
  if (line.empty() || line.back() != '}') return false;
  std::size_t i = line.size() - 1;  // at '}'
  bool non_sync = false;
  if (i > 0 && line[i - 1] == '+') {
    non_sync = true;
    --i;
  }
  std::size_t digits_end = i;
  while (i > 0 && line[i - 1] >= '0' && line[i - 1] <= '9')
    --i;
  if (i == digits_end || i == 0 || line[i - 1] != '{') return false;
  std::uint64_t n = 0;
  for (std::size_t k = i; k < digits_end; ++k) {
    const auto d = static_cast<std::uint64_t>(line[k] - '0');
    if (n > (UINT64_MAX - d) / 10) return false;  // the announced size does not fit
    n = n * 10 + d;
  }
  --i;  // at '{'
  bool binary = i > 0 && line[i - 1] == '~';
  if (binary) --i;
  announcement_begin = i;
  size = n;
  kind = binary     ? LiteralKind::kBinary
         : non_sync ? LiteralKind::kNonSynchronizing
                    : LiteralKind::kSynchronizing;
  return true;
}

Framer::Framer(Direction dir, FramerSink& sink, FramerLimits limits)
    : dir_(dir), sink_(sink), limits_(limits) {}

void Framer::start_message_if_needed(const Origin& origin) {
  if (in_message_) return;
  in_message_ = true;
  message_.dir = dir_;
  message_.offset = offset_;
  message_.origin = origin;
  message_.exchange = exchange_mode_;
  line_offset_ = offset_;
}

void Framer::append_line_byte_range(std::string_view bytes) {
  if (bytes.empty()) return;
  pending_cr_ = bytes.back() == '\r';
  const std::size_t room = limits_.max_line > line_.size() ? limits_.max_line - line_.size() : 0;
  if (bytes.size() <= room && !line_truncated_) {
    line_.append(bytes);
    return;
  }
  // The announcement may have begun in bytes already kept (the previous chunk): seed the tail
  // with them, so where the stream was cut does not matter.
  if (!line_truncated_) {
    tail_.assign(std::string_view(line_).substr(line_.size() - std::min(line_.size(), kTailKeep)));
  }
  line_.append(bytes.substr(0, std::min(room, bytes.size())));
  line_truncated_ = true;
  tail_.append(bytes.size() > kTailKeep ? bytes.substr(bytes.size() - kTailKeep) : bytes);
  if (tail_.size() > kTailKeep) tail_.erase(0, tail_.size() - kTailKeep);
}

std::size_t Framer::feed(std::string_view bytes, const Origin& origin) {
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  while (i < n) {
    if (empty_literal_pending_) {
      empty_literal_pending_ = false;
      sink_.on_literal_begin(message_, message_.literals.back());
    }
    if (in_literal_) {
      Literal& literal = message_.literals.back();
      if (literal_left_ == literal.size) sink_.on_literal_begin(message_, literal);
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(literal_left_, n - i));
      const std::size_t kept = literal.retained.size();
      if (kept < limits_.max_retained_literal && retained_ < limits_.max_message_text) {
        const std::size_t keep = std::min(
            {take, limits_.max_retained_literal - kept, limits_.max_message_text - retained_});
        literal.retained.append(bytes.substr(i, keep));
        retained_ += keep;
      }
      i += take;
      offset_ += take;
      literal_left_ -= take;
      if (literal_left_ == 0) {
        literal.complete = true;
        in_literal_ = false;
        line_offset_ = offset_;
      }
      continue;
    }
    start_message_if_needed(origin);
    const void* lf = std::memchr(bytes.data() + i, '\n', n - i);
    if (lf == nullptr) {
      append_line_byte_range(bytes.substr(i));
      offset_ += n - i;
      return n;
    }
    const auto len = static_cast<std::size_t>(static_cast<const char*>(lf) - (bytes.data() + i));
    const bool bare_lf = len > 0 ? bytes[i + len - 1] != '\r' : !pending_cr_;
    append_line_byte_range(bytes.substr(i, len));
    i += len + 1;
    offset_ += len + 1;
    end_line(bare_lf);
    if (pause_) {
      pause_ = false;
      return i;
    }
  }
  return n;
}

void Framer::end_line(bool bare_lf) {
  std::string_view content = line_;
  std::string_view tail = tail_;
  if (!bare_lf) {
    if (line_truncated_ && !tail.empty())
      tail.remove_suffix(1);
    else if (!content.empty())
      content.remove_suffix(1);
  }
  Line line;
  line.begin = message_.text.size();
  line.stream_offset = line_offset_;
  line.bare_lf = bare_lf;
  line.truncated = line_truncated_;
  // Probe the whole line: cutting it to the message text limit must not hide its announcement.
  const std::string_view probe = line_truncated_ ? tail : content;
  const std::size_t room = limits_.max_message_text > message_.text.size()
                               ? limits_.max_message_text - message_.text.size()
                               : 0;
  if (content.size() > room) {
    content = content.substr(0, room);
    line.truncated = true;
  }
  message_.text.append(content);
  line.end = message_.text.size();
  if (message_.lines.size() < std::max<std::size_t>(limits_.max_lines, 2)) {
    message_.lines.push_back(line);
  } else {  // folded into the last line: the message no longer parses, as it should not
    message_.lines.back().end = line.end;
    message_.lines.back().truncated = true;
  }

  // A continuation request ("+ text") carries no literal, whatever its text ends with.
  const bool continuation =
      dir_ == Direction::kServerToClient && message_.lines.size() == 1 && content.starts_with('+');
  LiteralKind kind{};
  std::uint64_t size = 0;
  std::size_t begin = 0;
  const bool announces =
      !message_.exchange && !continuation && parse_literal_announcement(probe, kind, size, begin);
  line_.clear();
  tail_.clear();
  line_truncated_ = false;
  pending_cr_ = false;
  line_offset_ = offset_;
  if (!announces) {
    deliver();
    return;
  }
  // One literal fewer than lines, as in a whole message: the last is reused past the limit.
  if (message_.literals.size() + 1 < std::max<std::size_t>(limits_.max_lines, 2)) {
    message_.literals.push_back(Literal{kind, size, offset_, {}, size == 0});
  } else {
    retained_ -= message_.literals.back().retained.size();
    message_.literals.back() = Literal{kind, size, offset_, {}, size == 0};
  }
  sink_.on_literal_announced(message_, message_.literals.back());
  if (size == 0) {
    empty_literal_pending_ = true;
  } else {
    in_literal_ = true;
    literal_left_ = size;
  }
}

void Framer::deliver() {
  message_.complete = true;
  in_message_ = false;
  sink_.on_message(message_);
  // Emptied rather than replaced: the next message reuses the buffers (unless the sink moved
  // them away), which saves an allocation per line on streams of short messages.
  message_.text.clear();
  message_.lines.clear();
  message_.literals.clear();
  message_.redactions.clear();
  message_.origin = Origin{};
  message_.complete = false;
  message_.exchange = false;
  retained_ = 0;
}

const Message* Framer::awaiting_synchronizing_literal() const {
  if (!in_literal_ || message_.literals.empty()) return nullptr;
  const Literal& literal = message_.literals.back();
  const bool untouched = literal_left_ == literal.size;
  return untouched && literal.kind == LiteralKind::kSynchronizing ? &message_ : nullptr;
}

void Framer::refuse_literal() {
  if (awaiting_synchronizing_literal() == nullptr) return;
  message_.literals.back().refused = true;
  in_literal_ = false;
  literal_left_ = 0;
  line_offset_ = offset_;
  deliver();
}

void Framer::reset(std::uint64_t bytes_skipped) {
  empty_literal_pending_ = false;
  message_ = Message{};
  retained_ = 0;
  line_.clear();
  tail_.clear();
  line_truncated_ = false;
  pending_cr_ = false;
  literal_left_ = 0;
  in_literal_ = false;
  in_message_ = false;
  offset_ += bytes_skipped;
  line_offset_ = offset_;
}

void Framer::finish() {
  empty_literal_pending_ = false;
  if (!in_message_) return;
  if (!in_literal_ && (!line_.empty() || line_truncated_)) {
    Line line;
    line.begin = message_.text.size();
    line.stream_offset = line_offset_;
    line.truncated = line_truncated_;
    message_.text.append(line_);
    line.end = message_.text.size();
    message_.lines.push_back(line);
  }
  in_message_ = false;
  in_literal_ = false;
  message_.complete = false;
  if (!message_.lines.empty()) sink_.on_message(message_);
  message_ = Message{};
  retained_ = 0;
  line_.clear();
  tail_.clear();
}

}  // namespace imapscope::analyzer
