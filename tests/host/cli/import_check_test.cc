// SPDX-License-Identifier: GPL-2.0
// Reading .wasm with libwabt and checking imports against WASMKM_IMPORTS.
#include "aotc/import_check.h"

#include <gtest/gtest.h>

#include "aotc/valtype.h"
#include "aotc/wasm_module.h"
#include "tests/host/cli/wat_helper.h"

namespace {

// Compiles @wat, reads it and runs the import check.
bool Check(const std::string& wat, std::vector<aotc::DescImport>* imports, std::string* error) {
  std::vector<uint8_t> wasm;
  std::string werr;
  EXPECT_TRUE(clitest::WatToWasm(wat, &wasm, &werr)) << werr;
  wabt::Module module;
  EXPECT_TRUE(aotc::ReadWasm("app.wasm", wasm, &module, error)) << *error;
  return aotc::CheckImports(module, "app.wasm", imports, error);
}

TEST(ImportCheck, HostListExpanded) {
  const auto& list = aotc::HostImports();
  ASSERT_GE(list.size(), 10u);
  bool found = false;
  for (const auto& h : list)
    if (std::string(h.name) == "fd_write") {
      found = true;
      EXPECT_STREQ(h.module, "wasi_snapshot_preview1");
      EXPECT_STREQ(h.signature, "iiii:i");
    }
  EXPECT_TRUE(found);
}

TEST(ImportCheck, AcceptsKernelImports) {
  std::vector<aotc::DescImport> imports;
  std::string error;
  EXPECT_TRUE(Check(R"((module
      (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "clock_time_get" (func (param i32 i64 i32) (result i32)))
      (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
      (memory 1)
      (func (export "_start")))
  )",
                    &imports, &error))
      << error;
  ASSERT_EQ(imports.size(), 3u);
  EXPECT_EQ(imports[0].name, "fd_write");
  EXPECT_EQ(imports[0].signature, "iiii:i");
  EXPECT_EQ(imports[1].signature, "iIi:i");
  EXPECT_EQ(imports[2].signature, "i:");
}

TEST(ImportCheck, RefusesUnknownFunctionNamingIt) {
  std::vector<aotc::DescImport> imports;
  std::string error;
  EXPECT_FALSE(Check(R"((module
      (import "env" "get_sensor" (func (param i32 f64) (result i64)))
      (import "wasi_snapshot_preview1" "sock_accept" (func (param i32 i32 i32) (result i32)))))",
                     &imports, &error));
  EXPECT_NE(error.find("app.wasm"), std::string::npos) << error;
  EXPECT_NE(error.find("env.get_sensor (iF:I)"), std::string::npos) << error;
  EXPECT_NE(error.find("wasi_snapshot_preview1.sock_accept (iii:i)"), std::string::npos) << error;
  // Says what the kernel provides.
  EXPECT_NE(error.find("wasi_snapshot_preview1.fd_write (iiii:i)"), std::string::npos) << error;
}

TEST(ImportCheck, RefusesWrongSignature) {
  std::vector<aotc::DescImport> imports;
  std::string error;
  EXPECT_FALSE(Check(R"((module
      (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32) (result i32)))))",
                     &imports, &error));
  EXPECT_NE(error.find("wasi_snapshot_preview1.fd_write (ii:i)"), std::string::npos) << error;
  EXPECT_NE(error.find("(iiii:i)"), std::string::npos) << error;
}

TEST(ImportCheck, RefusesNonFunctionImports) {
  std::vector<aotc::DescImport> imports;
  std::string error;
  EXPECT_FALSE(Check(R"((module
      (import "env" "memory" (memory 1))
      (import "env" "g" (global i32))))",
                     &imports, &error));
  EXPECT_NE(error.find("env.memory: a memory import"), std::string::npos) << error;
  EXPECT_NE(error.find("env.g: a global import"), std::string::npos) << error;
}

TEST(WasmModule, RefusesGarbageWithFileName) {
  std::vector<uint8_t> junk = {'n', 'o', 't', 'w', 'a', 's', 'm', 0};
  wabt::Module module;
  std::string error;
  EXPECT_FALSE(aotc::ReadWasm("junk.wasm", junk, &module, &error));
  EXPECT_EQ(error.rfind("junk.wasm", 0), 0u) << error;
}

TEST(WasmModule, MemoryLimitsAndStart) {
  std::vector<uint8_t> wasm;
  std::string error;
  ASSERT_TRUE(clitest::WatToWasm(
      R"((module (memory 2 5) (func $main (export "_start")) (func (export "other"))))", &wasm,
      &error))
      << error;
  wabt::Module module;
  ASSERT_TRUE(aotc::ReadWasm("m.wasm", wasm, &module, &error)) << error;
  aotc::MemoryLimits m = aotc::MemoryLimitsOf(module);
  EXPECT_TRUE(m.present);
  EXPECT_EQ(m.min_pages, 2u);
  EXPECT_EQ(m.max_pages, 5u);
  EXPECT_TRUE(aotc::ExportsStart(module));

  ASSERT_TRUE(clitest::WatToWasm("(module (func (export \"f\")))", &wasm, &error)) << error;
  wabt::Module m2;
  ASSERT_TRUE(aotc::ReadWasm("n.wasm", wasm, &m2, &error)) << error;
  EXPECT_FALSE(aotc::MemoryLimitsOf(m2).present);
  EXPECT_EQ(aotc::MemoryLimitsOf(m2).max_pages, 0xffffffffu);
  EXPECT_FALSE(aotc::ExportsStart(m2));
}

TEST(WasmModule, ReadsDebugNames) {
  std::vector<uint8_t> wasm;
  std::string error;
  ASSERT_TRUE(
      clitest::WatToWasm("(module (func $fib (export \"f\")))", &wasm, &error, "--debug-names"))
      << error;
  wabt::Module module;
  ASSERT_TRUE(aotc::ReadWasm("n.wasm", wasm, &module, &error)) << error;
  ASSERT_EQ(module.funcs.size(), 1u);
  EXPECT_EQ(module.funcs[0]->name, "$fib");
}

}  // namespace

// Import and export signatures spell a type with the same letter: the one
// list WASMKM_VALTYPES (v128 was 'v' in import texts and 'V' in exports).
TEST(ImportCheck, SignatureLettersAreTheUapiOnes) {
  std::vector<aotc::DescImport> imports;
  std::string error;
  EXPECT_FALSE(Check(R"((module
      (import "env" "vec" (func (param v128 f32 funcref externref) (result i64)))))",
                     &imports, &error));
  EXPECT_NE(error.find("env.vec (Vfre:I)"), std::string::npos) << error;
#define LETTER_OF(name, letter, slots) {#name, letter},
  const std::pair<std::string, char> uapi[] = {WASMKM_VALTYPES(LETTER_OF)};
#undef LETTER_OF
  for (const auto& [name, letter] : uapi) {
    bool found = false;
    for (wabt::Type t : {wabt::Type::I32, wabt::Type::I64, wabt::Type::F32, wabt::Type::F64,
                         wabt::Type::V128, wabt::Type::FuncRef, wabt::Type::ExternRef})
      if (t.GetName() == name) {
        found = true;
        EXPECT_EQ(aotc::TypeLetter(t), letter) << name;
        EXPECT_EQ(aotc::LetterType(letter), t) << name;
      }
    EXPECT_TRUE(found) << name;
  }
}
