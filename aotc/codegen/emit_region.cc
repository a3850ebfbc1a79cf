// SPDX-License-Identifier: GPL-2.0
// A straight-line region with merged bounds checks (aotc/analysis/bounds.h):
// the part before the split point as usual, then the tests of every base
// local, then the rest twice: with the covered accesses unchecked when the
// tests pass, else exactly as without merging (every access checked).
#include "aotc/codegen/emit_func.h"

namespace aotc::codegen {

using wabt::Type;

void FuncEmitter::EmitMergedRegion(const std::vector<const wabt::Expr*>& region,
                                   const analysis::MergedRegion& mr) {
  std::string cond;
  for (const analysis::BaseCheck& c : mr.checks) {
    std::string l = "(s64)l" + std::to_string(c.local);
    if (!cond.empty()) cond += " && ";
    if (c.lo < 0) cond += l + " >= " + std::to_string(-c.lo) + "ll && ";
    cond += l + (c.hi >= 0 ? " + " : " - ") + std::to_string(c.hi >= 0 ? c.hi : -c.hi) +
            "ll <= (s64)mem_size";
  }
  size_t k = 0;
  for (; k < mr.split; k++) EmitExpr(*region[k]);
  Line("if (likely(" + cond + ")) {");
  std::vector<Type> saved = stack_;
  merged_ = true;
  for (k = mr.split; k < mr.end; k++) EmitExpr(*region[k]);
  merged_ = false;
  stack_ = saved;
  Line("} else {");
  for (k = mr.split; k < mr.end; k++) EmitExpr(*region[k]);
  Line("}");
  // Once, after the join: a loop's induction variable updates stay out of
  // the two copies, so the C compiler still sees one induction variable.
  for (k = mr.end; k < region.size(); k++) EmitExpr(*region[k]);
}

}  // namespace aotc::codegen
