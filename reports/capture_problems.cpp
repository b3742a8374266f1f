#include "reports/capture_problems.h"

#include "reports/report.h"

namespace imapscope::reports {

nlohmann::json capture_problems_json(const std::vector<capture::CaptureProblem>& problems) {
  using nlohmann::json;
  json out = json::array();
  for (const capture::CaptureProblem& p : problems) {
    out.push_back(
        {{"kind", capture::capture_problem_kind_name(p.kind)},
         {"packet", p.packet != 0 ? json(p.packet) : json(nullptr)},
         {"time", p.time ? json(format_time(*p.time)) : json(nullptr)},
         {"direction", p.direction ? json(capture::side_name(*p.direction)) : json(nullptr)},
         {"bytes", p.bytes ? json(*p.bytes) : json(nullptr)},
         {"message", p.message}});
  }
  return out;
}

std::string capture_problem_text(const capture::CaptureProblem& p) {
  std::string line;
  if (p.packet != 0) line = "packet " + std::to_string(p.packet);
  if (p.time) line += (line.empty() ? "" : " ") + std::string("(") + format_time(*p.time) + ")";
  if (!line.empty()) line += ": ";
  line += capture::capture_problem_kind_name(p.kind);
  if (p.direction) line += " in the " + std::string(capture::side_name(*p.direction)) + " stream";
  return line + ": " + p.message;
}

}  // namespace imapscope::reports
