// SPDX-License-Identifier: GPL-2.0
// The C++ toolchain app (tests/toolchains/README.md says what every toolchain
// app does), built with exceptions disabled: fstream, chrono, <random>'s
// random_device and exit codes through libc++ on wasi-libc.  Built for
// wasm32-wasi and natively from this one source.  Debian's libc++ for
// wasm32-wasi is built without <filesystem>: directories go through
// wasi-libc's POSIX calls.
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "failed: %s\n", what);
    std::exit(1);
  }
}

void List(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  Check(d != nullptr, "opendir");
  while (struct dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    struct stat st;
    Check(stat((dir + "/" + name).c_str(), &st) == 0, "stat entry");
    if (S_ISDIR(st.st_mode))
      names.push_back(name + " dir");
    else
      names.push_back(name + " file " + std::to_string(st.st_size));
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  std::cout << "list " << dir.substr(dir.rfind('/') + 1) << ": " << names.size() << "\n";
  for (const auto& n : names) std::cout << "  " << n << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s ROOT EXITCODE [WORD]...\n", argv[0]);
    return 2;
  }
  std::string root = argv[1];
  int code = std::atoi(argv[2]);
  std::cout << "args: " << argc - 3 << "\n";
  for (int i = 3; i < argc; i++) std::cout << "  [" << argv[i] << "]\n";
  std::vector<std::string> vars;
  for (char** e = environ; *e; e++) vars.push_back(*e);
  std::sort(vars.begin(), vars.end());
  std::cout << "env: " << vars.size() << "\n";
  for (const auto& v : vars) std::cout << "  " << v << "\n";

  std::ifstream in(root + "/input.txt");
  Check(in.good(), "open input.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string input = ss.str();
  std::vector<std::string> lines;
  for (std::string l; std::getline(ss, l);) lines.push_back(l);
  std::cout << "input: " << input.size() << " bytes, " << lines.size() << " lines\n";
  for (const auto& l : lines) std::cout << "  <" << l << ">\n";

  std::string work = root + "/work";
  Check(mkdir(work.c_str(), 0755) == 0, "mkdir work");
  Check(mkdir((work + "/sub").c_str(), 0755) == 0, "mkdir sub");
  {
    std::ofstream f(work + "/a.txt", std::ios::binary);
    f << "0123456789abcdef";
    Check(f.good(), "write a.txt");
  }
  {
    std::fstream f(work + "/a.txt", std::ios::in | std::ios::out | std::ios::binary);
    Check(f.good(), "open a.txt");
    f.seekp(10);
    f << "XY";
    f.seekg(0);
    std::string s(16, '\0');
    f.read(s.data(), 16);
    Check(f.gcount() == 16, "read a.txt");
    std::cout << "a.txt: " << s << "\n";
    f.seekg(0, std::ios::end);
    std::cout << "end: " << f.tellg() << "\n";
    f.seekg(-4, std::ios::cur);
    std::string tail(4, '\0');
    f.read(tail.data(), 4);
    std::cout << "tail: " << tail << "\n";
  }
  {
    std::ofstream f(work + "/c.txt");
    f << "third\n";
  }
  Check(rename((work + "/a.txt").c_str(), (work + "/b.txt").c_str()) == 0, "rename");
  struct stat st;
  std::cout << "a.txt exists after rename: "
            << (stat((work + "/a.txt").c_str(), &st) == 0 ? "true" : "false") << "\n";
  List(work);
  Check(stat((work + "/b.txt").c_str(), &st) == 0, "stat b.txt");
  std::cout << "b.txt: len " << st.st_size << " file " << (S_ISREG(st.st_mode) ? "true" : "false")
            << " dir " << (S_ISDIR(st.st_mode) ? "true" : "false") << "\n";
  std::cout << "b.txt: mtime after 2020: " << (st.st_mtime > 1577836800 ? "true" : "false") << "\n";
  Check(unlink((work + "/c.txt").c_str()) == 0, "unlink c.txt");
  Check(rmdir((work + "/sub").c_str()) == 0, "rmdir sub");
  List(work);
  bool missing = stat((work + "/missing").c_str(), &st) != 0 && errno == ENOENT;
  std::cout << "missing: " << (missing ? "NotFound" : "other") << "\n";

  auto now = std::chrono::system_clock::now().time_since_epoch();
  std::cout << "clock: realtime after 2020: "
            << (std::chrono::duration_cast<std::chrono::seconds>(now).count() > 1577836800
                    ? "true"
                    : "false")
            << "\n";
  auto t0 = std::chrono::steady_clock::now();
  std::cout << "clock: monotonic: " << (std::chrono::steady_clock::now() >= t0 ? "true" : "false")
            << "\n";
  std::random_device rd;
  unsigned a = rd(), b = rd();
  std::cout << "random: seeded: " << (a != 0 || b != 0 ? "true" : "false") << "\n";

  std::ofstream(root + "/result.txt")
      << "args " << argc - 3 << "\nenv " << vars.size() << "\ninput " << input.size() << "\n";
  std::cout << "exit: " << code << "\n";
  std::cout.flush();
  std::exit(code);
}
