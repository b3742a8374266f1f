#pragma once
// The canonical printer: a typed structure written back as the bytes of RFC 9051 §9 — one SP
// between items, NIL for empty address lists and parameter lists, a STORE's flags in
// parentheses, literals as synchronizing literals with their octets — so that printing what
// was parsed and parsing it again gives the same structure (the round-trip tests do exactly
// that with every RFC example). Names, atoms and strings keep their case and form as sent.
//
// A literal whose octets were not all retained by the framer cannot be printed: the printers
// return false then, and what they wrote is incomplete.

#include <string>

#include "analyzer/typed/body_structure.h"
#include "analyzer/typed/command_view.h"
#include "analyzer/typed/data_response.h"
#include "analyzer/typed/envelope.h"
#include "analyzer/typed/fetch_response.h"
#include "analyzer/typed/response_code.h"

namespace imapscope::analyzer::typed {

bool print(const ImapString& s, std::string& out);
bool print(const Arg& a, const Message& m, std::string& out);
bool print(const Value& v, std::string& out);
void print(const SequenceSet& set, std::string& out);
void print(const FetchAttribute& att, std::string& out);
bool print(const Envelope& e, std::string& out);
bool print(const BodyStructure& b, std::string& out);

// Whole messages, without the final CRLF: "* 12 FETCH (...)", "a1 UID FETCH ...".
bool print(const FetchResponse& f, std::string& out);
bool print(const ListResponse& l, std::string& out);
bool print(const StatusResponse& s, std::string& out);
void print(const SearchResponse& s, std::string& out);
bool print(const EsearchResponse& e, std::string& out);
void print(const VanishedResponse& v, std::string& out);
// "[" resp-text-code "]", from the typed arguments where the code is typed.
void print(const ResponseCodeData& c, std::string& out);

bool print(std::string_view tag, const FetchCommand& f, std::string& out);
bool print(std::string_view tag, const StoreCommand& s, std::string& out);
bool print(std::string_view tag, const SelectCommand& s, std::string& out);
bool print(std::string_view tag, const CopyCommand& c, std::string& out);
bool print(std::string_view tag, const StatusCommand& s, std::string& out);
bool print(std::string_view tag, const SearchCommand& s, std::string& out);
bool print(std::string_view tag, const AppendCommand& a, std::string& out);

}  // namespace imapscope::analyzer::typed
