// SPDX-License-Identifier: GPL-2.0
// wasmctl pieces: names, the cache's safety checks, .wko targets, the JSON
// writer, errno texts, the manifest parser (toml++).
#include <elf.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "tests/host/cli/wat_helper.h"
#include "userspace-cli/cache.h"
#include "userspace-cli/device.h"
#include "userspace-cli/load_options.h"
#include "userspace-cli/manifest.h"
#include "userspace-cli/output.h"
#include "userspace-cli/resolve.h"
#include "userspace-cli/wko_info.h"

namespace {

wasmkm_app_info App(uint32_t id, const char* name) {
  wasmkm_app_info a{};
  a.app_id = id;
  snprintf(a.name, sizeof(a.name), "%s", name);
  return a;
}

wasmkm_inst_info Inst(uint32_t id, const char* app, uint32_t state, uint64_t start) {
  wasmkm_inst_info i{};
  i.inst_id = id;
  i.state = state;
  i.start_ns = start;
  snprintf(i.app_name, sizeof(i.app_name), "%s", app);
  return i;
}

TEST(Names, AppByNameOrId) {
  std::vector<wasmkm_app_info> apps = {App(3, "greet"), App(4, "sensor"), App(5, "sensor")};
  uint32_t id = 0;
  std::string error;
  ASSERT_TRUE(wasmctl::FindApp(apps, "greet", &id, &error)) << error;
  EXPECT_EQ(id, 3u);
  ASSERT_TRUE(wasmctl::FindApp(apps, "17", &id, &error));  // an id, even if unknown
  EXPECT_EQ(id, 17u);
  EXPECT_FALSE(wasmctl::FindApp(apps, "sensor", &id, &error));
  EXPECT_NE(error.find("matches apps 4, 5: give one id"), std::string::npos) << error;
  EXPECT_FALSE(wasmctl::FindApp(apps, "nope", &id, &error));
  EXPECT_NE(error.find("no app named 'nope'"), std::string::npos) << error;
}

TEST(Names, InstanceByAppName) {
  std::vector<wasmkm_inst_info> insts = {
      Inst(7, "greet", WASMKM_INST_EXITED, 10), Inst(8, "greet", WASMKM_INST_RUNNING, 5),
      Inst(9, "tick", WASMKM_INST_EXITED, 1),   Inst(10, "tick", WASMKM_INST_STOPPED, 2),
      Inst(11, "two", WASMKM_INST_RUNNING, 1),  Inst(12, "two", WASMKM_INST_RUNNING, 2)};
  uint32_t id = 0;
  std::string error;
  ASSERT_TRUE(wasmctl::FindInst(insts, "greet", &id, &error));
  EXPECT_EQ(id, 8u);  // the running one
  ASSERT_TRUE(wasmctl::FindInst(insts, "tick", &id, &error));
  EXPECT_EQ(id, 10u);  // none runs: the newest
  EXPECT_FALSE(wasmctl::FindInst(insts, "two", &id, &error));
  EXPECT_NE(error.find("running instances 11, 12"), std::string::npos) << error;
}

TEST(Names, Valid) {
  EXPECT_TRUE(wasmctl::ValidAppName("greet-2.v_1"));
  EXPECT_FALSE(wasmctl::ValidAppName("42"));
  EXPECT_FALSE(wasmctl::ValidAppName(""));
  EXPECT_FALSE(wasmctl::ValidAppName("a b"));
  EXPECT_FALSE(wasmctl::ValidAppName(std::string(64, 'a')));
  wasmctl::LoadOptions o;
  std::string error;
  ASSERT_TRUE(wasmctl::ParseLoadOptions({"dir/my app.wasm"}, &o, &error)) << error;
  EXPECT_EQ(o.name, "my_app");
  wasmctl::LoadOptions o2;
  ASSERT_TRUE(wasmctl::ParseLoadOptions({"x.wko", "--name", "greet"}, &o2, &error)) << error;
  EXPECT_EQ(o2.name, "greet");
  wasmctl::LoadOptions o3;
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"x.wko", "--name", "123"}, &o3, &error));
  wasmctl::LoadOptions o4;
  EXPECT_FALSE(wasmctl::ParseLoadOptions({"x.wko", "--rm"}, &o4, &error));  // needs --wait
}

// The fallback cache in /tmp must be ours alone.
TEST(CacheDir, RefusesWhatOthersCouldWrite) {
  clitest::TempDir t;
  std::string error;
  std::string fresh = t.path() + "/new";
  ASSERT_TRUE(wasmctl::SecureCacheDir(fresh, &error)) << error;
  struct stat st;
  ASSERT_EQ(lstat(fresh.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_TRUE(wasmctl::SecureCacheDir(fresh, &error)) << error;  // again: ours

  std::string open = t.path() + "/open";
  ASSERT_EQ(mkdir(open.c_str(), 0700), 0);
  ASSERT_EQ(chmod(open.c_str(), 0777), 0);
  EXPECT_FALSE(wasmctl::SecureCacheDir(open, &error));
  EXPECT_NE(error.find("writable by other users"), std::string::npos) << error;

  std::string link = t.path() + "/link";
  ASSERT_EQ(symlink(fresh.c_str(), link.c_str()), 0);
  EXPECT_FALSE(wasmctl::SecureCacheDir(link, &error));
  EXPECT_NE(error.find("symbolic link"), std::string::npos) << error;

  if (geteuid() == 0) {
    std::string theirs = t.path() + "/theirs";
    ASSERT_EQ(mkdir(theirs.c_str(), 0700), 0);
    ASSERT_EQ(chown(theirs.c_str(), 65534, 65534), 0);
    EXPECT_FALSE(wasmctl::SecureCacheDir(theirs, &error));
    EXPECT_NE(error.find("not by you"), std::string::npos) << error;
  }

  // A cached object another user could replace is not loaded.
  std::string obj = fresh + "/x.wko";
  clitest::WriteText(obj, "x");
  ASSERT_EQ(chmod(obj.c_str(), 0666), 0);
  error.clear();
  EXPECT_FALSE(wasmctl::CachedObjectOk(obj, &error));
  EXPECT_NE(error.find("writable by other users"), std::string::npos) << error;
  ASSERT_EQ(chmod(obj.c_str(), 0644), 0);
  EXPECT_TRUE(wasmctl::CachedObjectOk(obj, &error)) << error;
  std::string objlink = fresh + "/y.wko";
  ASSERT_EQ(symlink(obj.c_str(), objlink.c_str()), 0);
  error.clear();
  EXPECT_FALSE(wasmctl::CachedObjectOk(objlink, &error));
  EXPECT_FALSE(error.empty());
}

// No aotc: the advice is to build on a host with aotc --kdir, not circular.
TEST(CacheDir, NoAotcAdvice) {
  clitest::TempDir t;
  std::string wasm = t.path() + "/greet.wasm";
  clitest::WriteText(wasm, std::string("\0asm\x01\0\0\0", 8));
  setenv("WASMKM_CACHE", (t.path() + "/cache").c_str(), 1);
  std::string old_path = getenv("PATH") ? getenv("PATH") : "";
  setenv("PATH", t.path().c_str(), 1);
  std::string wko, error;
  EXPECT_FALSE(wasmctl::CompileCached(wasm, "greet", false, &wko, &error));
  setenv("PATH", old_path.c_str(), 1);
  unsetenv("WASMKM_CACHE");
  EXPECT_NE(error.find("aotc greet.wasm -o greet.wko --kdir"), std::string::npos) << error;
  EXPECT_EQ(error.find("wasmctl compile"), std::string::npos) << error;
}

std::string ElfWithMachine(uint16_t machine) {
  Elf64_Ehdr eh{};
  memcpy(eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = ELFCLASS64;
  eh.e_machine = machine;
  return std::string(reinterpret_cast<const char*>(&eh), sizeof(eh));
}

TEST(WkoInfo, ArchByName) {
  wasmctl::WkoInfo wi;
  std::string error;
  ASSERT_TRUE(wasmctl::ReadWkoInfo(ElfWithMachine(EM_AARCH64), &wi, &error)) << error;
  EXPECT_EQ(wi.arch, "arm64");
  ASSERT_TRUE(wasmctl::ReadWkoInfo(ElfWithMachine(EM_X86_64), &wi, &error));
  EXPECT_EQ(wi.arch, "x86-64");
  wi.arch = wasmctl::HostArch() == "arm64" ? "x86-64" : "arm64";
  std::string m = wasmctl::WkoMismatch("app.wko", wi);
  EXPECT_NE(m.find("app.wko is built for " + wi.arch), std::string::npos) << m;
  EXPECT_EQ(m.find("183"), std::string::npos) << m;
  EXPECT_NE(m.find("aotc --arch"), std::string::npos) << m;
}

// The kernel release from .modinfo's vermagic, as modinfo shows it.
TEST(WkoInfo, ReleaseFromVermagic) {
  clitest::TempDir t;
  std::string c = t.path() + "/m.c", o = t.path() + "/m.o";
  clitest::WriteText(c,
                     "__attribute__((section(\".modinfo\"), used)) static const char v[] =\n"
                     "  \"license=GPL\\0vermagic=6.1.0-57-amd64 SMP mod_unload modversions \";\n");
  ASSERT_EQ(system(("cc -c -o " + o + " " + c).c_str()), 0);
  std::string bytes;
  FILE* f = fopen(o.c_str(), "rb");
  ASSERT_NE(f, nullptr);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0) bytes.append(buf, n);
  fclose(f);
  wasmctl::WkoInfo wi;
  std::string error;
  ASSERT_TRUE(wasmctl::ReadWkoInfo(bytes, &wi, &error)) << error;
  EXPECT_EQ(wi.release, "6.1.0-57-amd64");
}

TEST(Json, Writer) {
  wasmctl::JsonWriter w(false);
  w.BeginObject().Field("a", uint32_t(1)).Key("b").BeginArray().String("x\"").Null().EndArray();
  w.Key("c").BeginObject().EndObject().Field("d", true).EndObject();
  EXPECT_EQ(w.str(), "{\"a\": 1, \"b\": [\"x\\\"\", null], \"c\": {}, \"d\": true}");
  wasmctl::JsonWriter p(true);
  p.BeginObject().Field("a", int32_t(-1)).Key("b").BeginArray().EndArray().EndObject();
  EXPECT_EQ(p.str(), "{\n  \"a\": -1,\n  \"b\": []\n}");
}

// Another user's app: the hint matches the docs (owner or CAP_SYS_ADMIN).
TEST(ErrnoText, Human) {
  std::string s = wasmctl::ErrnoText("app 3", EPERM);
  EXPECT_NE(s.find("owner or root (CAP_SYS_ADMIN)"), std::string::npos) << s;
  EXPECT_EQ(s.find("CAP_SYS_MODULE"), std::string::npos) << s;
  s = wasmctl::ErrnoText("instance 999", ENOENT);
  EXPECT_EQ(s, "instance 999: not found (see wasmctl list)");
}

TEST(Manifest, TomlForms) {
  wasmctl::Manifest m;
  std::string error;
  ASSERT_TRUE(
      wasmctl::ParseManifest("args = ['x', \"y\"]\nenv = [\n  'A=1', # c\n]\n"
                             "mem-max = '16M'\n",
                             "m.toml", &m, &error))
      << error;
  EXPECT_EQ(*m.args, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(m.env, (std::vector<std::string>{"A=1"}));
  EXPECT_EQ(m.env_origin, (std::vector<std::string>{"m.toml:3: env"}));
  EXPECT_EQ(m.mem_max.value_or(""), "16M");
}

}  // namespace
