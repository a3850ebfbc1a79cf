// SPDX-License-Identifier: GPL-2.0
// aotc command line.
#include "aotc/options.h"

#include <gtest/gtest.h>

namespace {

TEST(AotcOptions, Full) {
  aotc::Options o;
  std::string error;
  ASSERT_TRUE(aotc::ParseOptions(
      {"a.wasm", "-o", "a.wko", "--kdir", "/k", "--arch=arm64", "--cross-compile", "x-", "--name",
       "n", "--keep-build", "/b", "--include-dir", "/i", "--symvers", "/s", "-v"},
      &o, &error))
      << error;
  EXPECT_EQ(o.input, "a.wasm");
  EXPECT_EQ(o.output, "a.wko");
  EXPECT_EQ(o.kdir, "/k");
  EXPECT_EQ(o.arch, "arm64");
  EXPECT_EQ(o.cross_compile, "x-");
  EXPECT_EQ(o.name, "n");
  EXPECT_EQ(o.keep_build, "/b");
  EXPECT_EQ(o.include_dir, "/i");
  EXPECT_EQ(o.symvers, "/s");
  EXPECT_TRUE(o.verbose);
}

TEST(AotcOptions, Errors) {
  std::string error;
  aotc::Options o1;
  EXPECT_FALSE(aotc::ParseOptions({"a.wasm", "-o", "x", "--frobnicate"}, &o1, &error));
  EXPECT_NE(error.find("--frobnicate"), std::string::npos);
  aotc::Options o2;
  EXPECT_FALSE(aotc::ParseOptions({"a.wasm"}, &o2, &error));
  EXPECT_NE(error.find("-o"), std::string::npos);
  aotc::Options o3;
  EXPECT_FALSE(aotc::ParseOptions({"a.wasm", "-o", "x", "--arch", "mips"}, &o3, &error));
  EXPECT_NE(error.find("mips"), std::string::npos);
  aotc::Options o4;
  EXPECT_FALSE(aotc::ParseOptions({"a.wasm", "-o"}, &o4, &error));
  aotc::Options o5;
  EXPECT_FALSE(aotc::ParseOptions({"a.wasm", "b.wasm", "-o", "x"}, &o5, &error));
  aotc::Options o6;
  EXPECT_TRUE(aotc::ParseOptions({"--help"}, &o6, &error));
  EXPECT_TRUE(o6.help);
}

TEST(AotcOptions, FileStem) {
  EXPECT_EQ(aotc::FileStem("/a/b/sensor.wasm"), "sensor");
  EXPECT_EQ(aotc::FileStem("x.y.wasm"), "x.y");
  EXPECT_EQ(aotc::FileStem("plain"), "plain");
  EXPECT_EQ(aotc::FileStem(".hidden"), ".hidden");
}

}  // namespace

namespace {

// The help text tells what aotc does: SIMD is compiled, not refused.
TEST(AotcOptions, HelpSaysSimdIsSupported) {
  std::string usage = aotc::kAotcUsage;
  EXPECT_EQ(usage.find("SIMD is not supported"), std::string::npos);
  EXPECT_NE(usage.find("SIMD (v128) is"), std::string::npos);
}

}  // namespace
