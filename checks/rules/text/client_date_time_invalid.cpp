// text.client-date-time-invalid — RFC 9051 §9: "append-opts = [SP flag-list] [SP date-time]
// [SP ...]", "date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone
// DQUOTE", and the SEARCH keys BEFORE / ON / SINCE / SENTBEFORE / SENTON / SENTSINCE take
// "date = date-text / DQUOTE date-text DQUOTE". Judged: the form, and that the day, time and
// zone exist. See date_time.h.
#include <string>

#include "checks/rule.h"
#include "checks/rules/text/date_time.h"

namespace imapscope::checks {
namespace {

using analyzer::Arg;
using analyzer::ArgKind;

class TextClientDateTimeInvalid final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"text.client-date-time-invalid", Severity::kError, Side::kClient,
                                  "RFC 9051 §9 (date-time, date)",
                                  "APPEND date-time or SEARCH date is not a valid date"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kAppend, analyzer::CommandId::kSearch,
            analyzer::CommandId::kUidSearch};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& info) override {
    using analyzer::CommandId;
    std::optional<std::string> problem;
    if (cmd.id == CommandId::kAppend) {
      // A quoted string right before a message literal, after the mailbox name.
      for (std::size_t i = 1; i + 1 < cmd.args.size() && !problem; ++i) {
        if (cmd.args[i].kind == ArgKind::kQuoted && cmd.args[i + 1].kind == ArgKind::kLiteral) {
          problem = date_time::date_time_problem(cmd.args[i].text);
        }
      }
    } else if (cmd.id == CommandId::kSearch || cmd.id == CommandId::kUidSearch) {
      problem = search_dates(cmd.args);
    }
    if (problem) ctx().report(kInfo, info, cmd.name + ": " + *problem, cmd.tag);
  }

 private:
  static std::optional<std::string> search_dates(const std::vector<Arg>& keys) {
    static constexpr std::string_view kDateKeys[] = {"BEFORE",     "ON",     "SINCE",
                                                     "SENTBEFORE", "SENTON", "SENTSINCE"};
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i].kind == ArgKind::kList) {
        if (auto p = search_dates(keys[i].children)) return p;
        continue;
      }
      if (keys[i].kind != ArgKind::kAtom) continue;
      // Arguments of keys that take a string, so that "SUBJECT ON" is not read as a key.
      if (keys[i].is_atom("HEADER")) {
        i += 2;
        continue;
      }
      bool date_key = false;
      for (std::string_view k : kDateKeys)
        date_key = date_key || keys[i].is_atom(k);
      if (!date_key) {
        if (takes_string(keys[i])) ++i;
        continue;
      }
      if (i + 1 >= keys.size()) return std::nullopt;
      const Arg& d = keys[i + 1];
      if (d.kind == ArgKind::kAtom || d.kind == ArgKind::kQuoted) {
        if (auto p = date_time::date_text_problem(d.text)) return p;
      }
      ++i;
    }
    return std::nullopt;
  }
  static bool takes_string(const Arg& a) {
    static constexpr std::string_view kKeys[] = {"BCC",  "BODY", "CC",      "FROM",      "SUBJECT",
                                                 "TEXT", "TO",   "KEYWORD", "UNKEYWORD", "CHARSET"};
    for (std::string_view k : kKeys) {
      if (a.is_atom(k)) return true;
    }
    return false;
  }
};
IMAPSCOPE_RULE(TextClientDateTimeInvalid);

}  // namespace
}  // namespace imapscope::checks
