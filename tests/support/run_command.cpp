#include "tests/support/run_command.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

#include "tests/support/temp_file.h"

namespace imapscope::testing {

pid_t spawn_imapscope(const std::vector<std::string>& args, const std::string& out_path,
                      const std::string& err_path) {
  std::vector<std::string> argv_storage{IMAPSCOPE_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage)
    argv.push_back(a.data());
  argv.push_back(nullptr);

  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_TRUNC);
    const int err = open(err_path.c_str(), O_WRONLY | O_TRUNC);
    const int in = open("/dev/null", O_RDONLY);
    if (out < 0 || err < 0 || in < 0 || chdir(IMAPSCOPE_SOURCE_DIR) != 0) _exit(127);
    dup2(out, 1);
    dup2(err, 2);
    dup2(in, 0);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

CommandResult run_imapscope(const std::vector<std::string>& args) {
  TempFile out_file("", ".out");
  TempFile err_file("", ".err");
  const pid_t pid = spawn_imapscope(args, out_file.path(), err_file.path());
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_file.path());
  r.err = read_file(err_file.path());
  return r;
}

}  // namespace imapscope::testing
