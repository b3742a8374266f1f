// The imapscope command line: a thin shell over checks/ and reports/.
//   imapscope check [OPTIONS] INPUT...
//   imapscope rules [--format text|json]
// Exit status: 0 nothing at or above --fail-on; 1 violations at or above it; 2 usage or input
// error.

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <map>

#include "checks/checker.h"
#include "reports/report.h"
#include "reports/terminal_style.h"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitViolations = 1;
constexpr int kExitUsage = 2;

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
      ->transform(CLI::CheckedTransformer(fail_on_names, CLI::ignore_case))
      ->default_str("error");
  check
      ->add_option("--profile", options.profile,
                   "Rules to apply: auto (decided per session), imap4rev1 or imap4rev2")
      ->transform(CLI::CheckedTransformer(profile_names, CLI::ignore_case))
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
      ->add_option("--color", color,
                   "Colors in the text report: auto (on a terminal, unless NO_COLOR is set), "
                   "always or never")
      ->transform(CLI::CheckedTransformer(color_names, CLI::ignore_case))
      ->default_str("auto");

  std::string rules_format = "text";
  CLI::App* rules = app.add_subcommand("rules", "List the rule catalog");
  rules->add_option("-f,--format", rules_format, "Catalog format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();

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

  options.redact = !show_credentials;
  options.collect_transcript = format == "html";  // the ladder diagrams
  const checks::CheckResult result = checks::check_inputs(inputs, options);
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
