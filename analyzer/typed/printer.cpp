#include "analyzer/typed/printer.h"

#include <algorithm>
#include <type_traits>

namespace imapscope::analyzer::typed {
namespace {

void append_number(std::uint64_t n, std::string& out) {
  out += std::to_string(n);
}

// Prints each of `items` with `print_one`, one SP between them (RFC 9051 §9 separates list
// elements by exactly one SP). False when one of them could not be printed.
template <typename Items, typename PrintOne>
bool print_separated(const Items& items, std::string& out, PrintOne print_one) {
  bool ok = true;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += ' ';
    first = false;
    if constexpr (std::is_void_v<decltype(print_one(item))>) {
      print_one(item);
    } else {
      ok = print_one(item) && ok;
    }
  }
  return ok;
}

void print_words(const std::vector<std::string_view>& words, std::string& out) {
  print_separated(words, out, [&](std::string_view w) { out += w; });
}

void print_list(const std::vector<std::string_view>& words, std::string& out) {
  out += '(';
  print_words(words, out);
  out += ')';
}

bool print_addresses(const std::vector<Address>& list, std::string& out) {
  if (list.empty()) {
    out += "NIL";
    return true;
  }
  out += '(';
  bool ok = true;
  for (const Address& a : list) {
    out += '(';
    ok = print(a.name, out) && ok;
    out += ' ';
    ok = print(a.adl, out) && ok;
    out += ' ';
    ok = print(a.mailbox, out) && ok;
    out += ' ';
    ok = print(a.host, out) && ok;
    out += ')';
  }
  out += ')';
  return ok;
}

bool print_parameters(const std::vector<BodyParameter>& params, std::string& out) {
  if (params.empty()) {
    out += "NIL";
    return true;
  }
  out += '(';
  const bool ok = print_separated(params, out, [&](const BodyParameter& p) {
    const bool attribute = print(p.attribute, out);
    out += ' ';
    return print(p.value, out) && attribute;
  });
  out += ')';
  return ok;
}

// The optional extension fields after the first (md5 or body-fld-param), as many as were sent.
bool print_extension_tail(const BodyStructure& b, std::size_t sent, std::string& out) {
  bool ok = true;
  if (sent < b.extension_fields) {
    out += ' ';
    if (!b.disposition) {
      out += "NIL";
    } else {
      out += '(';
      ok = print(b.disposition->type, out) && ok;
      out += ' ';
      ok = print_parameters(b.disposition->parameters, out) && ok;
      out += ')';
    }
    ++sent;
  }
  if (sent < b.extension_fields) {
    out += ' ';
    if (b.language_list) {
      out += '(';
      ok = print_separated(b.language, out, [&](const ImapString& l) { return print(l, out); }) &&
           ok;
      out += ')';
    } else {
      ok = print(b.language.empty() ? ImapString{} : b.language.front(), out) && ok;
    }
    ++sent;
  }
  if (sent < b.extension_fields) {
    out += ' ';
    ok = print(b.location, out) && ok;
  }
  return ok;
}

void print_set_arg(const SequenceSetArg& s, std::string& out) {
  if (s.set) {
    print(*s.set, out);
  } else {
    out += s.text;
  }
}

}  // namespace

bool print(const ImapString& s, std::string& out) {
  switch (s.form) {
    case ImapString::Form::kNil:
      out += "NIL";
      return true;
    case ImapString::Form::kAtom:
      out += s.text;
      return true;
    case ImapString::Form::kQuoted:
      out += '"';
      out += s.text;  // escapes were kept as sent
      out += '"';
      return true;
    case ImapString::Form::kLiteral:
      if (s.binary) out += '~';
      out += '{';
      append_number(s.size, out);
      out += "}\r\n";
      out += s.text;
      return s.text.size() == s.size;
  }
  return false;
}

bool print(const Arg& a, const Message& m, std::string& out) {
  if (a.kind == ArgKind::kList) {
    out += '(';
    const bool ok =
        print_separated(a.children, out, [&](const Arg& child) { return print(child, m, out); });
    out += ')';
    return ok;
  }
  ImapString s;
  read_string(a, m, s, false);
  return print(s, out);
}

bool print(const Value& v, std::string& out) {
  return v.arg != nullptr && v.message != nullptr && print(*v.arg, *v.message, out);
}

void print(const SequenceSet& set, std::string& out) {
  const auto number = [&](std::uint32_t n) {
    if (n == SequenceSet::kStar) {
      out += '*';
    } else {
      append_number(n, out);
    }
  };
  bool first = true;
  for (const SequenceSet::Range& r : set.ranges()) {
    if (!first) out += ',';
    first = false;
    number(r.first);
    if (r.last != r.first) {
      out += ':';
      number(r.last);
    }
  }
}

void print(const FetchAttribute& att, std::string& out) {
  out += att.name;
  if (att.section) {
    out += '[';
    const Section& s = *att.section;
    for (std::size_t i = 0; i < s.part.size(); ++i) {
      if (i > 0) out += '.';
      append_number(s.part[i], out);
    }
    if (!s.text.empty()) {
      if (!s.part.empty()) out += '.';
      out += s.text;
    }
    if (!s.header_fields.empty()) {
      // header-fld-name = astring: a name that is not all ASTRING-CHARs was quoted (its
      // escapes are kept in the text).
      out += " (";
      print_separated(s.header_fields, out, [&](std::string_view name) {
        const bool atom = !name.empty() && std::all_of(name.begin(), name.end(), is_astring_char);
        if (!atom) out += '"';
        out += name;
        if (!atom) out += '"';
      });
      out += ')';
    }
    out += ']';
  }
  if (att.origin) {
    out += '<';
    append_number(*att.origin, out);
    if (att.count) {
      out += '.';
      append_number(*att.count, out);
    }
    out += '>';
  }
}

bool print(const Envelope& e, std::string& out) {
  out += '(';
  bool ok = print(e.date, out);
  out += ' ';
  ok = print(e.subject, out) && ok;
  for (const auto* list : {&e.from, &e.sender, &e.reply_to, &e.to, &e.cc, &e.bcc}) {
    out += ' ';
    ok = print_addresses(*list, out) && ok;
  }
  out += ' ';
  ok = print(e.in_reply_to, out) && ok;
  out += ' ';
  ok = print(e.message_id, out) && ok;
  out += ')';
  return ok;
}

bool print(const BodyStructure& b, std::string& out) {
  out += '(';
  bool ok = true;
  if (b.multipart) {
    // body-type-mpart = 1*body SP media-subtype: the parts follow each other with no SP.
    for (const BodyStructure& part : b.parts)
      ok = print(part, out) && ok;
    out += ' ';
    ok = print(b.subtype, out) && ok;
    if (b.extension_fields > 0) {
      out += ' ';
      ok = print_parameters(b.parameters, out) && ok;
      ok = print_extension_tail(b, 1, out) && ok;
    }
  } else {
    ok = print(b.type, out) && ok;
    out += ' ';
    ok = print(b.subtype, out) && ok;
    out += ' ';
    ok = print_parameters(b.parameters, out) && ok;
    for (const ImapString* s : {&b.id, &b.description, &b.encoding}) {
      out += ' ';
      ok = print(*s, out) && ok;
    }
    out += ' ';
    append_number(b.octets, out);
    if (b.envelope) {
      out += ' ';
      ok = print(*b.envelope, out) && ok;
      out += ' ';
      ok = (!b.parts.empty() && print(b.parts.front(), out)) && ok;
    }
    if (b.lines) {
      out += ' ';
      append_number(*b.lines, out);
    }
    if (b.extension_fields > 0) {
      out += ' ';
      ok = print(b.md5, out) && ok;
      ok = print_extension_tail(b, 1, out) && ok;
    }
  }
  // body-extension: the generic values after the location, as sent.
  for (const Value& v : b.extensions) {
    out += ' ';
    ok = print(v, out) && ok;
  }
  out += ')';
  return ok;
}

namespace {

// The value of one msg-att, from its typed form where it has one.
bool print_msg_att_value(const MsgAtt& item, std::string& out) {
  if (item.number && item.att.is("MODSEQ")) {  // RFC 7162 §3.1.4.1: MODSEQ (n)
    out += '(';
    append_number(*item.number, out);
    out += ')';
    return true;
  }
  if (item.number) {
    append_number(*item.number, out);
    return true;
  }
  if (item.flags) {
    print_list(*item.flags, out);
    return true;
  }
  if (item.string && !item.string->nil() && (item.att.is("EMAILID") || item.att.is("THREADID"))) {
    out += '(';  // RFC 8474 §5.1: "(" objectid ")"
    const bool ok = print(*item.string, out);
    out += ')';
    return ok;
  }
  if (item.string) return print(*item.string, out);
  if (item.envelope) return print(*item.envelope, out);
  if (item.body) return print(*item.body, out);
  return print(item.value, out);
}

}  // namespace

bool print(const FetchResponse& f, std::string& out) {
  out += "* ";
  append_number(f.number, out);
  out += " FETCH (";
  const bool ok = print_separated(f.items, out, [&](const MsgAtt& item) {
    print(item.att, out);
    out += ' ';
    return print_msg_att_value(item, out);
  });
  out += ')';
  return ok;
}

bool print(const ListResponse& l, std::string& out) {
  out += l.lsub ? "* LSUB " : "* LIST ";
  print_list(l.attributes, out);
  out += ' ';
  bool ok = print(l.delimiter, out);
  out += ' ';
  ok = print(l.mailbox, out) && ok;
  if (!l.extended.empty()) {
    out += " (";
    ok = print_separated(l.extended, out,
                         [&](const ListResponse::Extended& e) {
                           const bool tag = print(e.tag, out);
                           out += ' ';
                           return print(e.value, out) && tag;
                         }) &&
         ok;
    out += ')';
  }
  return ok;
}

bool print(const StatusResponse& s, std::string& out) {
  out += "* STATUS ";
  const bool ok = print(s.mailbox, out);
  out += " (";
  print_separated(s.items, out, [&](const StatusResponse::Item& item) {
    out += item.name;
    out += ' ';
    append_number(item.value, out);
  });
  out += ')';
  return ok;
}

void print(const SearchResponse& s, std::string& out) {
  out += "* SEARCH";
  for (std::uint32_t n : s.numbers) {
    out += ' ';
    append_number(n, out);
  }
  if (s.modseq) {
    out += " (MODSEQ ";
    append_number(*s.modseq, out);
    out += ')';
  }
}

bool print(const EsearchResponse& e, std::string& out) {
  out += "* ESEARCH";
  bool ok = true;
  if (e.tag) {
    out += " (TAG ";
    ok = print(*e.tag, out);
    out += ')';
  }
  if (e.uid) out += " UID";
  const auto item = [&](const char* name, std::optional<std::uint64_t> n) {
    if (!n) return;
    out += ' ';
    out += name;
    out += ' ';
    append_number(*n, out);
  };
  item("MIN", e.min);
  item("MAX", e.max);
  if (e.all) {
    out += " ALL ";
    print(*e.all, out);
  }
  item("COUNT", e.count);
  item("MODSEQ", e.modseq);
  return ok;
}

void print(const VanishedResponse& v, std::string& out) {
  out += v.earlier ? "* VANISHED (EARLIER) " : "* VANISHED ";
  print(v.uids, out);
}

void print(const ResponseCodeData& c, std::string& out) {
  out += '[';
  out += c.name;
  if (c.uidvalidity) {
    out += ' ';
    append_number(*c.uidvalidity, out);
    if (c.source_uids) {
      out += ' ';
      print(*c.source_uids, out);
    }
    out += ' ';
    if (c.uids) print(*c.uids, out);
  } else if (c.uids) {
    out += ' ';
    print(*c.uids, out);
  } else if (!c.atom.empty()) {
    out += ' ';
    out += c.atom;
    if (c.number) {
      out += ' ';
      append_number(*c.number, out);
    }
  } else if (c.number) {
    out += ' ';
    append_number(*c.number, out);
  } else if (c.list && c.is("CAPABILITY")) {
    out += ' ';
    print_words(*c.list, out);
  } else if (c.list) {
    out += ' ';
    print_list(*c.list, out);
  } else if (!c.text.empty()) {
    out += ' ';
    out += c.text;
  }
  out += ']';
}

namespace {

void print_command_start(std::string_view tag, bool uid, std::string_view name, std::string& out) {
  out += tag;
  out += uid ? " UID " : " ";
  out += name;
  out += ' ';
}

}  // namespace

bool print(std::string_view tag, const FetchCommand& f, std::string& out) {
  print_command_start(tag, f.uid, "FETCH", out);
  print_set_arg(f.set, out);
  out += ' ';
  if (!f.macro.empty()) {
    out += f.macro;
  } else {
    out += '(';
    print_separated(f.items, out, [&](const FetchAttribute& att) { print(att, out); });
    out += ')';
  }
  if (f.changedsince || f.vanished) {
    out += " (";
    if (f.changedsince) {
      out += "CHANGEDSINCE ";
      append_number(*f.changedsince, out);
      if (f.vanished) out += ' ';
    }
    if (f.vanished) out += "VANISHED";
    out += ')';
  }
  return true;
}

bool print(std::string_view tag, const StoreCommand& s, std::string& out) {
  print_command_start(tag, s.uid, "STORE", out);
  print_set_arg(s.set, out);
  if (s.unchangedsince) {
    out += " (UNCHANGEDSINCE ";
    append_number(*s.unchangedsince, out);
    out += ')';
  }
  out += ' ';
  out += s.item;
  out += ' ';
  print_list(s.flags, out);
  return true;
}

bool print(std::string_view tag, const SelectCommand& s, std::string& out) {
  out += tag;
  out += s.examine ? " EXAMINE " : " SELECT ";
  bool ok = print(s.mailbox, out);
  if (s.condstore || s.qresync) {
    out += " (";
    if (s.condstore) out += s.qresync ? "CONDSTORE " : "CONDSTORE";
    if (s.qresync) {
      const SelectCommand::Qresync& q = *s.qresync;
      out += "QRESYNC (";
      append_number(q.uidvalidity, out);
      out += ' ';
      append_number(q.modseq, out);
      if (q.known_uids) {
        out += ' ';
        print_set_arg(*q.known_uids, out);
      }
      if (q.known_sequence_numbers && q.known_sequence_uids) {
        out += " (";
        print_set_arg(*q.known_sequence_numbers, out);
        out += ' ';
        print_set_arg(*q.known_sequence_uids, out);
        out += ')';
      }
      out += ')';
    }
    out += ')';
  }
  return ok;
}

bool print(std::string_view tag, const CopyCommand& c, std::string& out) {
  print_command_start(tag, c.uid, c.move ? "MOVE" : "COPY", out);
  print_set_arg(c.set, out);
  out += ' ';
  return print(c.mailbox, out);
}

bool print(std::string_view tag, const StatusCommand& s, std::string& out) {
  out += tag;
  out += " STATUS ";
  const bool ok = print(s.mailbox, out);
  out += ' ';
  print_list(s.items, out);
  return ok;
}

bool print(std::string_view tag, const SearchCommand& s, std::string& out) {
  print_command_start(tag, s.uid, "SEARCH", out);
  bool ok = true;
  if (s.return_options) {
    out += "RETURN ";
    print_list(*s.return_options, out);
    out += ' ';
  }
  if (!s.charset.nil()) {
    out += "CHARSET ";
    ok = print(s.charset, out);
    out += ' ';
  }
  return print_separated(s.keys, out, [&](const Value& key) { return print(key, out); }) && ok;
}

bool print(std::string_view tag, const AppendCommand& a, std::string& out) {
  out += tag;
  out += " APPEND ";
  bool ok = print(a.mailbox, out);
  for (const AppendCommand::Message& msg : a.messages) {
    if (!msg.flags.empty()) {
      out += ' ';
      print_list(msg.flags, out);
    }
    if (!msg.date.nil()) {
      out += ' ';
      ok = print(msg.date, out) && ok;
    }
    out += ' ';
    if (msg.catenate) {
      out += "CATENATE ";
      ok = print(*msg.catenate, out) && ok;
    } else if (msg.utf8) {
      out += "UTF8 (";
      ok = print(msg.content, out) && ok;
      out += ')';
    } else {
      ok = print(msg.content, out) && ok;
    }
  }
  return ok;
}

}  // namespace imapscope::analyzer::typed
