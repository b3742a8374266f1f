// imapscope_fault_proxy: a deliberately broken IMAP server for the probe's tests. It relays
// each client connection to a real server (Dovecot, started by the test) and injects one
// chosen fault into what the server says, so the test can prove the probe reports it — or,
// for a stall or a flood, that the probe gives up cleanly instead of hanging.
//
//   imapscope_fault_proxy --upstream HOST:PORT --fault NAME --port-file FILE
//
// It listens on 127.0.0.1 on a free port, writes the port to FILE once it accepts
// connections, and serves until killed. Faults (each changes only the server's stream):
//   none                  relay unchanged
//   expunge-during-fetch  "* 1 EXPUNGE" before the first FETCH response to a FETCH command
//                         (RFC 9051 §7.5.1: not allowed while responding to FETCH)
//   missing-bye           drops untagged BYE (RFC 9051 §6.1.3: LOGOUT's BYE is required)
//   wrong-uid             adds 1000 to the UID in every FETCH response, so messages that were
//                         there at SELECT claim UIDs at or above UIDNEXT (RFC 9051 §2.3.1.1)
//   stall                 forwards nothing the server says after the client's first SELECT
//   stall-after-subscribe forwards nothing after the client's first SUBSCRIBE (which the
//                         server carries out: a subscription the probe must still remove)
//   flood                 after the client's first SELECT, sends one endless line instead
//   quiet-idle            drops the untagged responses of every IDLE (a server that notifies
//                         nobody, as Cyrus does without its idled daemon)
//   preauth               logs in to the server itself as alice (the test Dovecot's user and
//                         password) and greets the client with PREAUTH (RFC 9051 §7.1.4), as
//                         a server behind a pre-authenticating gateway does
//
// A test program, not a product: the framing below knows just enough IMAP (lines and
// {n}/{n+}/~{n} literals) to find message boundaries in both directions.

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace {

enum class Fault {
  kNone,
  kExpungeDuringFetch,
  kMissingBye,
  kWrongUid,
  kStall,
  kStallAfterSubscribe,
  kFlood,
  kQuietIdle,
  kPreauth
};

std::optional<Fault> parse_fault(std::string_view name) {
  if (name == "none") return Fault::kNone;
  if (name == "expunge-during-fetch") return Fault::kExpungeDuringFetch;
  if (name == "missing-bye") return Fault::kMissingBye;
  if (name == "wrong-uid") return Fault::kWrongUid;
  if (name == "stall") return Fault::kStall;
  if (name == "quiet-idle") return Fault::kQuietIdle;
  if (name == "preauth") return Fault::kPreauth;
  if (name == "stall-after-subscribe") return Fault::kStallAfterSubscribe;
  if (name == "flood") return Fault::kFlood;
  return std::nullopt;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The size of the literal a line announces at its end ("{12}", "{12+}", "~{12}"), if any.
std::optional<std::uint64_t> announced_literal(std::string_view line) {
  if (line.size() < 3 || line.back() != '}') return std::nullopt;
  std::size_t open = line.rfind('{');
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view digits = line.substr(open + 1, line.size() - open - 2);
  if (!digits.empty() && digits.back() == '+') digits.remove_suffix(1);
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty())
    return std::nullopt;
  return n;
}

// Splits one direction's bytes into lines (without CRLF) and literal octets.
class Splitter {
 public:
  template <typename OnLine, typename OnLiteral>
  void feed(std::string_view bytes, OnLine on_line, OnLiteral on_literal) {
    while (!bytes.empty()) {
      if (literal_left_ > 0) {
        std::size_t n = static_cast<std::size_t>(
            std::min<std::uint64_t>(literal_left_, static_cast<std::uint64_t>(bytes.size())));
        on_literal(bytes.substr(0, n));
        literal_left_ -= n;
        bytes.remove_prefix(n);
        continue;
      }
      std::size_t lf = bytes.find('\n');
      if (lf == std::string_view::npos) {
        line_.append(bytes);
        return;
      }
      line_.append(bytes.substr(0, lf + 1));
      bytes.remove_prefix(lf + 1);
      std::string line = std::move(line_);
      line_.clear();
      std::string_view text = line;
      text.remove_suffix(1);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (auto n = announced_literal(text)) literal_left_ = *n;
      on_line(text, line);
    }
  }

 private:
  std::string line_;
  std::uint64_t literal_left_ = 0;
};

bool send_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// One relayed connection and its fault's state.
class Relay {
 public:
  Relay(int client, int server, Fault fault) : client_(client), server_(server), fault_(fault) {}

  void run() {
    char buf[65536];
    pollfd fds[2] = {{client_, POLLIN, 0}, {server_, POLLIN, 0}};
    for (;;) {
      if (broken_ == Broken::kFlooding) {
        // Keep writing while the client reads; stop when it hangs up.
        std::string chunk(65536, 'x');
        if (!send_all(client_, chunk)) return;
        pollfd c{client_, POLLIN, 0};
        if (poll(&c, 1, 0) > 0) {
          ssize_t n = recv(client_, buf, sizeof buf, 0);
          if (n <= 0) return;
        }
        continue;
      }
      if (poll(fds, 2, -1) < 0) return;
      if (fds[0].revents != 0) {
        ssize_t n = recv(client_, buf, sizeof buf, 0);
        if (n <= 0) return;
        std::string_view bytes(buf, static_cast<std::size_t>(n));
        from_client_.feed(
            bytes, [&](std::string_view line, const std::string&) { on_client_line(line); },
            [](std::string_view) {});
        if (!send_all(server_, bytes)) return;
      }
      if (fds[1].revents != 0) {
        ssize_t n = recv(server_, buf, sizeof buf, 0);
        if (n <= 0) return;
        if (broken_ == Broken::kStalled) continue;  // swallow everything from here on
        std::string out;
        from_server_.feed(
            std::string_view(buf, static_cast<std::size_t>(n)),
            [&](std::string_view line, const std::string& raw) { on_server_line(line, raw, out); },
            [&](std::string_view literal) { out.append(literal); });
        if (!send_all(client_, out)) return;
      }
    }
  }

 private:
  enum class Broken { kNo, kStalled, kFlooding };

  void on_client_line(std::string_view line) {
    if (awaiting_literal_line_) {  // the rest of a command after a literal
      awaiting_literal_line_ = announced_literal(line).has_value();
      return;
    }
    awaiting_literal_line_ = announced_literal(line).has_value();
    std::size_t sp = line.find(' ');
    if (sp == std::string_view::npos) return;
    std::string_view rest = line.substr(sp + 1);
    std::string name = upper(rest.substr(0, rest.find(' ')));
    fetch_in_progress_ = name == "FETCH";
    idling_ = idling_ || name == "IDLE";
    if (name == "SELECT" && (fault_ == Fault::kStall || fault_ == Fault::kFlood))
      broken_ = fault_ == Fault::kStall ? Broken::kStalled : Broken::kFlooding;
    if (name == "SUBSCRIBE" && fault_ == Fault::kStallAfterSubscribe) broken_ = Broken::kStalled;
  }

  void on_server_line(std::string_view line, const std::string& raw, std::string& out) {
    const std::string head = upper(line.substr(0, std::min<std::size_t>(line.size(), 64)));
    const bool untagged = head.rfind("* ", 0) == 0;
    const bool fetch = untagged && head.find(" FETCH ") != std::string::npos;
    if (fault_ == Fault::kMissingBye && head.rfind("* BYE", 0) == 0) return;
    if (fault_ == Fault::kQuietIdle && idling_ && untagged) return;
    if (fault_ == Fault::kExpungeDuringFetch && fetch && fetch_in_progress_ && !injected_) {
      out += "* 1 EXPUNGE\r\n";
      injected_ = true;
    }
    if (fault_ == Fault::kWrongUid && fetch) {
      const std::string upper_line = upper(line);
      std::size_t uid = upper_line.find("UID ");
      if (uid != std::string::npos &&
          (uid == 0 || !std::isalnum(static_cast<unsigned char>(upper_line[uid - 1])))) {
        std::size_t digits = uid + 4;
        std::size_t end = digits;
        while (end < line.size() && std::isdigit(static_cast<unsigned char>(line[end])))
          ++end;
        std::uint64_t value = 0;
        std::from_chars(line.data() + digits, line.data() + end, value);
        if (end > digits) {
          out.append(line.substr(0, digits));
          out += std::to_string(value + 1000);
          out.append(raw.substr(end));
          return;
        }
      }
    }
    if (!untagged && head.rfind("+", 0) != 0) {  // a completion
      fetch_in_progress_ = false;
      idling_ = false;
    }
    out += raw;
  }

  int client_;
  int server_;
  Fault fault_;
  Splitter from_client_;
  Splitter from_server_;
  bool awaiting_literal_line_ = false;
  bool fetch_in_progress_ = false;
  bool idling_ = false;  // from the client's IDLE to the server's next completion
  bool injected_ = false;
  Broken broken_ = Broken::kNo;
};

// One line from `fd`, read a byte at a time (only the few lines of a login go through here).
std::optional<std::string> read_line(int fd) {
  std::string line;
  char c = 0;
  while (line.size() < 65536) {
    if (recv(fd, &c, 1, 0) != 1) return std::nullopt;
    line += c;
    if (c == '\n') return line;
  }
  return std::nullopt;
}

// The preauth fault: logs in upstream, then tells the client it is authenticated already.
bool preauthenticate(int client, int server) {
  if (!read_line(server)) return false;  // the server's greeting, not shown to the client
  if (!send_all(server, "P0 LOGIN alice imapscope-test\r\n")) return false;
  for (;;) {
    std::optional<std::string> line = read_line(server);
    if (!line) return false;
    if (line->rfind("P0 ", 0) != 0) continue;
    if (line->rfind("P0 OK", 0) != 0) return false;
    return send_all(client, "* PREAUTH imapscope_fault_proxy: logged in as alice\r\n");
  }
}

int connect_upstream(const std::string& host, const std::string& port) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0) return -1;
  int fd = -1;
  for (addrinfo* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd >= 0 && connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(found);
  return fd;
}

int usage() {
  std::fprintf(stderr,
               "usage: imapscope_fault_proxy --upstream HOST:PORT --fault NAME --port-file FILE\n"
               "faults: none expunge-during-fetch missing-bye wrong-uid stall "
               "stall-after-subscribe flood quiet-idle preauth\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string upstream, port_file;
  std::optional<Fault> fault;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view opt = argv[i];
    if (opt == "--upstream")
      upstream = argv[i + 1];
    else if (opt == "--port-file")
      port_file = argv[i + 1];
    else if (opt == "--fault")
      fault = parse_fault(argv[i + 1]);
    else
      return usage();
  }
  std::size_t colon = upstream.rfind(':');
  if (!fault || port_file.empty() || colon == std::string::npos) return usage();
  const std::string host = upstream.substr(0, colon), port = upstream.substr(colon + 1);

  signal(SIGPIPE, SIG_IGN);
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (listener < 0 || bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(listener, 16) != 0 ||
      getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::perror("imapscope_fault_proxy: listen");
    return 1;
  }
  {
    // Written whole and renamed, so a test polling for the file never reads half a number.
    const std::string tmp = port_file + ".tmp";
    std::ofstream(tmp) << ntohs(addr.sin_port) << "\n";
    std::rename(tmp.c_str(), port_file.c_str());
  }
  for (;;) {
    int client = accept(listener, nullptr, nullptr);
    if (client < 0) continue;
    int server = connect_upstream(host, port);
    if (server < 0) {
      send_all(client, "* BYE imapscope_fault_proxy: upstream unreachable\r\n");
      close(client);
      continue;
    }
    std::thread([client, server, f = *fault] {
      if (f != Fault::kPreauth || preauthenticate(client, server)) Relay(client, server, f).run();
      close(client);
      close(server);
    }).detach();
  }
}
