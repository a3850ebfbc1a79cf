// SPDX-License-Identifier: GPL-2.0
// ELF section lookup and the obj_sha256 patch, on an object built by the
// host C compiler at test time.
#include "aotc/obj_digest.h"

#include <gtest/gtest.h>
#include <linux/wasmkm_object.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "aotc/descriptor.h"
#include "aotc/kbuild.h"
#include "aotc/sha256.h"
#include "tests/host/cli/wat_helper.h"

namespace {

TEST(ObjDigest, PatchesDescriptorSection) {
  aotc::Descriptor d;
  d.app_name = "t";
  d.module_name = "wasm_t_000000000000";
  std::vector<uint8_t> desc;
  std::string error;
  ASSERT_TRUE(aotc::SerializeDescriptor(d, &desc, &error));
  std::string c =
      "__attribute__((section(\".wasmkm.desc\"), used, aligned(8)))\n"
      "const unsigned char wasmkm_desc[] = {";
  for (uint8_t b : desc) c += std::to_string(b) + ",";
  c += "};\nint other = 1;\n";
  clitest::TempDir dir;
  ASSERT_TRUE(clitest::WriteText(dir.path() + "/d.c", c));
  std::string out;
  ASSERT_EQ(aotc::RunCapture({"cc", "-c", "-o", dir.path() + "/d.o", dir.path() + "/d.c"}, &out), 0)
      << out;
  std::ifstream f(dir.path() + "/d.o", std::ios::binary);
  std::vector<uint8_t> elf((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());

  uint64_t off = 0, size = 0;
  ASSERT_TRUE(aotc::FindElfSection(elf, WASMKM_DESC_SECTION, &off, &size, &error)) << error;
  ASSERT_EQ(size, desc.size());
  EXPECT_EQ(memcmp(&elf[off], desc.data(), desc.size()), 0);

  std::vector<uint8_t> patched = elf;
  ASSERT_TRUE(aotc::PatchObjDigest(&patched, &error)) << error;
  // The digest is over the file with the field zeroed, and only that field changed.
  std::vector<uint8_t> zeroed = patched;
  memset(&zeroed[off + aotc::DescObjShaOffset()], 0, 32);
  EXPECT_EQ(zeroed, elf);
  aotc::Sha256Digest want = aotc::Sha256Of(elf.data(), elf.size());
  EXPECT_EQ(memcmp(&patched[off + aotc::DescObjShaOffset()], want.data(), 32), 0);
  // Patching again gives the same bytes.
  std::vector<uint8_t> again = patched;
  ASSERT_TRUE(aotc::PatchObjDigest(&again, &error));
  EXPECT_EQ(again, patched);
}

TEST(ObjDigest, RefusesNonElfAndMissingSection) {
  std::vector<uint8_t> junk(100, 0);
  uint64_t off, size;
  std::string error;
  EXPECT_FALSE(aotc::FindElfSection(junk, ".x", &off, &size, &error));
  EXPECT_NE(error.find("ELF"), std::string::npos);
  EXPECT_FALSE(aotc::PatchObjDigest(&junk, &error));
}

TEST(Kbuild, X86FlagsOnlyForAppCode) {
  aotc::KbuildInput in;
  in.module_name = "wasm_hello_0123456789ab";
  in.arch = "x86";
  in.include_dir = "/src/wasmkm";
  std::string k = aotc::KbuildFile(in);
  EXPECT_NE(k.find("obj-m := wasm_hello_0123456789ab.o\n"), std::string::npos);
  EXPECT_NE(k.find("wasm_hello_0123456789ab-y := app_main.o app_code.o\n"), std::string::npos);
  EXPECT_NE(k.find("-I/src/wasmkm/kmod/include -I/src/wasmkm/uapi"), std::string::npos);
  EXPECT_NE(k.find("CFLAGS_app_code.o += -msse -msse2 -mhard-float -mpreferred-stack-boundary=3 "
                   "-fno-math-errno -ffp-contract=off"),
            std::string::npos);
  EXPECT_EQ(k.find("CFLAGS_app_main"), std::string::npos);
}

TEST(Kbuild, Arm64RemovesGeneralRegsOnly) {
  aotc::KbuildInput in;
  in.module_name = "m";
  in.arch = "arm64";
  in.include_dir = "/i";
  std::string k = aotc::KbuildFile(in);
  EXPECT_NE(k.find("CFLAGS_REMOVE_app_code.o += -mgeneral-regs-only"), std::string::npos);
  EXPECT_NE(k.find("-ffreestanding -isystem $(shell $(CC) -print-file-name=include)"),
            std::string::npos);
  EXPECT_EQ(k.find("-msse"), std::string::npos);
}

TEST(Kbuild, AppMainCarriesDescriptor) {
  aotc::KbuildInput in;
  in.app_name = "he\"llo";
  in.desc = {0x57, 0x53, 0x4b, 0x4d};
  std::string c = aotc::AppMainC(in);
  EXPECT_NE(c.find("module_param(wasmkm_app, uint, 0444);"), std::string::npos);
  EXPECT_NE(c.find("__used __section(\".wasmkm.desc\") __aligned(8)"), std::string::npos);
  EXPECT_NE(c.find("0x57, 0x53, 0x4b, 0x4d,"), std::string::npos);
  EXPECT_NE(c.find("wasmkm_attach(THIS_MODULE, wasmkm_desc, sizeof(wasmkm_desc),"),
            std::string::npos);
  EXPECT_NE(c.find("wasmkm_detach(THIS_MODULE);"), std::string::npos);
  EXPECT_NE(c.find("MODULE_LICENSE(\"GPL\");"), std::string::npos);
  EXPECT_NE(c.find("MODULE_DESCRIPTION(\"wasmkm app he\\\"llo\");"), std::string::npos);
}

}  // namespace
