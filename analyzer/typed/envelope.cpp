#include "analyzer/typed/envelope.h"

namespace imapscope::analyzer::typed {
namespace {

bool read_address(const Arg& a, const Message& m, Address& out) {
  if (a.kind != ArgKind::kList || a.children.size() != 4) return false;
  return read_string(a.children[0], m, out.name) && read_string(a.children[1], m, out.adl) &&
         read_string(a.children[2], m, out.mailbox) && read_string(a.children[3], m, out.host);
}

bool read_addresses(const Arg& a, const Message& m, std::vector<Address>& out) {
  if (a.is_atom("NIL")) return true;
  if (a.kind != ArgKind::kList) return false;
  out.reserve(a.children.size());
  for (const Arg& child : a.children) {
    Address address;
    if (!read_address(child, m, address)) return false;
    out.push_back(address);
  }
  return true;
}

}  // namespace

std::optional<Envelope> read_envelope(const Arg& a, const Message& m) {
  if (a.kind != ArgKind::kList || a.children.size() != 10) return std::nullopt;
  const std::vector<Arg>& f = a.children;
  Envelope e;
  if (!read_string(f[0], m, e.date) || !read_string(f[1], m, e.subject) ||
      !read_addresses(f[2], m, e.from) || !read_addresses(f[3], m, e.sender) ||
      !read_addresses(f[4], m, e.reply_to) || !read_addresses(f[5], m, e.to) ||
      !read_addresses(f[6], m, e.cc) || !read_addresses(f[7], m, e.bcc) ||
      !read_string(f[8], m, e.in_reply_to) || !read_string(f[9], m, e.message_id)) {
    return std::nullopt;
  }
  return e;
}

}  // namespace imapscope::analyzer::typed
