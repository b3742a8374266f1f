#pragma once
// `imapscope probe`'s command line as given, turned into ProbeOptions. The password never
// comes from the command line: from --password-file, else the IMAPSCOPE_PASSWORD variable.

#include <string>
#include <vector>

#include "probe/probe.h"

namespace imapscope::probe {

struct ProbeArgs {
  std::string url;
  std::string starttls = "require";  // require | if-offered | never
  std::string cafile;
  bool insecure = false;
  std::string password_file;
  std::string auth = "auto";  // plain | login | auto
  std::vector<std::string> scenarios;
  double timeout_seconds = 30;
  std::string save_transcript;
};

// Fills `options` (all but options.check); returns "" or a one-line error.
std::string make_probe_options(const ProbeArgs& args, ProbeOptions& options);

// Whether the probe's result fails the run, as --fail-on decides for check; a failed scenario
// counts as an error.
bool probe_fails(const checks::Analysis& analysis, bool fail_on_errors, bool fail_on_warnings);

}  // namespace imapscope::probe
