// SPDX-License-Identifier: GPL-2.0
// Straight-line regions (regions.h).
#include "aotc/analysis/regions.h"

namespace aotc::analysis {

void ForEachRegion(const std::vector<Insn>& body, const std::function<void(const Region&)>& fn) {
  size_t start = 0;
  for (size_t i = 0; i <= body.size(); i++) {
    if (i < body.size() && InRegion(body[i].op)) continue;
    if (i > start) fn(Region{body.data() + start, i - start});
    start = i + 1;
  }
}

}  // namespace aotc::analysis
