// SPDX-License-Identifier: GPL-2.0
// wasmctl as a user meets it (wasmctl::Run, in process, under the
// sanitizers): every command fed bad input ends with a one-line error and
// status 1 or 2, never an exception or a crash; errors name the culprit;
// JSON mode prints errors as JSON; no usage text unless asked for.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/host/cli/wat_helper.h"
#include "userspace-cli/cli.h"

namespace {

struct Result {
  int rc;
  std::string out, err;
};

std::string Slurp(FILE* f) {
  std::string s;
  rewind(f);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0) s.append(buf, n);
  fclose(f);
  return s;
}

// Runs wasmctl with its stdout and stderr captured.
Result RunCli(const std::vector<std::string>& args) {
  fflush(stdout);
  fflush(stderr);
  FILE* o = tmpfile();
  FILE* e = tmpfile();
  int so = dup(1), se = dup(2);
  dup2(fileno(o), 1);
  dup2(fileno(e), 2);
  int rc = wasmctl::Run(args);
  fflush(stdout);
  fflush(stderr);
  dup2(so, 1);
  dup2(se, 2);
  close(so);
  close(se);
  return {rc, Slurp(o), Slurp(e)};
}

size_t Lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

class CliRun : public ::testing::Test {
 protected:
  void SetUp() override {
    // No wasmkm.ko here: commands that need it fail on opening the device.
    setenv("WASMKM_DEVICE", (dir_.path() + "/no-such-device").c_str(), 1);
    setenv("WASMKM_CACHE", (dir_.path() + "/cache").c_str(), 1);
    mkdir(Path("adir").c_str(), 0755);
    clitest::WriteText(Path("empty"), "");
    clitest::WriteText(Path("garbage.wasm"), std::string("\0asm\x01\0\0\0\x02\xff\xff\xff", 12));
    clitest::WriteText(Path("text.wko"), "this is not an object\n");
  }
  std::string Path(const std::string& name) { return dir_.path() + "/" + name; }
  clitest::TempDir dir_;
};

TEST_F(CliRun, BadInputEveryCommand) {
  const std::vector<std::string> commands = {"load",  "inspect", "start",  "stop",
                                             "list",  "logs",    "unload", "rm",
                                             "prune", "compile", "version"};
  const std::vector<std::string> inputs = {Path("adir"),
                                           Path("empty"),
                                           Path("missing.wasm"),
                                           Path("garbage.wasm"),
                                           Path("text.wko"),
                                           std::string(1 << 20, 'x'),
                                           "",
                                           "-",
                                           "--",
                                           "--bogus",
                                           "12345678901234567890",
                                           "../.."};
  for (const std::string& c : commands) {
    for (const std::string& in : inputs) {
      for (bool json : {false, true}) {
        std::vector<std::string> args;
        if (json) args.push_back("-j");
        args.push_back(c);
        args.push_back(in);
        Result r = RunCli(args);
        std::string what = c + " " + in.substr(0, 60) + (json ? " (json)" : "");
        EXPECT_TRUE(r.rc == 1 || r.rc == 2) << what << ": " << r.rc << r.err;
        if (json) {
          EXPECT_EQ(r.out.rfind("{\"error\": \"wasmctl", 0), 0u) << what << ": " << r.out;
          EXPECT_EQ(Lines(r.out), 1u) << what;
        } else {
          EXPECT_EQ(Lines(r.err), 1u) << what << ": " << r.err;
          EXPECT_EQ(r.err.rfind("wasmctl", 0), 0u) << what << ": " << r.err;
          EXPECT_EQ(r.err.find("usage:"), std::string::npos) << what << ": " << r.err;
        }
        EXPECT_LT(r.err.size() + r.out.size(), 2000u) << what;
      }
    }
  }
}

TEST_F(CliRun, DirectoryIsNamed) {
  for (const char* c : {"load", "inspect"}) {
    Result r = RunCli({c, Path("adir")});
    EXPECT_EQ(r.rc, 1) << c;
    EXPECT_NE(r.err.find("adir is a directory: give a .wasm or .wko file"), std::string::npos)
        << r.err;
  }
}

TEST_F(CliRun, UsageOnlyOnHelp) {
  Result r = RunCli({"load", "a.wasm", "--frobnicate"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "wasmctl load: unknown option --frobnicate (see wasmctl load --help)\n");
  r = RunCli({"load", "--help"});
  EXPECT_EQ(r.rc, 0);
  EXPECT_NE(r.out.find("usage: wasmctl load"), std::string::npos);
  EXPECT_TRUE(r.err.empty());
}

TEST_F(CliRun, Version) {
  Result r = RunCli({"--version"});
  EXPECT_EQ(r.rc, 0);
  EXPECT_EQ(r.out.rfind("wasmctl ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("ABI"), std::string::npos);
  r = RunCli({"-j", "version"});
  EXPECT_NE(r.out.find("\"abi\": "), std::string::npos) << r.out;
}

std::string WriteWasm(const std::string& path, const std::string& wat) {
  std::vector<uint8_t> wasm;
  std::string error;
  EXPECT_TRUE(clitest::WatToWasm(wat, &wasm, &error)) << error;
  clitest::WriteText(path, std::string(wasm.begin(), wasm.end()));
  return path;
}

// aotc refuses an import wasmkm.ko does not provide: inspect says so.
TEST_F(CliRun, InspectUnknownImportFails) {
  std::string f = WriteWasm(Path("sensor.wasm"), R"((module
    (import "env" "sensor_read" (func (result i32)))
    (func (export "_start")))
  )");
  Result r = RunCli({"inspect", f});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.out.find("env.sensor_read  needs: NOT PROVIDED"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("env.sensor_read, which wasmkm.ko does not provide: aotc will refuse it"),
            std::string::npos)
      << r.err;
  r = RunCli({"load", f});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("env.sensor_read"), std::string::npos) << r.err;
}

// inspect -m lists a manifest's grants with their descriptors: directories
// first (as load orders them), then the devices in their order.
TEST_F(CliRun, InspectListsManifestGrants) {
  std::string f = WriteWasm(Path("dev.wasm"), "(module (func (export \"_start\")))");
  std::string m = Path("dev.toml");
  clitest::WriteText(m, "caps = [\"i2c:1:0x48\", \"fs:" + Path("adir") +
                            "\", \"gpio:gpiochip0:27:in,edge=both\"]\n");
  Result r = RunCli({"inspect", f, "-m", m});
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("  3: fs:" + Path("adir") +
                       "\n  4: i2c:1:0x48\n  5: gpio:gpiochip0:27:in,edge=both\n"),
            std::string::npos)
      << r.out;
  clitest::WriteText(m, "caps = [\"gpio:gpiochip0:27:sideways\"]\n");
  r = RunCli({"inspect", f, "-m", m});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("dev.toml:1"), std::string::npos) << r.err;
}

// path_open without a grant: a warning, and the load goes on (here to the
// missing device).
TEST_F(CliRun, PathOpenWithoutGrantWarns) {
  std::string f = WriteWasm(Path("files.wasm"), R"((module
    (import "wasi_snapshot_preview1" "path_open"
      (func (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
    (memory (export "memory") 1)
    (func (export "_start")))
  )");
  Result r = RunCli({"load", f});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("warning: wasi_snapshot_preview1.path_open needs a file-system"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("no-such-device"), std::string::npos) << r.err;
}

TEST_F(CliRun, ManifestErrorsNameFileLineKey) {
  std::string hello = WriteWasm(Path("hello.wasm"), "(module (func (export \"_start\")))");
  clitest::WriteText(Path("m1.toml"), "args = ['x']\nmem-max = 16M\n");
  Result r = RunCli({"load", "-m", Path("m1.toml"), hello});
  EXPECT_EQ(r.rc, 2);  // part of the command line, but no pointer to --help
  EXPECT_EQ(r.err.find("--help"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("m1.toml:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mem-max = \"16M\""), std::string::npos) << r.err;
  EXPECT_EQ(Lines(r.err), 1u) << r.err;
  clitest::WriteText(Path("m2.toml"), "args = ['x']\n\ncaps = ['fs:/a', 'usb:80']\n");
  r = RunCli({"load", "-m", Path("m2.toml"), hello});
  EXPECT_NE(r.err.find("m2.toml:3: caps usb:80: unknown capability kind"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("--cap"), std::string::npos) << r.err;
}

TEST_F(CliRun, DuplicateGuestPathRefused) {
  std::string hello = WriteWasm(Path("hello.wasm"), "(module (func (export \"_start\")))");
  Result r = RunCli({"load", hello, "--cap", "fs:/tmp:/data", "--cap", "fs:/srv:/data"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("guest path /data is already granted"), std::string::npos) << r.err;
}

TEST_F(CliRun, CompileResolvesPathsFirst) {
  std::string wasm = WriteWasm(Path("a.wasm"), "(module)");
  Result r = RunCli({"compile", wasm, "-o", "a.wko", "--symvers", "rel/Module.symvers"});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("--symvers rel/Module.symvers: no such file"), std::string::npos) << r.err;
}

}  // namespace
