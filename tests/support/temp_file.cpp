#include "tests/support/temp_file.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace imapscope::testing {
namespace {

std::string make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "imapscope-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

void write(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

TempFile::TempFile(std::string_view content, std::string_view suffix)
    : TempFile(content, std::string("input") + std::string(suffix), true) {}

TempFile::TempFile(std::string_view content, std::string_view name, bool /*exact_name*/)
    : dir_(make_temp_dir()), path_(dir_ + "/" + std::string(name)) {
  write(path_, content);
}

TempFile::~TempFile() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace imapscope::testing
