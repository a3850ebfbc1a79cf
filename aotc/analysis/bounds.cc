// SPDX-License-Identifier: GPL-2.0
// Bounds-check merging (bounds.h): a symbolic run of each region's value
// stack over the lowered records (lower.h), where an i32 value is either
// "local L (as on entry to the region) + disp" or unknown.
#include "aotc/analysis/bounds.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "aotc/analysis/regions.h"

namespace aotc::analysis {

using wabt::Opcode;

namespace {

// |disp| stays far below 2^62: L + disp + offset + size fits an s64.
constexpr int64_t kMaxDisp = int64_t(1) << 34;

// An i32 value: unknown, a constant, or "local L as of its version-th
// assignment in the region (0: its value on entry) + disp".
struct Value {
  enum Kind { kUnknown, kConst, kLocal } kind = kUnknown;
  uint32_t local = 0, version = 0;
  int64_t n = 0;  // kConst: the i32 constant (signed); kLocal: disp
};

class RegionRun {
 public:
  explicit RegionRun(BoundsFacts& facts) : facts_(facts) {}

  void Run(const Region& region, size_t min_saved) {
    // Every tracked access, with the point (instruction index) from which
    // its base local holds the value it is addressed from, and the first
    // point where the local is assigned again.
    struct Acc {
      const wabt::Expr* e;
      size_t at, from;
      uint32_t local, version;
      int64_t disp, end;  // disp before the memarg offset; disp + offset + size
      uint64_t offset;
    };
    std::vector<Acc> accs;
    for (size_t i = 0; i < region.size(); i++) {
      const Insn& r = region[i];
      std::optional<Value> addr = Step(r, i);
      if (!addr) continue;
      facts_.accesses++;
      if (addr->kind != Value::kLocal) continue;
      accs.push_back({r.expr, i, from_[{addr->local, addr->version}], addr->local, addr->version,
                      addr->n, addr->n + int64_t(r.offset + r.size), r.offset});
    }
    // The C local holds the base value at p and still at the access (an
    // address computed from L may stay on the stack while L is assigned).
    auto Covers = [this](const Acc& a, size_t p) {
      return Current(a.local, p) == a.version && Current(a.local, a.at) == a.version;
    };
    // The split point: the tests go right before instruction @p and cover
    // the accesses at or after p whose base value is available at p (the
    // local is not assigned between p and the access: same version).
    size_t best_p = 0, best_gain = 0;
    for (const Acc& a : accs) {
      size_t p = a.at, n = 0;
      std::set<std::pair<uint32_t, uint32_t>> bases;
      for (const Acc& b : accs) {
        if (b.at >= p && b.from <= p && Covers(b, p)) {
          n++;
          bases.insert({b.local, b.version});
        }
      }
      if (n >= bases.size() + min_saved && n - bases.size() > best_gain) {
        best_gain = n - bases.size();
        best_p = p;
      }
    }
    if (!best_gain) return;
    std::map<std::pair<uint32_t, uint32_t>, size_t> group;
    for (const Acc& a : accs)
      if (a.at >= best_p && a.from <= best_p && Covers(a, best_p)) group[{a.local, a.version}]++;
    size_t end = best_p;
    std::map<std::pair<uint32_t, uint32_t>, BaseCheck> checks;
    for (const Acc& a : accs) {
      if (a.at < best_p || a.from > best_p || !Covers(a, best_p)) continue;
      if (group[{a.local, a.version}] < 2) continue;  // a test of its own saves nothing
      end = std::max(end, a.at + 1);
      auto [it, fresh] =
          checks.try_emplace({a.local, a.version}, BaseCheck{a.local, a.disp, a.end});
      it->second.lo = std::min(it->second.lo, a.disp);
      it->second.hi = std::max(it->second.hi, a.end);
      facts_.covered.emplace(a.e, CoveredAccess{a.local, a.disp + int64_t(a.offset)});
    }
    MergedRegion mr{region.size(), best_p, end, {}};
    for (const auto& [key, c] : checks) mr.checks.push_back(c);
    facts_.regions.emplace(region[0].expr, std::move(mr));
  }

 private:
  Value Pop() {
    if (stack_.empty()) return {};  // a value from before the region
    Value v = stack_.back();
    stack_.pop_back();
    return v;
  }
  void Push(Value v) { stack_.push_back(v); }

  // Which version local @l has at instruction @p of the region.
  uint32_t Current(uint32_t l, size_t p) const {
    uint32_t v = 0;
    auto it = sets_.find(l);
    if (it != sets_.end())
      for (size_t at : it->second)
        if (at < p) v++;
    return v;
  }

  void Assign(uint32_t l, size_t i) {
    std::vector<size_t>& s = sets_[l];
    s.push_back(i);
    from_[{l, uint32_t(s.size())}] = i + 1;
  }

  // Instruction @i of the region: its effect on the stack model; for a
  // scalar load or store, the address value.
  std::optional<Value> Step(const Insn& r, size_t i) {
    switch (r.op) {
      case Op::kNop:
        return std::nullopt;
      case Op::kDrop:
      case Op::kGlobalSet:
        Pop();
        return std::nullopt;
      case Op::kSelect:
        Pop(), Pop(), Pop();
        Push({});
        return std::nullopt;
      case Op::kLocalGet:
        if (r.type == wabt::Type::I32)
          Push({Value::kLocal, r.index, Current(r.index, i), 0});
        else
          Push({});
        return std::nullopt;
      case Op::kLocalSet:
        Pop();
        Assign(r.index, i);
        return std::nullopt;
      case Op::kLocalTee:
        // The value on the stack is now also the local's: name it so when
        // it was not tracked (clang tees a computed address, then adds
        // constants to the local).
        Assign(r.index, i);
        if (r.type == wabt::Type::I32 && !stack_.empty() && stack_.back().kind == Value::kUnknown)
          stack_.back() = {Value::kLocal, r.index, Current(r.index, i + 1), 0};
        return std::nullopt;
      case Op::kGlobalGet:
      case Op::kMemorySize:
        Push({});
        return std::nullopt;
      case Op::kConst:
        if (r.type == wabt::Type::I32)
          Push({Value::kConst, 0, 0, r.imm});
        else
          Push({});
        return std::nullopt;
      case Op::kUnary:
      case Op::kConvert:
        Pop();
        Push({});
        return std::nullopt;
      case Op::kCompare:
        Pop(), Pop();
        Push({});
        return std::nullopt;
      case Op::kBinary:
        Push(Binary(r.opcode));
        return std::nullopt;
      case Op::kLoad: {
        Value addr = Pop();
        Push({});
        return addr;
      }
      case Op::kStore:
        Pop();
        return Pop();
      default:
        // Not in a region (regions.h); keeps the stack model honest anyway.
        stack_.clear();
        return std::nullopt;
    }
  }

  // (u32)(L + a) + b == (u32)(L + a + b): the sum is tracked exactly and
  // reduced mod 2^32 only where the address is used.
  Value Binary(Opcode op) {
    Value b = Pop(), a = Pop();
    int64_t d;
    if (op == Opcode::I32Add && a.kind == Value::kLocal && b.kind == Value::kConst) {
      d = a.n + b.n;
    } else if (op == Opcode::I32Add && a.kind == Value::kConst && b.kind == Value::kLocal) {
      d = b.n + a.n;
      a = b;
    } else if (op == Opcode::I32Sub && a.kind == Value::kLocal && b.kind == Value::kConst) {
      d = a.n - b.n;
    } else {
      return {};
    }
    if (d > kMaxDisp || d < -kMaxDisp) return {};
    return {Value::kLocal, a.local, a.version, d};
  }

  BoundsFacts& facts_;
  std::vector<Value> stack_;
  std::map<uint32_t, std::vector<size_t>> sets_;          // local -> where it is assigned
  std::map<std::pair<uint32_t, uint32_t>, size_t> from_;  // (local, version) -> available from

 public:
  void Reset() {
    stack_.clear();
    sets_.clear();
    from_.clear();
  }
};

}  // namespace

BoundsFacts AnalyzeBounds(const std::vector<Insn>& body, size_t min_saved) {
  BoundsFacts facts;
  RegionRun run(facts);
  ForEachRegion(body, [&](const Region& region) {
    run.Reset();
    run.Run(region, min_saved);
  });
  return facts;
}

}  // namespace aotc::analysis
