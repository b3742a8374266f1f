// RFC 9051 §9 "command" (and RFC 3501 §9's rev1-only LSUB, CHECK, RECENT status item), with the
// extension commands of RFC 4466 (the collected ABNF), 2971 ID, 3502 MULTIAPPEND, 4469
// CATENATE, 4314 ACL, 4959 SASL-IR, 4978 COMPRESS, 5161 ENABLE, 5256 SORT/THREAD, 5258
// LIST-EXTENDED, 5464 METADATA, 5819 LIST-STATUS, 6154 SPECIAL-USE, 6855 UTF8, 7162
// CONDSTORE/QRESYNC, 8437 UNAUTHENTICATE, 9208 QUOTA, and X-commands (RFC 9051 §6.5.1).
#include <cctype>
#include <string_view>

#include "analyzer/command.h"
#include "analyzer/grammar/grammar_cursor.h"

namespace imapscope::analyzer::grammar {
namespace {

bool is_list_char(char c) {
  return is_astring_char(c) || c == '%' || c == '*';
}

// list-mailbox = 1*list-char / string
bool list_mailbox(GrammarCursor& g) {
  if (g.peek() == '"' || g.peek() == '{') return g.string(nullptr, "list-mailbox");
  std::size_t n = 0;
  while (is_list_char(g.peek(n)))
    ++n;
  if (n == 0) return g.fail("a mailbox pattern (list-mailbox)", "list-mailbox");
  g.advance(n);
  return true;
}

// RFC 4466 / 5258 option-extension = (option-standard-tag / option-vendor-tag) [SP option-value]
bool option_extension(GrammarCursor& g, const char* rule) {
  if (!g.atom(nullptr, rule)) return false;
  if (g.peek() == ' ' && g.peek(1) == '(') {
    g.advance();
    return g.tagged_ext_val(rule);
  }
  return true;
}

bool status_att_list(GrammarCursor& g) {
  return paren_list(
      g, [&] { return status_att(g); }, "status item", "status-att", false);
}

// RFC 5258 §6 / RFC 5819 list-return-opts = "RETURN" SP "(" [return-option *(SP ...)] ")"
bool list_return_option(GrammarCursor& g) {
  if (g.keyword("STATUS")) {
    return g.sp("after STATUS", "return-option") && status_att_list(g);
  }
  return option_extension(g, "return-option");
}

bool list_cmd(GrammarCursor& g) {
  // "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
  if (!g.sp("after LIST", "list")) return false;
  if (g.peek() == '(') {
    if (!paren_list(
            g, [&] { return option_extension(g, "list-select-opt"); }, "selection option",
            "list-select-opts") ||
        !g.sp("after the selection options", "list")) {
      return false;
    }
  }
  if (!g.mailbox() || !g.sp("after the reference name", "list")) return false;
  if (g.peek() == '(') {
    if (!paren_list(
            g, [&] { return list_mailbox(g); }, "pattern", "patterns", false))
      return false;
  } else if (!list_mailbox(g)) {
    return false;
  }
  if (!g.more("list")) return true;
  if (!g.sp("before RETURN", "list")) return false;
  if (!g.keyword("RETURN")) return g.fail("RETURN (list-return-opts)", "list-return-opts");
  return g.sp("after RETURN", "list-return-opts") &&
         paren_list(
             g, [&] { return list_return_option(g); }, "return option", "list-return-opts");
}

// RFC 4466 / 7162 select-params = SP "(" select-param *(SP select-param) ")"
bool select_params(GrammarCursor& g) {
  auto param = [&] {
    if (g.keyword("CONDSTORE")) return true;
    if (g.keyword("QRESYNC")) {
      // "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids]
      //   [SP seq-match-data] ")"
      if (!g.sp("after QRESYNC", "select-param") || !g.take('(')) {
        return g.fail("'(' opening the QRESYNC parameters", "select-param");
      }
      if (!g.nz_number("uidvalidity") || !g.sp("after the UIDVALIDITY", "select-param") ||
          !g.mod_sequence("mod-sequence-value", false)) {
        return false;
      }
      if (g.peek() == ' ' && g.peek(1) != '(') {
        g.advance();
        if (!g.sequence_set("known-uids", false)) return false;
      }
      if (g.peek() == ' ' && g.peek(1) == '(') {
        // seq-match-data = "(" known-sequence-set SP known-uid-set ")"
        g.advance(2);
        if (!g.sequence_set("known-sequence-set", false) ||
            !g.sp("between the sequence numbers and UIDs", "seq-match-data") ||
            !g.sequence_set("known-uid-set", false) || !g.take(')')) {
          return g.fail("')' closing seq-match-data", "seq-match-data");
        }
      }
      return g.take(')') || g.fail("')' closing the QRESYNC parameters", "select-param");
    }
    return option_extension(g, "select-param");
  };
  return paren_list(g, param, "select parameter", "select-params", false);
}

bool optional_ext_params(GrammarCursor& g, const char* rule) {
  // create-params / rename-params (RFC 4466): SP "(" param *(SP param) ")";
  // SPECIAL-USE's "USE" SP "(" use-attr *(SP use-attr) ")" is one such param (RFC 6154 §6).
  if (!(g.peek() == ' ' && g.peek(1) == '(')) return true;
  g.advance();
  auto param = [&] {
    if (g.keyword("USE")) {
      return g.sp("after USE", rule) &&
             paren_list(
                 g, [&] { return g.flag("use-attr"); }, "use-attr", rule, false);
    }
    return option_extension(g, rule);
  };
  return paren_list(g, param, "parameter", rule, false);
}

// append = "APPEND" SP mailbox 1*append-message  (RFC 3502 MULTIAPPEND, RFC 4466)
// append-message = [SP flag-list] [SP date-time] *(SP append-ext) SP append-data
bool append_cmd(GrammarCursor& g) {
  if (!g.sp("after APPEND", "append") || !g.mailbox()) return false;
  do {
    if (!g.sp("before the message's flags, date or literal", "append-message")) return false;
    if (g.peek() == '(') {
      if (!g.flag_list("flag-list") || !g.sp("after the flag list", "append-message")) return false;
    }
    if (g.peek() == '"') {
      if (!g.date_time("date-time") || !g.sp("after the date-time", "append-message")) return false;
    }
    if (g.peek() == '{' || g.peek() == '~') {
      if (!g.literal(nullptr, "append-data", true)) return false;
    } else if (g.keyword("CATENATE")) {
      // RFC 4469 §5: "CATENATE" SP "(" cat-part *(SP cat-part) ")"
      auto part = [&] {
        if (g.keyword("TEXT"))
          return g.sp("after TEXT", "cat-part") && g.literal(nullptr, "text-literal");
        if (g.keyword("URL")) return g.sp("after URL", "cat-part") && g.astring(nullptr, "url");
        return g.fail("TEXT or URL (cat-part)", "cat-part");
      };
      if (!g.sp("after CATENATE", "append-data") ||
          !paren_list(g, part, "cat-part", "append-data", false)) {
        return false;
      }
    } else if (g.keyword("UTF8")) {
      // RFC 6855 §4: "UTF8" SP "(" literal8 ")"
      if (!g.sp("after UTF8", "append-data") || !g.take('(') ||
          !g.literal(nullptr, "literal8", true) || !g.take(')')) {
        return g.fail("'(' literal8 ')' after UTF8", "append-data");
      }
    } else {
      return g.fail("a literal with the message (append-data)", "append-data");
    }
  } while (g.more("append"));
  return true;
}

bool id_params_list(GrammarCursor& g) {
  // RFC 2971 §4: id-params-list = "(" *(string SP nstring) ")" / nil
  if (g.nil()) return true;
  auto pair = [&] {
    return g.string(nullptr, "id-params-list") &&
           g.sp("between field and value", "id-params-list") && g.nstring("id-params-list");
  };
  return paren_list(g, pair, "ID field value", "id-params-list");
}

bool store_cmd(GrammarCursor& g) {
  // "STORE" SP sequence-set [store-modifiers] SP store-att-flags
  if (!g.sp("after STORE", "store") || !g.sequence_set("sequence-set")) return false;
  if (g.peek() == ' ' && g.peek(1) == '(') {
    // RFC 7162 §7 store-modifier = "UNCHANGEDSINCE" SP mod-sequence-valzer
    g.advance();
    auto mod = [&] {
      if (g.keyword("UNCHANGEDSINCE")) {
        return g.sp("after UNCHANGEDSINCE", "store-modifier") &&
               g.mod_sequence("mod-sequence-valzer", true);
      }
      return option_extension(g, "store-modifier");
    };
    if (!paren_list(g, mod, "store modifier", "store-modifiers", false)) return false;
  }
  if (!g.sp("before the flags operation", "store")) return false;
  // store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
  if (!g.take('+')) g.take('-');
  const std::string_view w = g.peek_word();
  const bool labels = iequals(w, "X-GM-LABELS") || iequals(w, "X-GM-LABELS.SILENT");
  if (!iequals(w, "FLAGS") && !iequals(w, "FLAGS.SILENT") && !labels) {
    return g.fail("FLAGS or FLAGS.SILENT (store-att-flags)", "store-att-flags");
  }
  g.advance(w.size());
  if (!g.sp_after(w, "store-att-flags")) return false;
  auto item = [&] {
    if (labels && g.peek() != '\\') return g.astring(nullptr, "store-att-flags");
    return g.flag("flag");
  };
  if (g.peek() == '(') return paren_list(g, item, "flag", "flag-list");
  if (!item()) return false;
  while (g.more("store-att-flags")) {
    if (!g.sp("between flags", "store-att-flags") || !item()) return false;
  }
  return true;
}

bool search_cmd(GrammarCursor& g) {
  // "SEARCH" [search-return-opts] SP search-program
  return search_return_opts(g) && g.sp("before the search keys", "search") && search_program(g);
}

bool sort_cmd(GrammarCursor& g) {
  // RFC 5256 §5: "SORT" SP sort-criteria SP search-criteria (plus RFC 5267 ESORT RETURN)
  if (!search_return_opts(g) || !g.sp("before the sort criteria", "sort")) return false;
  auto criterion = [&] {
    if (g.keyword("REVERSE") && !g.sp("after REVERSE", "sort-criterion")) return false;
    static constexpr std::string_view kKeys[] = {
        "ARRIVAL", "CC",          "DATE",      "FROM",   "SIZE",       "SUBJECT",
        "TO",      "DISPLAYFROM", "DISPLAYTO", "MODSEQ", "X-GM-MSGID", "RELEVANCY"};
    for (std::string_view k : kKeys) {
      if (g.keyword(k)) return true;
    }
    return g.fail("a sort key (ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, ...)", "sort-key");
  };
  return paren_list(g, criterion, "sort criterion", "sort-criteria", false) &&
         g.sp("before the charset", "sort") && g.charset("charset") &&
         g.sp("after the charset", "sort") && search_program(g);
}

bool thread_cmd(GrammarCursor& g) {
  // RFC 5256 §5: "THREAD" SP thread-alg SP search-criteria; search-criteria = charset 1*(SP key)
  return g.sp("after THREAD", "thread") && g.atom(nullptr, "thread-alg") &&
         g.sp("after the threading algorithm", "thread") && g.charset("charset") &&
         g.sp("after the charset", "thread") && search_program(g);
}

bool copy_like(GrammarCursor& g, std::string_view name) {
  return g.sp_after(name, "copy") && g.sequence_set("sequence-set") &&
         g.sp("after the sequence set", "copy") && g.mailbox();
}

bool getmetadata_cmd(GrammarCursor& g) {
  // RFC 5464 §5: "GETMETADATA" [SP getmetadata-options] SP mailbox SP entries
  if (!g.sp("after GETMETADATA", "getmetadata")) return false;
  auto option = [&] {
    if (g.keyword("MAXSIZE"))
      return g.sp("after MAXSIZE", "getmetadata-option") && g.number(nullptr, "maxsize-opt");
    if (g.keyword("DEPTH")) {
      if (!g.sp("after DEPTH", "getmetadata-option")) return false;
      if (g.keyword("0") || g.keyword("1") || g.keyword("INFINITY")) return true;
      return g.fail("0, 1 or infinity", "depth-opt");
    }
    return option_extension(g, "getmetadata-option");
  };
  if (g.peek() == '(') {
    if (!paren_list(g, option, "option", "getmetadata-options", false) ||
        !g.sp("after the options", "getmetadata")) {
      return false;
    }
  }
  if (!g.mailbox() || !g.sp("after the mailbox", "getmetadata")) return false;
  // RFC 5464 §4.2's own examples put the options after the mailbox; servers take both.
  if (g.peek() == '(') {
    const Mark before = g.mark();
    g.advance();
    const bool options_here = g.keyword("MAXSIZE") || g.keyword("DEPTH");
    g.reset(before);
    if (options_here && !(paren_list(g, option, "option", "getmetadata-options", false) &&
                          g.sp("after the options", "getmetadata"))) {
      return false;
    }
  }
  if (g.peek() == '(') {
    return paren_list(
        g, [&] { return g.astring(nullptr, "entry"); }, "entry", "entries", false);
  }
  return g.astring(nullptr, "entry");
}

bool setmetadata_cmd(GrammarCursor& g) {
  // "SETMETADATA" SP mailbox SP list-of-entry-values; entry-value = entry SP value;
  // value = nstring / literal8
  if (!g.sp("after SETMETADATA", "setmetadata") || !g.mailbox() ||
      !g.sp("after the mailbox", "setmetadata")) {
    return false;
  }
  auto entry_value = [&] {
    if (!g.astring(nullptr, "entry") || !g.sp("after the entry", "entry-value")) return false;
    if (g.peek() == '~') return g.literal(nullptr, "literal8", true);
    return g.nstring("value");
  };
  return paren_list(g, entry_value, "entry value", "list-of-entry-values", false);
}

// One command after "tag SP"; `uid` when it follows "UID SP".
bool command_body(GrammarCursor& g, bool uid) {
  const Mark start = g.mark();
  const std::string_view name = g.peek_word();
  if (name.empty()) return g.fail("a command name", "command");
  // Dispatched on the command's id: one table lookup instead of a string comparison per
  // command this grammar knows.
  const CommandId id = command_info(name).id;
  g.advance(name.size());
  if (uid) {
    if (id == CommandId::kFetch) {
      return g.sp_after(name, "fetch") && g.sequence_set("sequence-set") &&
             g.sp("after the sequence set", "fetch") && fetch_att_list(g);
    }
    if (id == CommandId::kStore) return store_cmd(g);
    if (id == CommandId::kCopy || id == CommandId::kMove) return copy_like(g, name);
    if (id == CommandId::kSearch) return search_cmd(g);
    if (id == CommandId::kSort) return sort_cmd(g);
    if (id == CommandId::kThread) return thread_cmd(g);
    if (id == CommandId::kExpunge)
      return g.sp_after(name, "uid-expunge") && g.sequence_set("sequence-set", false);
    g.reset(start);
    return g.fail("COPY, MOVE, FETCH, SEARCH, STORE, EXPUNGE, SORT or THREAD after UID", "uid");
  }
  // command-any, command-nonauth and the commands without arguments
  static constexpr CommandId kBare[] = {
      CommandId::kCapability, CommandId::kLogout,   CommandId::kNoop,          CommandId::kStarttls,
      CommandId::kNamespace,  CommandId::kIdle,     CommandId::kCheck,         CommandId::kClose,
      CommandId::kExpunge,    CommandId::kUnselect, CommandId::kUnauthenticate};
  for (CommandId b : kBare) {
    if (id == b) return true;
  }
  if (id == CommandId::kLogin) {
    return g.sp_after(name, "login") && g.astring(nullptr, "userid") &&
           g.sp("after the user name", "login") && g.astring(nullptr, "password");
  }
  if (id == CommandId::kAuthenticate) {
    // "AUTHENTICATE" SP auth-type [SP initial-resp]; initial-resp = (base64 / "=") (RFC 4959)
    if (!g.sp_after(name, "authenticate") || !g.atom(nullptr, "auth-type")) return false;
    if (!g.more("authenticate")) return true;
    g.advance();
    if (g.take('=')) return true;
    std::size_t n = 0;
    while (std::isalnum(static_cast<unsigned char>(g.peek(n))) || g.peek(n) == '+' ||
           g.peek(n) == '/')
      ++n;
    while (g.peek(n) == '=')
      ++n;
    if (n == 0) return g.fail("base64 or '=' (initial-resp)", "initial-resp");
    g.advance(n);
    return true;
  }
  if (id == CommandId::kEnable) {
    if (!g.sp_after(name, "enable") || !g.atom(nullptr, "capability")) return false;
    while (g.more("enable")) {
      if (!g.sp("between capabilities", "enable") || !g.atom(nullptr, "capability")) return false;
    }
    return true;
  }
  if (id == CommandId::kSelect || id == CommandId::kExamine) {
    if (!g.sp_after(name, "select") || !g.mailbox()) return false;
    if (g.peek() == ' ' && g.peek(1) == '(') {
      g.advance();
      return select_params(g);
    }
    return true;
  }
  if (id == CommandId::kCreate)
    return g.sp_after(name, "create") && g.mailbox() && optional_ext_params(g, "create-param");
  if (id == CommandId::kDelete || id == CommandId::kSubscribe || id == CommandId::kUnsubscribe ||
      id == CommandId::kGetQuotaRoot || id == CommandId::kGetAcl || id == CommandId::kMyRights) {
    return g.sp_after(name, "command-auth") && g.mailbox();
  }
  if (id == CommandId::kRename) {
    return g.sp_after(name, "rename") && g.mailbox() && g.sp("between the names", "rename") &&
           g.mailbox() && optional_ext_params(g, "rename-param");
  }
  if (id == CommandId::kList) return list_cmd(g);
  if (id == CommandId::kLsub) {
    return g.sp_after(name, "lsub") && g.mailbox() && g.sp("after the reference name", "lsub") &&
           list_mailbox(g);
  }
  if (id == CommandId::kStatus) {
    return g.sp_after(name, "status") && g.mailbox() && g.sp("after the mailbox", "status") &&
           status_att_list(g);
  }
  if (id == CommandId::kAppend) return append_cmd(g);
  if (id == CommandId::kFetch) {
    return g.sp_after(name, "fetch") && g.sequence_set("sequence-set") &&
           g.sp("after the sequence set", "fetch") && fetch_att_list(g);
  }
  if (id == CommandId::kStore) return store_cmd(g);
  if (id == CommandId::kCopy || id == CommandId::kMove) return copy_like(g, name);
  if (id == CommandId::kSearch) return search_cmd(g);
  if (id == CommandId::kSort) return sort_cmd(g);
  if (id == CommandId::kThread) return thread_cmd(g);
  if (iequals(name, "UID")) return g.sp_after(name, "uid") && command_body(g, true);
  if (id == CommandId::kId) return g.sp_after(name, "id") && id_params_list(g);
  if (id == CommandId::kCompress)
    return g.sp_after(name, "compress") && g.atom(nullptr, "algorithm");
  if (id == CommandId::kGetQuota)
    return g.sp_after(name, "getquota") && g.astring(nullptr, "quota-root-name");
  if (id == CommandId::kSetQuota) {
    // RFC 9208 §4.1: "SETQUOTA" SP quota-root-name SP setquota-list
    auto resource = [&] {
      return g.atom(nullptr, "resource-name") &&
             g.sp("after the resource name", "setquota-resource") && g.number64("resource-limit");
    };
    return g.sp_after(name, "setquota") && g.astring(nullptr, "quota-root-name") &&
           g.sp("after the quota root", "setquota") &&
           paren_list(g, resource, "quota resource", "setquota-list");
  }
  if (id == CommandId::kSetAcl) {
    return g.sp_after(name, "setacl") && g.mailbox() && g.sp("after the mailbox", "setacl") &&
           g.astring(nullptr, "identifier") && g.sp("after the identifier", "setacl") &&
           g.astring(nullptr, "mod-rights");
  }
  if (id == CommandId::kDeleteAcl || id == CommandId::kListRights) {
    return g.sp_after(name, "acl") && g.mailbox() && g.sp("after the mailbox", "acl") &&
           g.astring(nullptr, "identifier");
  }
  if (id == CommandId::kGetMetadata) return getmetadata_cmd(g);
  if (id == CommandId::kSetMetadata) return setmetadata_cmd(g);
  // RFC 9051 §9 x-command = "X" atom <experimental command arguments> (§6.5.1); and a command
  // of an extension this grammar does not know (RFC 9051 §6.5 lets extensions add commands):
  // its arguments cannot be judged here, and an unknown name is the server's BAD to give.
  g.rest();
  return true;
}

}  // namespace

bool status_att(GrammarCursor& g) {
  // RFC 9051 §9 status-att, RFC 3501 RECENT, RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE,
  // RFC 7889 APPENDLIMIT, RFC 8474 MAILBOXID
  static constexpr std::string_view kAtts[] = {
      "MESSAGES", "UIDNEXT",       "UIDVALIDITY", "UNSEEN",    "DELETED",        "SIZE",
      "RECENT",   "HIGHESTMODSEQ", "APPENDLIMIT", "MAILBOXID", "DELETED-STORAGE"};
  for (std::string_view a : kAtts) {
    if (g.keyword(a)) return true;
  }
  return g.fail("a status item (MESSAGES, UIDNEXT, UIDVALIDITY, UNSEEN, DELETED, SIZE, ...)",
                "status-att");
}

Result strict_command(const Message& m, const Options& options) {
  Result r;
  if (m.lines.empty()) return r;
  GrammarCursor g(m, options);
  // command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF
  bool ok = g.tag("tag") && g.sp("after the tag", "command") && command_body(g, false) &&
            g.end("after the command", "command");
  r.deviations = g.take_deviations();
  if (!ok) {
    r.valid = false;
    r.error = g.error();
  }
  return r;
}

}  // namespace imapscope::analyzer::grammar
