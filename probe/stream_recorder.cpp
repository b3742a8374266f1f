#include "probe/stream_recorder.h"

#include <chrono>

namespace imapscope::probe {

namespace {

capture::Timestamp now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

StreamRecorder::StreamRecorder(capture::StreamSink& sink, capture::ConnectionId id,
                               std::ostream* transcript, std::uint64_t line)
    : sink_(sink), id_(id), transcript_(transcript), line_(line), numbered_(line > 0) {}

void StreamRecorder::begin(const capture::ConnectionMeta& meta) {
  sink_.on_connection_begin(id_, meta);
  open_ = true;
}

void StreamRecorder::record(capture::Direction dir, std::string_view bytes,
                            std::string_view shown) {
  if (!open_) return;
  Pending& p = pending_[static_cast<std::size_t>(dir)];
  if (shown.empty()) shown = bytes;
  // `shown` differs only in whole lines (credentials), so both split at the same line ends.
  while (!bytes.empty()) {
    const auto lf = bytes.find('\n');
    const auto shown_lf = shown.find('\n');
    if (lf == std::string_view::npos || shown_lf == std::string_view::npos) {
      p.bytes.append(bytes);
      p.shown.append(shown);
      if (p.bytes.size() > kMaxPendingLine) {
        emit(dir, p.bytes, p.shown);
        p.bytes.clear();
        p.shown.clear();
      }
      return;
    }
    p.bytes.append(bytes.substr(0, lf + 1));
    p.shown.append(shown.substr(0, shown_lf + 1));
    emit(dir, p.bytes, p.shown);
    p.bytes.clear();
    p.shown.clear();
    bytes.remove_prefix(lf + 1);
    shown.remove_prefix(shown_lf + 1);
  }
}

void StreamRecorder::emit(capture::Direction dir, std::string_view bytes, std::string_view shown) {
  capture::Origin origin;
  origin.line = numbered_ ? line_ : 0;
  origin.time = now_us();
  sink_.on_data(id_, dir, bytes, origin);
  ++line_;
  if (transcript_ == nullptr) return;
  std::string_view text = shown;
  if (text.ends_with('\n')) text.remove_suffix(1);
  if (text.ends_with('\r')) text.remove_suffix(1);
  *transcript_ << (dir == capture::Direction::kClientToServer ? "C:" : "S:");
  if (!text.empty()) *transcript_ << ' ' << text;
  *transcript_ << '\n';
}

void StreamRecorder::end() {
  if (!open_) return;
  for (std::size_t d = 0; d < 2; ++d) {
    if (pending_[d].bytes.empty()) continue;
    emit(static_cast<capture::Direction>(d), pending_[d].bytes, pending_[d].shown);
    pending_[d] = {};
  }
  sink_.on_connection_end(id_);
  open_ = false;
  if (transcript_ != nullptr) transcript_->flush();
}

}  // namespace imapscope::probe
