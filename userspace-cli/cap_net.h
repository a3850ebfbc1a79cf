// SPDX-License-Identifier: GPL-2.0
// net: grants on the command line and in manifests (Documentation/capabilities.md).
#ifndef WASMCTL_CAP_NET_H_
#define WASMCTL_CAP_NET_H_

#include <linux/wasmkm.h>

#include <string>

namespace wasmctl {

// The form of a net: grant, for error texts and usage (kCapNet, caps.h, is
// the kind: ParseNetCap fills CapSpec::uapi).
extern const char kNetCapForm[];

// @s without its "net:" prefix: tcp-listen:ADDR:PORT, tcp-connect:HOST:PORT
// or udp:ADDR:PORT[:PEERADDR:PEERPORT], an IPv6 ADDR in brackets, HOST a
// numeric address or "localhost".  False with *error saying what is wrong.
bool ParseNetCap(const std::string& s, wasmkm_cap_net* net, std::string* error);

}  // namespace wasmctl

#endif  // WASMCTL_CAP_NET_H_
