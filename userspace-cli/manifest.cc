// SPDX-License-Identifier: GPL-2.0
// App manifests, parsed with toml++ (Debian's libtomlplusplus-dev), without
// exceptions: every error is a message naming file:line and the key.
#include "userspace-cli/manifest.h"

#define TOML_EXCEPTIONS 0
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include "userspace-cli/files.h"

namespace wasmctl {
namespace {

std::string At(const std::string& name, const toml::source_region& src) {
  return name + ":" + std::to_string(src.begin.line);
}

bool StringArray(const std::string& name, const std::string& key, const toml::node& node,
                 std::vector<std::string>* out, std::vector<std::string>* origin,
                 std::string* error) {
  const toml::array* arr = node.as_array();
  if (!arr) {
    *error =
        At(name, node.source()) + ": " + key + " takes an array of strings, e.g. [\"a\", \"b\"]";
    return false;
  }
  for (const toml::node& el : *arr) {
    const auto* s = el.as_string();
    if (!s) {
      *error = At(name, el.source()) + ": " + key + ": every entry must be a string";
      return false;
    }
    out->push_back(s->get());
    if (origin) origin->push_back(At(name, el.source()) + ": " + key);
  }
  return true;
}

}  // namespace

bool ParseManifest(const std::string& text, const std::string& name, Manifest* m,
                   std::string* error) {
  toml::parse_result res = toml::parse(std::string_view(text), std::string_view(name));
  if (!res) {
    const toml::parse_error& e = res.error();
    const toml::source_position& pos = e.source().begin;
    *error = name + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " +
             std::string(e.description());
    // The line at fault, to recognise the common mistake of an unquoted size.
    size_t start = 0;
    for (uint32_t l = 1; l < pos.line && start != std::string::npos; l++) {
      start = text.find('\n', start);
      if (start != std::string::npos) start++;
    }
    std::string line =
        start == std::string::npos ? "" : text.substr(start, text.find('\n', start) - start);
    if (line.find("mem") != std::string::npos && line.find('=') != std::string::npos)
      *error += " (a size is a string: mem-max = \"16M\", or a number of bytes)";
    return false;
  }
  const toml::table& t = res.table();
  for (const auto& [k, node] : t) {
    std::string key(k.str());
    if (node.is_table()) {
      *error = At(name, node.source()) + ": [" + key.substr(0, 80) +
               "]: tables are not supported: use key = value lines";
      return false;
    }
    if (key == "args") {
      std::vector<std::string> v;
      if (!StringArray(name, key, node, &v, nullptr, error)) return false;
      m->args = v;
    } else if (key == "env") {
      if (!StringArray(name, key, node, &m->env, &m->env_origin, error)) return false;
    } else if (key == "caps") {
      if (!StringArray(name, key, node, &m->caps, &m->caps_origin, error)) return false;
    } else if (key == "mem-max" || key == "mem_max") {
      m->mem_max_origin = At(name, node.source()) + ": " + key;
      if (const auto* s = node.as_string()) {
        m->mem_max = s->get();
      } else if (const auto* i = node.as_integer(); i && i->get() > 0) {
        m->mem_max = std::to_string(i->get());
      } else {
        *error = m->mem_max_origin + ": takes a size, e.g. \"64M\", or a positive number of bytes";
        return false;
      }
    } else if (key == "name") {
      m->name_origin = At(name, node.source()) + ": name";
      const auto* s = node.as_string();
      if (!s) {
        *error = m->name_origin + ": takes a string, e.g. \"sensor\"";
        return false;
      }
      m->name = s->get();
    } else if (key == "file") {
      // The object, for wasmctl apply (load takes it on its command line).
      m->file_origin = At(name, node.source()) + ": file";
      const auto* s = node.as_string();
      if (!s || s->get().empty()) {
        *error = m->file_origin +
                 ": takes a path, e.g. \"sensor.wasm\" (from the manifest's "
                 "directory)";
        return false;
      }
      m->file = s->get();
    } else if (key == "restart") {
      if (m->restart_origin.empty()) m->restart_origin = At(name, node.source());
      const auto* s = node.as_string();
      if (!s || !ParseRestartPolicy(s->get(), &m->restart.policy, error)) {
        *error = At(name, node.source()) + ": restart: takes \"no\", \"on-failure\" or \"always\"";
        return false;
      }
    } else if (uint32_t* field = RestartNumber(&m->restart, key)) {
      if (m->restart_origin.empty()) m->restart_origin = At(name, node.source());
      const auto* i = node.as_integer();
      uint32_t max = RestartNumberMax(key);
      if (!i || i->get() < 1 || i->get() > int64_t(max)) {
        *error = At(name, node.source()) + ": " + key + ": takes a number from 1 to " +
                 std::to_string(max);
        return false;
      }
      *field = uint32_t(i->get());
    } else if (key == "sign-key" || key == "sign-cert") {
      bool is_key = key == "sign-key";
      (is_key ? m->sign_key_origin : m->sign_cert_origin) = At(name, node.source()) + ": " + key;
      const auto* s = node.as_string();
      if (!s || s->get().empty()) {
        *error = At(name, node.source()) + ": " + key + ": takes a file name, e.g. \"" +
                 (is_key ? "/root/mok/MOK.priv" : "/root/mok/MOK.der") + "\"";
        return false;
      }
      std::string path = s->get();
      size_t slash = name.find_last_of('/');
      if (path[0] != '/' && slash != std::string::npos) path = name.substr(0, slash + 1) + path;
      (is_key ? m->sign_key : m->sign_cert) = path;
    } else {
      *error = At(name, node.source()) + ": unknown key " + key.substr(0, 80) +
               " (known: args, env, caps, mem-max, name, restart, restart-delay, "
               "restart-max-delay, restart-burst, restart-interval, file, sign-key, sign-cert)";
      return false;
    }
  }
  return true;
}

bool ReadManifest(const std::string& path, Manifest* m, std::string* error) {
  std::string text;
  if (!ReadUserFile(path, kMaxManifestFile, "a TOML manifest", &text, error)) {
    *error = "manifest " + *error;
    return false;
  }
  return ParseManifest(text, path, m, error);
}

}  // namespace wasmctl
