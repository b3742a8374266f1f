#include "analyzer/typed/value.h"

namespace imapscope::analyzer::typed {

bool read_string(const Arg& a, const Message& m, ImapString& out, bool nil_ok) {
  switch (a.kind) {
    case ArgKind::kList:
      return false;
    case ArgKind::kQuoted:
      out = {ImapString::Form::kQuoted, a.text, a.text.size()};
      return true;
    case ArgKind::kLiteral:
      out = {ImapString::Form::kLiteral, a.text, m.literals[a.literal].size,
             m.literals[a.literal].kind == LiteralKind::kBinary};
      return true;
    case ArgKind::kAtom:
      if (nil_ok && a.is_atom("NIL")) {
        out = {};
        return true;
      }
      out = {ImapString::Form::kAtom, a.text, a.text.size()};
      return true;
  }
  return false;
}

bool same_arg(const Arg& a, const Arg& b) {
  if (a.kind != b.kind || a.text != b.text || a.children.size() != b.children.size()) return false;
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    if (!same_arg(a.children[i], b.children[i])) return false;
  }
  return true;
}

bool operator==(const Value& a, const Value& b) {
  if (a.arg == nullptr || b.arg == nullptr) return a.arg == b.arg;
  return same_arg(*a.arg, *b.arg);
}

}  // namespace imapscope::analyzer::typed
