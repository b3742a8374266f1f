#pragma once
// Where a server advertises its capabilities: the untagged CAPABILITY response
// (RFC 9051 §7.2.2) and the CAPABILITY response code in a greeting or tagged OK (§7.1).

#include "analyzer/response.h"

namespace imapscope::checks {

inline bool advertises_capabilities(const analyzer::Response& r) {
  if (r.kind == analyzer::ResponseKind::kUntaggedData && r.name == "CAPABILITY") return true;
  return r.code && analyzer::iequals(r.code->name, "CAPABILITY");
}

}  // namespace imapscope::checks
