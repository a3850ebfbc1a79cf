// SPDX-License-Identifier: GPL-2.0
// The lowering of a function body to a flat list of small instruction
// records, the form the analyses of aotc/analysis/ read and annotate.
//
// wabt's IR is a tree (a block holds its instruction list); the lowered form
// is one vector in program order, with kBlock/kLoop/kIf/kElse/kEnd markers
// where the tree nests, so an analysis walks it with an index, without
// recursion (wasm nesting depth is app-controlled) and without wabt's
// casts.  Each record keeps the wabt instruction it came from (expr), which
// is how the C printer finds the facts an analysis attached to it.
#ifndef AOTC_ANALYSIS_LOWER_H_
#define AOTC_ANALYSIS_LOWER_H_

#include <wabt/ir.h>

#include <cstdint>
#include <vector>

namespace aotc::analysis {

enum class Op : uint8_t {
  // Straight-line instructions (regions.h).
  kNop,
  kDrop,
  kSelect,
  kLocalGet,
  kLocalSet,
  kLocalTee,
  kGlobalGet,
  kGlobalSet,
  kConst,
  kUnary,
  kBinary,
  kCompare,
  kConvert,
  kMemorySize,
  kLoad,   // scalar loads only
  kStore,  // scalar stores only
  // Structure: where a block, loop or if opens, where its else arm starts,
  // where it ends.
  kBlock,
  kLoop,
  kIf,
  kElse,
  kEnd,
  // Everything else: branches, return, unreachable, calls of any kind,
  // memory.grow, bulk memory and table instructions, v128 accesses.
  kOther,
};

struct Insn {
  Op op;
  wabt::Opcode opcode = wabt::Opcode::Nop;  // kUnary .. kConvert, kLoad, kStore
  wabt::Type type = wabt::Type::Void;       // kLocal*: the local's; kConst: the constant's
  uint32_t index = 0;                       // kLocal*: local; kBlock .. kEnd: block id
  int64_t imm = 0;                          // kConst of i32: its value, signed
  uint64_t offset = 0;                      // kLoad, kStore: memarg offset
  uint32_t size = 0;                        // kLoad, kStore: bytes accessed
  const wabt::Expr* expr = nullptr;         // the instruction lowered (markers: the block's)
};

// Whether a record of kind @op may sit inside a straight-line region.
inline bool InRegion(Op op) { return op <= Op::kStore; }

// @f's body in program order (instructions of unreachable code included).
std::vector<Insn> Lower(const wabt::Func& f);

}  // namespace aotc::analysis

#endif  // AOTC_ANALYSIS_LOWER_H_
