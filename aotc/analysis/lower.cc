// SPDX-License-Identifier: GPL-2.0
// Lowering wabt's instruction tree to flat records (lower.h).
#include "aotc/analysis/lower.h"

#include <wabt/cast.h>

#include <utility>

namespace aotc::analysis {

using wabt::cast;
using wabt::ExprType;

namespace {

Insn Record(const wabt::Func& f, const wabt::Expr& e) {
  Insn r{Op::kOther};
  r.expr = &e;
  auto local = [&](Op op, const wabt::Var& v) {
    r.op = op;
    r.index = f.GetLocalIndex(v);
    r.type = f.GetLocalType(r.index);
  };
  switch (e.type()) {
    case ExprType::Nop:
      r.op = Op::kNop;
      break;
    case ExprType::Drop:
      r.op = Op::kDrop;
      break;
    case ExprType::Select:
      r.op = Op::kSelect;
      break;
    case ExprType::LocalGet:
      local(Op::kLocalGet, cast<wabt::LocalGetExpr>(&e)->var);
      break;
    case ExprType::LocalSet:
      local(Op::kLocalSet, cast<wabt::LocalSetExpr>(&e)->var);
      break;
    case ExprType::LocalTee:
      local(Op::kLocalTee, cast<wabt::LocalTeeExpr>(&e)->var);
      break;
    case ExprType::GlobalGet:
      r.op = Op::kGlobalGet;
      break;
    case ExprType::GlobalSet:
      r.op = Op::kGlobalSet;
      break;
    case ExprType::Const: {
      const wabt::Const& c = cast<wabt::ConstExpr>(&e)->const_;
      r.op = Op::kConst;
      r.type = c.type();
      if (c.type() == wabt::Type::I32) r.imm = int64_t(int32_t(c.u32()));
      break;
    }
    case ExprType::Unary:
      r.op = Op::kUnary;
      r.opcode = cast<wabt::UnaryExpr>(&e)->opcode;
      break;
    case ExprType::Binary:
      r.op = Op::kBinary;
      r.opcode = cast<wabt::BinaryExpr>(&e)->opcode;
      break;
    case ExprType::Compare:
      r.op = Op::kCompare;
      r.opcode = cast<wabt::CompareExpr>(&e)->opcode;
      break;
    case ExprType::Convert:
      r.op = Op::kConvert;
      r.opcode = cast<wabt::ConvertExpr>(&e)->opcode;
      break;
    case ExprType::MemorySize:
      r.op = Op::kMemorySize;
      break;
    case ExprType::Load: {
      const auto* l = cast<wabt::LoadExpr>(&e);
      if (l->opcode.GetResultType() == wabt::Type::V128) break;  // not tracked: kOther
      r.op = Op::kLoad;
      r.opcode = l->opcode;
      r.offset = l->offset;
      r.size = l->opcode.GetMemorySize();
      break;
    }
    case ExprType::Store: {
      const auto* s = cast<wabt::StoreExpr>(&e);
      if (s->opcode == wabt::Opcode::V128Store) break;
      r.op = Op::kStore;
      r.opcode = s->opcode;
      r.offset = s->offset;
      r.size = s->opcode.GetMemorySize();
      break;
    }
    default:
      break;
  }
  return r;
}

}  // namespace

std::vector<Insn> Lower(const wabt::Func& f) {
  std::vector<Insn> out;
  // An explicit stack of open lists (not recursion): the list, the next
  // instruction in it, and the marker that closes it.
  struct Open {
    wabt::ExprList::const_iterator it, end;
    const wabt::Expr* owner;  // nullptr: the function body
    uint32_t id;
    bool else_next;  // an if's true arm: its false arm follows
  };
  std::vector<Open> work{{f.exprs.begin(), f.exprs.end(), nullptr, 0, false}};
  uint32_t next_id = 1;
  while (!work.empty()) {
    Open& o = work.back();
    if (o.it == o.end) {
      if (o.else_next) {
        const auto* i = cast<wabt::IfExpr>(o.owner);
        out.push_back({Op::kElse, wabt::Opcode::Else, wabt::Type::Void, o.id, 0, 0, 0, o.owner});
        o.it = i->false_.begin();
        o.end = i->false_.end();
        o.else_next = false;
        continue;
      }
      if (o.owner)
        out.push_back({Op::kEnd, wabt::Opcode::End, wabt::Type::Void, o.id, 0, 0, 0, o.owner});
      work.pop_back();
      continue;
    }
    const wabt::Expr& e = *o.it++;
    uint32_t id = next_id;
    switch (e.type()) {
      case ExprType::Block: {
        const wabt::ExprList& l = cast<wabt::BlockExpr>(&e)->block.exprs;
        out.push_back({Op::kBlock, wabt::Opcode::Block, wabt::Type::Void, next_id++, 0, 0, 0, &e});
        work.push_back({l.begin(), l.end(), &e, id, false});
        break;
      }
      case ExprType::Loop: {
        const wabt::ExprList& l = cast<wabt::LoopExpr>(&e)->block.exprs;
        out.push_back({Op::kLoop, wabt::Opcode::Loop, wabt::Type::Void, next_id++, 0, 0, 0, &e});
        work.push_back({l.begin(), l.end(), &e, id, false});
        break;
      }
      case ExprType::If: {
        const wabt::ExprList& l = cast<wabt::IfExpr>(&e)->true_.exprs;
        out.push_back({Op::kIf, wabt::Opcode::If, wabt::Type::Void, next_id++, 0, 0, 0, &e});
        work.push_back({l.begin(), l.end(), &e, id, true});
        break;
      }
      default:
        out.push_back(Record(f, e));
    }
  }
  return out;
}

}  // namespace aotc::analysis
