// SPDX-License-Identifier: GPL-2.0
// Output helpers.
#include "userspace-cli/format.h"

#include <cstdio>
#include <cstring>
#include <ctime>

namespace wasmctl {

std::string JsonString(const std::string& s) {
  std::string r = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      r += '\\';
      r += char(c);
    } else if (c < 0x20) {
      char buf[8];
      snprintf(buf, sizeof(buf), "\\u%04x", c);
      r += buf;
    } else {
      r += char(c);
    }
  }
  return r + "\"";
}

std::string Duration(uint64_t ns) {
  char buf[32];
  uint64_t s = ns / 1000000000ull;
  if (s < 60)
    snprintf(buf, sizeof(buf), "%.1fs", double(ns) / 1e9);
  else if (s < 3600)
    snprintf(buf, sizeof(buf), "%llum%02llus", (unsigned long long)(s / 60),
             (unsigned long long)(s % 60));
  else
    snprintf(buf, sizeof(buf), "%lluh%02llum", (unsigned long long)(s / 3600),
             (unsigned long long)(s / 60 % 60));
  return buf;
}

std::string Bytes(uint64_t n) {
  char buf[32];
  if (n < 1024)
    snprintf(buf, sizeof(buf), "%lluB", (unsigned long long)n);
  else if (n < (1ull << 20))
    snprintf(buf, sizeof(buf), "%.4gK", double(n) / 1024);
  else if (n < (1ull << 30))
    snprintf(buf, sizeof(buf), "%.4gM", double(n) / (1 << 20));
  else
    snprintf(buf, sizeof(buf), "%.4gG", double(n) / (1 << 30));
  return buf;
}

std::string FieldString(const char* p, size_t n) { return std::string(p, strnlen(p, n)); }

uint64_t MonotonicNs() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return uint64_t(ts.tv_sec) * 1000000000ull + uint64_t(ts.tv_nsec);
}

}  // namespace wasmctl
