#include <cstdio>
#include <ctime>

#include "reports/report.h"

namespace imapscope::reports {

std::string format_time(std::int64_t micros) {
  std::int64_t seconds = micros / 1000000;
  std::int64_t frac = micros % 1000000;
  if (frac < 0) {
    frac += 1000000;
    --seconds;
  }
  const auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(frac));
  return buf;
}

}  // namespace imapscope::reports
