#pragma once
// A file that exists for one test and is removed afterwards.

#include <string>
#include <string_view>

namespace imapscope::testing {

class TempFile {
 public:
  // Writes `content` to a new file whose name ends with `suffix`.
  explicit TempFile(std::string_view content, std::string_view suffix = ".txt");
  // Creates a file named exactly `name` inside a fresh temporary directory.
  TempFile(std::string_view content, std::string_view name, bool exact_name);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::string path_;
};

std::string read_file(const std::string& path);

}  // namespace imapscope::testing
