// SPDX-License-Identifier: GPL-2.0
// wasmctl: the net: grant grammar (userspace-cli/cap_net.cc) and what it tells
// about sock_* imports.
#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <cstring>

#include "userspace-cli/caps.h"

namespace {

using wasmctl::CapSpec;

CapSpec Net(const std::string& s) {
  CapSpec c;
  std::string error;
  EXPECT_TRUE(wasmctl::ParseCap(s, &c, &error)) << s << ": " << error;
  EXPECT_EQ(c.kind, "net") << s;
  return c;
}

TEST(CapNet, Forms) {
  CapSpec c = Net("net:tcp-listen:0.0.0.0:8080");
  EXPECT_EQ(c.uapi.net.type, uint32_t(WASMKM_NET_TCP_LISTEN));
  EXPECT_EQ(c.uapi.net.addr.family, AF_INET);
  EXPECT_EQ(c.uapi.net.addr.port, 8080);
  EXPECT_EQ(c.uapi.net.peer.family, 0);
  c = Net("net:tcp-listen:[::1]:80");
  EXPECT_EQ(c.uapi.net.addr.family, AF_INET6);
  EXPECT_EQ(c.uapi.net.addr.addr[15], 1);
  EXPECT_EQ(c.uapi.net.addr.port, 80);
  c = Net("net:tcp-connect:localhost:5000");
  EXPECT_EQ(c.uapi.net.type, uint32_t(WASMKM_NET_TCP_CONNECT));
  EXPECT_EQ(0, memcmp(c.uapi.net.addr.addr, "\x7f\0\0\x01", 4));
  c = Net("net:udp:0.0.0.0:0");
  EXPECT_EQ(c.uapi.net.type, uint32_t(WASMKM_NET_UDP));
  EXPECT_EQ(c.uapi.net.peer.family, 0);
  c = Net("net:udp:[::]:7001:10.0.0.2:7002");
  EXPECT_EQ(c.uapi.net.addr.family, AF_INET6);
  EXPECT_EQ(c.uapi.net.peer.family, AF_INET);
  EXPECT_EQ(c.uapi.net.peer.port, 7002);
  EXPECT_EQ(0, memcmp(c.uapi.net.peer.addr, "\x0a\0\0\x02", 4));
}

TEST(CapNet, Errors) {
  for (const char* bad :
       {"net:80", "net:tcp-listen", "net:tcp-listen:1.2.3:80", "net:tcp-listen:0.0.0.0",
        "net:tcp-listen:0.0.0.0:65536", "net:tcp-listen:0.0.0.0:8x", "net:tcp-connect:1.2.3.4:0",
        "net:tcp-listen:::1:80", "net:tcp-listen:[::1:80",
        "net:tcp-listen:0.0.0.0:80:", "net:tcp-listen:0.0.0.0:80:1.2.3.4:5",
        "net:udp:0.0.0.0:1:1.2.3.4:0", "net:tcp-connect:example.org:80"}) {
    CapSpec c;
    std::string error;
    EXPECT_FALSE(wasmctl::ParseCap(bad, &c, &error)) << bad;
    EXPECT_NE(error.find(bad), std::string::npos) << error;
    EXPECT_NE(error.find("net:tcp-listen:ADDR:PORT"), std::string::npos) << error;
  }
}

TEST(CapNet, SockImportsNeedANetGrant) {
  std::vector<wasmctl::Import> im = {{"wasi_snapshot_preview1", "sock_accept", "func"}};
  auto missing = wasmctl::UnsatisfiedImports(im, {});
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("sock_accept"), std::string::npos);
  EXPECT_NE(missing[0].find("--cap net:"), std::string::npos);
  CapSpec fs;
  std::string error;
  ASSERT_TRUE(wasmctl::ParseCap("fs:/data", &fs, &error));
  EXPECT_EQ(wasmctl::UnsatisfiedImports(im, {fs}).size(), 1u);
  EXPECT_TRUE(wasmctl::UnsatisfiedImports(im, {Net("net:tcp-listen:0.0.0.0:1")}).empty());
}

}  // namespace
