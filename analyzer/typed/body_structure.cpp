#include "analyzer/typed/body_structure.h"

#include "analyzer/message_data.h"

namespace imapscope::analyzer::typed {
namespace {

// body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
bool read_parameters(const Arg& a, const Message& m, std::vector<BodyParameter>& out) {
  if (a.is_atom("NIL")) return true;
  if (a.kind != ArgKind::kList || a.children.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < a.children.size(); i += 2) {
    BodyParameter p;
    if (!read_string(a.children[i], m, p.attribute, false) ||
        !read_string(a.children[i + 1], m, p.value, false)) {
      return false;
    }
    out.push_back(p);
  }
  return true;
}

bool read_disposition(const Arg& a, const Message& m, std::optional<BodyDisposition>& out) {
  if (a.is_atom("NIL")) return true;
  if (a.kind != ArgKind::kList || a.children.size() != 2) return false;
  BodyDisposition d;
  if (!read_string(a.children[0], m, d.type, false) ||
      !read_parameters(a.children[1], m, d.parameters)) {
    return false;
  }
  out = std::move(d);
  return true;
}

// body-fld-lang = nstring / "(" string *(SP string) ")"
bool read_language(const Arg& a, const Message& m, BodyStructure& b) {
  if (a.kind != ArgKind::kList) {
    ImapString s;
    if (!read_string(a, m, s)) return false;
    if (!s.nil()) b.language.push_back(s);
    return true;
  }
  b.language_list = true;
  for (const Arg& child : a.children) {
    ImapString s;
    if (!read_string(child, m, s, false)) return false;
    b.language.push_back(s);
  }
  return true;
}

// The optional tail shared by body-ext-1part and body-ext-mpart after their first field:
// [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
bool read_extension_tail(const std::vector<Arg>& f, std::size_t i, const Message& m,
                         BodyStructure& b) {
  if (i < f.size()) {
    if (!read_disposition(f[i++], m, b.disposition)) return false;
    ++b.extension_fields;
  }
  if (i < f.size()) {
    if (!read_language(f[i++], m, b)) return false;
    ++b.extension_fields;
  }
  if (i < f.size()) {
    if (!read_string(f[i++], m, b.location)) return false;
    ++b.extension_fields;
  }
  for (; i < f.size(); ++i) {
    b.extensions.push_back(Value{&f[i], &m});
    ++b.extension_fields;
  }
  return true;
}

bool read_number_field(const Arg& a, std::uint64_t& out) {
  if (a.kind != ArgKind::kAtom) return false;
  const auto n = read_number(a.text, UINT64_MAX);
  if (!n) return false;
  out = *n;
  return true;
}

bool read_body(const Arg& a, const Message& m, BodyStructure& b);

bool read_multipart(const std::vector<Arg>& f, const Message& m, BodyStructure& b) {
  b.multipart = true;
  std::size_t i = 0;
  for (; i < f.size() && f[i].kind == ArgKind::kList; ++i) {
    BodyStructure part;
    if (!read_body(f[i], m, part)) return false;
    b.parts.push_back(std::move(part));
  }
  if (i >= f.size() || !read_string(f[i++], m, b.subtype, false)) return false;
  if (i < f.size()) {
    if (!read_parameters(f[i++], m, b.parameters)) return false;
    ++b.extension_fields;
  }
  return read_extension_tail(f, i, m, b);
}

bool read_single_part(const std::vector<Arg>& f, const Message& m, BodyStructure& b) {
  // body-type-basic / body-type-text / body-type-msg: type, subtype, then body-fields.
  if (f.size() < 7) return false;
  if (!read_string(f[0], m, b.type, false) || !read_string(f[1], m, b.subtype, false) ||
      !read_parameters(f[2], m, b.parameters) || !read_string(f[3], m, b.id) ||
      !read_string(f[4], m, b.description) || !read_string(f[5], m, b.encoding, false) ||
      !read_number_field(f[6], b.octets)) {
    return false;
  }
  std::size_t i = 7;
  if (b.is_message()) {
    // body-type-msg = media-message SP body-fields SP envelope SP body SP body-fld-lines
    if (f.size() < 10) return false;
    b.envelope = read_envelope(f[7], m);
    BodyStructure inner;
    std::uint64_t lines = 0;
    if (!b.envelope || !read_body(f[8], m, inner) || !read_number_field(f[9], lines)) {
      return false;
    }
    b.parts.push_back(std::move(inner));
    b.lines = lines;
    i = 10;
  } else if (b.is_text()) {
    std::uint64_t lines = 0;
    if (f.size() < 8 || !read_number_field(f[7], lines)) return false;
    b.lines = lines;
    i = 8;
  }
  if (i < f.size()) {
    if (!read_string(f[i++], m, b.md5)) return false;
    ++b.extension_fields;
  }
  return read_extension_tail(f, i, m, b);
}

bool read_body(const Arg& a, const Message& m, BodyStructure& b) {
  if (a.kind != ArgKind::kList || a.children.empty()) return false;
  if (a.children.front().kind == ArgKind::kList) return read_multipart(a.children, m, b);
  return read_single_part(a.children, m, b);
}

}  // namespace

bool BodyStructure::is_text() const {
  return !multipart && iequals(type.text, "TEXT");
}

bool BodyStructure::is_message() const {
  return !multipart && iequals(type.text, "MESSAGE") &&
         (iequals(subtype.text, "RFC822") || iequals(subtype.text, "GLOBAL"));
}

std::optional<BodyStructure> read_body_structure(const Arg& a, const Message& m) {
  BodyStructure b;
  if (!read_body(a, m, b)) return std::nullopt;
  return b;
}

}  // namespace imapscope::analyzer::typed
