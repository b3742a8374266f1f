// RFC 9051 §9 "response" pieces: continue-req, response-tagged, response-data (resp-cond-state,
// resp-cond-bye, resp-cond-auth, mailbox-data, message-data, capability-data, enable-data),
// resp-text and resp-text-code; RFC 3501 §9 rev1 forms (LSUB, RECENT, UNSEEN code, text
// required after a code); extension responses: RFC 2342 NAMESPACE, 2971 ID, 4314 ACL, 4315
// UIDPLUS codes, 4731 ESEARCH, 5256 SORT/THREAD, 5258/5819 LIST extended data, 5464 METADATA,
// 5530 codes, 7162 CONDSTORE/QRESYNC (HIGHESTMODSEQ, MODIFIED, VANISHED), 8474 MAILBOXID,
// 9208 QUOTA.
#include <string_view>

#include "analyzer/grammar/grammar_cursor.h"

namespace imapscope::analyzer::grammar {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool capabilities(GrammarCursor& g, const char* rule, bool at_least_one) {
  // capability-data = "CAPABILITY" *(SP capability) ...; capability = ("AUTH=" auth-type) / atom
  if (at_least_one && !(g.sp("before a capability", rule) && g.atom(nullptr, "capability"))) {
    return false;
  }
  while (g.more(rule)) {
    if (g.peek(1) == ']') {  // "[CAPABILITY IMAP4rev1 IDLE ]"
      g.deviate(deviation::kTrailingSpace, "']' right after the last capability", rule);
      g.advance();
      return true;
    }
    if (!g.sp("between capabilities", rule) || !g.atom(nullptr, "capability")) return false;
  }
  return true;
}

// resp-text-code, after '[' and up to (not including) ']'.
bool resp_text_code(GrammarCursor& g) {
  const std::string_view w = g.peek_word();
  if (w.empty()) return g.fail("a response code name (atom)", "resp-text-code");
  const std::string name = to_upper(w);
  g.advance(w.size());
  if (name == "CAPABILITY") return capabilities(g, "capability-data", true);
  if (name == "PERMANENTFLAGS")
    return g.sp_after(name, "resp-text-code") && g.flag_list("flag-perm", true);
  if (name == "UIDNEXT" || name == "UIDVALIDITY" || name == "UNSEEN") {
    return g.sp_after(name, "resp-text-code") && g.nz_number("nz-number");
  }
  if (name == "BADCHARSET" && g.peek() == ' ' && g.peek(1) == '(') {
    // "BADCHARSET" [SP "(" charset *(SP charset) ")"]; without the list, RFC 9051 §6.4.4's own
    // example ("[BADCHARSET UTF-8]") is the generic atom [SP text] form below.
    return g.sp_after(name, "resp-text-code") &&
           paren_list(
               g, [&] { return g.charset("charset"); }, "charset", "resp-text-code", false);
  }
  if (name == "APPENDUID") {
    // RFC 4315 §4 / RFC 9051 §9: "APPENDUID" SP nz-number SP append-uid
    return g.sp_after(name, "resp-code-apnd") && g.nz_number("uidvalidity") &&
           g.sp("after the UIDVALIDITY", "resp-code-apnd") && g.sequence_set("append-uid", false);
  }
  if (name == "COPYUID") {
    return g.sp_after(name, "resp-code-copy") && g.nz_number("uidvalidity") &&
           g.sp("after the UIDVALIDITY", "resp-code-copy") && g.sequence_set("uid-set", false) &&
           g.sp("after the source UIDs", "resp-code-copy") && g.sequence_set("uid-set", false);
  }
  if (name == "HIGHESTMODSEQ") {
    return g.sp_after(name, "resp-text-code") && g.mod_sequence("mod-sequence-value", false);
  }
  if (name == "MODIFIED")
    return g.sp_after(name, "resp-text-code") && g.sequence_set("sequence-set", false);
  if (name == "MAILBOXID")
    return g.sp_after(name, "resp-text-code") && g.objectid_paren("resp-text-code");
  if (name == "METADATA") {
    // RFC 5464 §5: "METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number / "TOOMANY" /
    // "NOPRIVATE")
    if (!g.sp_after(name, "resp-text-code")) return false;
    if (g.keyword("LONGENTRIES") || g.keyword("MAXSIZE")) {
      return g.sp("after the METADATA code's item", "resp-text-code") &&
             g.number(nullptr, "number");
    }
    if (g.keyword("TOOMANY") || g.keyword("NOPRIVATE")) return true;
    return g.fail("LONGENTRIES, MAXSIZE, TOOMANY or NOPRIVATE", "resp-text-code");
  }
  // atom [SP 1*<any TEXT-CHAR except "]">]: every other code, including the argument-less
  // ones of RFC 9051 and RFC 5530.
  if (g.peek() == ' ') {
    g.advance();
    std::size_t n = 0;
    while (g.peek(n) != ']' && g.peek(n) != '\0')
      ++n;
    if (n == 0) return g.fail("the response code's text", "resp-text-code");
    g.advance(n);
  }
  return true;
}

// resp-text = ["[" resp-text-code "]" SP] [text]   (RFC 9051; RFC 3501 requires the text)
bool resp_text(GrammarCursor& g, const char* after) {
  if (g.at_end()) {
    // RFC 3501 §9 requires SP and text; RFC 9051 §9 lets resp-text be empty (Appendix E
    // item 23), and an empty one's SP is invisible in practice, so rev2 takes the bare status.
    if (g.options().rev2) return true;
    return g.deviate(deviation::kMissingText, std::string("SP and text ") + after, "resp-text");
  }
  if (!g.sp(after, "resp-text")) return false;
  if (g.take('[')) {
    if (!resp_text_code(g)) return false;
    if (!g.take(']')) return g.fail("']' closing the response code", "resp-text-code");
    if (g.at_end()) {
      if (!g.options().rev2)
        g.deviate(deviation::kMissingText, "SP and text after ']'", "resp-text");
      return true;
    }
    if (!g.sp("after the response code", "resp-text")) return false;
  }
  if (g.at_line_end() && !g.options().rev2) {
    g.deviate(deviation::kMissingText, "text (1*TEXT-CHAR)", "text");
  }
  g.text();
  return true;
}

enum class Matched : unsigned char { kNo, kYes, kFailed };

// resp-cond-state / resp-cond-bye / resp-cond-auth: kNo when the word is none of them.
Matched status_word(GrammarCursor& g, bool tagged) {
  const bool is_status = g.keyword("OK") || g.keyword("NO") || g.keyword("BAD") ||
                         (!tagged && (g.keyword("BYE") || g.keyword("PREAUTH")));
  if (!is_status) return Matched::kNo;
  return resp_text(g, "after the status") ? Matched::kYes : Matched::kFailed;
}

bool mailbox_list(GrammarCursor& g) {
  // mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
  //                [SP mbox-list-extended]
  auto mbx_flag = [&] {
    if (!g.take('\\')) return g.fail("a mailbox attribute ('\\' atom)", "mbx-list-flags");
    return g.atom(nullptr, "mbx-list-flags");
  };
  if (!paren_list(g, mbx_flag, "mailbox attribute", "mbx-list-flags") ||
      !g.sp("after the mailbox attributes", "mailbox-list")) {
    return false;
  }
  if (!g.nil()) {
    if (!g.take('"'))
      return g.fail("the hierarchy delimiter as a quoted character, or NIL", "mailbox-list");
    if (g.take('\\')) {
      if (!g.take('\\') && !g.take('"')) return g.fail("'\\' or '\"' after '\\'", "QUOTED-CHAR");
    } else if (g.peek() == '"' || g.at_line_end()) {
      return g.fail("one QUOTED-CHAR as the hierarchy delimiter", "mailbox-list");
    } else {
      g.advance();
    }
    if (!g.take('"'))
      return g.fail("'\"' after the one-character hierarchy delimiter", "mailbox-list");
  }
  if (!g.sp("after the hierarchy delimiter", "mailbox-list") || !g.mailbox()) return false;
  if (!g.more("mailbox-list")) return true;
  // mbox-list-extended = "(" [mbox-list-extended-item *(SP mbox-list-extended-item)] ")"
  auto item = [&] {
    return g.astring(nullptr, "mbox-list-extended-item-tag") &&
           g.sp("after the extended item's tag", "mbox-list-extended-item") &&
           g.tagged_ext_val("mbox-list-extended-item");
  };
  return g.sp("after the mailbox name", "mailbox-list") &&
         paren_list(g, item, "extended item", "mbox-list-extended");
}

bool status_att_val(GrammarCursor& g) {
  const Mark start = g.mark();
  const std::string_view w = g.peek_word();
  const std::string name = to_upper(w);
  g.advance(w.size());
  if (name == "MESSAGES" || name == "UNSEEN" || name == "DELETED" || name == "RECENT") {
    return g.sp_after(name, "status-att-val") && g.number(nullptr, "number");
  }
  if (name == "UIDNEXT" || name == "UIDVALIDITY") {
    return g.sp_after(name, "status-att-val") && g.nz_number("nz-number");
  }
  if (name == "SIZE" || name == "DELETED-STORAGE")
    return g.sp_after(name, "status-att-val") && g.number64("number64");
  if (name == "HIGHESTMODSEQ")
    return g.sp_after(name, "status-att-val") && g.mod_sequence("mod-sequence-valzer", true);
  if (name == "APPENDLIMIT")
    return g.sp_after(name, "status-att-val") && (g.nil() || g.number(nullptr, "number"));
  if (name == "MAILBOXID")
    return g.sp_after(name, "status-att-val") && g.objectid_paren("status-att-val");
  g.reset(start);
  return g.fail("a status item and its value (MESSAGES, UIDNEXT, UIDVALIDITY, UNSEEN, ...)",
                "status-att-val");
}

// *(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]  (SEARCH and SORT)
bool number_list(GrammarCursor& g, const char* rule) {
  while (g.more(rule)) {
    if (!g.sp("before a message number", rule)) return false;
    if (g.peek() == '(') {
      if (!g.take('(') || !g.keyword("MODSEQ") || !g.sp("after MODSEQ", rule) ||
          !g.mod_sequence("mod-sequence-value", false) || !g.take(')')) {
        return g.fail("(MODSEQ mod-sequence-value)", "search-sort-mod-seq");
      }
      return true;
    }
    if (!g.nz_number("nz-number")) return false;
  }
  return true;
}

// thread-list = "(" (thread-members / thread-nested) ")"
bool thread_list(GrammarCursor& g) {
  if (!g.take('(')) return g.fail("'(' opening a thread", "thread-list");
  if (!g.enter("thread-list")) return false;
  if (is_digit(g.peek())) {
    // thread-members = nz-number *(SP nz-number) [SP thread-nested]
    if (!g.nz_number("thread-members")) return false;
    while (g.peek() == ' ') {
      g.advance();
      if (g.peek() == '(') break;
      if (!g.nz_number("thread-members")) return false;
    }
  }
  // thread-nested = 2*thread-list (one nested list is accepted: servers send it)
  while (g.peek() == '(') {
    if (!thread_list(g)) return false;
  }
  if (!g.take(')')) return g.fail("SP, '(' or ')' in the thread", "thread-list");
  g.leave();
  return true;
}

bool namespace_list(GrammarCursor& g) {
  // namespace = nil / "(" 1*namespace-descr ")"
  if (g.nil()) return true;
  if (!g.take('(')) return g.fail("'(' opening a namespace list, or NIL", "namespace");
  do {
    // namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
    //                   [namespace-response-extensions] ")"
    if (!g.take('(')) return g.fail("'(' opening a namespace description", "namespace-descr");
    if (!g.string(nullptr, "namespace-descr") || !g.sp("after the prefix", "namespace-descr"))
      return false;
    if (!g.nil() && !g.quoted(nullptr, "namespace-descr")) return false;
    // namespace-response-extension = SP string SP "(" string *(SP string) ")"
    while (g.peek() == ' ') {
      g.advance();
      if (!g.string(nullptr, "namespace-response-extension") ||
          !g.sp("after the extension name", "namespace-response-extension") ||
          !paren_list(
              g, [&] { return g.string(nullptr, "namespace-response-extension"); }, "string",
              "namespace-response-extension", false)) {
        return false;
      }
    }
    if (!g.take(')')) return g.fail("')' closing the namespace description", "namespace-descr");
  } while (g.peek() == '(');
  if (!g.take(')')) return g.fail("')' closing the namespace list", "namespace");
  return true;
}

bool esearch(GrammarCursor& g) {
  // RFC 4731 §3 / RFC 9051 §9: "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
  if (g.peek() == ' ' && g.peek(1) == '(') {
    g.advance(2);
    if (!g.keyword("TAG") || !g.sp("after TAG", "search-correlator") ||
        !g.astring(nullptr, "tag-string")) {
      return g.fail("TAG SP tag-string", "search-correlator");
    }
    if (!g.take(')')) return g.fail("')' closing the search correlator", "search-correlator");
  }
  while (g.more("esearch-response")) {
    if (!g.sp("before the search return data", "esearch-response")) return false;
    const std::string_view w = g.peek_word();
    const std::string name = to_upper(w);
    if (w.empty()) return g.fail("search return data", "search-return-data");
    g.advance(w.size());
    if (name == "UID") continue;
    if (!g.sp_after(name, "search-return-data")) return false;
    bool ok;
    if (name == "MIN" || name == "MAX") {
      ok = g.nz_number("nz-number");
    } else if (name == "ALL") {
      ok = g.sequence_set("sequence-set", false);
    } else if (name == "COUNT") {
      ok = g.number(nullptr, "number");
    } else if (name == "MODSEQ") {
      ok = g.mod_sequence("mod-sequence-value", false);
    } else {
      ok = g.tagged_ext_val("search-ret-data-ext");
    }
    if (!ok) return false;
  }
  return true;
}

bool untagged(GrammarCursor& g) {
  if (is_digit(g.peek()) || g.peek() == '-') {
    std::uint64_t n = 0;
    if (!g.number(&n, "number") || !g.sp("after the number", "response-data")) return false;
    // FETCH first: it is most of a session's responses.
    if (g.keyword("FETCH")) {
      if (n == 0)
        g.deviate(deviation::kBadNumber, "a message number (nz-number), not 0", "message-data");
      return g.sp("after FETCH", "message-data") && msg_att(g);
    }
    if (g.keyword("EXISTS") || g.keyword("RECENT")) return true;
    if (g.keyword("EXPUNGE")) {
      if (n == 0)
        g.deviate(deviation::kBadNumber, "a message number (nz-number), not 0", "message-data");
      return true;
    }
    return g.fail("EXISTS, RECENT, EXPUNGE or FETCH", "message-data");
  }
  if (const Matched s = status_word(g, false); s != Matched::kNo) return s == Matched::kYes;
  const Mark start = g.mark();
  const std::string_view w = g.peek_word();
  const std::string name = to_upper(w);
  g.advance(w.size());
  if (name == "CAPABILITY") return capabilities(g, "capability-data", true);
  if (name == "ENABLED") return capabilities(g, "enable-data", false);
  if (name == "FLAGS") return g.sp_after(name, "mailbox-data") && g.flag_list("flag-list");
  if (name == "LIST" || name == "LSUB") return g.sp_after(name, "mailbox-data") && mailbox_list(g);
  if (name == "STATUS") {
    return g.sp_after(name, "mailbox-data") && g.mailbox() &&
           g.sp("after the mailbox", "mailbox-data") &&
           paren_list(
               g, [&] { return status_att_val(g); }, "status item value", "status-att-list");
  }
  if (name == "SEARCH" || name == "SORT") return number_list(g, "mailbox-data");
  if (name == "THREAD") {
    if (!g.more("thread-data")) return true;
    if (!g.sp_after(name, "thread-data")) return false;
    do {
      if (!thread_list(g)) return false;
    } while (g.peek() == '(');
    return true;
  }
  if (name == "ESEARCH") return esearch(g);
  if (name == "ID") {
    if (!g.sp_after(name, "id-response")) return false;
    if (g.nil()) return true;
    auto pair = [&] {
      return g.string(nullptr, "id-params-list") &&
             g.sp("between field and value", "id-params-list") && g.nstring("id-params-list");
    };
    return paren_list(g, pair, "ID field value", "id-params-list");
  }
  if (name == "NAMESPACE") {
    return g.sp_after(name, "namespace-response") && namespace_list(g) &&
           g.sp("after the personal namespaces", "namespace-response") && namespace_list(g) &&
           g.sp("after the other users' namespaces", "namespace-response") && namespace_list(g);
  }
  if (name == "QUOTA") {
    // RFC 9208 §5.1: "QUOTA" SP quota-root-name SP quota-list
    auto resource = [&] {
      return g.atom(nullptr, "resource-name") &&
             g.sp("after the resource name", "quota-resource") && g.number64("resource-usage") &&
             g.sp("after the usage", "quota-resource") && g.number64("resource-limit");
    };
    return g.sp_after(name, "quota-response") && g.astring(nullptr, "quota-root-name") &&
           g.sp("after the quota root", "quota-response") &&
           paren_list(g, resource, "quota resource", "quota-list");
  }
  if (name == "QUOTAROOT") {
    if (!g.sp_after(name, "quotaroot-response") || !g.mailbox()) return false;
    while (g.more("quotaroot-response")) {
      if (!g.sp("before a quota root", "quotaroot-response") ||
          !g.astring(nullptr, "quota-root-name"))
        return false;
    }
    return true;
  }
  if (name == "ACL") {
    // RFC 4314 §4: "ACL" SP mailbox *(SP identifier SP rights)
    if (!g.sp_after(name, "acl-data") || !g.mailbox()) return false;
    while (g.more("acl-data")) {
      if (!g.sp("before an identifier", "acl-data") || !g.astring(nullptr, "identifier") ||
          !g.sp("after the identifier", "acl-data") || !g.astring(nullptr, "rights")) {
        return false;
      }
    }
    return true;
  }
  if (name == "LISTRIGHTS") {
    if (!g.sp_after(name, "listrights-data") || !g.mailbox() ||
        !g.sp("after the mailbox", "listrights-data") || !g.astring(nullptr, "identifier") ||
        !g.sp("after the identifier", "listrights-data") || !g.astring(nullptr, "rights")) {
      return false;
    }
    while (g.more("listrights-data")) {
      if (!g.sp("before rights", "listrights-data") || !g.astring(nullptr, "rights")) return false;
    }
    return true;
  }
  if (name == "MYRIGHTS") {
    return g.sp_after(name, "myrights-data") && g.mailbox() &&
           g.sp("after the mailbox", "myrights-data") && g.astring(nullptr, "rights");
  }
  if (name == "METADATA") {
    // RFC 5464 §5: "METADATA" SP mailbox SP (entry-values / entry-list)
    if (!g.sp_after(name, "metadata-resp") || !g.mailbox() ||
        !g.sp("after the mailbox", "metadata-resp")) {
      return false;
    }
    if (g.peek() == '(') {
      auto entry_value = [&] {
        if (!g.astring(nullptr, "entry") || !g.sp("after the entry", "entry-value")) return false;
        if (g.peek() == '~') return g.literal(nullptr, "literal8", true);
        return g.nstring("value");
      };
      return paren_list(g, entry_value, "entry value", "entry-values", false);
    }
    if (!g.astring(nullptr, "entry")) return false;
    while (g.more("entry-list")) {
      if (!g.sp("between entries", "entry-list") || !g.astring(nullptr, "entry")) return false;
    }
    return true;
  }
  if (name == "VANISHED") {
    // RFC 7162 §7: "VANISHED" [SP "(EARLIER)"] SP known-uids
    if (!g.sp_after(name, "expunged-resp")) return false;
    if (g.take('(')) {
      if (!g.keyword("EARLIER") || !g.take(')')) return g.fail("(EARLIER)", "expunged-resp");
      if (!g.sp("after (EARLIER)", "expunged-resp")) return false;
    }
    return g.sequence_set("known-uids", false);
  }
  if (name.size() > 1 && name[0] == 'X') {
    g.rest();  // a vendor's experimental response (RFC 9051 §6.5.1's X convention)
    return true;
  }
  g.reset(start);
  return g.fail("a response name (OK, NO, BAD, BYE, CAPABILITY, FLAGS, LIST, number EXISTS, ...)",
                "response-data");
}

bool response(GrammarCursor& g) {
  if (g.take('+')) {
    // continue-req = "+" SP (resp-text / base64) CRLF
    if (g.at_end()) {
      g.deviate(deviation::kContinuationNoSpace, "SP after '+'", "continue-req");
      return true;
    }
    if (!g.sp("after '+'", "continue-req")) return false;
    if (g.take('[')) {
      if (!resp_text_code(g)) return false;
      if (!g.take(']')) return g.fail("']' closing the response code", "resp-text-code");
    }
    g.text();
    return true;
  }
  if (g.take('*')) return g.sp("after '*'", "response-data") && untagged(g);
  // response-tagged = tag SP resp-cond-state CRLF
  if (!g.tag("tag") || !g.sp("after the tag", "response-tagged")) return false;
  if (const Matched s = status_word(g, true); s != Matched::kNo) return s == Matched::kYes;
  return g.fail("OK, NO or BAD after the tag", "resp-cond-state");
}

}  // namespace

Result strict_response(const Message& m, const Options& options) {
  Result r;
  if (m.lines.empty()) return r;
  if (m.lines.size() == 1 && m.lines[0].begin == m.lines[0].end) {
    // RFC 9051 §2.2.2: every server line is a response; an empty line is none.
    GrammarCursor g(m, options);
    g.deviate(deviation::kBlankLine, "a response, not an empty line", "response");
    r.deviations = g.take_deviations();
    return r;
  }
  GrammarCursor g(m, options);
  const bool ok = response(g) && g.end("after the response", "response");
  r.deviations = g.take_deviations();
  if (!ok) {
    r.valid = false;
    r.error = g.error();
  }
  return r;
}

}  // namespace imapscope::analyzer::grammar
