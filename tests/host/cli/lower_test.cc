// SPDX-License-Identifier: GPL-2.0
// aotc's lowering step (aotc/analysis/lower.h), the regions read from it,
// and the module facts pre-pass (aotc/codegen/facts.cc).
#include "aotc/analysis/lower.h"

#include <gtest/gtest.h>

#include "aotc/analysis/regions.h"
#include "aotc/codegen/module_info.h"
#include "aotc/wasm_module.h"
#include "tests/host/cli/wat_helper.h"

namespace {

using aotc::analysis::Insn;
using aotc::analysis::Op;

bool Read(const std::string& wat, wabt::Module* module) {
  std::vector<uint8_t> wasm;
  std::string error;
  EXPECT_TRUE(clitest::WatToWasm(wat, &wasm, &error)) << error;
  EXPECT_TRUE(aotc::ReadWasm("t.wasm", wasm, module, &error)) << error;
  return error.empty();
}

TEST(Lower, FlatRecordsWithMarkersAndRegions) {
  wabt::Module m;
  ASSERT_TRUE(Read(R"((module (memory 1)
      (func (param i32)
        local.get 0
        i32.load offset=8
        block
          local.get 0
          if
            nop
          else
            local.get 0
            call 0
          end
          local.get 0
          i32.const -4
          i32.add
          i32.const 7
          i32.store16
        end
        v128.const i64x2 0 0
        v128.store)
      ))",
                   &m));
  std::vector<Insn> body = aotc::analysis::Lower(*m.funcs[0]);
  std::vector<Op> ops;
  for (const Insn& r : body) ops.push_back(r.op);
  const std::vector<Op> want = {
      Op::kLocalGet, Op::kLoad,     Op::kBlock, Op::kLocalGet, Op::kIf,       Op::kNop,
      Op::kElse,     Op::kLocalGet, Op::kOther, Op::kEnd,      Op::kLocalGet, Op::kConst,
      Op::kBinary,   Op::kConst,    Op::kStore, Op::kEnd,      Op::kConst,    Op::kOther,
  };
  EXPECT_EQ(ops, want);
  EXPECT_EQ(body[1].offset, 8u);
  EXPECT_EQ(body[1].size, 4u);
  EXPECT_EQ(body[11].imm, -4);
  EXPECT_EQ(body[14].size, 2u);
  EXPECT_EQ(body[2].index, body[15].index);  // block and its end
  EXPECT_EQ(body[4].index, body[6].index);   // if and its else
  EXPECT_NE(body[2].index, body[4].index);
  // Regions: runs between markers and calls; a v128 store ends one.
  std::vector<std::pair<size_t, size_t>> regions;
  aotc::analysis::ForEachRegion(body, [&](const aotc::analysis::Region& r) {
    regions.push_back({size_t(r.begin - body.data()), r.size()});
  });
  const std::vector<std::pair<size_t, size_t>> want_regions = {{0, 2}, {3, 1},  {5, 1},
                                                               {7, 1}, {10, 5}, {16, 1}};
  EXPECT_EQ(regions, want_regions);
}

TEST(Lower, DeepNestingNeedsNoRecursion) {
  std::string wat = "(module (func";
  for (int i = 0; i < 5000; i++) wat += " block";
  for (int i = 0; i < 5000; i++) wat += " end";
  wat += "))";
  wabt::Module m;
  ASSERT_TRUE(Read(wat, &m));
  EXPECT_EQ(aotc::analysis::Lower(*m.funcs[0]).size(), 10000u);
}

TEST(ModuleFacts, ComputedBeforeEmission) {
  wabt::Module m;
  ASSERT_TRUE(Read(R"((module
      (type $pair (func (result i32 i64)))
      (table 2 funcref)
      (elem (i32.const 0) func 1)
      (elem declare func 0)
      (func (result i32)
        i32.const 7
        i8x16.splat
        i8x16.extract_lane_u 3)
      (func (type $pair) i32.const 1 i64.const 2)
      (func (param i32)
        local.get 0
        call_indirect (type $pair)
        drop drop
        ref.func 0
        drop))
      )",
                   &m));
  aotc::codegen::ModuleInfo mi;
  mi.m = &m;
  aotc::codegen::ComputeFacts(mi);
  EXPECT_TRUE(mi.uses_simd);  // a v128 that lives only on the stack
  EXPECT_EQ(mi.funcrefs, (std::set<uint32_t>{0, 1}));
  EXPECT_EQ(mi.result_structs, (std::set<std::string>{"iI"}));
  EXPECT_EQ(mi.sig_ids.count(":iI"), 1u);
}

}  // namespace
