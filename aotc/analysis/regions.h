// SPDX-License-Identifier: GPL-2.0
// Straight-line regions of a function body: the analysis layer's unit.
//
// A region is a maximal run of consecutive lowered records (lower.h) that
// may sit in a region: no control flow (block, loop, if, else, end, br*,
// return, unreachable), no call of any kind (wasm or host: a call may grow
// memory, yield, or make effects visible outside the instance) and no
// memory.grow, bulk memory/table instruction or v128 access.  Inside a
// region every instruction runs exactly once, in order, whenever the first
// one runs, unless one traps.  In wabt's tree this is a run of one
// instruction list: the lowered markers end a region where the tree nests.
#ifndef AOTC_ANALYSIS_REGIONS_H_
#define AOTC_ANALYSIS_REGIONS_H_

#include <cstddef>
#include <functional>
#include <vector>

#include "aotc/analysis/lower.h"

namespace aotc::analysis {

// The records [begin, begin + count) of a lowered body.
struct Region {
  const Insn* begin;
  size_t count;
  const Insn& operator[](size_t i) const { return begin[i]; }
  size_t size() const { return count; }
};

// Calls @fn(region) for every region of @body, in program order.
void ForEachRegion(const std::vector<Insn>& body, const std::function<void(const Region&)>& fn);

}  // namespace aotc::analysis

#endif  // AOTC_ANALYSIS_REGIONS_H_
