// SPDX-License-Identifier: GPL-2.0
// The module facts pre-pass (module_info.h, ComputeFacts): one walk over the
// module before any C is printed, so that the printers only read facts.
#include <wabt/cast.h>

#include <vector>

#include "aotc/codegen/module_info.h"

namespace aotc::codegen {

using wabt::cast;
using wabt::ExprType;
using wabt::Type;

namespace {

class FactsWalk {
 public:
  explicit FactsWalk(ModuleInfo& mi) : mi_(mi) {}

  void Results(const wabt::TypeVector& results) {
    if (results.size() > 1) mi_.result_structs.insert(Letters(results));
    for (Type t : results) Value(t);
  }
  void Signature(const wabt::FuncSignature& sig) {
    for (Type t : sig.param_types) Value(t);
    Results(sig.result_types);
  }
  void Value(Type t) { mi_.uses_simd |= t == Type::V128; }
  // A block's types: its results stay in stack slots (no result struct).
  void BlockTypes(const wabt::FuncSignature& sig) {
    for (Type t : sig.param_types) Value(t);
    for (Type t : sig.result_types) Value(t);
  }
  // A v128 made and consumed on the stack only (i8x16.splat, then
  // extract_lane) still needs the SIMD helpers.
  void Opcode(wabt::Opcode op) {
    Value(op.GetResultType());
    Value(op.GetParamType1());
    Value(op.GetParamType2());
  }

  // Every instruction of @top and its nested lists in source order (an
  // explicit stack, not recursion: wasm nesting depth is app-controlled), so
  // that signature ids are numbered in the order the bodies use them.
  void List(const wabt::ExprList& top) {
    std::vector<std::pair<wabt::ExprList::const_iterator, wabt::ExprList::const_iterator>> work;
    work.push_back({top.begin(), top.end()});
    while (!work.empty()) {
      auto& [it, end] = work.back();
      if (it == end) {
        work.pop_back();
        continue;
      }
      const wabt::Expr& e = *it++;
      One(e);
      // Pushed in reverse: the if's true arm is walked before its false arm.
      if (e.type() == ExprType::Block) {
        work.push_back({cast<wabt::BlockExpr>(&e)->block.exprs.begin(),
                        cast<wabt::BlockExpr>(&e)->block.exprs.end()});
      } else if (e.type() == ExprType::Loop) {
        work.push_back({cast<wabt::LoopExpr>(&e)->block.exprs.begin(),
                        cast<wabt::LoopExpr>(&e)->block.exprs.end()});
      } else if (e.type() == ExprType::If) {
        const auto* i = cast<wabt::IfExpr>(&e);
        work.push_back({i->false_.begin(), i->false_.end()});
        work.push_back({i->true_.exprs.begin(), i->true_.exprs.end()});
      }
    }
  }

 private:
  void One(const wabt::Expr& e) {
    switch (e.type()) {
      case ExprType::RefFunc:
        mi_.funcrefs.insert(mi_.m->GetFuncIndex(cast<wabt::RefFuncExpr>(&e)->var));
        break;
      case ExprType::CallIndirect:
      case ExprType::ReturnCallIndirect: {
        const wabt::FuncSignature& sig = e.type() == ExprType::CallIndirect
                                             ? cast<wabt::CallIndirectExpr>(&e)->decl.sig
                                             : cast<wabt::ReturnCallIndirectExpr>(&e)->decl.sig;
        SigId(mi_, sig);
        Signature(sig);
        break;
      }
      case ExprType::Block:
        BlockTypes(cast<wabt::BlockExpr>(&e)->block.decl.sig);
        break;
      case ExprType::Loop:
        BlockTypes(cast<wabt::LoopExpr>(&e)->block.decl.sig);
        break;
      case ExprType::If:
        BlockTypes(cast<wabt::IfExpr>(&e)->true_.decl.sig);
        break;
      case ExprType::Const:
        Value(cast<wabt::ConstExpr>(&e)->const_.type());
        break;
      case ExprType::Load:
        Value(cast<wabt::LoadExpr>(&e)->opcode.GetResultType());
        break;
      case ExprType::Store:
        mi_.uses_simd |= cast<wabt::StoreExpr>(&e)->opcode == wabt::Opcode::V128Store;
        break;
      case ExprType::Unary:
        Opcode(cast<wabt::UnaryExpr>(&e)->opcode);
        break;
      case ExprType::Binary:
        Opcode(cast<wabt::BinaryExpr>(&e)->opcode);
        break;
      case ExprType::Compare:
        Opcode(cast<wabt::CompareExpr>(&e)->opcode);
        break;
      case ExprType::Convert:
        Opcode(cast<wabt::ConvertExpr>(&e)->opcode);
        break;
      case ExprType::Ternary:
      case ExprType::SimdLaneOp:
      case ExprType::SimdShuffleOp:
      case ExprType::SimdLoadLane:
      case ExprType::SimdStoreLane:
      case ExprType::LoadSplat:
      case ExprType::LoadZero:
        mi_.uses_simd = true;  // every one of them takes or makes a v128
        break;
      default:
        break;
    }
  }

  ModuleInfo& mi_;
};

}  // namespace

void ComputeFacts(ModuleInfo& mi) {
  const wabt::Module& m = *mi.m;
  FactsWalk w(mi);
  for (const wabt::Func* f : m.funcs) {
    w.Signature(f->decl.sig);
    for (Type t : f->local_types) w.Value(t);
  }
  for (const wabt::Global* g : m.globals) {
    w.Value(g->type);
    w.List(g->init_expr);
  }
  for (const wabt::ElemSegment* s : m.elem_segments)
    for (const wabt::ExprList& el : s->elem_exprs) w.List(el);
  for (uint32_t i = mi.nimports; i < m.funcs.size(); i++) w.List(m.funcs[i]->exprs);
}

}  // namespace aotc::codegen
