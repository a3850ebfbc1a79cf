// SPDX-License-Identifier: GPL-2.0
// The whole aotc pipeline on a WAT app, against the kernel headers the top
// Makefile uses ($KDIR, else the newest /usr/src/linux-headers-*-amd64).
// Skipped when there are none.  The symbols wasmkm.ko exports come from a
// generated Module.symvers, so wasmkm.ko need not be built.
#include "aotc/compile.h"

#include <gtest/gtest.h>
#include <linux/wasmkm_object.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "aotc/descriptor.h"
#include "aotc/obj_digest.h"
#include "aotc/sha256.h"
#include "tests/host/cli/wat_helper.h"

namespace fs = std::filesystem;

namespace {

std::string FindKdir() {
  const char* env = getenv("KDIR");
  if (env && fs::exists(fs::path(env) / "Makefile")) return env;
  std::string best;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/usr/src", ec)) {
    std::string n = e.path().filename().string();
    if (n.rfind("linux-headers-", 0) == 0 && n.size() > 6 &&
        n.compare(n.size() - 6, 6, "-amd64") == 0 && fs::exists(e.path() / "Makefile"))
      best = std::max(best, e.path().string());
  }
  return best;
}

std::vector<uint8_t> ReadAll(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

TEST(Compile, WatToWkoWithValidDescriptorAndDigest) {
  std::string kdir = FindKdir();
  if (kdir.empty()) GTEST_SKIP() << "no kernel headers (set KDIR)";
  clitest::TempDir dir;
  std::string symvers;
  for (const char* s :
       {"wasmkm_attach", "wasmkm_detach", "wasmkm_trap", "wasmkm_tick", "wasmkm_entry_slow",
        "wasmkm_memory_grow", "wasmkm_wasi_fd_write", "wasmkm_wasi_proc_exit"})
    symvers += std::string("0x00000000\t") + s + "\tkmod/wasmkm\tEXPORT_SYMBOL_GPL\t\n";
  ASSERT_TRUE(clitest::WriteText(dir.path() + "/Module.symvers", symvers));
  std::vector<uint8_t> wasm;
  std::string error;
  ASSERT_TRUE(clitest::WatToWasm(R"((module
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (memory 1 4)
      (func (export "_start") (call $exit (i32.const 3)))))",
                                 &wasm, &error))
      << error;
  std::string in = dir.path() + "/My App.wasm";
  {
    std::ofstream f(in, std::ios::binary);
    f.write(reinterpret_cast<const char*>(wasm.data()), std::streamsize(wasm.size()));
  }
  aotc::Options o;
  o.input = in;
  o.output = dir.path() + "/app.wko";
  o.kdir = kdir;
  o.include_dir = WASMKM_SRC_ROOT;
  o.symvers = dir.path() + "/Module.symvers";
  o.arch = "x86";
  ASSERT_EQ(aotc::Compile(o), aotc::kExitOk);

  std::vector<uint8_t> ko = ReadAll(o.output);
  uint64_t off = 0, size = 0;
  ASSERT_TRUE(aotc::FindElfSection(ko, WASMKM_DESC_SECTION, &off, &size, &error)) << error;
  aotc::Descriptor d;
  ASSERT_TRUE(aotc::ParseDescriptor(&ko[off], size, &d, &error)) << error;
  aotc::Sha256Digest wasm_sha = aotc::Sha256Of(wasm.data(), wasm.size());
  EXPECT_EQ(d.wasm_sha256, wasm_sha);
  EXPECT_EQ(d.app_name, "My App");
  EXPECT_EQ(d.module_name, "wasm_my_app_" + aotc::HexOf(wasm_sha).substr(0, 12));
  EXPECT_EQ(d.machine, aotc::kMachineX86_64);
  EXPECT_EQ(d.flags, uint32_t(WASMKM_DESC_F_MEMORY | WASMKM_DESC_F_START));
  EXPECT_EQ(d.mem_min_pages, 1u);
  EXPECT_EQ(d.mem_max_pages, 4u);
  EXPECT_EQ(d.nfuncs, 2u);
  ASSERT_EQ(d.imports.size(), 1u);
  EXPECT_EQ(d.imports[0].name, "proc_exit");
  // obj_sha256: the file's digest with the field zeroed.
  std::vector<uint8_t> zeroed = ko;
  memset(&zeroed[off + aotc::DescObjShaOffset()], 0, 32);
  EXPECT_EQ(d.obj_sha256, aotc::Sha256Of(zeroed.data(), zeroed.size()));
}

// wasmkm's stack reserve assumes no generated frame is larger than 2 KiB:
// 300 i64 values live across a call need more, and the build must fail.
TEST(Compile, FrameLargerThanTheLimitFailsTheBuild) {
  std::string kdir = FindKdir();
  if (kdir.empty()) GTEST_SKIP() << "no kernel headers (set KDIR)";
  clitest::TempDir dir;
  std::string symvers;
  for (const char* s : {"wasmkm_attach", "wasmkm_detach", "wasmkm_trap", "wasmkm_tick",
                        "wasmkm_entry_slow", "wasmkm_memory_grow", "wasmkm_wasi_sched_yield"})
    symvers += std::string("0x00000000\t") + s + "\tkmod/wasmkm\tEXPORT_SYMBOL_GPL\t\n";
  ASSERT_TRUE(clitest::WriteText(dir.path() + "/Module.symvers", symvers));
  const int n = 300;
  std::string wat =
      "(module (import \"wasi_snapshot_preview1\" \"sched_yield\" (func $y (result i32)))\n"
      "(memory 1) (func (export \"_start\")";
  for (int i = 0; i < n; i++) wat += " (local $l" + std::to_string(i) + " i64)";
  for (int i = 0; i < n; i++)
    wat += "\n(local.set $l" + std::to_string(i) + " (i64.load (i32.const " +
           std::to_string(8 * i) + ")))";
  wat += "\n(drop (call $y))\n(i64.store (i32.const 0)";
  for (int i = 0; i < n - 1; i++) wat += " (i64.add (local.get $l" + std::to_string(i) + ")";
  wat += " (local.get $l" + std::to_string(n - 1) + ")" + std::string(n - 1, ')') + ")))";
  std::vector<uint8_t> wasm;
  std::string error;
  ASSERT_TRUE(clitest::WatToWasm(wat, &wasm, &error)) << error;
  std::string in = dir.path() + "/big.wasm";
  std::ofstream(in, std::ios::binary)
      .write(reinterpret_cast<const char*>(wasm.data()), std::streamsize(wasm.size()));
  aotc::Options o;
  o.input = in;
  o.output = dir.path() + "/big.wko";
  o.kdir = kdir;
  o.include_dir = WASMKM_SRC_ROOT;
  o.symvers = dir.path() + "/Module.symvers";
  o.arch = "x86";
  EXPECT_EQ(aotc::Compile(o), aotc::kExitBuild);
  EXPECT_FALSE(fs::exists(o.output));
}

TEST(Compile, RefusedImportExitCode) {
  clitest::TempDir dir;
  std::vector<uint8_t> wasm;
  std::string error;
  ASSERT_TRUE(clitest::WatToWasm(R"((module (import "env" "f" (func))))", &wasm, &error));
  std::string in = dir.path() + "/bad.wasm";
  std::ofstream(in, std::ios::binary)
      .write(reinterpret_cast<const char*>(wasm.data()), std::streamsize(wasm.size()));
  aotc::Options o;
  o.input = in;
  o.output = dir.path() + "/bad.wko";
  EXPECT_EQ(aotc::Compile(o), aotc::kExitRefused);
  EXPECT_FALSE(fs::exists(o.output));
}

}  // namespace
