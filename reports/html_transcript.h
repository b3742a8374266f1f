#pragma once
// The HTML report's transcript view: per connection, the decoded messages with line numbers,
// tags colored (a command and its completion share a color), literals as "{N octets}" blocks
// that expand, and each violation under its message with its RFC links.
//
// A connection's transcript is embedded as JSON in a <script type="application/json"> block
// and turned into elements only when its box is opened or scrolled into view, so a report of
// thousands of connections opens quickly. What is embedded is capped in bytes; a connection
// past the cap gets a note instead.

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/analysis.h"

namespace imapscope::reports {

class TranscriptView {
 public:
  // `shown_violations`: violations [0, n) have a detail on the page (li#v<i+1>).
  TranscriptView(const checks::Analysis& analysis, std::size_t shown_violations,
                 std::size_t max_bytes);

  // Prepares connection `c`'s data, with its violations (indices into analysis.violations).
  // Called in order of priority: the byte cap serves the first connections first.
  void prepare(const checks::ConnectionSummary& c, const std::vector<std::size_t>& violations);

  // The id of the transcript element holding violation `vi` ("t3-17"), or null when that
  // message is not embedded.
  const std::string* place(std::size_t vi) const;

  // The connection's transcript box (or a note saying why there is none).
  std::string html(const checks::ConnectionSummary& c, bool open) const;

  // The data of every prepared connection, one <script type="application/json"> for the page.
  std::string data_block() const;

  std::size_t embedded_bytes() const { return used_; }

  static std::string_view style();
  static std::string_view script();

 private:
  const checks::Analysis& a_;
  std::size_t shown_violations_;
  std::size_t max_bytes_;
  std::size_t used_ = 0;
  std::map<std::uint32_t, std::string> data_;      // connection -> JSON (escaped for <script>)
  std::map<std::uint32_t, std::size_t> left_out_;  // connection -> bytes it would have taken
  std::map<std::uint32_t, std::size_t> messages_;  // connection -> messages embedded
  std::map<std::size_t, std::string> place_;       // violation -> element id
  std::map<std::uint32_t, std::set<std::string>> anchors_;  // connection -> places in it
};

}  // namespace imapscope::reports
