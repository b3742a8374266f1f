#include "capture/tcp_endpoint.h"

#include <arpa/inet.h>
#include <sys/socket.h>

namespace imapscope::capture {

std::string IpAddress::to_string() const {
  char text[INET6_ADDRSTRLEN] = {};
  const int family = version == 6 ? AF_INET6 : AF_INET;
  if (inet_ntop(family, bytes.data(), text, sizeof text) == nullptr) return "?";
  return text;
}

std::string TcpEndpoint::to_string() const {
  const std::string port_text = ":" + std::to_string(port);
  if (address.version == 6) return "[" + address.to_string() + "]" + port_text;
  return address.to_string() + port_text;
}

}  // namespace imapscope::capture
