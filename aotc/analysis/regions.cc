// SPDX-License-Identifier: GPL-2.0
// Straight-line regions (regions.h).
#include "aotc/analysis/regions.h"

#include <wabt/cast.h>

#include <vector>

namespace aotc::analysis {

using wabt::cast;
using wabt::ExprType;

bool InRegion(const wabt::Expr& e) {
  switch (e.type()) {
    case ExprType::Nop:
    case ExprType::Drop:
    case ExprType::Select:
    case ExprType::LocalGet:
    case ExprType::LocalSet:
    case ExprType::LocalTee:
    case ExprType::GlobalGet:
    case ExprType::GlobalSet:
    case ExprType::Const:
    case ExprType::Unary:
    case ExprType::Binary:
    case ExprType::Compare:
    case ExprType::Convert:
    case ExprType::MemorySize:
      return true;
    // Scalar accesses only: v128 loads and stores end a region (not tracked).
    case ExprType::Load:
      return cast<wabt::LoadExpr>(&e)->opcode.GetResultType() != wabt::Type::V128;
    case ExprType::Store:
      return cast<wabt::StoreExpr>(&e)->opcode != wabt::Opcode::V128Store;
    default:
      return false;
  }
}

namespace {

// An explicit work list, not recursion: wasm nesting depth is app-controlled.
void Walk(const wabt::ExprList& top, const std::function<void(const Region&)>& fn) {
  std::vector<const wabt::ExprList*> work{&top};
  while (!work.empty()) {
    const wabt::ExprList* list = work.back();
    work.pop_back();
    Region region;
    for (const wabt::Expr& e : *list) {
      if (InRegion(e)) {
        region.push_back(&e);
        continue;
      }
      if (!region.empty()) fn(region);
      region.clear();
      if (e.type() == ExprType::Block) {
        work.push_back(&cast<wabt::BlockExpr>(&e)->block.exprs);
      } else if (e.type() == ExprType::Loop) {
        work.push_back(&cast<wabt::LoopExpr>(&e)->block.exprs);
      } else if (e.type() == ExprType::If) {
        work.push_back(&cast<wabt::IfExpr>(&e)->true_.exprs);
        work.push_back(&cast<wabt::IfExpr>(&e)->false_);
      }
    }
    if (!region.empty()) fn(region);
  }
}

}  // namespace

void ForEachRegion(const wabt::Func& f, const std::function<void(const Region& region)>& fn) {
  Walk(f.exprs, fn);
}

}  // namespace aotc::analysis
