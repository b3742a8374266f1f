#pragma once
// A small, strict XML 1.0 reader for tests: checks well-formedness (one root, balanced tags,
// quoted attributes, only the five predefined entities and character references, no '<' or
// bare '&' in text, valid UTF-8 holding only characters XML 1.0 allows) and gives back the
// element tree with entities decoded. No DTDs, no namespaces: what the reports write.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace imapscope::testing {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::vector<XmlElement> children;
  std::string text;  // the element's own character data, decoded

  const XmlElement* child(std::string_view n) const {
    for (const XmlElement& c : children) {
      if (c.name == n) return &c;
    }
    return nullptr;
  }
  std::vector<const XmlElement*> all(std::string_view n) const {
    std::vector<const XmlElement*> out;
    for (const XmlElement& c : children) {
      if (c.name == n) out.push_back(&c);
    }
    return out;
  }
  std::string attr(const std::string& n) const {
    auto it = attrs.find(n);
    return it == attrs.end() ? std::string() : it->second;
  }
};

struct XmlDocument {
  bool ok = false;
  std::string error;  // what is wrong, and at which byte
  XmlElement root;
};

namespace xml_detail {

inline bool allowed_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

inline void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  XmlDocument read() {
    XmlDocument doc;
    if (!check_chars()) return fail(doc);
    skip_space();
    if (s_.substr(i_, 5) == "<?xml") {
      const std::size_t end = s_.find("?>", i_);
      if (end == std::string_view::npos) return fail(doc, "unterminated XML declaration");
      i_ = end + 2;
    }
    skip_misc();
    if (!element(doc.root)) return fail(doc);
    skip_misc();
    if (i_ != s_.size()) return fail(doc, "content after the root element");
    doc.ok = true;
    return doc;
  }

 private:
  XmlDocument& fail(XmlDocument& doc, std::string why = {}) {
    if (!why.empty()) error_ = std::move(why);
    doc.ok = false;
    doc.error = error_ + " at byte " + std::to_string(i_);
    return doc;
  }
  bool err(std::string why) {
    error_ = std::move(why);
    return false;
  }

  // Valid UTF-8 throughout, and only characters XML 1.0 allows.
  bool check_chars() {
    for (std::size_t k = 0; k < s_.size();) {
      const auto b0 = static_cast<unsigned char>(s_[k]);
      std::uint32_t c = 0;
      std::size_t n = 0;
      if (b0 < 0x80) {
        c = b0;
        n = 1;
      } else if ((b0 & 0xE0) == 0xC0) {
        c = b0 & 0x1Fu;
        n = 2;
      } else if ((b0 & 0xF0) == 0xE0) {
        c = b0 & 0x0Fu;
        n = 3;
      } else if ((b0 & 0xF8) == 0xF0) {
        c = b0 & 0x07u;
        n = 4;
      } else {
        i_ = k;
        return err("invalid UTF-8");
      }
      if (k + n > s_.size()) {
        i_ = k;
        return err("truncated UTF-8");
      }
      for (std::size_t j = 1; j < n; ++j) {
        const auto b = static_cast<unsigned char>(s_[k + j]);
        if ((b & 0xC0) != 0x80) {
          i_ = k;
          return err("invalid UTF-8");
        }
        c = (c << 6) | (b & 0x3Fu);
      }
      if (!allowed_char(c)) {
        i_ = k;
        return err("character not allowed in XML 1.0");
      }
      k += n;
    }
    return true;
  }

  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }
  void skip_misc() {
    for (;;) {
      skip_space();
      if (s_.substr(i_, 4) == "<!--") {
        const std::size_t end = s_.find("-->", i_ + 4);
        if (end == std::string_view::npos) return;
        i_ = end + 3;
        continue;
      }
      return;
    }
  }
  static bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
  }
  bool name(std::string& out) {
    const std::size_t start = i_;
    while (i_ < s_.size() && name_char(s_[i_]))
      ++i_;
    if (i_ == start) return err("expected a name");
    out = std::string(s_.substr(start, i_ - start));
    return true;
  }
  // Character data or an attribute value up to `stop`, with references decoded.
  bool chars(std::string& out, char stop) {
    while (i_ < s_.size() && s_[i_] != stop) {
      const char c = s_[i_];
      if (c == '<') return stop == '<' || err("'<' in an attribute value");
      if (c == '&') {
        const std::size_t end = s_.find(';', i_);
        if (end == std::string_view::npos || end - i_ > 12) return err("bare '&'");
        const std::string_view ref = s_.substr(i_ + 1, end - i_ - 1);
        if (ref == "amp") {
          out += '&';
        } else if (ref == "lt") {
          out += '<';
        } else if (ref == "gt") {
          out += '>';
        } else if (ref == "quot") {
          out += '"';
        } else if (ref == "apos") {
          out += '\'';
        } else if (!ref.empty() && ref[0] == '#') {
          const bool hex = ref.size() > 1 && ref[1] == 'x';
          const std::string digits(ref.substr(hex ? 2 : 1));
          if (digits.empty()) return err("empty character reference");
          std::uint32_t v = 0;
          for (const char d : digits) {
            const int x = (d >= '0' && d <= '9')          ? d - '0'
                          : (hex && d >= 'a' && d <= 'f') ? d - 'a' + 10
                          : (hex && d >= 'A' && d <= 'F') ? d - 'A' + 10
                                                          : -1;
            if (x < 0) return err("bad character reference");
            v = v * (hex ? 16u : 10u) + static_cast<std::uint32_t>(x);
            if (v > 0x10FFFF) return err("character reference out of range");
          }
          if (!allowed_char(v)) return err("character reference to a character XML forbids");
          append_utf8(out, v);
        } else {
          return err("unknown entity &" + std::string(ref) + ";");
        }
        i_ = end + 1;
        continue;
      }
      if (stop == '<' && s_.substr(i_, 3) == "]]>") return err("']]>' in text");
      out += c;
      ++i_;
    }
    return true;
  }
  bool element(XmlElement& e) {
    if (i_ >= s_.size() || s_[i_] != '<') return err("expected '<'");
    ++i_;
    if (!name(e.name)) return false;
    for (;;) {
      const std::size_t before = i_;
      skip_space();
      if (i_ >= s_.size()) return err("unterminated start tag");
      if (s_.substr(i_, 2) == "/>") {
        i_ += 2;
        return true;
      }
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      if (i_ == before) return err("expected space before an attribute");
      std::string key;
      if (!name(key)) return false;
      if (e.attrs.count(key)) return err("duplicate attribute " + key);
      skip_space();
      if (i_ >= s_.size() || s_[i_] != '=') return err("expected '='");
      ++i_;
      skip_space();
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return err("unquoted attribute");
      const char quote = s_[i_++];
      std::string value;
      if (!chars(value, quote)) return false;
      if (i_ >= s_.size()) return err("unterminated attribute value");
      ++i_;
      e.attrs[key] = value;
    }
    for (;;) {
      if (!chars(e.text, '<')) return false;
      if (i_ >= s_.size()) return err("unclosed <" + e.name + ">");
      if (s_.substr(i_, 4) == "<!--") {
        const std::size_t end = s_.find("-->", i_ + 4);
        if (end == std::string_view::npos) return err("unterminated comment");
        i_ = end + 3;
        continue;
      }
      if (s_.substr(i_, 9) == "<![CDATA[") {
        const std::size_t end = s_.find("]]>", i_ + 9);
        if (end == std::string_view::npos) return err("unterminated CDATA");
        e.text.append(s_.substr(i_ + 9, end - i_ - 9));
        i_ = end + 3;
        continue;
      }
      if (s_.substr(i_, 2) == "</") {
        i_ += 2;
        std::string closing;
        if (!name(closing)) return false;
        if (closing != e.name) return err("</" + closing + "> closes <" + e.name + ">");
        skip_space();
        if (i_ >= s_.size() || s_[i_] != '>') return err("expected '>'");
        ++i_;
        return true;
      }
      e.children.emplace_back();
      if (!element(e.children.back())) return false;
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::string error_;
};

}  // namespace xml_detail

inline XmlDocument parse_xml(std::string_view text) {
  return xml_detail::Reader(text).read();
}

}  // namespace imapscope::testing
