// SPDX-License-Identifier: GPL-2.0
// Device grants: the --cap i2c: and gpio: grammar.
#include "userspace-cli/cap_dev.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace wasmctl {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

// One grant per device: the key is the grant as --cap gives it.
void Keyed(CapSpec* spec) {
  spec->key = DevCapText(spec->uapi);
  spec->key_name = "device";
  spec->source = spec->key;
}

// A whole unsigned number (decimal, or hex with 0x), at most @max.
bool Number(const std::string& s, unsigned long max, unsigned long* out) {
  if (s.empty() || s[0] == '-' || s[0] == '+' || s[0] == ' ') return false;
  errno = 0;
  char* end = nullptr;
  *out = strtoul(s.c_str(), &end, s.rfind("0x", 0) == 0 ? 16 : 10);
  return errno == 0 && *end == 0 && *out <= max;
}

bool ParseI2c(const std::string& rest, CapSpec* spec, std::string* error) {
  wasmkm_cap* cap = &spec->uapi;
  std::vector<std::string> p = Split(rest, ':');
  unsigned long bus = 0, addr = 0;
  if (p.size() != 2 || !Number(p[0], 0x7fffffff, &bus) || !Number(p[1], 0x7f, &addr)) {
    *error = "bad form";
    return false;
  }
  if (addr < 0x08 || addr > 0x77) {
    *error = "address outside 0x08..0x77 (the 7-bit addresses I2C devices may have)";
    return false;
  }
  cap->kind = WASMKM_CAP_I2C;
  cap->i2c.bus = uint32_t(bus);
  cap->i2c.addr = uint16_t(addr);
  Keyed(spec);
  return true;
}

bool ParseGpio(const std::string& rest, CapSpec* spec, std::string* error) {
  wasmkm_cap* cap = &spec->uapi;
  std::vector<std::string> p = Split(rest, ':');
  unsigned long line = 0;
  if (p.size() != 3 || p[0].empty() || !Number(p[1], 0xffffffff, &line)) {
    *error = "bad form";
    return false;
  }
  if (p[0].size() >= WASMKM_GPIO_CHIP_LEN) {
    *error = "chip name longer than " + std::to_string(WASMKM_GPIO_CHIP_LEN - 1) + " bytes";
    return false;
  }
  std::vector<std::string> opts = Split(p[2], ',');
  uint32_t flags = 0;
  if (opts[0] == "out")
    flags = WASMKM_GPIO_OUT;
  else if (opts[0] != "in") {
    *error = "direction must be in or out";
    return false;
  }
  for (size_t i = 1; i < opts.size(); i++) {
    const std::string& o = opts[i];
    if (flags & WASMKM_GPIO_OUT) {
      *error = "an output has no options (edges are for inputs)";
      return false;
    }
    if (o == "edge=rising")
      flags |= WASMKM_GPIO_EDGE_RISING;
    else if (o == "edge=falling")
      flags |= WASMKM_GPIO_EDGE_FALLING;
    else if (o == "edge=both")
      flags |= WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING;
    else {
      *error = "unknown option " + o.substr(0, 40);
      return false;
    }
  }
  cap->kind = WASMKM_CAP_GPIO;
  snprintf(cap->gpio.chip, sizeof(cap->gpio.chip), "%s", p[0].c_str());
  cap->gpio.line = uint32_t(line);
  cap->gpio.flags = flags;
  Keyed(spec);
  return true;
}

// The kernel checks the device at LOAD; nothing to open here.
bool Resolve(const CapSpec& cap, wasmkm_cap* out, std::vector<int>* fds, std::string* error) {
  *out = cap.uapi;
  return true;
}

}  // namespace

const CapKind kCapI2c = {"i2c", "i2c:BUS:ADDR", ParseI2c, Resolve};
const CapKind kCapGpio = {"gpio", "gpio:CHIP:LINE:in|out[,edge=rising|falling|both]", ParseGpio,
                          Resolve};

std::string DevCapText(const wasmkm_cap& cap) {
  char buf[96];
  if (cap.kind == WASMKM_CAP_I2C) {
    snprintf(buf, sizeof(buf), "i2c:%u:0x%02x", cap.i2c.bus, cap.i2c.addr);
    return buf;
  }
  uint32_t edges = cap.gpio.flags & (WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING);
  snprintf(buf, sizeof(buf), "gpio:%.31s:%u:%s%s", cap.gpio.chip, cap.gpio.line,
           cap.gpio.flags & WASMKM_GPIO_OUT ? "out" : "in",
           edges == WASMKM_GPIO_EDGE_RISING    ? ",edge=rising"
           : edges == WASMKM_GPIO_EDGE_FALLING ? ",edge=falling"
           : edges                             ? ",edge=both"
                                               : "");
  return buf;
}

}  // namespace wasmctl
