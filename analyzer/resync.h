#pragma once
// Finding the way back into a stream after a gap. Bytes missing from a capture leave the
// framer at an unknown place: inside a line, a literal, an AUTHENTICATE exchange. Zeek's IMAP
// analyzer stops there; imapscope discards bytes up to the next line that plausibly begins a
// message, and frames again from it. "Plausibly" is strict, because the discarded bytes may be
// literal data (a message body) whose lines look like anything:
//   client: tag SP command-name, the name one of RFC 9051 §6 or a known extension's (§9
//           "command": tag SP (command-any / command-auth / ...));
//   server: "*" SP a known untagged response name (§7), or "*" SP number SP EXISTS / EXPUNGE /
//           FETCH / RECENT (§7.4, §7.5), or the tag of a command in progress SP OK/NO/BAD
//           (§7.1). A continuation request ("+") is not trusted: its text is free.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/message.h"

namespace imapscope::analyzer {

// `head` is the start of a line (up to its LF, or its first ResyncScanner::kHead bytes).
bool plausible_command_start(std::string_view head);
bool plausible_response_start(std::string_view head,
                              const std::function<bool(std::string_view tag)>& tag_in_progress);

// One direction's search for its resynchronization point, across chunks of any size.
class ResyncScanner {
 public:
  static constexpr std::size_t kHead = 96;  // bytes of a line enough to judge its start

  struct Resumed {
    std::string head;  // the accepted line's first bytes, held while judging it
    Origin head_origin;
    std::string_view rest;      // the chunk's bytes after `head`
    std::uint64_t skipped = 0;  // bytes discarded before `head`
  };

  // After a gap: the next byte may begin a line (the gap may have ended at one).
  void start();
  bool active() const { return active_; }
  // Consumes `bytes`: empty while no line start is accepted (they are discarded or held), else
  // where framing resumes. `plausible` judges a line head.
  std::optional<Resumed> scan(std::string_view bytes, const Origin& origin,
                              const std::function<bool(std::string_view)>& plausible);

 private:
  bool active_ = false;
  bool at_line_start_ = true;
  std::string held_;
  Origin held_origin_;
  std::uint64_t skipped_ = 0;
};

}  // namespace imapscope::analyzer
