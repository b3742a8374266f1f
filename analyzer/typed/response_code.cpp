#include "analyzer/typed/response_code.h"

#include "analyzer/message_data.h"
#include "analyzer/syntax.h"

namespace imapscope::analyzer::typed {
namespace {

bool read_uid_code(ResponseCodeData& d, const std::vector<std::string_view>& w, bool copy) {
  if (w.size() != (copy ? 3u : 2u)) return false;
  const auto validity = read_number(w[0]);
  if (!validity || *validity == 0) return false;
  d.uidvalidity = static_cast<std::uint32_t>(*validity);
  if (copy) {
    d.source_uids = SequenceSet::parse(w[1]);
    if (!d.source_uids || d.source_uids->uses_star()) return false;
  }
  d.uids = SequenceSet::parse(w.back());
  return d.uids.has_value() && !d.uids->uses_star();
}

}  // namespace

bool ResponseCodeData::is(std::string_view upper) const {
  return iequals(name, upper);
}

std::optional<ResponseCodeData> read_response_code(const ResponseCode& code) {
  ResponseCodeData d;
  d.name = code.name;
  d.text = code.text;
  std::vector<std::string_view> w;
  split_words(code.text, w);
  if (d.is("UIDNEXT") || d.is("UIDVALIDITY") || d.is("UNSEEN")) {
    if (w.size() != 1) return std::nullopt;
    d.number = read_number(w[0]);
    if (!d.number) return std::nullopt;
  } else if (d.is("HIGHESTMODSEQ")) {
    if (w.size() != 1) return std::nullopt;
    d.number = read_number(w[0], UINT64_MAX);
    if (!d.number) return std::nullopt;
  } else if (d.is("APPENDUID") || d.is("COPYUID")) {
    if (!read_uid_code(d, w, d.is("COPYUID"))) return std::nullopt;
  } else if (d.is("MODIFIED")) {
    if (w.size() != 1) return std::nullopt;
    d.uids = SequenceSet::parse(w[0]);
    if (!d.uids) return std::nullopt;
  } else if (d.is("PERMANENTFLAGS") || d.is("MAILBOXID")) {
    d.list = read_flag_list(code.text);
    if (!d.list) return std::nullopt;
  } else if (d.is("BADCHARSET")) {
    // "BADCHARSET" [SP "(" charset *(SP charset) ")"]
    if (!code.text.empty()) {
      d.list = read_flag_list(code.text);
      if (!d.list) return std::nullopt;
    }
  } else if (d.is("CAPABILITY")) {
    d.list = w;
  } else if (d.is("METADATA")) {
    // RFC 5464 §4.2.1/§4.3: LONGENTRIES number / MAXSIZE number / TOOMANY / NOPRIVATE
    if (w.empty()) return std::nullopt;
    d.atom = w[0];
    if (iequals(d.atom, "LONGENTRIES") || iequals(d.atom, "MAXSIZE")) {
      if (w.size() != 2) return std::nullopt;
      d.number = read_number(w[1]);
      if (!d.number) return std::nullopt;
    }
  }
  return d;
}

}  // namespace imapscope::analyzer::typed
