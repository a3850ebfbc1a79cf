// SPDX-License-Identifier: GPL-2.0
// Straight-line regions of a function body: the analysis layer's unit.
//
// A region is a maximal run of consecutive instructions of one wasm
// instruction list (a block, loop or if arm body, or the function body)
// that contains no control flow (block, loop, if, br*, return,
// unreachable), no call of any kind (wasm or host: a call may grow memory,
// yield, or make effects visible outside the instance) and no memory.grow
// or bulk memory/table instruction.  Inside a region every instruction runs
// exactly once, in order, whenever the first one runs, unless one traps.
#ifndef AOTC_ANALYSIS_REGIONS_H_
#define AOTC_ANALYSIS_REGIONS_H_

#include <wabt/ir.h>

#include <functional>
#include <vector>

namespace aotc::analysis {

// Whether @e may sit inside a straight-line region.
bool InRegion(const wabt::Expr& e);

using Region = std::vector<const wabt::Expr*>;

// Calls @fn(region) for every region of every instruction list of
// @f (nested lists included), in no particular order.
void ForEachRegion(const wabt::Func& f, const std::function<void(const Region& region)>& fn);

}  // namespace aotc::analysis

#endif  // AOTC_ANALYSIS_REGIONS_H_
