// SPDX-License-Identifier: GPL-2.0
// Linear memory and table instructions.  Every load and store goes through
// Address(): the checked or the proved form of <wasmkm/mem.h> (the bounds
// analysis alone chooses the proved one).  The check is 64-bit: (u64)(u32)
// addr + offset + size cannot wrap, so offsets past 4 GiB trap as they must.
#include <wabt/cast.h>

#include "aotc/codegen/emit_func.h"
#include "linux/wasmkm.h"

namespace aotc::codegen {

using wabt::cast;
using wabt::ExprType;
using wabt::Opcode;
using wabt::Type;

std::string FuncEmitter::Address(const std::string& addr, uint64_t offset, uint64_t size,
                                 const wabt::Expr* access) {
  if (merged_ && access) {
    // Proved in bounds, with no 32-bit wrap-around, by the region's test:
    // the address is the base local plus a constant (analysis/bounds.h).
    auto it = bounds_.covered.find(access);
    if (it != bounds_.covered.end()) {
      int64_t d = it->second.disp;
      std::string l = "(u64)l" + std::to_string(it->second.local);
      if (d > 0) l += " + " + std::to_string(d) + "ull";
      if (d < 0) l += " - " + std::to_string(-d) + "ull";
      return "u64 ea_ = " + l + "; WASMKM_EA_PROVED(ea_, " + std::to_string(size) + ");";
    }
  }
  std::string ea = "(u64)" + addr;
  if (offset) ea += " + " + std::to_string(offset) + "ull";
  return "u64 ea_ = " + ea + "; if (WASMKM_EA_OOB(ea_, " + std::to_string(size) + ")) " +
         Trap(WASMKM_TRAP_MEM_OOB);
}

void FuncEmitter::EmitLoad(const wabt::LoadExpr& e) {
  op_name_ = e.opcode.GetName();
  if (e.opcode.GetResultType() == Type::V128) return EmitSimdLoad(e.opcode, e.offset);
  if (!mi_.has_memory) Fail("memory access without a memory", "the module is invalid");
  std::string addr = Pop();
  std::string v;
  uint64_t size = e.opcode.GetMemorySize();
  switch (e.opcode) {
    case Opcode::I32Load:
      v = "wasmkm_ld32(mem + ea_)";
      break;
    case Opcode::I64Load:
      v = "wasmkm_ld64(mem + ea_)";
      break;
    case Opcode::F32Load:
      v = "wasmkm_ldf32(mem + ea_)";
      break;
    case Opcode::F64Load:
      v = "wasmkm_ldf64(mem + ea_)";
      break;
    case Opcode::I32Load8S:
      v = "(u32)(s32)(s8)mem[ea_]";
      break;
    case Opcode::I32Load8U:
      v = "(u32)mem[ea_]";
      break;
    case Opcode::I32Load16S:
      v = "(u32)(s32)(s16)wasmkm_ld16(mem + ea_)";
      break;
    case Opcode::I32Load16U:
      v = "(u32)wasmkm_ld16(mem + ea_)";
      break;
    case Opcode::I64Load8S:
      v = "(u64)(s64)(s8)mem[ea_]";
      break;
    case Opcode::I64Load8U:
      v = "(u64)mem[ea_]";
      break;
    case Opcode::I64Load16S:
      v = "(u64)(s64)(s16)wasmkm_ld16(mem + ea_)";
      break;
    case Opcode::I64Load16U:
      v = "(u64)wasmkm_ld16(mem + ea_)";
      break;
    case Opcode::I64Load32S:
      v = "(u64)(s64)(s32)wasmkm_ld32(mem + ea_)";
      break;
    case Opcode::I64Load32U:
      v = "(u64)wasmkm_ld32(mem + ea_)";
      break;
    default:
      Fail("unsupported load", "build the app without SIMD (clang: no -msimd128)");
  }
  std::string r = Push(e.opcode.GetResultType());
  Line("{ " + Address(addr, e.offset, size, &e) + " " + r + " = " + v + "; }");
}

void FuncEmitter::EmitStore(const wabt::StoreExpr& e) {
  op_name_ = e.opcode.GetName();
  if (e.opcode == Opcode::V128Store) {
    if (!mi_.has_memory) Fail("memory access without a memory", "the module is invalid");
    std::string val = Pop();
    std::string addr = Pop();
    Line("{ " + Address(addr, e.offset, 16) + " wasmkm_v128_store(mem + ea_, " + val + "); }");
    return;
  }
  if (!mi_.has_memory) Fail("memory access without a memory", "the module is invalid");
  std::string val = Pop();
  std::string addr = Pop();
  std::string s;
  uint64_t size = e.opcode.GetMemorySize();
  switch (e.opcode) {
    case Opcode::I32Store:
    case Opcode::I64Store32:
      s = "wasmkm_st32(mem + ea_, (u32)" + val + ")";
      break;
    case Opcode::I64Store:
      s = "wasmkm_st64(mem + ea_, " + val + ")";
      break;
    case Opcode::F32Store:
      s = "wasmkm_stf32(mem + ea_, " + val + ")";
      break;
    case Opcode::F64Store:
      s = "wasmkm_stf64(mem + ea_, " + val + ")";
      break;
    case Opcode::I32Store8:
    case Opcode::I64Store8:
      s = "mem[ea_] = (u8)" + val;
      break;
    case Opcode::I32Store16:
    case Opcode::I64Store16:
      s = "wasmkm_st16(mem + ea_, (u16)" + val + ")";
      break;
    default:
      Fail("unsupported store", "build the app without SIMD (clang: no -msimd128)");
  }
  Line("{ " + Address(addr, e.offset, size, &e) + " " + s + "; }");
}

void FuncEmitter::EmitMemoryOp(const wabt::Expr& e) {
  // data.drop needs no memory (passive segments of a module without one).
  if (!mi_.has_memory && e.type() != ExprType::DataDrop)
    Fail("memory instruction without a memory", "the module is invalid");
  switch (e.type()) {
    case ExprType::MemorySize:
      Line(Push(Type::I32) + " = (u32)(mem_size >> 16);");
      break;
    case ExprType::MemoryGrow: {
      std::string d = Top();
      // The module's own maximum is enforced here; the kernel enforces its limit.
      Line("if (" + d + " > " + std::to_string(mi_.mem_max_pages) + "u - (u32)(mem_size >> 16)) {");
      Line("\t" + d + " = 0xffffffffu;");
      Line("} else {");
      Line("\t" + d + " = (u32)wasmkm_memory_grow(ctx, " + d + ");");
      Line("\tmem = ctx->mem; mem_size = ctx->mem_size;");
      Line("}");
      break;
    }
    // Bulk operations yield between 64 KiB chunks (wasmkm/ops.h).
    case ExprType::MemoryFill: {
      std::string n = Pop(), v = Pop(), d = Pop();
      Line("{ u64 d_ = " + d + ", n_ = " + n + "; if (unlikely(d_ + n_ > mem_size)) " +
           Trap(WASMKM_TRAP_MEM_OOB) + " wasmkm_bulk_fill(ctx, mem + d_, (u8)" + v + ", n_); }");
      break;
    }
    case ExprType::MemoryCopy: {
      std::string n = Pop(), s = Pop(), d = Pop();
      Line("{ u64 d_ = " + d + ", s_ = " + s + ", n_ = " + n +
           "; if (unlikely(d_ + n_ > mem_size || s_ + n_ > mem_size)) " +
           Trap(WASMKM_TRAP_MEM_OOB) + " wasmkm_bulk_move(ctx, mem + d_, mem + s_, n_); }");
      break;
    }
    case ExprType::MemoryInit: {
      uint32_t seg = mi_.m->GetDataSegmentIndex(cast<wabt::MemoryInitExpr>(&e)->var);
      size_t len = mi_.m->data_segments[seg]->data.size();
      std::string n = Pop(), s = Pop(), d = Pop();
      std::string k = std::to_string(seg);
      Line("{ u64 d_ = " + d + ", s_ = " + s + ", n_ = " + n + ", l_ = " + mi_.data_dropped[seg] +
           " ? 0 : " + std::to_string(len) + "ull;");
      Line("\tif (unlikely(d_ + n_ > mem_size || s_ + n_ > l_)) " + Trap(WASMKM_TRAP_MEM_OOB));
      Line("\twasmkm_bulk_move(ctx, mem + d_, wasmkm_data" + k + " + s_, n_); }");
      break;
    }
    case ExprType::DataDrop: {
      uint32_t seg = mi_.m->GetDataSegmentIndex(cast<wabt::DataDropExpr>(&e)->var);
      Line(mi_.data_dropped[seg] + " = 1;");
      break;
    }
    default:
      Fail("unsupported memory instruction", "this wasm feature is not implemented by aotc");
  }
}

void FuncEmitter::EmitTableOp(const wabt::Expr& e) {
  auto table = [&](const wabt::Var& v) -> const TableInfo& {
    return mi_.tables[mi_.m->GetTableIndex(v)];
  };
  switch (e.type()) {
    case ExprType::TableGet: {
      const TableInfo& t = table(cast<wabt::TableGetExpr>(&e)->var);
      std::string i = Pop();
      std::string r = Push(t.elem_type);
      Line("if (unlikely(" + i + " >= " + t.checked_size + ")) " + Trap(WASMKM_TRAP_TABLE_OOB));
      Line(r + " = " + t.slots + "[" + i + "];");
      break;
    }
    case ExprType::TableSet: {
      const TableInfo& t = table(cast<wabt::TableSetExpr>(&e)->var);
      std::string v = Pop(), i = Pop();
      Line("if (unlikely(" + i + " >= " + t.checked_size + ")) " + Trap(WASMKM_TRAP_TABLE_OOB));
      Line(t.slots + "[" + i + "] = " + v + ";");
      break;
    }
    case ExprType::TableSize: {
      const TableInfo& t = table(cast<wabt::TableSizeExpr>(&e)->var);
      Line(Push(Type::I32) + " = " + t.size + ";");
      break;
    }
    case ExprType::TableGrow: {
      // Capacity is fixed at compile time (codegen.cc): growing past it fails with -1.
      const TableInfo& t = table(cast<wabt::TableGrowExpr>(&e)->var);
      std::string n = Pop(), v = Pop();
      std::string r = Push(Type::I32);
      Line("{ u32 n_ = " + n + ", o_ = " + t.checked_size + ", i_;");
      Line("\tif (n_ > " + std::to_string(t.capacity) + "u - o_) {");
      Line("\t\t" + r + " = 0xffffffffu;");
      Line("\t} else {");
      Line("\t\tfor (i_ = 0; i_ < n_; i_++) " + t.slots + "[o_ + i_] = " + v + ";");
      Line("\t\t" + t.size + " = o_ + n_; " + r + " = o_;");
      Line("\t} }");
      break;
    }
    case ExprType::TableFill: {
      const TableInfo& t = table(cast<wabt::TableFillExpr>(&e)->var);
      std::string n = Pop(), v = Pop(), i = Pop();
      Line("{ u32 i_; if (unlikely((u64)" + i + " + " + n + " > " + t.checked_size + ")) " +
           Trap(WASMKM_TRAP_TABLE_OOB));
      Line("\tfor (i_ = 0; i_ < " + n + "; i_++) " + t.slots + "[" + i + " + i_] = " + v + "; }");
      break;
    }
    case ExprType::TableCopy: {
      const auto* c = cast<wabt::TableCopyExpr>(&e);
      const TableInfo& dt = table(c->dst_table);
      const TableInfo& st = table(c->src_table);
      std::string n = Pop(), s = Pop(), d = Pop();
      Line("if (unlikely((u64)" + d + " + " + n + " > " + dt.checked_size + " || (u64)" + s +
           " + " + n + " > " + st.checked_size + ")) " + Trap(WASMKM_TRAP_TABLE_OOB));
      Line("if (" + n + ") __builtin_memmove(&" + dt.slots + "[" + d + "], &" + st.slots + "[" + s +
           "], " + n + " * sizeof(" + dt.slots + "[0]));");
      break;
    }
    case ExprType::TableInit: {
      const auto* c = cast<wabt::TableInitExpr>(&e);
      const TableInfo& t = table(c->table_index);
      uint32_t seg = mi_.m->GetElemSegmentIndex(c->segment_index);
      size_t len = mi_.m->elem_segments[seg]->elem_exprs.size();
      std::string n = Pop(), s = Pop(), d = Pop();
      std::string k = std::to_string(seg);
      Line("{ u64 l_ = " + mi_.elem_dropped[seg] + " ? 0 : " + std::to_string(len) + "ull;");
      Line("\tif (unlikely((u64)" + d + " + " + n + " > " + t.checked_size + " || (u64)" + s +
           " + " + n + " > l_)) " + Trap(WASMKM_TRAP_TABLE_OOB));
      Line("\tif (" + n + ") __builtin_memcpy(&" + t.slots + "[" + d + "], &wasmkm_elem" + k + "[" +
           s + "], " + n + " * sizeof(" + t.slots + "[0])); }");
      break;
    }
    case ExprType::ElemDrop: {
      uint32_t seg = mi_.m->GetElemSegmentIndex(cast<wabt::ElemDropExpr>(&e)->var);
      Line(mi_.elem_dropped[seg] + " = 1;");
      break;
    }
    default:
      Fail("unsupported table instruction", "this wasm feature is not implemented by aotc");
  }
}

}  // namespace aotc::codegen
