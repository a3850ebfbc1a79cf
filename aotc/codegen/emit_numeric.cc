// SPDX-License-Identifier: GPL-2.0
// Numeric instructions: constants, unary, binary, comparisons, conversions.
// Integers are unsigned in C (no signed overflow); the trapping cases are
// checked here and jump to the function's trap labels.
#include <cinttypes>
#include <cstdio>

#include "aotc/codegen/emit_func.h"
#include "linux/wasmkm.h"

namespace aotc::codegen {

using wabt::Opcode;
using wabt::Type;

namespace {

std::string Hex32(uint32_t v) {
  char buf[32];
  snprintf(buf, sizeof(buf), "0x%" PRIx32 "u", v);
  return buf;
}

std::string Hex64(uint64_t v) {
  char buf[32];
  snprintf(buf, sizeof(buf), "0x%" PRIx64 "ull", v);
  return buf;
}

}  // namespace

void FuncEmitter::EmitConst(const wabt::Const& c) {
  switch (c.type()) {
    case Type::I32:
      Line(Push(Type::I32) + " = " + Hex32(c.u32()) + ";");
      break;
    case Type::I64:
      Line(Push(Type::I64) + " = " + Hex64(c.u64()) + ";");
      break;
    case Type::F32:
      Line(Push(Type::F32) + " = wasmkm_f32_from_bits(" + Hex32(c.f32_bits()) + ");");
      break;
    case Type::F64:
      Line(Push(Type::F64) + " = wasmkm_f64_from_bits(" + Hex64(c.f64_bits()) + ");");
      break;
    case Type::V128:
      EmitSimdConst(c);
      break;
    default:
      Fail("unsupported constant type", "this wasm feature is not implemented by aotc");
  }
}

void FuncEmitter::EmitUnary(Opcode op) {
  if (IsSimd(op)) return EmitSimdOp(op);
  std::string a = Pop();
  std::string e;
  switch (op) {
    case Opcode::I32Eqz:
    case Opcode::I64Eqz:
      e = "(u32)(" + a + " == 0)";
      break;
    case Opcode::I32Clz:
      e = "wasmkm_i32_clz(" + a + ")";
      break;
    case Opcode::I32Ctz:
      e = "wasmkm_i32_ctz(" + a + ")";
      break;
    case Opcode::I32Popcnt:
      e = "wasmkm_i32_popcnt(" + a + ")";
      break;
    case Opcode::I64Clz:
      e = "wasmkm_i64_clz(" + a + ")";
      break;
    case Opcode::I64Ctz:
      e = "wasmkm_i64_ctz(" + a + ")";
      break;
    case Opcode::I64Popcnt:
      e = "wasmkm_i64_popcnt(" + a + ")";
      break;
    case Opcode::I32Extend8S:
      e = "(u32)(s32)(s8)" + a;
      break;
    case Opcode::I32Extend16S:
      e = "(u32)(s32)(s16)" + a;
      break;
    case Opcode::I64Extend8S:
      e = "(u64)(s64)(s8)" + a;
      break;
    case Opcode::I64Extend16S:
      e = "(u64)(s64)(s16)" + a;
      break;
    case Opcode::I64Extend32S:
      e = "(u64)(s64)(s32)" + a;
      break;
#define FLOAT_UNARY(OP, NAME)             \
  case Opcode::F32##OP:                   \
    e = "wasmkm_f32_" NAME "(" + a + ")"; \
    break;                                \
  case Opcode::F64##OP:                   \
    e = "wasmkm_f64_" NAME "(" + a + ")"; \
    break;
      FLOAT_UNARY(Abs, "abs")
      FLOAT_UNARY(Neg, "neg")
      FLOAT_UNARY(Ceil, "ceil")
      FLOAT_UNARY(Floor, "floor")
      FLOAT_UNARY(Trunc, "trunc")
      FLOAT_UNARY(Nearest, "nearest")
      FLOAT_UNARY(Sqrt, "sqrt")
#undef FLOAT_UNARY
    default:
      Fail("unsupported unary instruction", "this wasm feature is not implemented by aotc");
  }
  Line(Push(op.GetResultType()) + " = " + e + ";");
}

void FuncEmitter::EmitBinary(Opcode op) {
  if (IsSimd(op)) return EmitSimdOp(op);
  std::string b = Pop();
  std::string a = Pop();
  Type rt = op.GetResultType();
  std::string r = Slot(stack_.size(), rt);
  std::string e;
  bool is64 = rt == Type::I64;
  std::string w = is64 ? "i64" : "i32";
  std::string mask = is64 ? "63" : "31";
  std::string min = is64 ? "0x8000000000000000ull" : "0x80000000u";
  std::string m1 = is64 ? "~0ull" : "0xffffffffu";
  // Float arithmetic through the helpers that keep the C compiler from
  // folding x * 1 and the like (a signalling NaN must come out quiet: ops.h).
  const char* fop = op == Opcode::F32Add || op == Opcode::F64Add   ? "add"
                    : op == Opcode::F32Sub || op == Opcode::F64Sub ? "sub"
                    : op == Opcode::F32Mul || op == Opcode::F64Mul ? "mul"
                    : op == Opcode::F32Div || op == Opcode::F64Div ? "div"
                                                                   : nullptr;
  if (fop) {
    e = std::string("wasmkm_") + (rt == Type::F32 ? "f32_" : "f64_") + fop + "(" + a + ", " + b +
        ")";
    Line(r + " = " + e + ";");
    Push(rt);
    return;
  }
  switch (op) {
    case Opcode::I32Add:
    case Opcode::I64Add:
    case Opcode::F32Add:
    case Opcode::F64Add:
      e = a + " + " + b;
      break;
    case Opcode::I32Sub:
    case Opcode::I64Sub:
    case Opcode::F32Sub:
    case Opcode::F64Sub:
      e = a + " - " + b;
      break;
    case Opcode::I32Mul:
    case Opcode::I64Mul:
    case Opcode::F32Mul:
    case Opcode::F64Mul:
      e = a + " * " + b;
      break;
    case Opcode::F32Div:
    case Opcode::F64Div:
      e = a + " / " + b;
      break;
    case Opcode::I32And:
    case Opcode::I64And:
      e = a + " & " + b;
      break;
    case Opcode::I32Or:
    case Opcode::I64Or:
      e = a + " | " + b;
      break;
    case Opcode::I32Xor:
    case Opcode::I64Xor:
      e = a + " ^ " + b;
      break;
    case Opcode::I32Shl:
    case Opcode::I64Shl:
      e = a + " << (" + b + " & " + mask + ")";
      break;
    case Opcode::I32ShrU:
    case Opcode::I64ShrU:
      e = a + " >> (" + b + " & " + mask + ")";
      break;
    case Opcode::I32ShrS:
    case Opcode::I64ShrS:
      e = "wasmkm_" + w + "_shr_s(" + a + ", " + b + ")";
      break;
    case Opcode::I32Rotl:
    case Opcode::I64Rotl:
      e = "wasmkm_" + w + "_rotl(" + a + ", " + b + ")";
      break;
    case Opcode::I32Rotr:
    case Opcode::I64Rotr:
      e = "wasmkm_" + w + "_rotr(" + a + ", " + b + ")";
      break;
    case Opcode::I32DivU:
    case Opcode::I64DivU:
      Line("if (unlikely(" + b + " == 0)) " + Trap(WASMKM_TRAP_DIV_ZERO));
      e = a + " / " + b;
      break;
    case Opcode::I32RemU:
    case Opcode::I64RemU:
      Line("if (unlikely(" + b + " == 0)) " + Trap(WASMKM_TRAP_DIV_ZERO));
      e = a + " % " + b;
      break;
    case Opcode::I32DivS:
    case Opcode::I64DivS:
      Line("if (unlikely(" + b + " == 0)) " + Trap(WASMKM_TRAP_DIV_ZERO));
      Line("if (unlikely(" + a + " == " + min + " && " + b + " == " + m1 + ")) " +
           Trap(WASMKM_TRAP_INT_OVERFLOW));
      e = "wasmkm_" + w + "_div_s(" + a + ", " + b + ")";
      break;
    case Opcode::I32RemS:
    case Opcode::I64RemS:
      Line("if (unlikely(" + b + " == 0)) " + Trap(WASMKM_TRAP_DIV_ZERO));
      e = "wasmkm_" + w + "_rem_s(" + a + ", " + b + ")";
      break;
    case Opcode::F32Min:
      e = "wasmkm_f32_min(" + a + ", " + b + ")";
      break;
    case Opcode::F32Max:
      e = "wasmkm_f32_max(" + a + ", " + b + ")";
      break;
    case Opcode::F64Min:
      e = "wasmkm_f64_min(" + a + ", " + b + ")";
      break;
    case Opcode::F64Max:
      e = "wasmkm_f64_max(" + a + ", " + b + ")";
      break;
    case Opcode::F32Copysign:
      e = "wasmkm_f32_copysign(" + a + ", " + b + ")";
      break;
    case Opcode::F64Copysign:
      e = "wasmkm_f64_copysign(" + a + ", " + b + ")";
      break;
    default:
      Fail("unsupported binary instruction", "this wasm feature is not implemented by aotc");
  }
  Push(rt);
  Line(r + " = " + e + ";");
}

void FuncEmitter::EmitCompare(Opcode op) {
  if (IsSimd(op)) return EmitSimdOp(op);
  std::string b = Pop();
  std::string a = Pop();
  std::string e;
  switch (op) {
#define CMP(OP, EXPR) \
  case Opcode::OP:    \
    e = EXPR;         \
    break;
    CMP(I32Eq, a + " == " + b)
    CMP(I64Eq, a + " == " + b)
    CMP(F32Eq, a + " == " + b)
    CMP(F64Eq, a + " == " + b)
    CMP(I32Ne, a + " != " + b)
    CMP(I64Ne, a + " != " + b)
    CMP(F32Ne, a + " != " + b)
    CMP(F64Ne, a + " != " + b)
    CMP(I32LtU, a + " < " + b)
    CMP(I64LtU, a + " < " + b)
    CMP(F32Lt, a + " < " + b)
    CMP(F64Lt, a + " < " + b)
    CMP(I32GtU, a + " > " + b)
    CMP(I64GtU, a + " > " + b)
    CMP(F32Gt, a + " > " + b)
    CMP(F64Gt, a + " > " + b)
    CMP(I32LeU, a + " <= " + b)
    CMP(I64LeU, a + " <= " + b)
    CMP(F32Le, a + " <= " + b)
    CMP(F64Le, a + " <= " + b)
    CMP(I32GeU, a + " >= " + b)
    CMP(I64GeU, a + " >= " + b)
    CMP(F32Ge, a + " >= " + b)
    CMP(F64Ge, a + " >= " + b)
    CMP(I32LtS, "(s32)" + a + " < (s32)" + b)
    CMP(I32GtS, "(s32)" + a + " > (s32)" + b)
    CMP(I32LeS, "(s32)" + a + " <= (s32)" + b)
    CMP(I32GeS, "(s32)" + a + " >= (s32)" + b)
    CMP(I64LtS, "(s64)" + a + " < (s64)" + b)
    CMP(I64GtS, "(s64)" + a + " > (s64)" + b)
    CMP(I64LeS, "(s64)" + a + " <= (s64)" + b)
    CMP(I64GeS, "(s64)" + a + " >= (s64)" + b)
#undef CMP
    default:
      Fail("unsupported comparison", "this wasm feature is not implemented by aotc");
  }
  Line(Push(Type::I32) + " = (u32)(" + e + ");");
}

void FuncEmitter::EmitConvert(Opcode op) {
  if (IsSimd(op)) return EmitSimdOp(op);
  std::string a = Pop();
  std::string e;
  // Trapping float-to-int: NaN first, then the exact range.
  auto trapping = [&](const char* check, const std::string& conv) {
    Line("if (unlikely(" + a + " != " + a + ")) " + Trap(WASMKM_TRAP_INVALID_CONV));
    Line("if (unlikely(!" + std::string(check) + "(" + a + "))) " + Trap(WASMKM_TRAP_INT_OVERFLOW));
    e = conv;
  };
  switch (op) {
    case Opcode::I32Eqz:  // wabt files eqz under conversions
    case Opcode::I64Eqz:
      e = "(u32)(" + a + " == 0)";
      break;
    case Opcode::I32WrapI64:
      e = "(u32)" + a;
      break;
    case Opcode::I64ExtendI32S:
      e = "(u64)(s64)(s32)" + a;
      break;
    case Opcode::I64ExtendI32U:
      e = "(u64)" + a;
      break;
    case Opcode::I32TruncF32S:
      trapping("wasmkm_f32_fits_s32", "(u32)(s32)" + a);
      break;
    case Opcode::I32TruncF64S:
      trapping("wasmkm_f64_fits_s32", "(u32)(s32)" + a);
      break;
    case Opcode::I32TruncF32U:
      trapping("wasmkm_f32_fits_u32", "(u32)" + a);
      break;
    case Opcode::I32TruncF64U:
      trapping("wasmkm_f64_fits_u32", "(u32)" + a);
      break;
    case Opcode::I64TruncF32S:
      trapping("wasmkm_f32_fits_s64", "(u64)(s64)" + a);
      break;
    case Opcode::I64TruncF64S:
      trapping("wasmkm_f64_fits_s64", "(u64)(s64)" + a);
      break;
    case Opcode::I64TruncF32U:
      trapping("wasmkm_f32_fits_u64", "(u64)" + a);
      break;
    case Opcode::I64TruncF64U:
      trapping("wasmkm_f64_fits_u64", "(u64)" + a);
      break;
    case Opcode::I32TruncSatF32S:
      e = "wasmkm_i32_trunc_sat_f32_s(" + a + ")";
      break;
    case Opcode::I32TruncSatF32U:
      e = "wasmkm_i32_trunc_sat_f32_u(" + a + ")";
      break;
    case Opcode::I32TruncSatF64S:
      e = "wasmkm_i32_trunc_sat_f64_s(" + a + ")";
      break;
    case Opcode::I32TruncSatF64U:
      e = "wasmkm_i32_trunc_sat_f64_u(" + a + ")";
      break;
    case Opcode::I64TruncSatF32S:
      e = "wasmkm_i64_trunc_sat_f32_s(" + a + ")";
      break;
    case Opcode::I64TruncSatF32U:
      e = "wasmkm_i64_trunc_sat_f32_u(" + a + ")";
      break;
    case Opcode::I64TruncSatF64S:
      e = "wasmkm_i64_trunc_sat_f64_s(" + a + ")";
      break;
    case Opcode::I64TruncSatF64U:
      e = "wasmkm_i64_trunc_sat_f64_u(" + a + ")";
      break;
    // int -> float: one correctly rounded C conversion each (no double rounding:
    // gcc converts u64 directly on x86-64 and arm64).
    case Opcode::F32ConvertI32S:
      e = "(float)(s32)" + a;
      break;
    case Opcode::F32ConvertI32U:
      e = "(float)" + a;
      break;
    case Opcode::F32ConvertI64S:
      e = "(float)(s64)" + a;
      break;
    case Opcode::F32ConvertI64U:
      e = "(float)" + a;
      break;
    case Opcode::F64ConvertI32S:
      e = "(double)(s32)" + a;
      break;
    case Opcode::F64ConvertI32U:
      e = "(double)" + a;
      break;
    case Opcode::F64ConvertI64S:
      e = "(double)(s64)" + a;
      break;
    case Opcode::F64ConvertI64U:
      e = "(double)" + a;
      break;
    case Opcode::F32DemoteF64:
      e = "wasmkm_f32_demote(" + a + ")";
      break;
    case Opcode::F64PromoteF32:
      e = "wasmkm_f64_promote(" + a + ")";
      break;
    case Opcode::I32ReinterpretF32:
      e = "wasmkm_f32_bits(" + a + ")";
      break;
    case Opcode::I64ReinterpretF64:
      e = "wasmkm_f64_bits(" + a + ")";
      break;
    case Opcode::F32ReinterpretI32:
      e = "wasmkm_f32_from_bits(" + a + ")";
      break;
    case Opcode::F64ReinterpretI64:
      e = "wasmkm_f64_from_bits(" + a + ")";
      break;
    default:
      Fail("unsupported conversion", "this wasm feature is not implemented by aotc");
  }
  Line(Push(op.GetResultType()) + " = " + e + ";");
}

}  // namespace aotc::codegen
