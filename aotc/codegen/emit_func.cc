// SPDX-License-Identifier: GPL-2.0
// Function bodies: value stack, locals, control flow, calls.
#include "aotc/codegen/emit_func.h"

#include <wabt/cast.h>

#include <cinttypes>
#include <cstdio>

#include "linux/wasmkm.h"

namespace aotc::codegen {

using wabt::cast;
using wabt::ExprType;
using wabt::Type;

namespace {

char SlotSuffix(Type t) {
  switch (t) {
    case Type::I32:
      return 'i';
    case Type::I64:
      return 'l';
    case Type::F32:
      return 'f';
    case Type::F64:
      return 'd';
    case Type::FuncRef:
      return 'r';
    case Type::V128:
      return 'v';
    default:
      return 'x';  // externref
  }
}

const char* TrapName(uint32_t kind) {
  switch (kind) {
    case WASMKM_TRAP_UNREACHABLE:
      return "unreachable";
    case WASMKM_TRAP_MEM_OOB:
      return "mem_oob";
    case WASMKM_TRAP_DIV_ZERO:
      return "div_zero";
    case WASMKM_TRAP_INT_OVERFLOW:
      return "int_overflow";
    case WASMKM_TRAP_INVALID_CONV:
      return "invalid_conv";
    case WASMKM_TRAP_UNINIT_ELEM:
      return "uninit_elem";
    case WASMKM_TRAP_INDIRECT_TYPE:
      return "indirect_type";
    case WASMKM_TRAP_UNDEF_ELEM:
      return "undef_elem";
    case WASMKM_TRAP_TABLE_OOB:
      return "table_oob";
    default:
      return "other";
  }
}

const char* TrapConst(uint32_t kind) {
  switch (kind) {
    case WASMKM_TRAP_UNREACHABLE:
      return "WASMKM_TRAP_UNREACHABLE";
    case WASMKM_TRAP_MEM_OOB:
      return "WASMKM_TRAP_MEM_OOB";
    case WASMKM_TRAP_DIV_ZERO:
      return "WASMKM_TRAP_DIV_ZERO";
    case WASMKM_TRAP_INT_OVERFLOW:
      return "WASMKM_TRAP_INT_OVERFLOW";
    case WASMKM_TRAP_INVALID_CONV:
      return "WASMKM_TRAP_INVALID_CONV";
    case WASMKM_TRAP_UNINIT_ELEM:
      return "WASMKM_TRAP_UNINIT_ELEM";
    case WASMKM_TRAP_INDIRECT_TYPE:
      return "WASMKM_TRAP_INDIRECT_TYPE";
    case WASMKM_TRAP_UNDEF_ELEM:
      return "WASMKM_TRAP_UNDEF_ELEM";
    default:
      return "WASMKM_TRAP_TABLE_OOB";
  }
}

const char* kNoTrap = "proc_exit";  // pseudo trap label: return without trapping

}  // namespace

FuncEmitter::FuncEmitter(const ModuleInfo& mi, uint32_t idx)
    : mi_(mi), idx_(idx), f_(*mi.m->funcs[idx]) {}

std::string FuncEmitter::Slot(uint32_t depth, Type t) {
  slots_.insert({depth, SlotSuffix(t)});
  return "s" + std::to_string(depth) + SlotSuffix(t);
}

std::string FuncEmitter::Push(Type t) {
  stack_.push_back(t);
  return Slot(stack_.size() - 1, t);
}

std::string FuncEmitter::Pop() {
  std::string s = Top();
  stack_.pop_back();
  return s;
}

std::string FuncEmitter::Top() const {
  uint32_t d = stack_.size() - 1;
  return "s" + std::to_string(d) + SlotSuffix(stack_.back());
}

void FuncEmitter::Line(const std::string& s) {
  size_t depth = frames_.size() < 12 ? frames_.size() : 12;
  body_.append(depth, '\t');
  body_ += s;
  body_ += '\n';
}

void FuncEmitter::Fail(const std::string& what, const std::string& hint) {
  throw CodegenError{FuncLabel(mi_, idx_) + ": " + what +
                     (op_name_.empty() ? "" : " (instruction '" + op_name_ + "')") + ": " + hint};
}

std::string FuncEmitter::Trap(uint32_t kind) {
  traps_.insert(kind);
  return std::string("goto trap_") + TrapName(kind) + ";";
}

void FuncEmitter::ReloadMem() {
  if (mi_.has_memory) Line("mem = ctx->mem; mem_size = ctx->mem_size;");
}

FuncEmitter::Frame& FuncEmitter::Target(const wabt::Var& v) {
  if (v.is_index()) {
    if (v.index() >= frames_.size()) Fail("branch depth out of range", "the module is invalid");
    return frames_[frames_.size() - 1 - v.index()];
  }
  for (size_t i = frames_.size(); i-- > 0;) {
    if (frames_[i].name == v.name()) return frames_[i];
  }
  Fail("unknown branch label " + v.name(), "the module is invalid");
}

void FuncEmitter::BranchCopies(const Frame& f) {
  const wabt::TypeVector& types = f.kind == FrameKind::kLoop ? f.params : f.results;
  uint32_t n = types.size();
  uint32_t base = stack_.size() - n;
  // Ascending order is safe: a destination never lies above its source.
  for (uint32_t k = 0; k < n; k++) {
    std::string dst = Slot(f.height + k, types[k]);
    std::string src = Slot(base + k, types[k]);
    if (dst != src) Line(dst + " = " + src + ";");
  }
}

std::string FuncEmitter::ReturnStmt() {
  const wabt::TypeVector& res = f_.decl.sig.result_types;
  uint32_t n = res.size();
  uint32_t base = stack_.size() - n;
  if (n == 0) return "return;";
  if (n == 1) return "return " + Slot(base, res[0]) + ";";
  std::string s = "{ " + CReturnType(mi_, res) + " r_ = { ";
  for (uint32_t k = 0; k < n; k++) s += (k ? ", " : "") + Slot(base + k, res[k]);
  return s + " }; return r_; }";
}

void FuncEmitter::EmitBranch(Frame& f) {
  if (f.kind == FrameKind::kFunc) {
    Line(ReturnStmt());
    return;
  }
  f.used = true;
  BranchCopies(f);
  Line("goto L" + std::to_string(f.id) + ";");
}

void FuncEmitter::EmitList(const wabt::ExprList& list) {
  std::vector<const wabt::Expr*> region;  // a merged region, being gathered
  const analysis::MergedRegion* mr = nullptr;
  for (const wabt::Expr& e : list) {
    if (!mr) {
      auto it = bounds_.regions.find(&e);
      if (it != bounds_.regions.end()) mr = &it->second;
    }
    if (mr) {
      region.push_back(&e);
      if (region.size() == mr->count) {
        EmitMergedRegion(region, *mr);
        region.clear();
        mr = nullptr;
      }
      continue;
    }
    // Structured instructions recurse from here, not from EmitExpr, whose
    // frame is large: deep nesting must not exhaust the compiler's stack.
    if (e.type() == ExprType::Block) {
      op_name_ = "block";
      EmitBlock(cast<wabt::BlockExpr>(&e)->block, FrameKind::kBlock);
    } else if (e.type() == ExprType::Loop) {
      op_name_ = "loop";
      EmitBlock(cast<wabt::LoopExpr>(&e)->block, FrameKind::kLoop);
    } else if (e.type() == ExprType::If) {
      op_name_ = "if";
      EmitIf(*cast<wabt::IfExpr>(&e));
    } else {
      EmitExpr(e);
    }
    if (dead_) return;  // stack-polymorphic tail: never executed, not emitted
  }
}

// The head of a loop that some branch targets: its label and, with yield
// points, the check that lets a long-running loop yield (WASMKM_LOOP).
std::string FuncEmitter::LoopHead(size_t indent, const std::string& id) {
  std::string head = std::string(indent, '\t') + "L" + id + ":\n";
  if (mi_.yield_points) {
    head += std::string(indent + 1, '\t') + "WASMKM_LOOP(ctx);\n";
  } else {
    head += std::string(indent + 1, '\t') + ";\n";
  }
  return head;
}

void FuncEmitter::EmitBlock(const wabt::Block& b, FrameKind kind) {
  const wabt::FuncSignature& sig = b.decl.sig;
  Frame fr{kind,
           next_id_++,
           uint32_t(stack_.size() - sig.GetNumParams()),
           sig.param_types,
           sig.result_types,
           b.label};
  std::string id = std::to_string(fr.id);
  size_t loop_pos = body_.size();
  size_t indent = frames_.size() < 12 ? frames_.size() : 12;
  frames_.push_back(fr);
  EmitList(b.exprs);
  Frame done = frames_.back();
  frames_.pop_back();
  stack_.resize(done.height);
  for (Type t : done.results) Push(t);
  if (kind == FrameKind::kLoop) {
    if (done.used) body_.insert(loop_pos, LoopHead(indent, id));
    // Falling out of a loop is the only way past its end.
  } else if (done.used) {
    Line("L" + id + ":;");
    dead_ = false;
  }
}

void FuncEmitter::EmitIf(const wabt::IfExpr& e) {
  const wabt::FuncSignature& sig = e.true_.decl.sig;
  std::string cond = Pop();
  Frame fr{FrameKind::kIf,  next_id_++,       uint32_t(stack_.size() - sig.GetNumParams()),
           sig.param_types, sig.result_types, e.true_.label};
  std::string id = std::to_string(fr.id);
  Line("if (!" + cond + ") goto E" + id + ";");
  frames_.push_back(fr);
  EmitList(e.true_.exprs);
  bool then_dead = dead_;
  if (!dead_) {
    frames_.back().used = true;
    Line("goto L" + id + ";");
  }
  dead_ = false;
  stack_.resize(fr.height);
  for (Type t : fr.params) Push(t);
  Line("E" + id + ":;");
  EmitList(e.false_);
  bool else_dead = dead_;
  Frame done = frames_.back();
  frames_.pop_back();
  stack_.resize(done.height);
  for (Type t : done.results) Push(t);
  if (done.used) Line("L" + id + ":;");
  dead_ = then_dead && else_dead && !done.used;
}

void FuncEmitter::EmitCallWith(const std::string& callee, const wabt::FuncSignature& sig) {
  uint32_t np = sig.GetNumParams();
  uint32_t base = stack_.size() - np;
  std::string args = "ctx";
  for (uint32_t k = 0; k < np; k++) args += ", " + Slot(base + k, sig.param_types[k]);
  stack_.resize(base);
  std::string call = callee + "(" + args + ")";
  const wabt::TypeVector& res = sig.result_types;
  if (res.empty()) {
    Line(call + ";");
  } else if (res.size() == 1) {
    Line(Push(res[0]) + " = " + call + ";");
  } else {
    std::string s = "{ " + CReturnType(mi_, res) + " r_ = " + call + ";";
    for (uint32_t k = 0; k < res.size(); k++)
      s += " " + Push(res[k]) + " = r_.v" + std::to_string(k) + ";";
    Line(s + " }");
  }
  // Keeps the call out of tail position: gcc would otherwise turn recursion
  // into a loop (even with an accumulator), and unbounded wasm recursion must
  // exhaust the stack and trap, as the spec says, rather than spin.
  Line("__asm__ volatile(\"\");");
  ReloadMem();
}

void FuncEmitter::EmitCall(uint32_t func_idx) {
  const wabt::Func& callee = *mi_.m->funcs[func_idx];
  EmitCallWith("w" + std::to_string(func_idx), callee.decl.sig);
  if (func_idx < mi_.nimports) {
    const auto* imp = mi_.m->imports[func_idx];
    if (imp->field_name == "proc_exit") {
      // proc_exit never returns, but is not noreturn: leave like a trap does.
      traps_.insert(0);
      Line("goto trap_" + std::string(kNoTrap) + ";");
    }
  }
}

void FuncEmitter::EmitCallIndirect(const wabt::CallIndirectExpr& e) {
  uint32_t t = mi_.m->GetTableIndex(e.table);
  const TableInfo& ti = mi_.tables[t];
  const wabt::FuncSignature& sig = e.decl.sig;
  uint32_t sid = SigIdOf(mi_, sig);
  std::string i = Pop();
  Line("{");
  Line("\tconst struct wasmkm_funcref *fr_;");
  Line("\tif (unlikely(" + i + " >= " + ti.checked_size + ")) " + Trap(WASMKM_TRAP_UNDEF_ELEM));
  Line("\tfr_ = " + ti.slots + "[" + i + "];");
  Line("\tif (unlikely(!fr_)) " + Trap(WASMKM_TRAP_UNINIT_ELEM));
  Line("\tif (unlikely(fr_->type_id != " + std::to_string(sid) + ")) " +
       Trap(WASMKM_TRAP_INDIRECT_TYPE));
  std::string fptype = CReturnType(mi_, sig.result_types) + " (*)(struct wasmkm_ctx *";
  for (Type p : sig.param_types) fptype += ", " + CType(p);
  fptype += ")";
  EmitCallWith("((" + fptype + ")fr_->fn)", sig);
  Line("}");
}

void FuncEmitter::EmitExpr(const wabt::Expr& e) {
  op_name_ = wabt::GetExprTypeName(e);
  switch (e.type()) {
    case ExprType::Nop:
      break;
    case ExprType::Unreachable:
      Line(Trap(WASMKM_TRAP_UNREACHABLE));
      dead_ = true;
      break;
    case ExprType::Block:
      EmitBlock(cast<wabt::BlockExpr>(&e)->block, FrameKind::kBlock);
      break;
    case ExprType::Loop:
      EmitBlock(cast<wabt::LoopExpr>(&e)->block, FrameKind::kLoop);
      break;
    case ExprType::If:
      EmitIf(*cast<wabt::IfExpr>(&e));
      break;
    case ExprType::Br:
      EmitBranch(Target(cast<wabt::BrExpr>(&e)->var));
      dead_ = true;
      break;
    case ExprType::BrIf: {
      std::string c = Pop();
      Frame& f = Target(cast<wabt::BrIfExpr>(&e)->var);
      Line("if (" + c + ") {");
      EmitBranch(f);
      Line("}");
      break;
    }
    case ExprType::BrTable: {
      const auto* bt = cast<wabt::BrTableExpr>(&e);
      std::string i = Pop();
      // Group the cases by target so that each target's copies appear once.
      std::vector<std::pair<const wabt::Var*, std::vector<uint32_t>>> groups;
      for (uint32_t k = 0; k < bt->targets.size(); k++) {
        Frame* f = &Target(bt->targets[k]);
        bool found = false;
        for (auto& g : groups) {
          if (&Target(*g.first) == f) {
            g.second.push_back(k);
            found = true;
            break;
          }
        }
        if (!found) groups.push_back({&bt->targets[k], {k}});
      }
      Line("switch (" + i + ") {");
      Frame* def = &Target(bt->default_target);
      for (auto& g : groups) {
        if (&Target(*g.first) == def) continue;  // handled by default
        std::string cases;
        for (uint32_t k : g.second) cases += "case " + std::to_string(k) + "u: ";
        Line(cases);
        EmitBranch(Target(*g.first));
      }
      Line("default:");
      EmitBranch(*def);
      Line("}");
      dead_ = true;
      break;
    }
    case ExprType::Return:
      Line(ReturnStmt());
      dead_ = true;
      break;
    case ExprType::Call:
      EmitCall(mi_.m->GetFuncIndex(cast<wabt::CallExpr>(&e)->var));
      break;
    case ExprType::CallIndirect:
      EmitCallIndirect(*cast<wabt::CallIndirectExpr>(&e));
      break;
    case ExprType::Drop:
      Pop();
      break;
    case ExprType::Select: {
      std::string c = Pop();
      std::string b = Pop();
      std::string a = Top();
      Line(a + " = " + c + " ? " + a + " : " + b + ";");
      break;
    }
    case ExprType::LocalGet: {
      uint32_t l = f_.GetLocalIndex(cast<wabt::LocalGetExpr>(&e)->var);
      Line(Push(f_.GetLocalType(l)) + " = l" + std::to_string(l) + ";");
      break;
    }
    case ExprType::LocalSet: {
      uint32_t l = f_.GetLocalIndex(cast<wabt::LocalSetExpr>(&e)->var);
      Line("l" + std::to_string(l) + " = " + Pop() + ";");
      break;
    }
    case ExprType::LocalTee: {
      uint32_t l = f_.GetLocalIndex(cast<wabt::LocalTeeExpr>(&e)->var);
      Line("l" + std::to_string(l) + " = " + Top() + ";");
      break;
    }
    case ExprType::GlobalGet: {
      const GlobalInfo& g = mi_.globals[mi_.m->GetGlobalIndex(cast<wabt::GlobalGetExpr>(&e)->var)];
      Line(Push(g.type) + " = " + g.expr + ";");
      break;
    }
    case ExprType::GlobalSet: {
      const GlobalInfo& g = mi_.globals[mi_.m->GetGlobalIndex(cast<wabt::GlobalSetExpr>(&e)->var)];
      Line(g.expr + " = " + Pop() + ";");
      break;
    }
    case ExprType::Const:
      EmitConst(cast<wabt::ConstExpr>(&e)->const_);
      break;
    case ExprType::Unary:
      op_name_ = cast<wabt::UnaryExpr>(&e)->opcode.GetName();
      EmitUnary(cast<wabt::UnaryExpr>(&e)->opcode);
      break;
    case ExprType::Binary:
      op_name_ = cast<wabt::BinaryExpr>(&e)->opcode.GetName();
      EmitBinary(cast<wabt::BinaryExpr>(&e)->opcode);
      break;
    case ExprType::Compare:
      op_name_ = cast<wabt::CompareExpr>(&e)->opcode.GetName();
      EmitCompare(cast<wabt::CompareExpr>(&e)->opcode);
      break;
    case ExprType::Convert:
      op_name_ = cast<wabt::ConvertExpr>(&e)->opcode.GetName();
      EmitConvert(cast<wabt::ConvertExpr>(&e)->opcode);
      break;
    case ExprType::Load:
      EmitLoad(*cast<wabt::LoadExpr>(&e));
      break;
    case ExprType::Store:
      EmitStore(*cast<wabt::StoreExpr>(&e));
      break;
    case ExprType::MemorySize:
    case ExprType::MemoryGrow:
    case ExprType::MemoryCopy:
    case ExprType::MemoryFill:
    case ExprType::MemoryInit:
    case ExprType::DataDrop:
      EmitMemoryOp(e);
      break;
    case ExprType::TableGet:
    case ExprType::TableSet:
    case ExprType::TableSize:
    case ExprType::TableGrow:
    case ExprType::TableFill:
    case ExprType::TableCopy:
    case ExprType::TableInit:
    case ExprType::ElemDrop:
      EmitTableOp(e);
      break;
    case ExprType::RefNull: {
      Type t = cast<wabt::RefNullExpr>(&e)->type;
      if (!IsSupportedValueType(t)) Fail("unsupported reference type", "use funcref or externref");
      Line(Push(t) + " = NULL;");
      break;
    }
    case ExprType::RefIsNull: {
      std::string r = Pop();
      Line(Push(Type::I32) + " = " + r + " == NULL;");
      break;
    }
    case ExprType::RefFunc: {
      uint32_t fi = mi_.m->GetFuncIndex(cast<wabt::RefFuncExpr>(&e)->var);
      Line(Push(Type::FuncRef) + " = &wasmkm_fr" + std::to_string(fi) + ";");
      break;
    }
    case ExprType::SimdLaneOp:
      EmitSimdLane(*cast<wabt::SimdLaneOpExpr>(&e));
      break;
    case ExprType::SimdShuffleOp:
      EmitSimdShuffle(*cast<wabt::SimdShuffleOpExpr>(&e));
      break;
    case ExprType::SimdLoadLane:
      EmitSimdLoadLane(*cast<wabt::SimdLoadLaneExpr>(&e));
      break;
    case ExprType::SimdStoreLane:
      EmitSimdStoreLane(*cast<wabt::SimdStoreLaneExpr>(&e));
      break;
    case ExprType::LoadSplat:
      EmitSimdLoad(cast<wabt::LoadSplatExpr>(&e)->opcode, cast<wabt::LoadSplatExpr>(&e)->offset);
      break;
    case ExprType::LoadZero:
      EmitSimdLoad(cast<wabt::LoadZeroExpr>(&e)->opcode, cast<wabt::LoadZeroExpr>(&e)->offset);
      break;
    case ExprType::Ternary:
      op_name_ = cast<wabt::TernaryExpr>(&e)->opcode.GetName();
      EmitSimdOp(cast<wabt::TernaryExpr>(&e)->opcode);
      break;
    case ExprType::AtomicLoad:
    case ExprType::AtomicRmw:
    case ExprType::AtomicRmwCmpxchg:
    case ExprType::AtomicStore:
    case ExprType::AtomicNotify:
    case ExprType::AtomicFence:
    case ExprType::AtomicWait:
      Fail("threads/atomics are not supported", "build the app without -pthread/atomics");
    case ExprType::ReturnCall:
    case ExprType::ReturnCallIndirect:
      Fail("tail calls are not supported", "build the app without -mtail-call");
    case ExprType::Try:
    case ExprType::Throw:
    case ExprType::Rethrow:
      Fail("exception handling is not supported", "build the app without wasm exceptions");
    default:
      Fail("unsupported instruction", "this wasm feature is not implemented by aotc");
  }
}

std::string FuncEmitter::Emit() {
  const wabt::FuncSignature& sig = f_.decl.sig;
  for (Type t : sig.param_types)
    if (!IsSupportedValueType(t))
      Fail("parameter type " + std::string(t.GetName()) + " is not supported",
           "this value type is not implemented by aotc");
  for (Type t : f_.local_types)
    if (!IsSupportedValueType(t))
      Fail("local type " + std::string(t.GetName()) + " is not supported",
           "this value type is not implemented by aotc");
  for (Type t : sig.result_types)
    if (!IsSupportedValueType(t))
      Fail("result type " + std::string(t.GetName()) + " is not supported",
           "this value type is not implemented by aotc");

  if (mi_.merge_bounds_checks) bounds_ = analysis::AnalyzeBounds(analysis::Lower(f_));
  frames_.push_back(Frame{FrameKind::kFunc, next_id_++, 0, {}, sig.result_types, "", false});
  EmitList(f_.exprs);
  if (!dead_) Line(ReturnStmt());
  op_name_.clear();

  std::string rt = CReturnType(mi_, sig.result_types);
  std::string out = "/* " + CommentSafe(FuncLabel(mi_, idx_)) + " */\n";
  out += "static " + rt + " w" + std::to_string(idx_) + "(struct wasmkm_ctx *ctx";
  uint32_t np = sig.GetNumParams();
  for (uint32_t k = 0; k < np; k++)
    out += ", " + CType(sig.param_types[k]) + " l" + std::to_string(k) + " __maybe_unused";
  out += ")\n{\n";
  out += "\tu8 *mem __maybe_unused = ctx->mem;\n";
  out += "\tu64 mem_size __maybe_unused = ctx->mem_size;\n";
  uint32_t nl = f_.GetNumParamsAndLocals();
  for (uint32_t k = np; k < nl; k++) {
    Type t = f_.GetLocalType(k);
    // __maybe_unused: -Werror builds (unused, or set and never read)
    out += "\t" + CType(t) + " l" + std::to_string(k) + " __maybe_unused = " + CZero(t) + ";\n";
  }
  for (const auto& [depth, suffix] : slots_) {
    Type t = suffix == 'i'   ? Type::I32
             : suffix == 'l' ? Type::I64
             : suffix == 'f' ? Type::F32
             : suffix == 'd' ? Type::F64
             : suffix == 'v' ? Type::V128
             : suffix == 'r' ? Type::FuncRef
                             : Type::ExternRef;
    out += "\t" + CType(t) + " s" + std::to_string(depth) + suffix +
           " __maybe_unused = " + CZero(t) + ";\n";
  }
  out += "\n";
  std::string idx = std::to_string(idx_);
  if (mi_.yield_points) {
    out += "\tWASMKM_ENTRY(ctx, " + idx + ");\n";
  } else {
    out += "\tif (unlikely(WASMKM_SP() < ctx->stack_limit)) {\n";
    out += "\t\twasmkm_entry_slow(ctx, " + idx + ");\n\t}\n";
  }
  out += body_;
  std::string dummy;
  if (sig.result_types.empty()) {
    dummy = "\treturn;\n";
  } else if (sig.result_types.size() == 1) {
    dummy = "\treturn " + CZero(sig.result_types[0]) + ";\n";
  } else {
    dummy = "\t{ " + rt + " r_; __builtin_memset(&r_, 0, sizeof(r_)); return r_; }\n";
  }
  // A body that never falls off its end (a loop with no exit): a return the
  // compiler can see, else -Werror=return-type fails (never reached).
  if (dead_ && traps_.empty() && !sig.result_types.empty()) out += dummy;
  if (!traps_.empty()) {
    for (uint32_t kind : traps_) {
      if (kind == 0) continue;
      // The number, not the uapi enum name: rt.h does not include the uapi header.
      out += std::string("trap_") + TrapName(kind) + ":\n\twasmkm_trap(ctx, " +
             std::to_string(kind) + " /* " + TrapConst(kind) + " */, " + idx + ");\n" + dummy;
    }
    if (traps_.count(0)) out += std::string("trap_") + kNoTrap + ":\n" + dummy;
  }
  out += "}\n\n";
  return out;
}

std::string EmitFunction(const ModuleInfo& mi, uint32_t idx) {
  FuncEmitter fe(mi, idx);
  return fe.Emit();
}

}  // namespace aotc::codegen
