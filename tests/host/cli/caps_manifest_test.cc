// SPDX-License-Identifier: GPL-2.0
// wasmctl: the --cap grammar, manifests and their merge with flags, and the
// imports read from .wasm files (built from WAT at test time).
#include <gtest/gtest.h>
#include <linux/wasmkm_imports.h>
#include <unistd.h>

#include <fstream>

#include "tests/host/cli/wat_helper.h"
#include "userspace-cli/app_imports.h"
#include "userspace-cli/caps.h"
#include "userspace-cli/load_options.h"
#include "userspace-cli/manifest.h"

namespace {

using wasmctl::CapSpec;

CapSpec Cap(const std::string& s) {
  CapSpec c;
  std::string error;
  EXPECT_TRUE(wasmctl::ParseCap(s, &c, &error)) << s << ": " << error;
  return c;
}

TEST(Cap, Forms) {
  CapSpec c = Cap("fs:/data");
  EXPECT_EQ(c.host, "/data");
  EXPECT_EQ(c.guest, "/data");
  EXPECT_FALSE(c.ro);
  c = Cap("fs:/srv/x:/data");
  EXPECT_EQ(c.host, "/srv/x");
  EXPECT_EQ(c.guest, "/data");
  c = Cap("fs:/etc/app:ro");
  EXPECT_EQ(c.guest, "/etc/app");
  EXPECT_TRUE(c.ro);
  c = Cap("fs:rel/dir:/config:ro");
  EXPECT_EQ(c.host, "rel/dir");
  EXPECT_EQ(c.guest, "/config");
  EXPECT_TRUE(c.ro);
}

TEST(Cap, Errors) {
  for (const char* bad : {"fs:", "fs:/a:/b:/c", "fs:/a::ro", "/data", "fs:/a:"}) {
    CapSpec c;
    std::string error;
    EXPECT_FALSE(wasmctl::ParseCap(bad, &c, &error)) << bad;
    EXPECT_NE(error.find(bad), std::string::npos) << error;
    EXPECT_NE(error.find("fs:HOSTDIR"), std::string::npos) << error;
  }
}

TEST(Cap, WhatImportsNeed) {
  EXPECT_EQ(wasmctl::ImportNeed({"wasi_snapshot_preview1", "path_open", "func"}), "fs");
  EXPECT_EQ(wasmctl::ImportNeed({"wasi_snapshot_preview1", "fd_write", "func"}), "");
  EXPECT_EQ(wasmctl::ImportNeed({"wasi_snapshot_preview1", "sock_recv", "func"}), "net");
  std::vector<wasmctl::Import> im = {{"wasi_snapshot_preview1", "path_open", "func"},
                                     {"wasi_snapshot_preview1", "fd_read", "func"}};
  auto missing = wasmctl::UnsatisfiedImports(im, {});
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("path_open"), std::string::npos);
  EXPECT_NE(missing[0].find("--cap fs:"), std::string::npos);
  EXPECT_TRUE(wasmctl::UnsatisfiedImports(im, {Cap("fs:/data")}).empty());
}

// The capability an import needs comes from the uapi list's column: each
// named kind is one wasmctl can grant (then ImportNeed names it) or is told
// as not grantable yet; every path_* import needs fs.
TEST(Cap, ImportNeedFromUapi) {
  struct Entry {
    const char* name;
    std::string cap;
  };
#define ENTRY(mod, name, sig, cap) Entry{#name, #cap},
  const Entry entries[] = {WASMKM_IMPORTS(ENTRY)};
#undef ENTRY
  for (const Entry& e : entries) {
    std::string need = wasmctl::ImportNeed({WASMKM_WASI_MODULE, e.name, "func"});
    if (e.cap == "none")
      EXPECT_EQ(need, "") << e.name;
    else if (wasmctl::FindCapKind(e.cap))
      EXPECT_EQ(need, e.cap) << e.name;
    else
      EXPECT_NE(need.find("no capability grants"), std::string::npos) << e.name << ": " << need;
    if (std::string(e.name).rfind("path_", 0) == 0) {
      EXPECT_EQ(e.cap, "fs") << e.name;
    }
  }
  EXPECT_EQ(wasmctl::ImportNeed({"env", "path_open", "func"}), "");
}

wasmctl::Manifest Parse(const std::string& text) {
  wasmctl::Manifest m;
  std::string error;
  EXPECT_TRUE(wasmctl::ParseManifest(text, "m.toml", &m, &error)) << error;
  return m;
}

std::string ParseError(const std::string& text) {
  wasmctl::Manifest m;
  std::string error;
  EXPECT_FALSE(wasmctl::ParseManifest(text, "m.toml", &m, &error)) << text;
  return error;
}

TEST(Manifest, Keys) {
  wasmctl::Manifest m = Parse(
      "# comment\n"
      "args = [\"-v\", \"a b\", \"q\\\"x\"]  # trailing comment\n"
      "env = [\n  \"A=1\",\n  \"B=#not a comment\",\n]\n"
      "caps = [\"fs:/data\"]\n"
      "mem-max = \"16M\"\n");
  ASSERT_TRUE(m.args.has_value());
  EXPECT_EQ(*m.args, (std::vector<std::string>{"-v", "a b", "q\"x"}));
  EXPECT_EQ(m.env, (std::vector<std::string>{"A=1", "B=#not a comment"}));
  EXPECT_EQ(m.caps, (std::vector<std::string>{"fs:/data"}));
  EXPECT_EQ(m.mem_max.value_or(""), "16M");
  EXPECT_EQ(Parse("mem-max = 1048576\n").mem_max.value_or(""), "1048576");
  EXPECT_FALSE(Parse("").args.has_value());
}

TEST(Manifest, ErrorsNameFileAndLine) {
  EXPECT_NE(ParseError("\n\nfoo = 1\n").find("m.toml:3: unknown key foo"), std::string::npos);
  EXPECT_NE(ParseError("caps = \"fs:/x\"\n").find("m.toml:1: caps takes an array"),
            std::string::npos);
  EXPECT_NE(ParseError("args = [\"a\"\n").find("m.toml:"), std::string::npos);
  EXPECT_NE(ParseError("[table]\n").find("tables are not supported"), std::string::npos);
  // toml++'s own words, with file:line:column
  EXPECT_EQ(ParseError("args = [\"a\"] x\n").rfind("m.toml:1:", 0), 0u);
  EXPECT_NE(ParseError("env = [\"a\\q\"]\n").find("unknown escape"), std::string::npos);
}

TEST(Manifest, NameAndRestart) {
  wasmctl::Manifest m = Parse(
      "name = \"sensor\"\n"
      "restart = \"on-failure\"\n"
      "restart-delay = 200\n"
      "restart-max-delay = 5000\n"
      "restart-burst = 3\n"
      "restart-interval = 60000\n");
  EXPECT_EQ(m.name.value_or(""), "sensor");
  EXPECT_EQ(m.restart.policy, uint32_t(WASMKM_RESTART_ON_FAILURE));
  EXPECT_EQ(m.restart.delay_ms, 200u);
  EXPECT_EQ(m.restart.delay_max_ms, 5000u);
  EXPECT_EQ(m.restart.burst, 3u);
  EXPECT_EQ(m.restart.interval_ms, 60000u);
  EXPECT_EQ(Parse("restart = \"always\"\n").restart.policy, uint32_t(WASMKM_RESTART_ALWAYS));
  EXPECT_NE(ParseError("\nrestart = \"sometimes\"\n").find("m.toml:2: restart: takes"),
            std::string::npos);
  EXPECT_NE(ParseError("restart-burst = 0\n").find("m.toml:1: restart-burst: takes a number"),
            std::string::npos);
  EXPECT_NE(ParseError("restart-delay = \"1s\"\n").find("m.toml:1: restart-delay"),
            std::string::npos);
  EXPECT_NE(ParseError("name = 3\n").find("m.toml:1: name: takes a string"), std::string::npos);
}

TEST(Manifest, RestartFlagsOverride) {
  clitest::TempDir dir;
  std::string path = dir.path() + "/app.toml";
  std::ofstream(path) << "name = \"svc\"\nrestart = \"on-failure\"\nrestart-delay = 50\n";
  wasmctl::LoadOptions o;
  std::string error;
  ASSERT_TRUE(wasmctl::ParseLoadOptions({"app.wasm", "-m", path}, &o, &error)) << error;
  EXPECT_EQ(o.name, "svc");
  EXPECT_EQ(o.restart.policy, uint32_t(WASMKM_RESTART_ON_FAILURE));
  EXPECT_EQ(o.restart.delay_ms, 50u);
  ASSERT_TRUE(wasmctl::ParseLoadOptions(
      {"app.wasm", "-m", path, "--restart", "always", "--restart-burst", "9", "--name", "x"}, &o,
      &error))
      << error;
  EXPECT_EQ(o.name, "x");
  EXPECT_EQ(o.restart.policy, uint32_t(WASMKM_RESTART_ALWAYS));
  EXPECT_EQ(o.restart.delay_ms, 50u);
  EXPECT_EQ(o.restart.burst, 9u);
  // the manifest's numbers without a policy, and a delay over its cap
  std::ofstream(path) << "restart-delay = 50\n";
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"app.wasm", "-m", path}, &o, &error));
  EXPECT_NE(error.find(path + ":1: restart-* numbers go with"), std::string::npos) << error;
  EXPECT_FALSE(wasmctl::ParseLoadOptions(
      {"app.wasm", "--restart", "always", "--restart-delay", "900", "--restart-max-delay", "100"},
      &o, &error));
  EXPECT_NE(error.find("restart-delay is over restart-max-delay"), std::string::npos) << error;
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"app.wasm", "--restart", "maybe"}, &o, &error));
  EXPECT_NE(error.find("--restart: restart policy 'maybe'"), std::string::npos) << error;
}

TEST(Manifest, FlagsOverride) {
  clitest::TempDir dir;
  std::string path = dir.path() + "/app.toml";
  std::ofstream(path) << "args = [\"from-file\"]\n"
                         "env = [\"A=file\", \"B=file\"]\n"
                         "caps = [\"fs:/srv/a:/data\", \"fs:/etc/x:/config:ro\"]\n"
                         "mem-max = \"16M\"\n";
  wasmctl::LoadOptions o;
  std::string error;
  ASSERT_TRUE(wasmctl::ParseLoadOptions({"app.wasm", "-m", path, "--arg", "flag", "--env", "B=flag",
                                         "--cap", "fs:/tmp:/data", "--mem-max", "1M"},
                                        &o, &error))
      << error;
  EXPECT_EQ(o.argv, (std::vector<std::string>{"app", "flag"}));
  EXPECT_EQ(o.env, (std::vector<std::string>{"A=file", "B=flag"}));
  ASSERT_EQ(o.caps.size(), 2u);
  EXPECT_EQ(o.caps[0].host, "/etc/x");
  EXPECT_TRUE(o.caps[0].ro);
  EXPECT_EQ(o.caps[1].host, "/tmp");
  EXPECT_EQ(o.caps[1].guest, "/data");
  EXPECT_EQ(o.mem_max_pages, 16u);
  // without flags, the file's values
  ASSERT_TRUE(wasmctl::ParseLoadOptions({"app.wasm", "--manifest", path}, &o, &error)) << error;
  EXPECT_EQ(o.argv, (std::vector<std::string>{"app", "from-file"}));
  EXPECT_EQ(o.mem_max_pages, 256u);
  unlink(path.c_str());
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"app.wasm", "-m", path}, &o, &error));
  EXPECT_NE(error.find(path), std::string::npos);
}

TEST(AppImports, FromWasm) {
  std::vector<uint8_t> bytes;
  std::string error;
  ASSERT_TRUE(
      clitest::WatToWasm("(module\n"
                         "  (import \"wasi_snapshot_preview1\" \"path_open\"\n"
                         "    (func (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))\n"
                         "  (import \"env\" \"mem\" (memory 1 2))\n"
                         "  (import \"env\" \"g\" (global i32)))\n",
                         &bytes, &error))
      << error;
  std::string wasm(bytes.begin(), bytes.end());
  std::vector<wasmctl::Import> im;
  ASSERT_TRUE(wasmctl::ReadWasmImports(wasm, &im, &error)) << error;
  ASSERT_EQ(im.size(), 3u);
  EXPECT_EQ(im[0].name, "path_open");
  EXPECT_EQ(im[0].kind, "func");
  EXPECT_EQ(im[1].kind, "memory");
  EXPECT_EQ(im[2].kind, "global");
  // every truncation is an error, never a crash
  for (size_t len = 9; len < wasm.size(); len++) {
    std::vector<wasmctl::Import> part;
    if (wasmctl::ReadWasmImports(wasm.substr(0, len), &part, &error)) {
      EXPECT_LE(part.size(), 3u);
    }
  }
  EXPECT_FALSE(wasmctl::ReadWasmImports("not wasm", &im, &error));
  EXPECT_FALSE(
      wasmctl::ReadWkoImports("\x7f"
                              "ELF",
                              &im, &error));
}

}  // namespace
