// SPDX-License-Identifier: GPL-2.0
// net: grants: tcp-listen, tcp-connect and udp addresses, parsed into the uapi struct.
#include "userspace-cli/cap_net.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <cstring>

#include "userspace-cli/caps.h"

namespace wasmctl {

const char kNetCapForm[] =
    "net:tcp-listen:ADDR:PORT, net:tcp-connect:ADDR:PORT or "
    "net:udp:ADDR:PORT[:PEERADDR:PEERPORT], ADDR an IPv4 address, [IPv6] or localhost";

namespace {

bool ParseNet(const std::string& rest, CapSpec* cap, std::string* error) {
  if (!ParseNetCap(rest, &cap->uapi.net, error)) return false;
  cap->uapi.kind = WASMKM_CAP_NET;
  cap->key = rest;  // the same grant twice is refused like a guest path twice
  cap->key_name = "grant";
  cap->source = "net:" + rest;
  return true;
}

// The socket is made by the kernel at LOAD: nothing to open here.
bool ResolveNet(const CapSpec& cap, wasmkm_cap* out, std::vector<int>* fds, std::string* error) {
  return true;
}

}  // namespace

const CapKind kCapNet = {"net", kNetCapForm, ParseNet, ResolveNet};

namespace {

// ADDR:PORT at @s[*pos], ADDR an IPv4 address, "[IPv6]" or "localhost";
// moves *pos past it (and past one ':' that follows).
bool ParseAddrPort(const std::string& s, size_t* pos, bool port_zero_ok, wasmkm_net_addr* a,
                   std::string* error) {
  std::string host;
  size_t p = *pos;
  if (p < s.size() && s[p] == '[') {
    size_t close = s.find(']', p);
    if (close == std::string::npos || close + 1 >= s.size() || s[close + 1] != ':') {
      *error = "bad IPv6 address (write it as [ADDR]:PORT)";
      return false;
    }
    host = s.substr(p + 1, close - p - 1);
    p = close + 2;
  } else {
    size_t colon = s.find(':', p);
    if (colon == std::string::npos) {
      *error = "no port (write ADDR:PORT)";
      return false;
    }
    host = s.substr(p, colon - p);
    p = colon + 1;
  }
  size_t end = s.find(':', p);
  std::string port = s.substr(p, end == std::string::npos ? std::string::npos : end - p);
  *pos = end == std::string::npos ? s.size() : end + 1;
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != port.npos ||
      std::stoul(port) > 65535 || (!port_zero_ok && std::stoul(port) == 0)) {
    *error = "bad port '" + port + "' (1 to 65535" + (port_zero_ok ? ", or 0 for any" : "") + ")";
    return false;
  }
  *a = wasmkm_net_addr{};
  a->port = uint16_t(std::stoul(port));
  if (host == "localhost") host = "127.0.0.1";
  if (inet_pton(AF_INET, host.c_str(), a->addr) == 1) {
    a->family = AF_INET;
  } else if (inet_pton(AF_INET6, host.c_str(), a->addr) == 1) {
    a->family = AF_INET6;
  } else {
    *error = "bad address '" + host + "' (a numeric IPv4 or [IPv6] address, or localhost)";
    return false;
  }
  return true;
}

}  // namespace

bool ParseNetCap(const std::string& s, wasmkm_cap_net* net, std::string* error) {
  *net = wasmkm_cap_net{};
  size_t colon = s.find(':');
  std::string type = s.substr(0, colon);
  size_t pos = colon == std::string::npos ? s.size() : colon + 1;
  if (type == "tcp-listen")
    net->type = WASMKM_NET_TCP_LISTEN;
  else if (type == "tcp-connect")
    net->type = WASMKM_NET_TCP_CONNECT;
  else if (type == "udp")
    net->type = WASMKM_NET_UDP;
  else {
    *error = "unknown net type '" + type + "'";
    return false;
  }
  if (!ParseAddrPort(s, &pos, net->type != WASMKM_NET_TCP_CONNECT, &net->addr, error)) return false;
  if (net->type == WASMKM_NET_UDP && pos < s.size() &&
      !ParseAddrPort(s, &pos, false, &net->peer, error))
    return false;
  if (pos < s.size() || s.back() == ':') {
    *error = "unexpected '" + s.substr(std::min(pos, s.size() - 1)) + "' at the end";
    return false;
  }
  return true;
}

}  // namespace wasmctl
