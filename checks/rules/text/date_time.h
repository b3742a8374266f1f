#pragma once
// date-time and date as RFC 9051 §9 writes them, and whether they name a real moment:
//   date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
//   date      = date-text / DQUOTE date-text DQUOTE;  date-text = date-day "-" date-month "-"
//   date-year date-day-fixed = (SP DIGIT) / 2DIGIT; date-day = 1*2DIGIT; time = 2DIGIT ":" 2DIGIT
//   ":" 2DIGIT zone = ("+" / "-") 4DIGIT   ; "Hours and minutes" east (+) or west (-) of UTC
// The grammar lets "31-Feb-2024 25:61:00 +0099" through; §2.3.3 calls INTERNALDATE "the
// internal date and time of the message", which such a text is not. Shared by
// text.server-date-time-invalid and text.client-date-time-invalid.

#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/syntax.h"

namespace imapscope::checks::date_time {

inline bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

inline int number(std::string_view s) {
  int n = 0;
  for (char c : s)
    n = n * 10 + (c - '0');
  return n;
}

// 1..12 for a month name (case-insensitive, as ABNF strings are), else 0.
inline int month_number(std::string_view m) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (analyzer::iequals(m, kMonths[i])) return static_cast<int>(i) + 1;
  }
  return 0;
}

inline int days_in_month(int month, int year) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// What is wrong with date-text "d-Mon-yyyy" (the day already without its leading space).
inline std::optional<std::string> date_problem(std::string_view day, std::string_view month,
                                               std::string_view year) {
  if (!digits(day) || day.size() > 2) return "day \"" + std::string(day) + "\" is not 1*2DIGIT";
  const int m = month_number(month);
  if (m == 0) return "\"" + std::string(month) + "\" is not a month name";
  if (!digits(year) || year.size() != 4) return "year \"" + std::string(year) + "\" is not 4DIGIT";
  const int d = number(day);
  if (d < 1 || d > days_in_month(m, number(year))) {
    return "day " + std::to_string(d) + " does not exist in " + std::string(month) + " " +
           std::string(year);
  }
  return std::nullopt;
}

// `s` is the content of the quoted date-time (without the DQUOTEs).
inline std::optional<std::string> date_time_problem(std::string_view s) {
  if (s.size() != 26 || s[2] != '-' || s[6] != '-' || s[11] != ' ' || s[14] != ':' ||
      s[17] != ':' || s[20] != ' ' || (s[21] != '+' && s[21] != '-')) {
    return "\"" + std::string(s) + "\" does not have the form \"dd-Mon-yyyy hh:mm:ss +zzzz\"";
  }
  std::string_view day = s.substr(0, 2);
  if (day[0] == ' ') day.remove_prefix(1);
  if (auto p = date_problem(day, s.substr(3, 3), s.substr(7, 4))) return p;
  const std::string_view hh = s.substr(12, 2), mm = s.substr(15, 2), ss = s.substr(18, 2);
  const std::string_view zone = s.substr(22, 4);
  if (!digits(hh) || !digits(mm) || !digits(ss) || !digits(zone)) {
    return "\"" + std::string(s) + "\" has a non-digit in its time or zone";
  }
  if (number(hh) > 23 || number(mm) > 59 || number(ss) > 60) {
    return "time " + std::string(s.substr(12, 8)) + " does not exist";
  }
  if (number(zone.substr(2)) > 59) {
    return "zone " + std::string(s.substr(21, 5)) + " has more than 59 minutes";
  }
  return std::nullopt;
}

// `s` is date-text, e.g. "1-Feb-1994".
inline std::optional<std::string> date_text_problem(std::string_view s) {
  const std::size_t a = s.find('-');
  const std::size_t b = a == std::string_view::npos ? a : s.find('-', a + 1);
  if (b == std::string_view::npos) {
    return "\"" + std::string(s) + "\" does not have the form \"d-Mon-yyyy\"";
  }
  return date_problem(s.substr(0, a), s.substr(a + 1, b - a - 1), s.substr(b + 1));
}

}  // namespace imapscope::checks::date_time
