// RFC 9051 §9 "body" (BODY and BODYSTRUCTURE): single parts (basic, message/rfc822 and
// message/global with their envelope and nested body, text), multiparts, and the extension
// data of both. RFC 3501 §9 is the same but for message/global and number64 line counts.
#include <string_view>

#include "analyzer/grammar/grammar_cursor.h"

namespace imapscope::analyzer::grammar {
namespace {

// A string where NIL is a known server deviation (media type, encoding, parameter values).
bool body_string(GrammarCursor& g, std::string_view* out, const char* rule) {
  if (iequals(g.peek_word(), "NIL")) {
    // RFC 9051 §9: this body field is a string; NIL is only allowed where it says nstring.
    g.deviate(deviation::kBodyNil, "a string, not NIL", rule);
    g.advance(3);
    if (out != nullptr) *out = {};
    return true;
  }
  return g.string(out, rule);
}

// body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
bool body_fld_param(GrammarCursor& g) {
  if (g.nil()) return true;
  if (g.peek() == '(' && g.peek(1) == ')') {
    g.deviate(deviation::kBodyNil, "NIL or at least one attribute/value pair, not ()",
              "body-fld-param");
    g.advance(2);
    return true;
  }
  if (!g.take('(')) return g.fail("'(' opening the body parameters, or NIL", "body-fld-param");
  for (;;) {
    if (!body_string(g, nullptr, "body-fld-param") ||
        !g.sp("between parameter name and value", "body-fld-param") ||
        !body_string(g, nullptr, "body-fld-param")) {
      return false;
    }
    if (g.take(')')) return true;
    if (!g.list_sp("body-fld-param")) {
      if (g.take(')')) return true;
      return g.fail("SP or ')' after a body parameter value", "body-fld-param");
    }
  }
}

// body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP
//               body-fld-octets
bool body_fields(GrammarCursor& g) {
  return body_fld_param(g) && g.sp("before body-fld-id", "body-fields") &&
         g.nstring("body-fld-id") && g.sp("before body-fld-desc", "body-fields") &&
         g.nstring("body-fld-desc") && g.sp("before body-fld-enc", "body-fields") &&
         body_string(g, nullptr, "body-fld-enc") && g.sp("before body-fld-octets", "body-fields") &&
         g.number(nullptr, "body-fld-octets");
}

// body-extension = nstring / number / number64 / "(" body-extension *(SP body-extension) ")"
bool body_extension(GrammarCursor& g) {
  if (g.peek() == '(') {
    return paren_list(
        g, [&] { return body_extension(g); }, "body extension", "body-extension", false);
  }
  if (g.peek() >= '0' && g.peek() <= '9') return g.number64("body-extension");
  return g.nstring("body-extension");
}

// body-fld-dsp = "(" string SP body-fld-param ")" / nil
bool body_fld_dsp(GrammarCursor& g) {
  if (g.nil()) return true;
  if (!g.take('(')) return g.fail("'(' opening the disposition, or NIL", "body-fld-dsp");
  if (!body_string(g, nullptr, "body-fld-dsp") || !g.sp("after the disposition", "body-fld-dsp") ||
      !body_fld_param(g)) {
    return false;
  }
  if (!g.take(')')) return g.fail("')' closing the disposition", "body-fld-dsp");
  return true;
}

// body-fld-lang = nstring / "(" string *(SP string) ")"
bool body_fld_lang(GrammarCursor& g) {
  if (g.peek() == '(') {
    return paren_list(
        g, [&] { return g.string(nullptr, "body-fld-lang"); }, "language", "body-fld-lang", false);
  }
  return g.nstring("body-fld-lang");
}

// The tail shared by body-ext-1part and body-ext-mpart, after md5 / param:
// [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
bool body_ext_tail(GrammarCursor& g) {
  if (!g.more("body-ext")) return true;
  if (!g.sp("before body-fld-dsp", "body-ext") || !body_fld_dsp(g)) return false;
  if (!g.more("body-ext")) return true;
  if (!g.sp("before body-fld-lang", "body-ext") || !body_fld_lang(g)) return false;
  if (!g.more("body-ext")) return true;
  if (!g.sp("before body-fld-loc", "body-ext") || !g.nstring("body-fld-loc")) return false;
  while (g.more("body-ext")) {
    if (!g.sp("before body-extension", "body-ext") || !body_extension(g)) return false;
  }
  return true;
}

bool body_type_1part(GrammarCursor& g) {
  std::string_view type;
  std::string_view subtype;
  if (!body_string(g, &type, "media-type") || !g.sp("after the media type", "media-basic") ||
      !body_string(g, &subtype, "media-subtype") ||
      !g.sp("after the media subtype", "body-type-1part") || !body_fields(g)) {
    return false;
  }
  if (iequals(type, "MESSAGE") && (iequals(subtype, "RFC822") || iequals(subtype, "GLOBAL"))) {
    // body-type-msg = media-message SP body-fields SP envelope SP body SP body-fld-lines
    if (!g.sp("before the envelope", "body-type-msg") || !envelope(g) ||
        !g.sp("before the nested body", "body-type-msg") || !body(g) ||
        !g.sp("before body-fld-lines", "body-type-msg") || !g.number64("body-fld-lines")) {
      return false;
    }
  } else if (iequals(type, "TEXT")) {
    // body-type-text = media-text SP body-fields SP body-fld-lines
    if (!g.sp("before body-fld-lines", "body-type-text") || !g.number64("body-fld-lines")) {
      return false;
    }
  }
  // [SP body-ext-1part]; body-ext-1part = body-fld-md5 [...]
  if (!g.more("body-ext-1part")) return true;
  if (!g.sp("before body-fld-md5", "body-ext-1part") || !g.nstring("body-fld-md5")) return false;
  return body_ext_tail(g);
}

bool body_type_mpart(GrammarCursor& g) {
  // body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]  (no SP between bodies)
  do {
    if (!body(g)) return false;
  } while (g.peek() == '(');
  if (!g.sp("or '(' after a body part of the multipart", "body-type-mpart") ||
      !body_string(g, nullptr, "media-subtype")) {
    return false;
  }
  if (!g.more("body-ext-mpart")) return true;
  if (!g.sp("before body-fld-param", "body-ext-mpart") || !body_fld_param(g)) return false;
  return body_ext_tail(g);
}

}  // namespace

bool body(GrammarCursor& g) {
  // body = "(" (body-type-1part / body-type-mpart) ")"
  if (!g.take('(')) return g.fail("'(' opening a body structure", "body");
  if (!g.enter("body")) return false;
  const bool ok = g.peek() == '(' ? body_type_mpart(g) : body_type_1part(g);
  if (!ok) return false;
  if (!g.take(')')) return g.fail("')' closing the body structure", "body");
  g.leave();
  return true;
}

}  // namespace imapscope::analyzer::grammar
