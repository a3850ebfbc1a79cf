// SPDX-License-Identifier: GPL-2.0
// The compiled-object cache.
#include "userspace-cli/cache.h"

#include <linux/wasmkm.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace wasmctl {
namespace {

void AddField(aotc::Sha256* h, const std::string& s) {
  uint8_t len[4] = {uint8_t(s.size()), uint8_t(s.size() >> 8), uint8_t(s.size() >> 16),
                    uint8_t(s.size() >> 24)};
  h->Update(len, 4);
  h->Update(s.data(), s.size());
}

bool MakeDirs(const std::string& dir, std::string* error) {
  std::string cur;
  size_t i = 0;
  while (i <= dir.size()) {
    size_t slash = dir.find('/', i);
    if (slash == std::string::npos) slash = dir.size();
    cur = dir.substr(0, slash);
    if (!cur.empty() && mkdir(cur.c_str(), 0755) != 0 && errno != EEXIST) {
      *error = "cache directory " + cur + ": " + strerror(errno) +
               " (set WASMKM_CACHE to a writable directory)";
      return false;
    }
    i = slash + 1;
  }
  return true;
}

std::string SafeName(const std::string& s) {
  std::string r;
  for (char c : s) r += (isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') ? c : '_';
  return r.substr(0, 48);
}

}  // namespace

std::string CacheKey(const aotc::Sha256Digest& wasm_sha256, const std::string& release,
                     const std::string& machine, uint32_t abi_version) {
  aotc::Sha256 h;
  AddField(&h, "wasmkm-cache-v1");
  AddField(&h, aotc::HexOf(wasm_sha256));
  AddField(&h, release);
  AddField(&h, machine);
  AddField(&h, std::to_string(abi_version));
  return aotc::HexOf(h.Final());
}

std::string CacheDirFor(const char* wasmkm_cache, const char* xdg_cache_home, const char* home,
                        bool root) {
  if (wasmkm_cache && *wasmkm_cache) return wasmkm_cache;
  if (root) return "/var/cache/wasmkm";
  if (xdg_cache_home && *xdg_cache_home) return std::string(xdg_cache_home) + "/wasmkm";
  if (home && *home) return std::string(home) + "/.cache/wasmkm";
  return "/tmp/wasmkm-cache-" + std::to_string(getuid());
}

std::string FindAotc() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) {
    std::string exe(buf, size_t(n));
    std::string cand = exe.substr(0, exe.find_last_of('/') + 1) + "aotc";
    if (access(cand.c_str(), X_OK) == 0) return cand;
  }
  return "aotc";
}

int RunInherit(const std::vector<std::string>& argv) {
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    std::vector<char*> av;
    for (const std::string& a : argv) av.push_back(const_cast<char*>(a.c_str()));
    av.push_back(nullptr);
    execvp(av[0], av.data());
    fprintf(stderr, "wasmctl: cannot run %s: %s (install aotc next to wasmctl or in PATH)\n", av[0],
            strerror(errno));
    _exit(127);
  }
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool CompileCached(const std::string& wasm_path, const std::string& app_name, bool verbose,
                   std::string* wko, std::string* error) {
  std::ifstream f(wasm_path, std::ios::binary);
  if (!f) {
    *error = wasm_path + ": " + strerror(errno);
    return false;
  }
  std::vector<char> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  struct utsname u;
  if (uname(&u) != 0) {
    *error = std::string("uname: ") + strerror(errno);
    return false;
  }
  std::string key = CacheKey(aotc::Sha256Of(bytes.data(), bytes.size()), u.release, u.machine,
                             WASMKM_ABI_VERSION);
  std::string dir =
      CacheDirFor(getenv("WASMKM_CACHE"), getenv("XDG_CACHE_HOME"), getenv("HOME"), geteuid() == 0);
  // The app name is baked into the object: keep it in the file name too.
  *wko = dir + "/" + key + "-" + SafeName(app_name) + ".wko";
  if (access(wko->c_str(), R_OK) == 0) {
    if (verbose) fprintf(stderr, "wasmctl: using cached %s\n", wko->c_str());
    return true;
  }
  if (!MakeDirs(dir, error)) return false;
  std::string tmp = *wko + ".tmp." + std::to_string(getpid());
  std::vector<std::string> argv = {FindAotc(), wasm_path,
                                   "-o",       tmp,
                                   "--kdir",   std::string("/lib/modules/") + u.release + "/build",
                                   "--name",   app_name};
  if (verbose) argv.push_back("-v");
  if (verbose) fprintf(stderr, "wasmctl: compiling %s into %s\n", wasm_path.c_str(), wko->c_str());
  int rc = RunInherit(argv);
  if (rc != 0) {
    unlink(tmp.c_str());
    *error = wasm_path + ": aotc failed (exit " + std::to_string(rc) +
             "); compile it yourself with wasmctl compile and load the .wko";
    return false;
  }
  if (rename(tmp.c_str(), wko->c_str()) != 0) {
    *error = *wko + ": " + strerror(errno);
    unlink(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace wasmctl
