// SPDX-License-Identifier: GPL-2.0
// Reading user-named files.
#include "userspace-cli/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace wasmctl {

std::string ShortPath(const std::string& path) {
  return path.size() <= 200 ? path : path.substr(0, 100) + "..." + path.substr(path.size() - 40);
}

bool ReadUserFile(const std::string& full, size_t max, const char* what, std::string* out,
                  std::string* error) {
  const std::string path = ShortPath(full);
  if (path.empty()) {
    *error = std::string("empty file name: give ") + what;
    return false;
  }
  int fd = open(full.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    int err = errno;
    *error = path + ": " +
             (err == ENOENT   ? std::string("no such file")
              : err == EACCES ? std::string("permission denied (check its mode)")
                              : std::string(strerror(err)));
    return false;
  }
  struct stat st;
  bool ok = false;
  if (fstat(fd, &st) != 0) {
    *error = path + ": " + strerror(errno);
  } else if (S_ISDIR(st.st_mode)) {
    *error = path + " is a directory: give " + what;
  } else if (!S_ISREG(st.st_mode)) {
    *error = path + " is not a regular file: give " + what;
  } else if (st.st_size == 0) {
    *error = path + " is empty: give " + what;
  } else if (size_t(st.st_size) > max) {
    *error = path + ": larger than " + std::to_string(max >> 20) + " MiB: give " + what;
  } else {
    out->resize(size_t(st.st_size));
    size_t got = 0;
    while (got < out->size()) {
      ssize_t n = read(fd, out->data() + got, out->size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += size_t(n);
    }
    out->resize(got);
    ok = got > 0;
    if (!ok) *error = path + ": could not read it (" + strerror(errno) + ")";
  }
  close(fd);
  return ok;
}

std::string AbsolutePath(const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  char buf[4096];
  if (!getcwd(buf, sizeof(buf))) return path;
  return std::string(buf) + "/" + path;
}

}  // namespace wasmctl
