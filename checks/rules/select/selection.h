#pragma once
// Shared by the select.* rules: which completion ends a mailbox selection, and whether the
// data a SELECT or EXAMINE must send (RFC 9051 §6.3.2, §6.3.3; RFC 3501 §6.3.1, §6.3.2) was
// there.

#include "analyzer/session_observer.h"

namespace imapscope::checks {

// A tagged OK that completes SELECT or EXAMINE.
inline bool completes_selection(const analyzer::Response& r, const analyzer::InFlightCommand* cmd) {
  return cmd != nullptr && r.status == analyzer::Status::kOk &&
         (cmd->id == analyzer::CommandId::kSelect || cmd->id == analyzer::CommandId::kExamine);
}

// Whether the tagged OK itself carries response code `name` (some servers put UIDVALIDITY or
// READ-WRITE there).
inline bool has_code(const analyzer::Response& r, std::string_view name) {
  return r.code && analyzer::iequals(r.code->name, name);
}

}  // namespace imapscope::checks
