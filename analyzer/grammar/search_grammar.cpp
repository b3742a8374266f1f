// RFC 9051 §9 "search-program", "search-key", "search-return-opts"; RFC 3501 §9 rev1 keys
// (NEW, OLD, RECENT); RFC 7162 §7 MODSEQ; RFC 4731/4466 RETURN options; RFC 5032
// OLDER/YOUNGER; RFC 8474 EMAILID/THREADID; Gmail's X-GM-RAW/X-GM-MSGID/X-GM-THRID/X-GM-LABELS.
#include <string_view>

#include "analyzer/grammar/grammar_cursor.h"

namespace imapscope::analyzer::grammar {
namespace {

enum class Arg : unsigned char { kNone, kAstring, kDate, kNumber64, kNzNumber, kFlagKeyword };

struct KeySpec {
  std::string_view name;
  Arg arg;
};

constexpr KeySpec kKeys[] = {
    {"ALL", Arg::kNone},
    {"ANSWERED", Arg::kNone},
    {"BCC", Arg::kAstring},
    {"BEFORE", Arg::kDate},
    {"BODY", Arg::kAstring},
    {"CC", Arg::kAstring},
    {"DELETED", Arg::kNone},
    {"FLAGGED", Arg::kNone},
    {"FROM", Arg::kAstring},
    {"KEYWORD", Arg::kFlagKeyword},
    {"ON", Arg::kDate},
    {"SEEN", Arg::kNone},
    {"SINCE", Arg::kDate},
    {"SUBJECT", Arg::kAstring},
    {"TEXT", Arg::kAstring},
    {"TO", Arg::kAstring},
    {"UNANSWERED", Arg::kNone},
    {"UNDELETED", Arg::kNone},
    {"UNFLAGGED", Arg::kNone},
    {"UNKEYWORD", Arg::kFlagKeyword},
    {"UNSEEN", Arg::kNone},
    {"DRAFT", Arg::kNone},
    {"UNDRAFT", Arg::kNone},
    {"LARGER", Arg::kNumber64},
    {"SMALLER", Arg::kNumber64},
    {"SENTBEFORE", Arg::kDate},
    {"SENTON", Arg::kDate},
    {"SENTSINCE", Arg::kDate},
    // RFC 3501 §9 only (IMAP4rev1): \Recent is gone from IMAP4rev2.
    {"NEW", Arg::kNone},
    {"OLD", Arg::kNone},
    {"RECENT", Arg::kNone},
    // RFC 5032 WITHIN.
    {"OLDER", Arg::kNzNumber},
    {"YOUNGER", Arg::kNzNumber},
    // RFC 8474 §5 OBJECTID; Gmail X-GM-EXT-1.
    {"EMAILID", Arg::kAstring},
    {"THREADID", Arg::kAstring},
    {"X-GM-RAW", Arg::kAstring},
    {"X-GM-MSGID", Arg::kNumber64},
    {"X-GM-THRID", Arg::kNumber64},
    {"X-GM-LABELS", Arg::kAstring},
};

bool key_argument(GrammarCursor& g, Arg arg, std::string_view name) {
  switch (arg) {
    case Arg::kNone:
      return true;
    case Arg::kAstring:
      return g.sp_after(name, "search-key") && g.astring(nullptr, "search-key");
    case Arg::kDate:
      return g.sp_after(name, "search-key") && g.date("date");
    case Arg::kNumber64:
      return g.sp_after(name, "search-key") && g.number64("search-key");
    case Arg::kNzNumber:
      return g.sp_after(name, "search-key") && g.nz_number("search-key");
    case Arg::kFlagKeyword:
      return g.sp_after(name, "search-key") && g.atom(nullptr, "flag-keyword");
  }
  return false;
}

bool modseq_key(GrammarCursor& g) {
  // RFC 7162 §7: "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer;
  // search-modseq-ext = SP entry-name SP entry-type-req.
  if (!g.sp("after MODSEQ", "search-modseq")) return false;
  if (g.peek() == '"') {
    if (!g.quoted(nullptr, "entry-name")) return false;
    if (!g.sp("after the entry name", "search-modseq-ext")) return false;
    if (!g.keyword("PRIV") && !g.keyword("SHARED") && !g.keyword("ALL")) {
      return g.fail("priv, shared or all (entry-type-req)", "entry-type-req");
    }
    if (!g.sp("after the entry type", "search-modseq")) return false;
  }
  return g.mod_sequence("search-modseq", true);
}

}  // namespace

bool search_key(GrammarCursor& g) {
  if (g.peek() == '(') {
    return paren_list(
        g, [&] { return search_key(g); }, "search key", "search-key", false);
  }
  if ((g.peek() >= '0' && g.peek() <= '9') || g.peek() == '*' || g.peek() == '$') {
    return g.sequence_set("sequence-set");
  }
  const std::string_view word = g.peek_word();
  if (iequals(word, "NOT")) {
    g.advance(word.size());
    if (!g.sp("after NOT", "search-key") || !g.enter("search-key")) return false;
    const bool ok = search_key(g);
    g.leave();
    return ok;
  }
  if (iequals(word, "OR")) {
    g.advance(word.size());
    if (!g.sp("after OR", "search-key") || !g.enter("search-key")) return false;
    const bool ok = search_key(g) && g.sp("between OR's two keys", "search-key") && search_key(g);
    g.leave();
    return ok;
  }
  if (iequals(word, "HEADER")) {
    g.advance(word.size());
    return g.sp("after HEADER", "search-key") && g.astring(nullptr, "header-fld-name") &&
           g.sp("after the header field name", "search-key") && g.astring(nullptr, "search-key");
  }
  if (iequals(word, "UID")) {
    g.advance(word.size());
    return g.sp("after UID", "search-key") && g.sequence_set("sequence-set");
  }
  if (iequals(word, "MODSEQ")) {
    g.advance(word.size());
    return modseq_key(g);
  }
  for (const KeySpec& k : kKeys) {
    if (iequals(word, k.name)) {
      g.advance(word.size());
      return key_argument(g, k.arg, k.name);
    }
  }
  return g.fail("a search key", "search-key");
}

bool search_program(GrammarCursor& g) {
  if (g.keyword("CHARSET")) {
    if (!g.sp("after CHARSET", "search-program") || !g.charset("charset") ||
        !g.sp("after the charset", "search-program")) {
      return false;
    }
  }
  if (!search_key(g)) return false;
  while (g.more("search-program")) {
    if (!g.sp("between search keys", "search-program") || !search_key(g)) return false;
  }
  return true;
}

bool search_return_opts(GrammarCursor& g) {
  // RFC 9051 §9 / RFC 4466: SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
  const Mark m = g.mark();
  if (g.peek() != ' ') return true;
  g.advance();
  if (!g.keyword("RETURN")) {
    g.reset(m);
    return true;
  }
  if (!g.sp("after RETURN", "search-return-opts")) return false;
  auto opt = [&] {
    const std::string_view w = g.peek_word();
    if (w.empty()) return g.fail("a search return option", "search-return-opt");
    g.advance(w.size());
    if (iequals(w, "MIN") || iequals(w, "MAX") || iequals(w, "ALL") || iequals(w, "COUNT") ||
        iequals(w, "SAVE")) {
      return true;
    }
    if (iequals(w, "PARTIAL")) {
      // RFC 9394: "PARTIAL" SP partial-range
      if (!g.sp("after PARTIAL", "search-return-opt")) return false;
      g.take('-');
      if (!g.nz_number("partial-range") || !g.take(':'))
        return g.fail("':' in partial-range", "partial-range");
      g.take('-');
      return g.nz_number("partial-range");
    }
    // search-ret-opt-ext = search-modifier-name [SP search-mod-params]
    if (g.peek() == ' ' && g.peek(1) == '(') {
      g.advance();
      return g.tagged_ext_val("search-mod-params");
    }
    return true;
  };
  return paren_list(g, opt, "search return option", "search-return-opts");
}

}  // namespace imapscope::analyzer::grammar
