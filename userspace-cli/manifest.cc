// SPDX-License-Identifier: GPL-2.0
// A small TOML subset: key = "string" | integer | ["string", ...].
#include "userspace-cli/manifest.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace wasmctl {
namespace {

struct Parser {
  const std::string& t;
  const std::string& name;
  size_t pos = 0;
  int line = 1;
  std::string* error;

  bool Fail(const std::string& what) {
    *error = name + ":" + std::to_string(line) + ": " + what;
    return false;
  }
  // Skips blanks, and newlines and comments if @lines.
  void Skip(bool lines) {
    while (pos < t.size()) {
      char c = t[pos];
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#') {
        while (pos < t.size() && t[pos] != '\n') pos++;
      } else if (c == '\n' && lines) {
        line++;
        pos++;
      } else {
        break;
      }
    }
  }
  bool String(std::string* out) {
    if (pos >= t.size() || t[pos] != '"') return Fail("expected a \"string\"");
    pos++;
    out->clear();
    while (pos < t.size() && t[pos] != '"') {
      char c = t[pos++];
      if (c == '\n') return Fail("unterminated string");
      if (c == '\\') {
        if (pos >= t.size()) break;
        char e = t[pos++];
        switch (e) {
          case 'n':
            c = '\n';
            break;
          case 't':
            c = '\t';
            break;
          case '"':
          case '\\':
            c = e;
            break;
          default:
            return Fail(std::string("unknown escape \\") + e);
        }
      }
      out->push_back(c);
    }
    if (pos >= t.size()) return Fail("unterminated string");
    pos++;
    return true;
  }
  bool Array(std::vector<std::string>* out) {
    pos++;  // '['
    for (;;) {
      Skip(true);
      if (pos < t.size() && t[pos] == ']') {
        pos++;
        return true;
      }
      std::string s;
      if (!String(&s)) return false;
      out->push_back(s);
      Skip(true);
      if (pos < t.size() && t[pos] == ',') {
        pos++;
      } else if (pos >= t.size() || t[pos] != ']') {
        return Fail("expected , or ] in the array");
      }
    }
  }
};

}  // namespace

bool ParseManifest(const std::string& text, const std::string& name, Manifest* m,
                   std::string* error) {
  Parser p{text, name, 0, 1, error};
  for (;;) {
    p.Skip(true);
    if (p.pos >= text.size()) return true;
    if (text[p.pos] == '[') return p.Fail("tables are not supported: use key = value lines");
    size_t k = p.pos;
    while (p.pos < text.size() &&
           (isalnum(uint8_t(text[p.pos])) || text[p.pos] == '-' || text[p.pos] == '_'))
      p.pos++;
    std::string key = text.substr(k, p.pos - k);
    if (key.empty()) return p.Fail("expected a key");
    p.Skip(false);
    if (p.pos >= text.size() || text[p.pos] != '=') return p.Fail("expected = after " + key);
    p.pos++;
    p.Skip(false);
    bool array = p.pos < text.size() && text[p.pos] == '[';
    std::vector<std::string> items;
    std::string value;
    if (key == "mem-max" || key == "mem_max") {
      if (array) return p.Fail("mem-max takes a size, e.g. \"64M\"");
      if (p.pos < text.size() && isdigit(uint8_t(text[p.pos]))) {
        size_t v = p.pos;
        while (p.pos < text.size() && isdigit(uint8_t(text[p.pos]))) p.pos++;
        value = text.substr(v, p.pos - v);
      } else if (!p.String(&value)) {
        return false;
      }
      m->mem_max = value;
    } else if (key == "args" || key == "env" || key == "caps") {
      if (!array) return p.Fail(key + " takes an array of strings, e.g. [\"a\", \"b\"]");
      if (!p.Array(&items)) return false;
      if (key == "args")
        m->args = items;
      else
        (key == "env" ? m->env : m->caps) = items;
    } else {
      return p.Fail("unknown key " + key + " (known: args, env, caps, mem-max)");
    }
    p.Skip(false);
    if (p.pos < text.size() && text[p.pos] != '\n') return p.Fail("unexpected text after value");
  }
}

bool ReadManifest(const std::string& path, Manifest* m, std::string* error) {
  std::ifstream f(path);
  if (!f) {
    *error = "manifest " + path + ": " + strerror(errno);
    return false;
  }
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  return ParseManifest(text, path, m, error);
}

}  // namespace wasmctl
