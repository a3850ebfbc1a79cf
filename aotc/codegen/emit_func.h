// SPDX-License-Identifier: GPL-2.0
// The function body emitter: one wasm function to one static C function.
// Every value-stack slot is a C local named by depth and type, wasm locals
// are C locals, and structured control flow becomes labels and gotos (flat
// C, so deep wasm nesting does not nest C blocks).
#ifndef AOTC_CODEGEN_EMIT_FUNC_H_
#define AOTC_CODEGEN_EMIT_FUNC_H_

#include <wabt/ir.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "aotc/analysis/bounds.h"
#include "aotc/codegen/module_info.h"

namespace aotc::codegen {

class FuncEmitter {
 public:
  FuncEmitter(const ModuleInfo& mi, uint32_t idx);
  std::string Emit();

 private:
  enum class FrameKind { kFunc, kBlock, kLoop, kIf };
  struct Frame {
    FrameKind kind;
    uint32_t id;
    uint32_t height;  // stack height below the frame's params
    wabt::TypeVector params, results;
    std::string name;   // wasm label name, for named branch targets
    bool used = false;  // some branch targets it
  };

  // Value stack.
  std::string Slot(uint32_t depth, wabt::Type t);
  std::string Push(wabt::Type t);
  std::string Pop();
  std::string Top() const;
  wabt::Type TopType() const { return stack_.back(); }

  void Line(const std::string& s);
  [[noreturn]] void Fail(const std::string& what, const std::string& hint);
  std::string Trap(uint32_t kind);  // "goto trap_<kind>;"

  void EmitList(const wabt::ExprList& list);
  // A region with merged bounds checks (analysis/bounds.h): the tests, the
  // region with its covered accesses unchecked, else the region as usual.
  void EmitMergedRegion(const std::vector<const wabt::Expr*>& region,
                        const analysis::MergedRegion& mr);
  [[gnu::noinline]] void EmitExpr(const wabt::Expr& e);
  void EmitBlock(const wabt::Block& b, FrameKind kind);
  std::string LoopHead(size_t indent, const std::string& id);  // label + yield check
  void EmitIf(const wabt::IfExpr& e);
  Frame& Target(const wabt::Var& v);
  void BranchCopies(const Frame& f);
  void EmitBranch(Frame& f);  // copies + goto or return
  std::string ReturnStmt();
  void EmitCall(uint32_t func_idx);
  void EmitCallIndirect(const wabt::CallIndirectExpr& e);
  void EmitCallWith(const std::string& callee, const wabt::FuncSignature& sig);
  void ReloadMem();

  // emit_numeric.cc
  void EmitUnary(wabt::Opcode op);
  void EmitBinary(wabt::Opcode op);
  void EmitCompare(wabt::Opcode op);
  void EmitConvert(wabt::Opcode op);
  void EmitConst(const wabt::Const& c);

  // emit_simd.cc
  static bool IsSimd(wabt::Opcode op);
  void EmitSimdOp(wabt::Opcode op);  // generic: wasmkm_<name>(operands...)
  void EmitSimdConst(const wabt::Const& c);
  void EmitSimdLane(const wabt::SimdLaneOpExpr& e);
  void EmitSimdShuffle(const wabt::SimdShuffleOpExpr& e);
  void EmitSimdLoad(wabt::Opcode op, uint64_t offset);  // v128 loads, splat, zero
  void EmitSimdLoadLane(const wabt::SimdLoadLaneExpr& e);
  void EmitSimdStoreLane(const wabt::SimdStoreLaneExpr& e);

  // emit_memory.cc
  std::string Address(const std::string& addr, uint64_t offset, uint64_t size,
                      const wabt::Expr* access = nullptr);
  void EmitLoad(const wabt::LoadExpr& e);
  void EmitStore(const wabt::StoreExpr& e);
  void EmitMemoryOp(const wabt::Expr& e);
  void EmitTableOp(const wabt::Expr& e);

  const ModuleInfo& mi_;
  uint32_t idx_;
  const wabt::Func& f_;
  std::string body_;
  std::vector<wabt::Type> stack_;
  std::vector<Frame> frames_;
  std::set<std::pair<uint32_t, char>> slots_;
  std::set<uint32_t> traps_;
  uint32_t next_id_ = 0;
  bool dead_ = false;  // the rest of the current list is unreachable
  analysis::BoundsFacts bounds_;
  bool merged_ = false;  // emitting the checked-up-front copy of a region
  std::string op_name_;  // current instruction, for errors
};

}  // namespace aotc::codegen

#endif  // AOTC_CODEGEN_EMIT_FUNC_H_
