// enable.server-enabled-unrequested — RFC 5161 §3.1 (and RFC 9051 §6.3.1): "When multiple
// ENABLE commands are issued, each corresponding ENABLED response SHOULD only contain
// extensions enabled by the corresponding ENABLE command." An ENABLED response during ENABLE
// that lists a capability the command did not name is reported. CONDSTORE is accepted after
// ENABLE QRESYNC, which also enables it (RFC 7162 §3.2.3).
#include <string>

#include "checks/rule.h"

namespace imapscope::checks {
namespace {

class EnableServerEnabledUnrequested final : public Rule {
 public:
  static constexpr RuleInfo kInfo{"enable.server-enabled-unrequested", Severity::kWarning,
                                  Side::kServer, "RFC 5161 §3.1, RFC 9051 §6.3.1",
                                  "ENABLED response lists a capability the ENABLE command did "
                                  "not name"};
  using Rule::Rule;
  const RuleInfo& info() const override { return kInfo; }

  analyzer::CommandWatch watched_commands() const override {
    return {analyzer::CommandId::kEnable};
  }
  void on_command(const analyzer::Command& cmd, const analyzer::MessageInfo& /*info*/) override {
    if (cmd.id != analyzer::CommandId::kEnable) return;
    for (const analyzer::Arg& a : cmd.args) {
      if (a.kind == analyzer::ArgKind::kAtom) requested_.emplace_back(a.text);
    }
    ++enables_;
  }

  analyzer::UntaggedWatch watched_untagged() const override {
    return {analyzer::UntaggedKind::kEnabled};
  }
  void on_untagged(const analyzer::Response& r, const analyzer::MessageInfo& info) override {
    if (r.name != "ENABLED" || enables_ == 0) return;
    for (const std::string_view cap : listed(r)) {
      if (requested(cap)) continue;
      if (analyzer::iequals(cap, "CONDSTORE") && requested("QRESYNC")) continue;
      ctx().report(
          kInfo, info,
          "ENABLED lists " + std::string(cap) + ", which no ENABLE command in progress asked for");
    }
  }

  analyzer::CommandWatch watched_completions() const override {
    return {analyzer::CommandId::kEnable};
  }
  void on_completion(const analyzer::Response& /*r*/, const analyzer::InFlightCommand* cmd,
                     const analyzer::MessageInfo& /*info*/) override {
    if (cmd == nullptr || cmd->id != analyzer::CommandId::kEnable || enables_ == 0) return;
    if (--enables_ == 0) requested_.clear();
  }

 private:
  static std::vector<std::string_view> listed(const analyzer::Response& r) {
    if (!r.capabilities.empty()) return r.capabilities;
    std::vector<std::string_view> out;
    for (const analyzer::Arg& a : r.args) {
      if (a.kind == analyzer::ArgKind::kAtom) out.push_back(a.text);
    }
    return out;
  }
  bool requested(std::string_view cap) const {
    for (const std::string& s : requested_) {
      if (analyzer::iequals(s, cap)) return true;
    }
    return false;
  }

  std::vector<std::string> requested_;  // names of the ENABLE commands in progress
  unsigned enables_ = 0;
};
IMAPSCOPE_RULE(EnableServerEnabledUnrequested);

}  // namespace
}  // namespace imapscope::checks
