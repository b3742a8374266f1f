#pragma once
// RFC 2971 §3.3: "Field strings MUST NOT be longer than 30 octets. Value strings MUST NOT be
// longer than 1024 octets. Implementations MUST NOT send more than 30 field-value pairs."
// Shared by id.client-field-limits and id.server-field-limits, which judge the parameter list
// of the ID command and of the untagged ID response (id-params-list, §4).

#include <optional>
#include <string>

#include "analyzer/message.h"
#include "analyzer/syntax.h"
#include "checks/rules/mailbox_name.h"

namespace imapscope::checks::id_limits {

// The first limit `list` breaks, or nullopt. `list` is the "(" field value ... ")" argument.
inline std::optional<std::string> broken_limit(const analyzer::Arg& list,
                                               const analyzer::Message& m) {
  if (list.kind != analyzer::ArgKind::kList) return std::nullopt;  // NIL
  const auto& items = list.children;
  if (items.size() / 2 > 30) {
    return std::to_string(items.size() / 2) + " field-value pairs (at most 30 allowed)";
  }
  for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
    const auto field = mailbox_name::astring_value(items[i], m);
    if (field && field->size() > 30) {
      return "field \"" + field->substr(0, 30) + "...\" of " + std::to_string(field->size()) +
             " octets (at most 30 allowed)";
    }
    if (items[i + 1].is_atom("NIL")) continue;
    std::uint64_t size = 0;
    if (items[i + 1].kind == analyzer::ArgKind::kLiteral &&
        items[i + 1].literal < m.literals.size()) {
      size = m.literals[items[i + 1].literal].size;
    } else if (const auto value = mailbox_name::astring_value(items[i + 1], m)) {
      size = value->size();
    }
    if (size > 1024) {
      return "the value of field \"" + field.value_or("?") + "\" of " + std::to_string(size) +
             " octets (at most 1024 allowed)";
    }
  }
  return std::nullopt;
}

}  // namespace imapscope::checks::id_limits
