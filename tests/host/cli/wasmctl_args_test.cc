// SPDX-License-Identifier: GPL-2.0
// wasmctl: argument parsing, load options, cache key and dir, trap texts.
#include <gtest/gtest.h>
#include <linux/wasmkm.h>

#include "userspace-cli/args.h"
#include "userspace-cli/cache.h"
#include "userspace-cli/format.h"
#include "userspace-cli/load_options.h"
#include "userspace-cli/output.h"
#include "userspace-cli/trap_text.h"

namespace {

uint32_t Pages(const std::string& s) {
  uint32_t p = 0;
  std::string error;
  EXPECT_TRUE(wasmctl::ParseMemMax(s, &p, &error)) << s << ": " << error;
  return p;
}

bool MemMaxFails(const std::string& s) {
  uint32_t p;
  std::string error;
  bool ok = wasmctl::ParseMemMax(s, &p, &error);
  if (!ok) {
    EXPECT_NE(error.find("--mem-max"), std::string::npos);
  }
  return !ok;
}

TEST(MemMax, Sizes) {
  EXPECT_EQ(Pages("64M"), 1024u);
  EXPECT_EQ(Pages("64MiB"), 1024u);
  EXPECT_EQ(Pages("1G"), 16384u);
  EXPECT_EQ(Pages("4G"), 65536u);
  EXPECT_EQ(Pages("64K"), 1u);
  EXPECT_EQ(Pages("65K"), 2u);  // rounded up
  EXPECT_EQ(Pages("1"), 1u);
  EXPECT_EQ(Pages("65536"), 1u);
  EXPECT_EQ(Pages("65537"), 2u);
  EXPECT_EQ(Pages("16P"), 16u);
  EXPECT_EQ(Pages("512k"), 8u);
}

TEST(MemMax, Errors) {
  EXPECT_TRUE(MemMaxFails(""));
  EXPECT_TRUE(MemMaxFails("0"));
  EXPECT_TRUE(MemMaxFails("M"));
  EXPECT_TRUE(MemMaxFails("-1M"));
  EXPECT_TRUE(MemMaxFails("5G"));
  EXPECT_TRUE(MemMaxFails("12Q"));
  EXPECT_TRUE(MemMaxFails("99999999999999999999999999999G"));
}

TEST(Env, Format) {
  std::string error;
  EXPECT_TRUE(wasmctl::ParseEnv("K=V", &error));
  EXPECT_TRUE(wasmctl::ParseEnv("K=", &error));
  EXPECT_TRUE(wasmctl::ParseEnv("K=a=b", &error));
  EXPECT_FALSE(wasmctl::ParseEnv("=V", &error));
  EXPECT_NE(error.find("KEY=VALUE"), std::string::npos);
  EXPECT_FALSE(wasmctl::ParseEnv("NOVALUE", &error));
  EXPECT_NE(error.find("NOVALUE"), std::string::npos);
}

TEST(Flags, UnknownAndMissing) {
  wasmctl::ParsedArgs p;
  std::string error;
  EXPECT_FALSE(wasmctl::ParseFlags({"x", "--nope"}, {{"--a", true}}, &p, &error));
  EXPECT_EQ(error, "unknown option --nope");
  wasmctl::ParsedArgs p2;
  EXPECT_FALSE(wasmctl::ParseFlags({"--a"}, {{"--a", true}}, &p2, &error));
  EXPECT_NE(error.find("--a"), std::string::npos);
  wasmctl::ParsedArgs p3;
  EXPECT_FALSE(wasmctl::ParseFlags({"--s=1"}, {{"--s", false}}, &p3, &error));
  wasmctl::ParsedArgs p4;
  ASSERT_TRUE(
      wasmctl::ParseFlags({"--a=1", "--a", "2", "--", "--a"}, {{"--a", true}}, &p4, &error));
  EXPECT_EQ(p4.flags["--a"], (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(p4.positional, (std::vector<std::string>{"--a"}));
}

TEST(Ids, Parse) {
  uint32_t id;
  std::string error;
  EXPECT_TRUE(wasmctl::ParseId("42", "app", &id, &error));
  EXPECT_EQ(id, 42u);
  EXPECT_FALSE(wasmctl::ParseId("4x", "app", &id, &error));
  EXPECT_FALSE(wasmctl::ParseId("", "app", &id, &error));
  EXPECT_FALSE(wasmctl::ParseId("4294967296", "app", &id, &error));
}

TEST(LoadOptions, Full) {
  wasmctl::LoadOptions o;
  std::string error;
  ASSERT_TRUE(wasmctl::ParseLoadOptions({"dir/sensor.wasm", "--arg", "a b", "--arg=-x", "--env",
                                         "K=V", "--mem-max", "64M", "--wait", "--json"},
                                        &o, &error))
      << error;
  EXPECT_EQ(o.file, "dir/sensor.wasm");
  EXPECT_EQ(o.argv, (std::vector<std::string>{"sensor", "a b", "-x"}));
  EXPECT_EQ(o.env, (std::vector<std::string>{"K=V"}));
  EXPECT_EQ(o.mem_max_pages, 1024u);
  EXPECT_TRUE(o.start);
  EXPECT_TRUE(o.wait);
  EXPECT_TRUE(wasmctl::g_opts.json);  // the global switch, after the command too
  EXPECT_EQ(wasmctl::NulBlob(o.argv), std::string("sensor\0a b\0-x\0", 14));
}

TEST(LoadOptions, Errors) {
  std::string error;
  wasmctl::LoadOptions o1;
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"a.wko", "--env", "BAD"}, &o1, &error));
  EXPECT_NE(error.find("--env BAD"), std::string::npos);
  wasmctl::LoadOptions o2;
  EXPECT_FALSE(wasmctl::ParseLoadOptions({}, &o2, &error));
  wasmctl::LoadOptions o3;
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"a.wko", "--no-start", "--wait"}, &o3, &error));
  wasmctl::LoadOptions o4;
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"a.wko", "--cap", "net:80"}, &o4, &error));
  EXPECT_NE(error.find("--cap"), std::string::npos);
  wasmctl::LoadOptions o5;
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"a.wko", "--mem-max", "lots"}, &o5, &error));
  wasmctl::LoadOptions o6;
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"a.wko", "--arg", std::string(70000, 'x')}, &o6, &error));
}

TEST(Cache, KeyDependsOnEveryField) {
  aotc::Sha256Digest a{}, b{};
  b[31] = 1;
  std::string k = wasmctl::CacheKey(a, "6.1.0-56-amd64", "x86_64", 1);
  EXPECT_EQ(k.size(), 64u);
  EXPECT_EQ(k, wasmctl::CacheKey(a, "6.1.0-56-amd64", "x86_64", 1));
  EXPECT_NE(k, wasmctl::CacheKey(b, "6.1.0-56-amd64", "x86_64", 1));
  EXPECT_NE(k, wasmctl::CacheKey(a, "6.1.0-57-amd64", "x86_64", 1));
  EXPECT_NE(k, wasmctl::CacheKey(a, "6.1.0-56-amd64", "aarch64", 1));
  EXPECT_NE(k, wasmctl::CacheKey(a, "6.1.0-56-amd64", "x86_64", 2));
  // Field boundaries matter.
  EXPECT_NE(wasmctl::CacheKey(a, "ab", "c", 1), wasmctl::CacheKey(a, "a", "bc", 1));
}

TEST(StartOverrides, ArgvEnv) {
  wasmctl::StartOverrides o;
  std::string error;
  // Neither: the app's argv and env.
  ASSERT_TRUE(wasmctl::ParseStartOverrides({}, {}, "echo", &o, &error)) << error;
  EXPECT_FALSE(o.has_argv);
  EXPECT_FALSE(o.has_env);
  // --arg: argv[0] is the app's name; --env alone keeps the app's argv.
  ASSERT_TRUE(wasmctl::ParseStartOverrides({"a", ""}, {}, "echo", &o, &error)) << error;
  EXPECT_TRUE(o.has_argv);
  EXPECT_FALSE(o.has_env);
  EXPECT_EQ(o.argv, (std::vector<std::string>{"echo", "a", ""}));
  ASSERT_TRUE(wasmctl::ParseStartOverrides({}, {"K=1", "J=", "K=2"}, "echo", &o, &error)) << error;
  EXPECT_FALSE(o.has_argv);
  EXPECT_TRUE(o.has_env);
  EXPECT_EQ(o.env, (std::vector<std::string>{"J=", "K=2"}));  // the later K wins
}

TEST(StartOverrides, Refused) {
  wasmctl::StartOverrides o;
  std::string error;
  EXPECT_FALSE(wasmctl::ParseStartOverrides({}, {"NOEQUALS"}, "echo", &o, &error));
  EXPECT_NE(error.find("NOEQUALS"), std::string::npos) << error;
  std::string big(WASMKM_ARGS_MAX, 'x');
  EXPECT_FALSE(wasmctl::ParseStartOverrides({big}, {}, "echo", &o, &error));
  EXPECT_NE(error.find("--arg"), std::string::npos) << error;
  EXPECT_FALSE(wasmctl::ParseStartOverrides({}, {"K=" + big}, "echo", &o, &error));
  EXPECT_NE(error.find("--env"), std::string::npos) << error;
  // Just at the limit: "echo\0" + 65530 bytes + NUL.
  EXPECT_TRUE(
      wasmctl::ParseStartOverrides({std::string(WASMKM_ARGS_MAX - 6, 'x')}, {}, "echo", &o, &error))
      << error;
}

TEST(Cache, Dir) {
  EXPECT_EQ(wasmctl::CacheDirFor("/c", "/x", "/h", true), "/c");
  EXPECT_EQ(wasmctl::CacheDirFor("", nullptr, "/h", true), "/var/cache/wasmkm");
  EXPECT_EQ(wasmctl::CacheDirFor(nullptr, "/x", "/h", false), "/x/wasmkm");
  EXPECT_EQ(wasmctl::CacheDirFor(nullptr, nullptr, "/h", false), "/h/.cache/wasmkm");
  EXPECT_EQ(wasmctl::CacheDirFor(nullptr, "", "/h", false), "/h/.cache/wasmkm");
}

TEST(TrapText, MatchesSpecTexts) {
  EXPECT_STREQ(wasmctl::TrapText(WASMKM_TRAP_UNREACHABLE), "unreachable");
  EXPECT_STREQ(wasmctl::TrapText(WASMKM_TRAP_MEM_OOB), "out of bounds memory access");
  EXPECT_STREQ(wasmctl::TrapText(WASMKM_TRAP_DIV_ZERO), "integer divide by zero");
  EXPECT_STREQ(wasmctl::TrapText(WASMKM_TRAP_INT_OVERFLOW), "integer overflow");
  EXPECT_STREQ(wasmctl::TrapText(WASMKM_TRAP_INVALID_CONV), "invalid conversion to integer");
  EXPECT_STREQ(wasmctl::TrapText(WASMKM_TRAP_STACK), "call stack exhausted");
  for (uint32_t k = 1; k <= WASMKM_TRAP_KIND_MAX; k++)
    EXPECT_STRNE(wasmctl::TrapText(k), "unknown trap") << k;
  EXPECT_STREQ(wasmctl::TrapText(WASMKM_TRAP_KIND_MAX + 1), "unknown trap");
}

// uapi's WASMKM_TRAPS is the one list: numbered 1..WASMKM_TRAP_KIND_MAX
// without gaps, one text each, and wasmctl prints those texts.
TEST(TrapText, OneListInUapi) {
  struct Trap {
    uint32_t number;
    const char* text;
  };
#define TRAP_ENTRY(name, number, text) Trap{number, text},
  const Trap traps[] = {WASMKM_TRAPS(TRAP_ENTRY)};
#undef TRAP_ENTRY
  ASSERT_EQ(std::size(traps), size_t{WASMKM_TRAP_KIND_MAX});
  for (size_t i = 0; i < std::size(traps); i++) {
    EXPECT_EQ(traps[i].number, i + 1);
    EXPECT_STREQ(wasmctl::TrapText(traps[i].number), traps[i].text);
  }
}

TEST(Format, Json) {
  EXPECT_EQ(wasmctl::JsonString("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000a\"");
  char f[4] = {'a', 'b', 'c', 'd'};
  EXPECT_EQ(wasmctl::FieldString(f, 4), "abcd");
  EXPECT_EQ(wasmctl::FieldString("ab\0cd", 5), "ab");
}

}  // namespace
