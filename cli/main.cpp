// The imapscope command line: a thin shell over checks/ and reports/.
//   imapscope check [OPTIONS] INPUT...
//   imapscope rules [--format text|json]
// Exit status: 0 nothing at or above --fail-on; 1 violations at or above it; 2 usage or input
// error.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>

#include "checks/checker.h"
#include "probe/probe_args.h"
#include "reports/progress_bar.h"
#include "reports/report.h"
#include "reports/terminal_style.h"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitViolations = 1;
constexpr int kExitUsage = 2;

// A named-choice option's transformer: the name, in any case, becomes the enum's value as CLI11
// converts it (its number). CLI11's CheckedTransformer would do the same, but its help and
// errors map each name to the value, which for a one-byte enum prints as a control character
// ("{auto-> ,...}"); these list the names alone.
template <typename Enum>
CLI::Validator choice(const std::map<std::string, Enum>& names) {
  std::string listed;
  for (const auto& [name, value] : names)
    listed += (listed.empty() ? "" : ", ") + name;
  return CLI::Validator(
      [names, listed](std::string& input) -> std::string {
        const auto it = names.find(CLI::detail::to_lower(input));
        if (it == names.end()) return "'" + input + "' is not one of " + listed;
        input = std::to_string(static_cast<long long>(it->second));
        return {};
      },
      "{" + listed + "}");
}

enum class FailOn { kError, kWarning, kNever };

bool fails(const imapscope::checks::Analysis& a, FailOn fail_on) {
  using imapscope::checks::Severity;
  switch (fail_on) {
    case FailOn::kError:
      return a.count(Severity::kError) > 0;
    case FailOn::kWarning:
      return a.count(Severity::kError) + a.count(Severity::kWarning) > 0;
    case FailOn::kNever:
      return false;
  }
  return false;
}

// The lowest severity --fail-on fails on; none for "never".
std::optional<imapscope::checks::Severity> fail_threshold(FailOn fail_on) {
  using imapscope::checks::Severity;
  switch (fail_on) {
    case FailOn::kError:
      return Severity::kError;
    case FailOn::kWarning:
      return Severity::kWarning;
    case FailOn::kNever:
      return std::nullopt;
  }
  return Severity::kError;
}

// Writes to --output when given, else to standard output.
template <typename Writer>
bool with_output(const std::string& path, Writer&& write) {
  if (path.empty() || path == "-") {
    write(std::cout);
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::ofstream file(path, std::ios::binary);
  if (!file) {
    std::cerr << "imapscope: " << path << ": cannot open for writing\n";
    return false;
  }
  write(file);
  file.flush();
  if (!file) {
    std::cerr << "imapscope: " << path << ": write failed\n";
    return false;
  }
  return true;
}

// How long a check runs before the progress bar shows: a second, unless
// IMAPSCOPE_PROGRESS_DELAY_MS says otherwise (the tests use 0).
std::chrono::milliseconds progress_delay() {
  const char* env = std::getenv("IMAPSCOPE_PROGRESS_DELAY_MS");
  if (env == nullptr || *env == '\0') return std::chrono::milliseconds(1000);
  return std::chrono::milliseconds(std::strtol(env, nullptr, 10));
}

// Writes the report of `analysis` in `format`.
bool write_report(const std::string& format, const std::string& output,
                  const imapscope::checks::Analysis& analysis, FailOn fail_on,
                  imapscope::reports::ColorMode color) {
  using namespace imapscope;
  const reports::ToolInfo tool{"imapscope", IMAPSCOPE_VERSION};
  return with_output(output, [&](std::ostream& out) {
    if (format == "json") {
      reports::write_json(out, analysis, tool);
    } else if (format == "html") {
      reports::write_html(out, analysis, tool);
    } else if (format == "sarif") {
      reports::write_sarif(out, analysis, tool);
    } else if (format == "junit") {
      reports::write_junit(out, analysis, tool, fail_threshold(fail_on));
    } else {
      const bool to_stdout = output.empty() || output == "-";
      reports::write_text(out, analysis,
                          {reports::use_color(color, to_stdout && reports::stdout_is_terminal())});
    }
  });
}

}  // namespace

int main(int argc, char** argv) {
  using namespace imapscope;
  CLI::App app{"imapscope: IMAP protocol analyzer and conformance checker"};
  app.set_version_flag("--version", std::string("imapscope ") + IMAPSCOPE_VERSION);
  app.require_subcommand(1);

  std::vector<std::string> inputs;
  std::string format = "text";
  std::string output;
  FailOn fail_on = FailOn::kError;
  checks::CheckOptions options;
  bool show_credentials = false;
  reports::ColorMode color = reports::ColorMode::kAuto;
  const std::map<std::string, reports::ColorMode> color_names{
      {"auto", reports::ColorMode::kAuto},
      {"always", reports::ColorMode::kAlways},
      {"never", reports::ColorMode::kNever}};
  const std::map<std::string, FailOn> fail_on_names{
      {"error", FailOn::kError}, {"warning", FailOn::kWarning}, {"never", FailOn::kNever}};
  const std::map<std::string, checks::Profile> profile_names{
      {"auto", checks::Profile::kAuto},
      {"imap4rev1", checks::Profile::kImap4rev1},
      {"imap4rev2", checks::Profile::kImap4rev2}};

  CLI::App* check = app.add_subcommand(
      "check",
      "Check offline inputs (transcripts, Dovecot rawlogs, pcap/pcapng captures); the kind is "
      "detected "
      "from the content");
  check->add_option("INPUT", inputs, "Input files ('-' for standard input)")->required();
  check->add_option("-f,--format", format, "Report format: text, json, html, sarif or junit")
      ->check(CLI::IsMember({"text", "json", "html", "sarif", "junit"}))
      ->capture_default_str();
  check->add_option("-o,--output", output, "Write the report to FILE instead of standard output");
  check->add_option("--fail-on", fail_on, "Lowest severity that makes the exit status 1")
      ->transform(choice(fail_on_names))
      ->default_str("error");
  check
      ->add_option("--profile", options.profile,
                   "Rules to apply: auto (decided per session), imap4rev1 or imap4rev2")
      ->transform(choice(profile_names))
      ->default_str("auto");
  check->add_flag("--show-credentials", show_credentials,
                  "Do not redact LOGIN passwords and AUTHENTICATE data in excerpts");
  check
      ->add_option("--port", options.capture.extra_ports,
                   "In captures, TCP port N is an IMAP server port too (besides 143 and 993); "
                   "repeatable")
      ->check(CLI::Range(1, 65535))
      ->allow_extra_args(false);
  check
      ->add_option("--max-memory", options.max_memory_mb,
                   "Peak memory to stay under, in MB (at least 32): connections and violations "
                   "past its limits are counted and reported, not kept")
      ->check(CLI::Range(std::size_t{32}, std::size_t{1} << 20))
      ->capture_default_str();
  check
      ->add_option("--color", color,
                   "Colors in the text report: auto (on a terminal, unless NO_COLOR is set), "
                   "always or never")
      ->transform(choice(color_names))
      ->default_str("auto");

  std::string rules_format = "text";
  CLI::App* rules = app.add_subcommand("rules", "List the rule catalog");
  rules->add_option("-f,--format", rules_format, "Catalog format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();

  probe::ProbeArgs probe_args;
  bool list_scenarios = false;
  CLI::App* probe_cmd = app.add_subcommand(
      "probe", "Run the conformance scenarios against a live server (in a mailbox of its own)");
  probe_cmd->add_option("URL", probe_args.url,
                        "imap://user@host[:port] or imaps://user@host[:port]");
  probe_cmd
      ->add_option("--starttls", probe_args.starttls, "For imap://: require, if-offered or never")
      ->check(CLI::IsMember({"require", "if-offered", "never"}))
      ->capture_default_str();
  probe_cmd
      ->add_option("--cafile", probe_args.cafile,
                   "PEM file of CAs to trust instead of the system's")
      ->check(CLI::ExistingFile);
  probe_cmd->add_flag("--insecure", probe_args.insecure, "Do not verify the server certificate");
  probe_cmd->add_option("--password-file", probe_args.password_file,
                        "Read the password from FILE's first line (else IMAPSCOPE_PASSWORD)");
  probe_cmd->add_option("--auth", probe_args.auth, "plain (AUTHENTICATE PLAIN), login or auto")
      ->check(CLI::IsMember({"plain", "login", "auto"}))
      ->capture_default_str();
  probe_cmd->add_option("--scenarios", probe_args.scenarios, "Scenarios (or name prefixes) to run")
      ->delimiter(',')
      ->allow_extra_args(false);
  probe_cmd->add_flag("--list-scenarios", list_scenarios, "List the scenarios and exit");
  probe_cmd->add_option("--timeout", probe_args.timeout_seconds, "Seconds to wait for each command")
      ->capture_default_str();
  probe_cmd->add_option("--save-transcript", probe_args.save_transcript,
                        "Write the session as a C:/S: transcript, credentials redacted");
  probe_cmd->add_option("-f,--format", format, "Report format: text, json, html, sarif or junit")
      ->check(CLI::IsMember({"text", "json", "html", "sarif", "junit"}))
      ->capture_default_str();
  probe_cmd->add_option("-o,--output", output,
                        "Write the report to FILE instead of standard output");
  probe_cmd->add_option("--fail-on", fail_on, "Lowest severity that makes the exit status 1")
      ->transform(choice(fail_on_names))
      ->default_str("error");
  probe_cmd
      ->add_option("--profile", options.profile, "Rules to apply: auto, imap4rev1 or imap4rev2")
      ->transform(choice(profile_names))
      ->default_str("auto");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  if (rules->parsed()) {
    const bool ok = with_output("", [&](std::ostream& out) {
      if (rules_format == "json")
        reports::write_rule_catalog_json(out);
      else if (rules_format == "markdown")
        reports::write_rule_catalog_markdown(out);
      else
        reports::write_rule_catalog_text(out);
    });
    return ok ? kExitClean : kExitUsage;
  }

  if (probe_cmd->parsed()) {
    if (list_scenarios) {
      probe::write_scenario_list(std::cout);
      return kExitClean;
    }
    probe::ProbeOptions probe_options;
    if (std::string e = probe_args.url.empty()
                            ? "probe: a URL is required"
                            : probe::make_probe_options(probe_args, probe_options);
        !e.empty()) {
      std::cerr << "imapscope: " << e << '\n';
      return kExitUsage;
    }
    probe_options.check = options;
    probe_options.check.collect_transcript = format == "html";
    const probe::ProbeResult result = probe::run_probe(probe_options);
    if (!result.error.empty()) {
      std::cerr << "imapscope: " << result.error << '\n';
      return kExitUsage;
    }
    if (!write_report(format, output, result.analysis, fail_on, color)) return kExitUsage;
    return probe::probe_fails(result.analysis, fail_on != FailOn::kNever,
                              fail_on == FailOn::kWarning)
               ? kExitViolations
               : kExitClean;
  }

  options.redact = !show_credentials;
  options.collect_transcript = format == "html";  // the ladder diagrams
  // A progress bar only for a person watching: never when standard error is a file or pipe.
  std::optional<reports::ProgressBar> progress;
  if (isatty(STDERR_FILENO) != 0) {
    progress.emplace(std::cerr, progress_delay());
    options.capture.progress = [&progress](std::uint64_t done, std::uint64_t size) {
      progress->update(done, size);
    };
  }
  const checks::CheckResult result = checks::check_inputs(inputs, options);
  if (progress) progress->finish();
  if (result.error) {
    std::cerr << "imapscope: " << result.error->to_string() << '\n';
    return kExitUsage;
  }
  const reports::ToolInfo tool{"imapscope", IMAPSCOPE_VERSION};
  const bool written = with_output(output, [&](std::ostream& out) {
    if (format == "json") {
      reports::write_json(out, result.analysis, tool);
    } else if (format == "html") {
      reports::write_html(out, result.analysis, tool);
    } else if (format == "sarif") {
      reports::write_sarif(out, result.analysis, tool);
    } else if (format == "junit") {
      reports::write_junit(out, result.analysis, tool, fail_threshold(fail_on));
    } else {
      const bool to_stdout = output.empty() || output == "-";
      reports::write_text(out, result.analysis,
                          {reports::use_color(color, to_stdout && reports::stdout_is_terminal())});
    }
  });
  if (!written) return kExitUsage;
  return fails(result.analysis, fail_on) ? kExitViolations : kExitClean;
}
