// SPDX-License-Identifier: GPL-2.0
// wasmctl apply: the spec digest (each part of a declaration seen apart),
// reading a directory of manifests (all or nothing, errors naming file, line
// and key) and the plan against what LIST reports.
#include "userspace-cli/apply_plan.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "tests/host/cli/wat_helper.h"

namespace {

using wasmctl::Action;
using wasmctl::Declared;

wasmctl::LoadOptions Parse(const std::vector<std::string>& args) {
  wasmctl::LoadOptions o;
  std::string error;
  EXPECT_TRUE(wasmctl::ParseLoadOptions(args, &o, &error)) << error;
  return o;
}

TEST(ApplyDigest, EachPartSeenApart) {
  wasmctl::LoadOptions base = Parse({"app.wasm", "--arg", "x"});
  wasmctl::SpecDigest d = wasmctl::ComputeSpecDigest(base, "code");
  EXPECT_EQ(d[0], wasmctl::kSpecFormat);
  EXPECT_TRUE(wasmctl::IsApplied(d.data()));
  EXPECT_EQ(wasmctl::ChangedParts(d.data(), wasmctl::ComputeSpecDigest(base, "code")), "");
  auto changed = [&](const std::vector<std::string>& args, const std::string& code) {
    return wasmctl::ChangedParts(d.data(), wasmctl::ComputeSpecDigest(Parse(args), code));
  };
  EXPECT_EQ(changed({"app.wasm", "--arg", "x"}, "code2"), "code");
  EXPECT_EQ(changed({"app.wasm", "--arg", "y"}, "code"), "args");
  // Length-prefixed: one argument "xy" is not "x" then "y".
  wasmctl::SpecDigest xy = wasmctl::ComputeSpecDigest(Parse({"app.wasm", "--arg", "xy"}), "c");
  EXPECT_EQ(
      wasmctl::ChangedParts(xy.data(), wasmctl::ComputeSpecDigest(
                                           Parse({"app.wasm", "--arg", "x", "--arg", "y"}), "c")),
      "args");
  EXPECT_EQ(changed({"app.wasm", "--arg", "x", "--env", "A=1"}, "code"), "env");
  EXPECT_EQ(changed({"app.wasm", "--arg", "x", "--cap", "fs:/tmp"}, "code"), "grants");
  EXPECT_EQ(changed({"app.wasm", "--arg", "x", "--restart", "always"}, "code"), "restart policy");
  EXPECT_EQ(changed({"app.wasm", "--arg", "x", "--mem-max", "1M"}, "code"), "memory limit");
  EXPECT_EQ(changed({"app.wasm", "--env", "A=1", "--mem-max", "1M"}, "code"),
            "args, env, memory limit");
  uint8_t zeros[WASMKM_SPEC_DIGEST_LEN] = {};
  EXPECT_FALSE(wasmctl::IsApplied(zeros));
}

class ApplyDir : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<uint8_t> wasm;
    std::string error;
    ASSERT_TRUE(clitest::WatToWasm("(module (func (export \"_start\")))", &wasm, &error)) << error;
    std::ofstream(dir_.path() + "/app.wasm", std::ios::binary)
        .write(reinterpret_cast<const char*>(wasm.data()), long(wasm.size()));
    Put("a.toml", "file = \"app.wasm\"\nargs = [\"1\"]\n");
    Put("b.toml", "file = \"app.wasm\"\nname = \"beta\"\n");
    Put("notes.txt", "not a manifest");
  }
  void Put(const std::string& name, const std::string& text) {
    ASSERT_TRUE(clitest::WriteText(dir_.path() + "/" + name, text));
  }
  std::string Refused() {
    std::vector<Declared> decls;
    std::string error;
    EXPECT_FALSE(wasmctl::ReadDeclarations(dir_.path(), &decls, &error));
    EXPECT_TRUE(decls.empty());
    return error.substr(dir_.path().size() + 1);
  }
  clitest::TempDir dir_;
};

TEST_F(ApplyDir, ReadsEveryManifest) {
  std::vector<Declared> decls;
  std::string error;
  ASSERT_TRUE(wasmctl::ReadDeclarations(dir_.path(), &decls, &error)) << error;
  ASSERT_EQ(decls.size(), 2u);
  EXPECT_EQ(decls[0].load.name, "a");  // the file name
  EXPECT_EQ(decls[0].load.file, dir_.path() + "/app.wasm");
  EXPECT_EQ(decls[0].load.argv, (std::vector<std::string>{"app", "1"}));
  EXPECT_EQ(decls[1].load.name, "beta");
  EXPECT_TRUE(wasmctl::IsApplied(decls[1].load.spec_digest.data()));
  EXPECT_EQ(wasmctl::ChangedParts(decls[0].load.spec_digest.data(), decls[1].load.spec_digest),
            "args");
}

TEST_F(ApplyDir, OneBadManifestRefusesAll) {
  Put("c.toml", "file = \"app.wasm\"\n\nrestrat = \"always\"\n");
  EXPECT_EQ(Refused().substr(0, 24), "c.toml:3: unknown key re");
  Put("c.toml", "file = \"app.wasm\"\ncaps = [\"fs:/no/such/dir/x\"]\n");
  EXPECT_EQ(Refused().substr(0, 15), "c.toml:2: caps:");
  Put("c.toml", "file = \"app.wasm\"\ncaps = [\"usb:1\"]\n");
  EXPECT_NE(Refused().find("c.toml:2: caps usb:1: unknown capability kind"), std::string::npos);
  Put("c.toml", "file = \"missing.wasm\"\n");
  EXPECT_EQ(Refused().substr(0, 15), "c.toml:1: file:");
  Put("c.toml", "args = [\"1\"]\n");
  EXPECT_EQ(Refused().substr(0, 18), "c.toml: no file ke");
  Put("c.toml", "file = \"app.wasm\"\nname = \"beta\"\n");
  EXPECT_NE(Refused().find("name beta is already declared by"), std::string::npos);
  Put("c.toml", "file = \"app.wasm\"\nenv = [\"NOEQUALS\"]\n");
  EXPECT_EQ(Refused().substr(0, 14), "c.toml:2: env:");
}

wasmkm_app_info App(uint32_t id, const std::string& name, const wasmctl::SpecDigest* d) {
  wasmkm_app_info a{};
  a.app_id = id;
  a.state = WASMKM_APP_ATTACHED;
  snprintf(a.name, sizeof(a.name), "%s", name.c_str());
  if (d) memcpy(a.spec_digest, d->data(), d->size());
  return a;
}

wasmkm_inst_info Inst(uint32_t id, uint32_t app, uint32_t state) {
  wasmkm_inst_info i{};
  i.inst_id = id;
  i.app_id = app;
  i.state = state;
  return i;
}

TEST(ApplyPlan, ReconcilesByName) {
  std::vector<Declared> decls(4);
  const char* names[] = {"keep", "edit", "new", "idle"};
  for (size_t i = 0; i < decls.size(); i++) {
    decls[i].load = Parse({"app.wasm", "--name", names[i]});
    decls[i].load.spec_digest = wasmctl::ComputeSpecDigest(decls[i].load, "code");
  }
  wasmctl::SpecDigest old_edit =
      wasmctl::ComputeSpecDigest(Parse({"app.wasm", "--env", "A=1"}), "code");
  std::vector<wasmkm_app_info> apps = {
      App(1, "keep", &decls[0].load.spec_digest),
      App(2, "edit", &old_edit),
      App(3, "gone", &old_edit),
      App(4, "idle", &decls[3].load.spec_digest),
      App(5, "new", nullptr),  // loaded by hand: never touched
      App(6, "byhand", nullptr),
  };
  std::vector<wasmkm_inst_info> insts = {Inst(10, 1, WASMKM_INST_RUNNING),
                                         Inst(11, 4, WASMKM_INST_EXITED)};
  std::vector<Action> plan = wasmctl::PlanApply(decls, apps, insts, false);
  ASSERT_EQ(plan.size(), 4u);
  EXPECT_EQ(plan[0].kind, Action::kKeep);
  EXPECT_EQ(plan[0].inst_id, 10u);
  EXPECT_EQ(plan[1].kind, Action::kRestart);
  EXPECT_EQ(plan[1].reason, "env changed");
  EXPECT_EQ(plan[1].old_apps, std::vector<uint32_t>{2});
  EXPECT_EQ(plan[2].kind, Action::kStart);
  EXPECT_EQ(plan[2].app_id, 0u);
  EXPECT_TRUE(plan[2].old_apps.empty());
  EXPECT_EQ(plan[3].kind, Action::kStart);
  EXPECT_EQ(plan[3].reason, "not running");
  EXPECT_EQ(plan[3].app_id, 4u);
  // An instance waiting for its restart counts as running.
  insts[1].restart_state = WASMKM_RESTART_PENDING;
  plan = wasmctl::PlanApply(decls, apps, insts, true);
  ASSERT_EQ(plan.size(), 5u);
  EXPECT_EQ(plan[0].kind, Action::kPrune);
  EXPECT_EQ(plan[0].name, "gone");
  EXPECT_EQ(plan[0].old_apps, std::vector<uint32_t>{3});
  EXPECT_EQ(plan[4].kind, Action::kKeep);
  // Two applied apps of one name: both go, one comes back.
  apps.push_back(App(7, "keep", &decls[0].load.spec_digest));
  plan = wasmctl::PlanApply(decls, apps, insts, false);
  EXPECT_EQ(plan[0].kind, Action::kRestart);
  EXPECT_EQ(plan[0].old_apps, (std::vector<uint32_t>{1, 7}));
}

}  // namespace
