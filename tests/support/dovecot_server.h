#pragma once
// A real Dovecot for integration tests, started from the repo's own configuration
// (tests/dovecot/start-dovecot) in a fresh temporary directory on free loopback ports, and
// stopped and removed again. Header-only.

#include <dirent.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/temp_file.h"

namespace imapscope::testing {

class DovecotServer {
 public:
  // Starts Dovecot. When it is not installed, skip_reason() says so; when it fails to start,
  // failure() holds its log. `namespace_prefix` is the personal namespace's prefix ("INBOX."
  // puts every mailbox of the user under INBOX, as Cyrus and Courier do).
  explicit DovecotServer(const std::string& namespace_prefix = "") {
    if (std::system("command -v dovecot >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1") !=
        0) {
      skip_reason_ = "dovecot or openssl is not installed (apt-get install dovecot-imapd openssl)";
      return;
    }
    char dir_template[] = "/tmp/imapscope-dovecot-XXXXXX";
    if (mkdtemp(dir_template) == nullptr) {
      failure_ = "cannot make a temporary directory";
      return;
    }
    dir_ = dir_template;
    chmod(dir_.c_str(), 0755);  // as root, Dovecot's mail processes (nobody) must reach d/mail
    const std::string start = "IMAPSCOPE_DOVECOT_NAMESPACE_PREFIX='" + namespace_prefix + "' " +
                              std::string(IMAPSCOPE_SOURCE_DIR) + "/tests/dovecot/start-dovecot " +
                              dir_ + "/d >" + dir_ + "/start.log 2>&1";
    if (std::system(start.c_str()) != 0) {
      failure_ = "start-dovecot failed: " + read_file(dir_ + "/start.log");
      return;
    }
    std::ifstream ports(dir_ + "/d/ports");
    std::string line;
    while (std::getline(ports, line)) {
      if (line.starts_with("IMAP_PORT=")) imap_port_ = line.substr(10);
      if (line.starts_with("IMAPS_PORT=")) imaps_port_ = line.substr(11);
    }
    if (imap_port_.empty()) failure_ = "start-dovecot wrote no IMAP_PORT to " + dir_ + "/d/ports";
    std::ofstream(password_file()) << "imapscope-test\n";
  }

  ~DovecotServer() {
    if (dir_.empty()) return;
    const std::string stop = std::string(IMAPSCOPE_SOURCE_DIR) + "/tests/dovecot/stop-dovecot " +
                             dir_ + "/d >/dev/null 2>&1";
    (void)std::system(stop.c_str());
    (void)std::system(("rm -rf " + dir_).c_str());
  }

  DovecotServer(const DovecotServer&) = delete;
  DovecotServer& operator=(const DovecotServer&) = delete;

  const std::string& skip_reason() const { return skip_reason_; }
  const std::string& failure() const { return failure_; }
  const std::string& imap_port() const { return imap_port_; }
  const std::string& imaps_port() const { return imaps_port_; }
  const std::string& dir() const { return dir_; }
  // Holds the password of the users alice and bob.
  std::string password_file() const { return dir_ + "/password"; }
  // The self-signed certificate the server presents (for 127.0.0.1 and localhost).
  std::string cafile() const { return dir_ + "/d/ssl/cert.pem"; }

  // Entries of `user`'s maildir whose name contains `part`.
  std::vector<std::string> maildir_entries(const std::string& user, const std::string& part) const {
    return entries(dir_ + "/d/mail/" + user, part);
  }

  // Entries of the directory `path` whose name contains `part`.
  static std::vector<std::string> entries(const std::string& path, const std::string& part) {
    std::vector<std::string> found;
    DIR* d = opendir(path.c_str());
    if (d == nullptr) return found;
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (name.find(part) != std::string::npos) found.push_back(name);
    }
    closedir(d);
    return found;
  }

 private:
  std::string dir_;
  std::string imap_port_;
  std::string imaps_port_;
  std::string skip_reason_;
  std::string failure_;
};

}  // namespace imapscope::testing
