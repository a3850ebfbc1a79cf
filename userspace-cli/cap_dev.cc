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

// A whole unsigned number (decimal, or hex with 0x), at most @max.
bool Number(const std::string& s, unsigned long max, unsigned long* out) {
  if (s.empty() || s[0] == '-' || s[0] == '+' || s[0] == ' ') return false;
  errno = 0;
  char* end = nullptr;
  *out = strtoul(s.c_str(), &end, s.rfind("0x", 0) == 0 ? 16 : 10);
  return errno == 0 && *end == 0 && *out <= max;
}

bool ParseI2c(const std::string& s, const std::string& at, wasmkm_cap* cap, std::string* error) {
  const std::string form = " (expected i2c:BUS:ADDR, e.g. i2c:1:0x48)";
  std::vector<std::string> p = Split(s.substr(4), ':');
  unsigned long bus = 0, addr = 0;
  if (p.size() != 2 || !Number(p[0], 0x7fffffff, &bus) || !Number(p[1], 0x7f, &addr)) {
    *error = at + ": bad form" + form;
    return false;
  }
  if (addr < 0x08 || addr > 0x77) {
    *error = at + ": address outside 0x08..0x77 (the 7-bit addresses I2C devices may have)";
    return false;
  }
  cap->kind = WASMKM_CAP_I2C;
  cap->i2c.bus = uint32_t(bus);
  cap->i2c.addr = uint16_t(addr);
  return true;
}

bool ParseGpio(const std::string& s, const std::string& at, wasmkm_cap* cap, std::string* error) {
  const std::string form =
      " (expected gpio:CHIP:LINE:in|out[,edge=rising|falling|both], e.g. gpio:gpiochip0:17:out)";
  std::vector<std::string> p = Split(s.substr(5), ':');
  unsigned long line = 0;
  if (p.size() != 3 || p[0].empty() || !Number(p[1], 0xffffffff, &line)) {
    *error = at + ": bad form" + form;
    return false;
  }
  if (p[0].size() >= WASMKM_GPIO_CHIP_LEN) {
    *error = at + ": chip name longer than " + std::to_string(WASMKM_GPIO_CHIP_LEN - 1) + " bytes";
    return false;
  }
  std::vector<std::string> opts = Split(p[2], ',');
  uint32_t flags = 0;
  if (opts[0] == "out")
    flags = WASMKM_GPIO_OUT;
  else if (opts[0] != "in") {
    *error = at + ": direction must be in or out" + form;
    return false;
  }
  for (size_t i = 1; i < opts.size(); i++) {
    const std::string& o = opts[i];
    if (flags & WASMKM_GPIO_OUT) {
      *error = at + ": an output has no options (edges are for inputs)" + form;
      return false;
    }
    if (o == "edge=rising")
      flags |= WASMKM_GPIO_EDGE_RISING;
    else if (o == "edge=falling")
      flags |= WASMKM_GPIO_EDGE_FALLING;
    else if (o == "edge=both")
      flags |= WASMKM_GPIO_EDGE_RISING | WASMKM_GPIO_EDGE_FALLING;
    else {
      *error = at + ": unknown option " + o.substr(0, 40) + form;
      return false;
    }
  }
  cap->kind = WASMKM_CAP_GPIO;
  snprintf(cap->gpio.chip, sizeof(cap->gpio.chip), "%s", p[0].c_str());
  cap->gpio.line = uint32_t(line);
  cap->gpio.flags = flags;
  return true;
}

}  // namespace

bool ParseDevCap(const std::string& s, const std::string& at, wasmkm_cap* cap, bool* ok,
                 std::string* error) {
  bool i2c = s.rfind("i2c:", 0) == 0;
  if (!i2c && s.rfind("gpio:", 0) != 0) return false;
  *cap = wasmkm_cap{};
  *ok = i2c ? ParseI2c(s, at, cap, error) : ParseGpio(s, at, cap, error);
  return true;
}

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
