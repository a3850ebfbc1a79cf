// SPDX-License-Identifier: GPL-2.0
// wasmctl: the --cap grammar, manifests and their merge with flags, and the
// imports read from .wasm files (built from WAT at test time).
#include <gtest/gtest.h>
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
