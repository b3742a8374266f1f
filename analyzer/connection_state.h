#pragma once
// The four connection states of RFC 9051 §3 (and RFC 3501 §3).

#include <cstdint>
#include <string_view>

namespace imapscope::analyzer {

enum class ConnectionState : unsigned char {
  kNotAuthenticated,
  kAuthenticated,
  kSelected,
  kLogout,
};

constexpr std::string_view state_name(ConnectionState s) {
  switch (s) {
    case ConnectionState::kNotAuthenticated:
      return "not_authenticated";
    case ConnectionState::kAuthenticated:
      return "authenticated";
    case ConnectionState::kSelected:
      return "selected";
    case ConnectionState::kLogout:
      return "logout";
  }
  return "unknown";
}

// A set of states, as a bit mask.
using StateSet = std::uint8_t;
constexpr StateSet state_bit(ConnectionState s) {
  return static_cast<StateSet>(1u << static_cast<unsigned>(s));
}
constexpr StateSet kNotAuthenticatedOnly = state_bit(ConnectionState::kNotAuthenticated);
constexpr StateSet kAuthenticatedOnly = state_bit(ConnectionState::kAuthenticated);
constexpr StateSet kSelectedOnly = state_bit(ConnectionState::kSelected);
constexpr StateSet kAuthenticatedOrSelected = kAuthenticatedOnly | kSelectedOnly;
constexpr StateSet kAnyState = kNotAuthenticatedOnly | kAuthenticatedOrSelected;
constexpr bool state_allowed(StateSet set, ConnectionState s) {
  return (set & state_bit(s)) != 0;
}

}  // namespace imapscope::analyzer
