// SPDX-License-Identifier: GPL-2.0
// Descriptor serialisation: round trip, layout and bounds checks; module
// name sanitising.
#include "aotc/descriptor.h"

#include <gtest/gtest.h>
#include <linux/wasmkm_object.h>

#include <cstddef>
#include <cstring>

namespace {

aotc::Descriptor Sample() {
  aotc::Descriptor d;
  d.flags = WASMKM_DESC_F_MEMORY | WASMKM_DESC_F_START;
  d.machine = aotc::kMachineAarch64;
  d.mem_min_pages = 2;
  d.mem_max_pages = WASMKM_NO_MAX;
  d.nfuncs = 17;
  for (int i = 0; i < 32; i++) d.wasm_sha256[i] = uint8_t(i);
  d.app_name = "hello";
  d.module_name = aotc::ModuleNameFor("hello", d.wasm_sha256);
  d.imports = {{"wasi_snapshot_preview1", "fd_write", "iiii:i"},
               {"wasi_snapshot_preview1", "proc_exit", "i:"}};
  return d;
}

uint32_t Le32(const std::vector<uint8_t>& b, size_t off) {
  return uint32_t(b[off]) | uint32_t(b[off + 1]) << 8 | uint32_t(b[off + 2]) << 16 |
         uint32_t(b[off + 3]) << 24;
}

void SetLe32(std::vector<uint8_t>* b, size_t off, uint32_t v) {
  for (int i = 0; i < 4; i++) (*b)[off + i] = uint8_t(v >> (8 * i));
}

TEST(Descriptor, RoundTrip) {
  aotc::Descriptor d = Sample(), back;
  std::vector<uint8_t> bytes;
  std::string error;
  ASSERT_TRUE(aotc::SerializeDescriptor(d, &bytes, &error)) << error;
  ASSERT_TRUE(aotc::ParseDescriptor(bytes.data(), bytes.size(), &back, &error)) << error;
  EXPECT_EQ(back.flags, d.flags);
  EXPECT_EQ(back.machine, 183u);
  EXPECT_EQ(back.mem_min_pages, 2u);
  EXPECT_EQ(back.mem_max_pages, WASMKM_NO_MAX);
  EXPECT_EQ(back.nfuncs, 17u);
  EXPECT_EQ(back.wasm_sha256, d.wasm_sha256);
  EXPECT_EQ(back.app_name, "hello");
  EXPECT_EQ(back.module_name, d.module_name);
  ASSERT_EQ(back.imports.size(), 2u);
  EXPECT_EQ(back.imports[0].name, "fd_write");
  EXPECT_EQ(back.imports[0].signature, "iiii:i");
  EXPECT_EQ(back.imports[1].module, "wasi_snapshot_preview1");
  EXPECT_EQ(back.imports[1].signature, "i:");
}

TEST(Descriptor, LayoutLittleEndianAndInBounds) {
  std::vector<uint8_t> b;
  std::string error;
  ASSERT_TRUE(aotc::SerializeDescriptor(Sample(), &b, &error));
  EXPECT_EQ(b.size() % 8, 0u);
  EXPECT_EQ(Le32(b, offsetof(wasmkm_desc, magic)), uint32_t(WASMKM_DESC_MAGIC));
  EXPECT_EQ(memcmp(b.data(), "WSKM", 4), 0);
  EXPECT_EQ(Le32(b, offsetof(wasmkm_desc, version)), uint32_t(WASMKM_DESC_VERSION));
  EXPECT_EQ(Le32(b, offsetof(wasmkm_desc, total_size)), b.size());
  uint32_t imports = Le32(b, offsetof(wasmkm_desc, imports));
  uint32_t strtab = Le32(b, offsetof(wasmkm_desc, strtab));
  uint32_t strtab_size = Le32(b, offsetof(wasmkm_desc, strtab_size));
  EXPECT_EQ(imports, sizeof(wasmkm_desc));
  EXPECT_EQ(strtab, imports + 2 * sizeof(wasmkm_desc_import));
  EXPECT_LE(strtab + strtab_size, b.size());
  EXPECT_EQ(b[strtab + strtab_size - 1], 0);
  for (int i = 0; i < 8; i++) EXPECT_EQ(Le32(b, offsetof(wasmkm_desc, reserved) + 4 * i), 0u);
  for (int i = 0; i < 32; i++) EXPECT_EQ(b[offsetof(wasmkm_desc, obj_sha256) + i], 0);
  EXPECT_EQ(aotc::DescObjShaOffset(), offsetof(wasmkm_desc, obj_sha256));
}

TEST(Descriptor, NoImports) {
  aotc::Descriptor d = Sample(), back;
  d.imports.clear();
  std::vector<uint8_t> b;
  std::string error;
  ASSERT_TRUE(aotc::SerializeDescriptor(d, &b, &error));
  ASSERT_TRUE(aotc::ParseDescriptor(b.data(), b.size(), &back, &error)) << error;
  EXPECT_TRUE(back.imports.empty());
}

TEST(Descriptor, RefusesLongNames) {
  aotc::Descriptor d = Sample();
  d.app_name = std::string(64, 'a');
  std::vector<uint8_t> b;
  std::string error;
  EXPECT_FALSE(aotc::SerializeDescriptor(d, &b, &error));
  EXPECT_NE(error.find("--name"), std::string::npos);
}

class DescriptorCorrupt : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(aotc::SerializeDescriptor(Sample(), &b_, &error));
  }
  bool Parses() {
    aotc::Descriptor d;
    error_.clear();
    return aotc::ParseDescriptor(b_.data(), b_.size(), &d, &error_);
  }
  std::vector<uint8_t> b_;
  std::string error_;
};

TEST_F(DescriptorCorrupt, Truncated) {
  b_.resize(sizeof(wasmkm_desc) - 1);
  EXPECT_FALSE(Parses());
}

TEST_F(DescriptorCorrupt, TotalSizeBeyondBuffer) {
  SetLe32(&b_, offsetof(wasmkm_desc, total_size), uint32_t(b_.size() + 8));
  EXPECT_FALSE(Parses());
}

TEST_F(DescriptorCorrupt, BadMagic) {
  b_[0] ^= 1;
  EXPECT_FALSE(Parses());
  EXPECT_NE(error_.find("magic"), std::string::npos);
}

TEST_F(DescriptorCorrupt, ReservedNotZero) {
  b_[offsetof(wasmkm_desc, reserved) + 5] = 1;
  EXPECT_FALSE(Parses());
}

TEST_F(DescriptorCorrupt, StrtabOutOfBounds) {
  SetLe32(&b_, offsetof(wasmkm_desc, strtab_size), uint32_t(b_.size()));
  EXPECT_FALSE(Parses());
}

TEST_F(DescriptorCorrupt, TooManyImports) {
  SetLe32(&b_, offsetof(wasmkm_desc, nimports), 0x10000000u);
  EXPECT_FALSE(Parses());
}

TEST_F(DescriptorCorrupt, StringOffsetOutsideTable) {
  SetLe32(&b_, sizeof(wasmkm_desc) + offsetof(wasmkm_desc_import, name), 0xfffffu);
  EXPECT_FALSE(Parses());
}

TEST_F(DescriptorCorrupt, UnterminatedString) {
  uint32_t strtab = Le32(b_, offsetof(wasmkm_desc, strtab));
  uint32_t size = Le32(b_, offsetof(wasmkm_desc, strtab_size));
  b_[strtab + size - 1] = 'x';
  EXPECT_FALSE(Parses());
}

TEST_F(DescriptorCorrupt, UnterminatedAppName) {
  memset(&b_[offsetof(wasmkm_desc, app_name)], 'a', 64);
  EXPECT_FALSE(Parses());
}

TEST(ModuleName, Sanitised) {
  aotc::Sha256Digest sha{};
  sha[0] = 0xab;
  sha[5] = 0x01;
  EXPECT_EQ(aotc::ModuleNameFor("hello", sha), "wasm_hello_ab0000000001");
  EXPECT_EQ(aotc::ModuleNameFor("My-App.v2", sha), "wasm_my_app_v2_ab0000000001");
  EXPECT_EQ(aotc::ModuleNameFor("__x__y__", sha), "wasm_x_y_ab0000000001");
  EXPECT_EQ(aotc::ModuleNameFor("***", sha), "wasm_app_ab0000000001");
  EXPECT_EQ(aotc::ModuleNameFor("", sha), "wasm_app_ab0000000001");
  EXPECT_EQ(aotc::ModuleNameFor("caf\xc3\xa9", sha), "wasm_caf_ab0000000001");
}

TEST(ModuleName, LongNamesFit) {
  aotc::Sha256Digest sha{};
  std::string n = aotc::ModuleNameFor(std::string(200, 'z'), sha);
  EXPECT_LT(n.size(), 56u);
  EXPECT_EQ(n.substr(0, 5), "wasm_");
  // A cut that ends in '_' is trimmed.
  std::string name = std::string(36, 'a') + "_b";
  n = aotc::ModuleNameFor(name, sha);
  EXPECT_LT(n.size(), 56u);
  EXPECT_EQ(n, "wasm_" + std::string(36, 'a') + "_000000000000");
  for (char c : n) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
}

}  // namespace
