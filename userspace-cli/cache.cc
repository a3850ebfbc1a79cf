// SPDX-License-Identifier: GPL-2.0
// The compiled-object cache.
#include "userspace-cli/cache.h"

#include <fcntl.h>
#include <linux/wasmkm.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "userspace-cli/args.h"
#include "userspace-cli/files.h"
#include "userspace-cli/output.h"

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

// Anyone who could write it could swap the object wasmctl loads.
std::string UnsafeBecause(const struct stat& st) {
  if (st.st_uid != geteuid())
    return "owned by uid " + std::to_string(st.st_uid) + ", not by you (uid " +
           std::to_string(geteuid()) + ")";
  if (st.st_mode & 022) return "writable by other users";
  return "";
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

bool SecureCacheDir(const std::string& dir, std::string* error) {
  size_t slash = dir.find_last_of('/');
  if (slash != std::string::npos && slash > 0 && !MakeDirs(dir.substr(0, slash), error))
    return false;
  // Created private in one step; if it was there, it must be ours alone.
  if (mkdir(dir.c_str(), 0700) == 0) return true;
  if (errno != EEXIST) {
    *error = "cache directory " + dir + ": " + strerror(errno) +
             " (set WASMKM_CACHE to a directory of yours)";
    return false;
  }
  struct stat st;
  if (lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    *error = "cache directory " + dir +
             " is not a directory (or is a symbolic link): remove it or set WASMKM_CACHE";
    return false;
  }
  std::string why = UnsafeBecause(st);
  if (!why.empty()) {
    *error = "cache directory " + dir + " is " + why +
             ": refusing to load code from it (remove it, or set WASMKM_CACHE to a directory "
             "only you can write)";
    return false;
  }
  return true;
}

bool CachedObjectOk(const std::string& path, std::string* error) {
  int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ENOENT) return false;
    *error = "cached object " + path + ": " + strerror(errno) + " (remove it)";
    return false;
  }
  struct stat st;
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  std::string why = ok ? UnsafeBecause(st) : "not a regular file";
  close(fd);
  if (!why.empty()) {
    *error = "cached object " + path + " is " + why + ": refusing to load it (remove it)";
    return false;
  }
  return true;
}

bool FindInPath(const std::string& prog) {
  if (prog.find('/') != std::string::npos) return access(prog.c_str(), X_OK) == 0;
  const char* path = getenv("PATH");
  std::string p = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t i = 0;
  while (i <= p.size()) {
    size_t colon = p.find(':', i);
    if (colon == std::string::npos) colon = p.size();
    std::string dir = p.substr(i, colon - i);
    if (access(((dir.empty() ? "." : dir) + "/" + prog).c_str(), X_OK) == 0) return true;
    i = colon + 1;
  }
  return false;
}

std::string NoAotcAdvice(const std::string& wasm_path) {
  return "aotc is not installed here (wasmctl looks next to itself and in PATH): compile " +
         FileStem(wasm_path) + ".wasm on a build host with `aotc " + FileStem(wasm_path) +
         ".wasm -o " + FileStem(wasm_path) + ".wko --kdir <this kernel's headers> " +
         "[--arch arm64]` and load the .wko here (README: apps for a Raspberry Pi), or install " +
         "aotc";
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
    _exit(127);
  }
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool CompileCached(const std::string& wasm_path, const std::string& app_name, bool verbose,
                   std::string* wko, std::string* error, const SignFiles& sign) {
  std::string bytes;
  if (!ReadUserFile(wasm_path, kMaxAppFile, "a .wasm file", &bytes, error)) return false;
  struct utsname u;
  if (uname(&u) != 0) {
    *error = std::string("uname: ") + strerror(errno);
    return false;
  }
  std::string key = CacheKey(aotc::Sha256Of(bytes.data(), bytes.size()), u.release, u.machine,
                             WASMKM_ABI_VERSION);
  if (!sign.key.empty()) {
    std::string key_pem, cert;
    if (!ReadUserFile(sign.key, kMaxManifestFile, "a PEM private key", &key_pem, error) ||
        !ReadUserFile(sign.cert, kMaxManifestFile, "an X.509 certificate", &cert, error)) {
      *error = (key_pem.empty() ? "--sign-key " : "--sign-cert ") + *error;
      return false;
    }
    aotc::Sha256 h;
    AddField(&h, key);
    AddField(&h, aotc::HexOf(aotc::Sha256Of(key_pem.data(), key_pem.size())));
    AddField(&h, aotc::HexOf(aotc::Sha256Of(cert.data(), cert.size())));
    key = aotc::HexOf(h.Final()) + "-signed";
  }
  std::string dir =
      CacheDirFor(getenv("WASMKM_CACHE"), getenv("XDG_CACHE_HOME"), getenv("HOME"), geteuid() == 0);
  if (!SecureCacheDir(dir, error)) return false;
  // The app name is baked into the object: keep it in the file name too.
  *wko = dir + "/" + key + "-" + SafeName(app_name) + ".wko";
  if (CachedObjectOk(*wko, error)) {
    if (verbose) Note("using cached " + *wko);
    return true;
  }
  if (!error->empty()) return false;
  std::string aotc = FindAotc();
  if (!FindInPath(aotc)) {
    *error = wasm_path + ": " + NoAotcAdvice(wasm_path);
    return false;
  }
  std::string tmp = *wko + ".tmp." + std::to_string(getpid());
  std::vector<std::string> argv = {
      aotc,     wasm_path, "-o", tmp, "--kdir", std::string("/lib/modules/") + u.release + "/build",
      "--name", app_name};
  if (!sign.key.empty())
    argv.insert(argv.end(), {"--sign-key", sign.key, "--sign-cert", sign.cert});
  if (verbose) argv.push_back("-v");
  // Seconds of silence look like a hang: say what is happening on a terminal.
  if (verbose || isatty(STDERR_FILENO))
    Note("compiling " + wasm_path + " for " + u.release +
         " (a few seconds; cached for the next load)");
  int rc = RunInherit(argv);
  if (rc != 0) {
    unlink(tmp.c_str());
    *error = wasm_path + ": " +
             (rc == 127 ? NoAotcAdvice(wasm_path)
                        : "aotc failed (exit " + std::to_string(rc) +
                              "): see its message above; `wasmctl inspect` shows the imports");
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
