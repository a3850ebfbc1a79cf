// SPDX-License-Identifier: GPL-2.0
// wasmctl argument parsing.
#include "userspace-cli/args.h"

#include <cctype>

#include "userspace-cli/output.h"

namespace wasmctl {

bool ParseFlags(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs,
                ParsedArgs* out, std::string* error) {
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); i++) {
    const std::string& a = args[i];
    if (flags_done || a.size() < 2 || a[0] != '-') {
      out->positional.push_back(a);
      continue;
    }
    if (a == "--") {
      flags_done = true;
      continue;
    }
    std::string name = a, value;
    bool has_eq = false;
    size_t eq = a.find('=');
    if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_eq = true;
    }
    // The global output switches are accepted after any command too.
    if (name == "-j" || name == "--json" || name == "-p" || name == "--pretty") {
      g_opts.json = true;
      g_opts.pretty |= name == "-p" || name == "--pretty";
      continue;
    }
    if (name == "-q" || name == "--quiet") {
      g_opts.quiet = true;
      continue;
    }
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& s : specs)
      if (name == s.name) spec = &s;
    if (!spec) {
      *error = "unknown option " + name.substr(0, 80);
      return false;
    }
    if (spec->takes_value && !has_eq) {
      if (i + 1 >= args.size()) {
        *error = "option " + name + " needs a value";
        return false;
      }
      value = args[++i];
    } else if (!spec->takes_value && has_eq) {
      *error = "option " + name + " takes no value";
      return false;
    }
    out->flags[name].push_back(value);
  }
  return true;
}

bool ParseMemMax(const std::string& s, uint32_t* pages, std::string* error) {
  size_t i = 0;
  unsigned __int128 n = 0;
  while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) {
    n = n * 10 + unsigned(s[i] - '0');
    if (n > (unsigned __int128)1 << 80) break;
    i++;
  }
  if (i == 0) {
    *error = "--mem-max " + s + ": expected a size like 64M, 1G, 512K, 65536 or 16P (pages)";
    return false;
  }
  std::string suf = s.substr(i);
  for (char& c : suf) c = char(toupper(static_cast<unsigned char>(c)));
  unsigned __int128 bytes;
  if (suf.empty() || suf == "B")
    bytes = n;
  else if (suf == "K" || suf == "KB" || suf == "KIB")
    bytes = n << 10;
  else if (suf == "M" || suf == "MB" || suf == "MIB")
    bytes = n << 20;
  else if (suf == "G" || suf == "GB" || suf == "GIB")
    bytes = n << 30;
  else if (suf == "P")
    bytes = n << 16;
  else {
    *error = "--mem-max " + s + ": unknown unit '" + s.substr(i) +
             "' (use K, M, G, or P for 64 KiB pages)";
    return false;
  }
  unsigned __int128 p = (bytes + 65535) >> 16;
  // 65536 pages = 4 GiB, the wasm32 maximum.
  if (p == 0 || p > 65536) {
    *error = "--mem-max " + s + ": must be between 1 byte and 4G (65536 pages of 64 KiB)";
    return false;
  }
  *pages = uint32_t(p);
  return true;
}

bool ParseEnv(const std::string& s, std::string* error) {
  size_t eq = s.find('=');
  if (eq == std::string::npos || eq == 0) {
    *error = "--env " + s + ": expected KEY=VALUE with a non-empty KEY";
    return false;
  }
  if (s.find('\0') != std::string::npos) {
    *error = "--env: NUL byte in value";
    return false;
  }
  return true;
}

bool ParseId(const std::string& s, const char* what, uint32_t* id, std::string* error) {
  uint64_t v = 0;
  if (s.empty() || s.size() > 10) {
    *error = std::string(what) + " '" + s.substr(0, 80) + "': expected an id or a name";
    return false;
  }
  for (char c : s) {
    if (!isdigit(static_cast<unsigned char>(c))) {
      *error = std::string(what) + " '" + s.substr(0, 80) + "': expected an id (see wasmctl list)";
      return false;
    }
    v = v * 10 + unsigned(c - '0');
  }
  if (v > 0xffffffffu) {
    *error = std::string(what) + " '" + s + "': too large";
    return false;
  }
  *id = uint32_t(v);
  return true;
}

std::string FileStem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

std::string NulBlob(const std::vector<std::string>& items) {
  std::string b;
  for (const std::string& s : items) {
    b += s;
    b += '\0';
  }
  return b;
}

}  // namespace wasmctl
