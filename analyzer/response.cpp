#include "analyzer/response.h"

namespace imapscope::analyzer {
namespace {

// A template on the predicate so that it is inlined: this runs over every byte of every
// response's first words.
template <bool (*pred)(char)>
std::string_view read_while(Cursor& c) {
  const std::size_t start = c.text_index();
  while (!c.at_line_end() && pred(c.peek()))
    c.advance();
  return std::string_view(c.message().text).substr(start, c.text_index() - start);
}

bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}
bool not_space(char ch) {
  return ch != ' ';
}
bool is_code_name_char(char ch) {
  return ch != ' ' && ch != ']';
}
// Response names (OK, CAPABILITY, EXISTS, ...) are atoms; '[' never belongs to one, so that
// "* OK[ALERT]" reads as OK without its SP rather than as an unknown response name.
bool is_name_char(char ch) {
  return is_atom_char(ch) && ch != '[';
}

Status status_from(std::string_view atom) {
  if (iequals(atom, "OK")) return Status::kOk;
  if (iequals(atom, "NO")) return Status::kNo;
  if (iequals(atom, "BAD")) return Status::kBad;
  if (iequals(atom, "PREAUTH")) return Status::kPreauth;
  if (iequals(atom, "BYE")) return Status::kBye;
  return Status::kNone;
}

// resp-text = ["[" resp-text-code "]" SP] [text]   (RFC 9051 §9; RFC 3501 requires text)
bool parse_resp_text(Cursor& c, Response& r, SyntaxError& err) {
  if (!c.consume(' ')) {
    err = c.error("SP and response text after " + std::string(status_name(r.status)), "resp-text");
    return false;
  }
  if (c.consume('[')) {
    ResponseCode code;
    code.name = read_while<is_code_name_char>(c);
    if (code.name.empty()) {
      err = c.error("a response code name after '['", "resp-text-code");
      return false;
    }
    if (c.consume(' ')) {
      const std::size_t start = c.text_index();
      int depth = 0;
      while (!c.at_line_end() && (c.peek() != ']' || depth > 0)) {
        if (c.peek() == '[') ++depth;
        if (c.peek() == ']') --depth;
        c.advance();
      }
      code.text = std::string_view(c.message().text).substr(start, c.text_index() - start);
    }
    if (!c.consume(']')) {
      err = c.error("']' closing the response code", "resp-text-code");
      return false;
    }
    if (iequals(code.name, "CAPABILITY")) split_words(code.text, r.capabilities);
    r.code = code;
    if (!c.consume(' ') && !c.at_line_end()) {
      err = c.error("SP after the response code", "resp-text");
      return false;
    }
  }
  r.text = c.rest_of_line();
  return true;
}

}  // namespace

std::string_view status_name(Status s) {
  switch (s) {
    case Status::kNone:
      return "";
    case Status::kOk:
      return "OK";
    case Status::kNo:
      return "NO";
    case Status::kBad:
      return "BAD";
    case Status::kPreauth:
      return "PREAUTH";
    case Status::kBye:
      return "BYE";
  }
  return "";
}

bool Response::lists_capability(std::string_view cap) const {
  for (std::string_view c : capabilities) {
    if (iequals(c, cap)) return true;
  }
  return false;
}

bool parse_response(const Message& m, Response& r, SyntaxError& err) {
  if (m.lines.empty()) {
    err = SyntaxError{0, 0, m.offset, "a response", "response", {}};
    return false;
  }
  Cursor c(m);
  if (c.consume('+')) {
    // continue-req = "+" SP (resp-text / base64) CRLF
    r.kind = ResponseKind::kContinuation;
    if (!c.consume(' ') && !c.at_line_end()) {
      err = c.error("SP after '+'", "continue-req");
      return false;
    }
    r.text = c.rest_of_line();
    return true;
  }
  if (c.consume('*')) {
    if (!c.consume(' ')) {
      err = c.error("SP after '*'", "response-data");
      return false;
    }
    if (is_digit(c.peek())) {
      const std::string_view digits = read_while<is_digit>(c);
      std::uint64_t n = 0;
      for (char d : digits) {
        n = n * 10 + static_cast<std::uint64_t>(d - '0');
        if (n > 4294967295u) break;
      }
      if (digits.size() > 10 || n > 4294967295u) {
        err = c.error("a number no larger than 4294967295", "number");
        return false;
      }
      r.kind = ResponseKind::kUntaggedNumber;
      r.number = static_cast<std::uint32_t>(n);
      if (!c.consume(' ')) {
        err = c.error("SP after the message number", "message-data");
        return false;
      }
      const std::string_view name = read_while<is_name_char>(c);
      if (name.empty()) {
        err = c.error("EXISTS, EXPUNGE, FETCH or another response name", "message-data");
        return false;
      }
      r.name = to_upper(name);
    } else {
      const std::string_view name = read_while<is_name_char>(c);
      if (name.empty()) {
        err = c.error("a response name after '* '", "response-data");
        return false;
      }
      r.status = status_from(name);
      r.name = to_upper(name);
      if (r.status != Status::kNone) {
        r.kind = ResponseKind::kUntaggedStatus;
        return parse_resp_text(c, r, err);
      }
      r.kind = ResponseKind::kUntaggedData;
      if (r.name == "CAPABILITY") {
        if (!c.consume(' ')) {
          err = c.error("SP and capabilities after CAPABILITY", "capability-data");
          return false;
        }
        split_words(c.rest_of_line(), r.capabilities);
        return true;
      }
    }
    if (!c.at_end()) {
      if (!c.consume(' ')) {
        err = c.error("SP after " + r.name, "response-data");
        return false;
      }
      return parse_arguments(c, r.args, err);
    }
    return true;
  }
  // response-tagged = tag SP resp-cond-state CRLF
  r.kind = ResponseKind::kTagged;
  r.tag = read_while<not_space>(c);
  for (std::size_t i = 0; i < r.tag.size(); ++i) {
    if (!is_tag_char(r.tag[i])) {
      err = Cursor(m).error("'*', '+' or a tag (any ASTRING-CHAR except '+')", "tag");
      err.column = i;
      err.offset += i;
      return false;
    }
  }
  if (!c.consume(' ')) {
    err = c.error("SP after the tag", "response-tagged");
    return false;
  }
  const std::string_view status = read_while<is_name_char>(c);
  r.status = status_from(status);
  if (r.status != Status::kOk && r.status != Status::kNo && r.status != Status::kBad) {
    err = c.error("OK, NO or BAD after the tag", "resp-cond-state");
    err.column -= status.size();
    err.offset -= status.size();
    return false;
  }
  return parse_resp_text(c, r, err);
}

}  // namespace imapscope::analyzer
