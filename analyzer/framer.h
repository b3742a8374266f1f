#pragma once
// The literal-aware framer: cuts one direction's byte stream into Messages. It accepts the
// bytes in chunks of any size, keeps only the current message (lines up to a limit, literals
// only up to a retention limit) and never reads literal octets as protocol text, so a literal
// that contains "a1 LOGOUT\r\n" cannot desynchronize the analysis.

#include <cstdint>
#include <string>
#include <string_view>

#include "analyzer/message.h"

namespace imapscope::analyzer {

struct FramerLimits {
  std::size_t max_line = 1 << 20;               // bytes of one line kept; longer lines are cut
  std::size_t max_message_text = 4 << 20;       // bytes of all lines of one message kept
  std::size_t max_retained_literal = 64 << 10;  // octets of each literal kept for rules
  // Lines (and literals) of one message recorded; further ones are folded into the last, so a
  // message of a million empty literals costs no more than one of max_lines. Literal octets
  // kept over a whole message stay under max_message_text.
  std::size_t max_lines = 10000;
};

class FramerSink {
 public:
  virtual ~FramerSink() = default;
  // A line ended in a literal announcement; its octets come next. `m` is the message so far.
  virtual void on_literal_announced(const Message& m, const Literal& literal) = 0;
  // The first octet of a literal arrived (called at once for an empty literal).
  virtual void on_literal_begin(const Message& m, const Literal& literal) = 0;
  // A whole message. The sink may move from it.
  virtual void on_message(Message& m) = 0;
};

class Framer {
 public:
  Framer(Direction dir, FramerSink& sink, FramerLimits limits = {});

  // Returns how many bytes it consumed: all of them, unless pause() was called while a
  // message was delivered, in which case it stops right after that message.
  std::size_t feed(std::string_view bytes, const Origin& origin);
  // Stops the current feed() after the message being delivered (called from on_message):
  // the bytes after it are no longer plain IMAP (COMPRESS=DEFLATE, RFC 4978 §3).
  void pause() { pause_ = true; }
  // The stream ended: a message in progress is delivered with `complete` false.
  void finish();
  // Bytes of the stream are missing (a capture gap): the message in progress is dropped, not
  // delivered, and the next byte starts a new message. `bytes_skipped` keeps offsets true to
  // the stream (0 when unknown).
  void reset(std::uint64_t bytes_skipped = 0);

  // While on, each line is an exchange line (AUTHENTICATE answers, DONE) with no literals.
  // The session switches it from inside on_message, so it applies from the next line on.
  void set_exchange_mode(bool on) { exchange_mode_ = on; }
  // The message in progress when it waits for the octets of a synchronizing literal and none
  // has arrived yet; else nullptr.
  const Message* awaiting_synchronizing_literal() const;
  // The server answered that message with a tagged BAD or NO instead of a continuation
  // request, so its client sends nothing more of it (RFC 9051 §2.2.1): the message is
  // delivered as it stands, its last literal marked refused, and the next byte starts a new
  // message. Call only when awaiting_synchronizing_literal() is not nullptr.
  void refuse_literal();
  std::uint64_t offset() const { return offset_; }
  bool in_message() const { return in_message_; }

 private:
  void start_message_if_needed(const Origin& origin);
  void end_line(bool bare_lf);
  void append_line_byte_range(std::string_view bytes);
  void deliver();

  Direction dir_;
  FramerSink& sink_;
  FramerLimits limits_;
  Message message_;
  std::string line_;  // the current line's kept bytes
  std::string tail_;  // the last bytes of a cut line, to still see its announcement
  std::uint64_t line_offset_ = 0;
  bool line_truncated_ = false;
  bool pending_cr_ = false;  // the previous byte was CR
  std::uint64_t literal_left_ = 0;
  bool in_literal_ = false;
  bool pause_ = false;
  // An empty literal ({0}) whose "first octet" event waits for the next byte of the stream:
  // what follows it is what a client may only send after the continuation (RFC 9051 §4.3).
  bool empty_literal_pending_ = false;
  bool in_message_ = false;
  bool exchange_mode_ = false;
  std::uint64_t offset_ = 0;
  std::size_t retained_ = 0;  // literal octets kept in the current message
};

// Recognizes a literal announcement at the end of `line`: "{n}", "{n+}" or "~{n}".
// Returns false when there is none or when n does not fit in 64 bits.
bool parse_literal_announcement(std::string_view line, LiteralKind& kind, std::uint64_t& size,
                                std::size_t& announcement_begin);

}  // namespace imapscope::analyzer
