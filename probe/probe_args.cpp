#include "probe/probe_args.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace imapscope::probe {

std::string make_probe_options(const ProbeArgs& args, ProbeOptions& options) {
  std::string error;
  if (!parse_target(args.url, options.target, error)) return error;
  if (args.starttls == "require")
    options.starttls = StarttlsPolicy::kRequire;
  else if (args.starttls == "if-offered")
    options.starttls = StarttlsPolicy::kIfOffered;
  else
    options.starttls = StarttlsPolicy::kNever;
  if (options.target.implicit_tls && args.starttls != "require")
    return "--starttls applies to imap:// only (imaps:// is TLS from the start)";
  options.tls.cafile = args.cafile;
  options.tls.insecure = args.insecure;
  options.auth = args.auth == "plain"   ? AuthMethod::kPlain
                 : args.auth == "login" ? AuthMethod::kLogin
                                        : AuthMethod::kAuto;
  if (std::string e = check_scenario_selection(args.scenarios); !e.empty()) return e;
  options.scenarios = args.scenarios;
  if (!(args.timeout_seconds > 0 && args.timeout_seconds <= 3600))
    return "--timeout: expected seconds between 0 and 3600";
  options.timeout = std::chrono::milliseconds(static_cast<long>(args.timeout_seconds * 1000));
  options.transcript_path = args.save_transcript;
  if (!args.password_file.empty()) {
    std::ifstream in(args.password_file, std::ios::binary);
    if (!in) return args.password_file + ": cannot read the password file";
    std::getline(in, options.password);  // the first line, without its line end
    if (!options.password.empty() && options.password.back() == '\r') options.password.pop_back();
  } else if (const char* env = std::getenv("IMAPSCOPE_PASSWORD"); env != nullptr) {
    options.password = env;
  } else {
    return "no password: give --password-file FILE or set IMAPSCOPE_PASSWORD";
  }
  return {};
}

bool probe_fails(const checks::Analysis& analysis, bool fail_on_errors, bool fail_on_warnings) {
  using checks::Severity;
  if (!fail_on_errors && !fail_on_warnings) return false;
  // A failed scenario is an error: the server did not do what an RFC says it must.
  if (analysis.probe && analysis.probe->count(checks::ScenarioResult::Outcome::kFail) > 0)
    return true;
  if (analysis.count(Severity::kError) > 0) return true;
  return fail_on_warnings && analysis.count(Severity::kWarning) > 0;
}

}  // namespace imapscope::probe
