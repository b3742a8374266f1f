// RFC 9051 §9 "fetch-att", "section", "section-binary", "partial", "msg-att"; RFC 3501 §9
// RFC822.* items; RFC 7162 MODSEQ/CHANGEDSINCE/VANISHED; RFC 3516 BINARY; RFC 8474
// EMAILID/THREADID; RFC 8514 SAVEDATE; RFC 8970 PREVIEW; Gmail X-GM-MSGID/X-GM-THRID/X-GM-LABELS.
#include <string_view>

#include "analyzer/grammar/grammar_cursor.h"

namespace imapscope::analyzer::grammar {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool header_list(GrammarCursor& g) {
  return paren_list(
      g, [&] { return g.astring(nullptr, "header-fld-name"); }, "header field name", "header-list",
      false);
}

// section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
// section-text    = section-msgtext / "MIME"
bool section_text(GrammarCursor& g, bool mime_ok) {
  const std::string_view w = g.peek_word();
  if (iequals(w, "HEADER.FIELDS") || iequals(w, "HEADER.FIELDS.NOT")) {
    g.advance(w.size());
    return g.sp("before the header list", "section-msgtext") && header_list(g);
  }
  if (iequals(w, "HEADER") || iequals(w, "TEXT") || (mime_ok && iequals(w, "MIME"))) {
    g.advance(w.size());
    return true;
  }
  return g.fail(mime_ok ? "HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME"
                        : "HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or a part number",
                "section-spec");
}

// section-part = nz-number *("." nz-number)
bool section_part(GrammarCursor& g) {
  if (!g.nz_number("section-part")) return false;
  while (g.peek() == '.' && is_digit(g.peek(1))) {
    g.advance();
    if (!g.nz_number("section-part")) return false;
  }
  return true;
}

// partial = "<" number64 "." nz-number64 ">"  (fetch-att, the request)
bool partial(GrammarCursor& g) {
  if (!g.take('<')) return true;
  if (!g.number64("partial")) return false;
  if (!g.take('.')) return g.fail("'.' and the octet count in <offset.count>", "partial");
  if (!g.nz_number64("partial")) return false;
  if (!g.take('>')) return g.fail("'>' closing the partial", "partial");
  return true;
}

bool fetch_att(GrammarCursor& g) {
  const std::string_view w = g.peek_word();
  static constexpr std::string_view kSimple[] = {
      "ENVELOPE",    "FLAGS",         "INTERNALDATE", "RFC822.SIZE", "RFC822",  "RFC822.HEADER",
      "RFC822.TEXT", "BODYSTRUCTURE", "UID",          "MODSEQ",      "EMAILID", "THREADID",
      "SAVEDATE",    "X-GM-MSGID",    "X-GM-THRID",   "X-GM-LABELS"};
  for (std::string_view s : kSimple) {
    if (iequals(w, s)) {
      g.advance(w.size());
      return true;
    }
  }
  if (iequals(w, "PREVIEW")) {
    // RFC 8970 §4: "PREVIEW" [SP "(" preview-mod *(SP preview-mod) ")"]
    g.advance(w.size());
    if (g.peek() == ' ' && g.peek(1) == '(') {
      g.advance();
      return paren_list(
          g, [&] { return g.atom(nullptr, "preview-mod"); }, "preview modifier", "fetch-att",
          false);
    }
    return true;
  }
  if (iequals(w, "BODY")) {
    g.advance(w.size());
    if (g.peek() != '[') return true;
    return section(g) && partial(g);
  }
  if (iequals(w, "BODY.PEEK")) {
    g.advance(w.size());
    return section(g) && partial(g);
  }
  if (iequals(w, "BINARY") || iequals(w, "BINARY.PEEK")) {
    g.advance(w.size());
    return section_binary(g) && partial(g);
  }
  if (iequals(w, "BINARY.SIZE")) {
    g.advance(w.size());
    return section_binary(g);
  }
  return g.fail("a fetch attribute", "fetch-att");
}

bool fetch_modifiers(GrammarCursor& g) {
  // RFC 4466 fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")";
  // RFC 7162 §7: "CHANGEDSINCE" SP mod-sequence-valzer / "VANISHED".
  auto modifier = [&] {
    if (g.keyword("CHANGEDSINCE")) {
      return g.sp("after CHANGEDSINCE", "fetch-modifier") &&
             g.mod_sequence("chgsince-fetch-mod", true);
    }
    if (g.keyword("VANISHED")) return true;
    std::string_view name;
    if (!g.atom(&name, "fetch-modifier")) return false;
    if (g.peek() == ' ' && g.peek(1) != ')') {
      g.advance();
      return g.tagged_ext_val("fetch-modif-params");
    }
    return true;
  };
  return paren_list(g, modifier, "fetch modifier", "fetch-modifiers", false);
}

}  // namespace

bool section(GrammarCursor& g) {
  if (!g.take('[')) return g.fail("'[' opening the section", "section");
  if (g.take(']')) return true;
  if (is_digit(g.peek())) {
    if (!section_part(g)) return false;
    if (g.take('.') && !section_text(g, true)) return false;
  } else if (!section_text(g, false)) {
    return false;
  }
  if (!g.take(']')) return g.fail("']' closing the section", "section");
  return true;
}

bool section_binary(GrammarCursor& g) {
  if (!g.take('[')) return g.fail("'[' opening the section", "section-binary");
  if (g.take(']')) return true;
  if (!section_part(g)) return false;
  if (!g.take(']')) return g.fail("'.' and a part number, or ']'", "section-binary");
  return true;
}

bool fetch_att_list(GrammarCursor& g) {
  // "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
  //   "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]
  bool ok;
  if (g.keyword("ALL") || g.keyword("FULL") || g.keyword("FAST")) {
    ok = true;
  } else if (g.peek() == '(') {
    ok = paren_list(
        g, [&] { return fetch_att(g); }, "fetch attribute", "fetch-att", false);
  } else {
    ok = fetch_att(g);
  }
  if (!ok) return false;
  if (g.peek() == ' ' && g.peek(1) == '(') {
    g.advance();
    return fetch_modifiers(g);
  }
  return true;
}

namespace {

bool gmail_label(GrammarCursor& g) {
  // Gmail sends system labels as flags (\Inbox) and the others as astrings.
  if (g.peek() == '\\') return g.flag("x-gm-label");
  return g.astring(nullptr, "x-gm-label");
}

bool msg_att_item(GrammarCursor& g) {
  const std::string_view w = g.peek_word();
  auto value_sp = [&] {
    g.advance(w.size());
    return g.sp_after(w, "msg-att");
  };
  if (iequals(w, "FLAGS")) {
    return value_sp() && g.flag_list("flag-fetch");
  }
  if (iequals(w, "ENVELOPE")) return value_sp() && envelope(g);
  if (iequals(w, "INTERNALDATE")) return value_sp() && g.date_time("date-time");
  if (iequals(w, "RFC822.SIZE")) return value_sp() && g.number64("msg-att-static");
  if (iequals(w, "RFC822") || iequals(w, "RFC822.HEADER") || iequals(w, "RFC822.TEXT") ||
      iequals(w, "PREVIEW")) {
    return value_sp() && g.nstring("msg-att-static");
  }
  if (iequals(w, "BODYSTRUCTURE")) return value_sp() && body(g);
  if (iequals(w, "BODY")) {
    g.advance(w.size());
    if (g.peek() != '[') return g.sp("after BODY", "msg-att-static") && body(g);
    if (!section(g)) return false;
    if (g.take('<')) {  // the response's origin octet: "<" number ">"
      if (!g.number(nullptr, "msg-att-static") || !g.take('>')) {
        return g.fail("'>' closing the origin octet", "msg-att-static");
      }
    }
    return g.sp("after the section", "msg-att-static") && g.nstring("msg-att-static");
  }
  if (iequals(w, "BINARY")) {
    g.advance(w.size());
    if (!section_binary(g) || !g.sp("after the section", "msg-att-static")) return false;
    if (g.peek() == '~') return g.literal(nullptr, "literal8", true);
    return g.nstring("msg-att-static");
  }
  if (iequals(w, "BINARY.SIZE")) {
    g.advance(w.size());
    return section_binary(g) && g.sp("after the section", "msg-att-static") &&
           g.number(nullptr, "msg-att-static");
  }
  if (iequals(w, "UID")) return value_sp() && g.nz_number("uniqueid");
  if (iequals(w, "MODSEQ")) {
    // RFC 7162 §7: "MODSEQ" SP "(" permsg-modsequence ")"
    if (!value_sp() || !g.take('(')) return g.fail("'(' before the mod-sequence", "fetch-mod-resp");
    return g.mod_sequence("permsg-modsequence", false) &&
           (g.take(')') || g.fail("')' after the mod-sequence", "fetch-mod-resp"));
  }
  if (iequals(w, "EMAILID")) return value_sp() && g.objectid_paren("msg-att-static");
  if (iequals(w, "THREADID")) {
    return value_sp() && (g.nil() || g.objectid_paren("msg-att-static"));
  }
  if (iequals(w, "SAVEDATE")) return value_sp() && (g.nil() || g.date_time("date-time"));
  if (iequals(w, "X-GM-MSGID") || iequals(w, "X-GM-THRID")) {
    return value_sp() && g.number64("msg-att");
  }
  if (iequals(w, "X-GM-LABELS")) {
    return value_sp() && paren_list(
                             g, [&] { return gmail_label(g); }, "label", "msg-att");
  }
  return g.fail("a message data item (msg-att)", "msg-att");
}

}  // namespace

bool msg_att(GrammarCursor& g) {
  return paren_list(
      g, [&] { return msg_att_item(g); }, "message data item", "msg-att", false);
}

}  // namespace imapscope::analyzer::grammar
