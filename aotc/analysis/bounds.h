// SPDX-License-Identifier: GPL-2.0
// Bounds-check merging: one check per base local for a whole region.
//
// Within a straight-line region (regions.h), a load or store whose address
// is "local L + constant" (local.get L, or the value a local.tee L just
// stored, then any number of i32.add/i32.sub of constants) lies at
//   (u32)(L + disp) + offset
// where L is the value of the local at that point.  The analysis picks one
// point p of the region (the one that saves most checks) and covers the
// accesses after p whose base local is not assigned between p and the
// access.  For each such base L, with lo = the smallest disp and hi = the
// largest disp + offset + size over its covered accesses, the test
//   (lo >= 0 || L + lo >= 0) && L + hi <= mem_size      (64-bit, no wrap)
// at p proves every one of those accesses in bounds and their 32-bit adds
// free of wrap-around (0 <= L + disp < 2^32), so each address is exactly
// L + disp + offset and needs no check of its own.
//
// Why this is exact: the generated code tests all bases at p; if every
// test passes it runs the rest of the region with the covered accesses
// unchecked (they cannot trap), otherwise it runs the region's ordinary,
// fully checked code, which traps (or not) exactly where the spec says.
// No trap moves, no store is lost, the trap kind is the same.
//
// Trapping as soon as a test fails would save the second copy, and it is
// what an engine may do when the failing access is certain to trap: a trap
// ends the instance and its linear memory is private to it, so stores the
// region would have made before the trap are unobservable; a call (wasm or
// host) would make them observable, which is why a region ends at every
// call.  It is not done here because a failed test does not prove a trap
// in two cases: a wrapping 32-bit add can land in bounds in a 4 GiB
// memory, and an instruction with another trap kind (division,
// truncation) before the access would have to trap first.  Calls and
// memory.grow end a region, so mem and mem_size do not change inside it.
#ifndef AOTC_ANALYSIS_BOUNDS_H_
#define AOTC_ANALYSIS_BOUNDS_H_

#include <wabt/ir.h>

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "aotc/analysis/lower.h"

namespace aotc::analysis {

// A covered access: address = local + disp, disp includes the memarg offset.
struct CoveredAccess {
  uint32_t local;
  int64_t disp;
};

// The test of one base local at the start of a region.
struct BaseCheck {
  uint32_t local;
  int64_t lo;  // smallest disp before the memarg offset (wrap-around test)
  int64_t hi;  // largest disp + offset + size (end of the range)
};

struct MergedRegion {
  size_t count;  // instructions in the region, from its first
  size_t split;  // the tests go before this instruction of the region
  size_t end;    // after the last covered access: the two copies end here
  std::vector<BaseCheck> checks;
};

struct BoundsFacts {
  // Keyed by the region's first instruction.
  std::unordered_map<const wabt::Expr*, MergedRegion> regions;
  // Keyed by the load or store instruction.
  std::unordered_map<const wabt::Expr*, CoveredAccess> covered;
  size_t accesses = 0;  // scalar accesses in the function's regions
};

// Regions of the lowered @body (lower.h) worth a merged test: at least
// @min_saved checks fewer than accesses covered.
BoundsFacts AnalyzeBounds(const std::vector<Insn>& body, size_t min_saved = 1);

}  // namespace aotc::analysis

#endif  // AOTC_ANALYSIS_BOUNDS_H_
