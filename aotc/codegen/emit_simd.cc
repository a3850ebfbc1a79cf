// SPDX-License-Identifier: GPL-2.0
// SIMD128 instructions.  Every v128 operation is a call to the static inline
// helper of <wasmkm/simd.h> named after the instruction ("i8x16.add_sat_s"
// is wasmkm_i8x16_add_sat_s), with the operands in stack order; the helpers
// hold the exact semantics.  Memory forms are bounds-checked here like the
// scalar loads and stores; lane indices and shuffle patterns are immediates
// the validator has checked.
#include <wabt/cast.h>

#include <cinttypes>
#include <cstdio>

#include "aotc/codegen/emit_func.h"
#include "linux/wasmkm.h"

namespace aotc::codegen {

using wabt::Opcode;
using wabt::Type;

namespace {

std::string HelperName(Opcode op) {
  std::string n = "wasmkm_";
  for (const char* p = op.GetName(); *p; p++) n += (*p == '.') ? '_' : *p;
  return n;
}

std::string Hex64(uint64_t v) {
  char buf[32];
  snprintf(buf, sizeof(buf), "0x%" PRIx64 "ull", v);
  return buf;
}

// Relaxed SIMD is a separate proposal: its results are implementation-defined
// and clang emits it only with -mrelaxed-simd.
bool IsRelaxed(Opcode op) {
  return std::string(op.GetName()).find("relaxed") != std::string::npos ||
         op == Opcode::I16X8DotI8X16I7X16S || op == Opcode::I32X4DotI8X16I7X16AddS;
}

}  // namespace

bool FuncEmitter::IsSimd(Opcode op) {
  return op.GetResultType() == Type::V128 || op.GetParamType1() == Type::V128 ||
         op.GetParamType2() == Type::V128 || op.GetParamType3() == Type::V128;
}

void FuncEmitter::EmitSimdOp(Opcode op) {
  op_name_ = op.GetName();
  if (IsRelaxed(op))
    Fail("relaxed SIMD instructions are not supported", "build the app without -mrelaxed-simd");
  int n = 0;
  for (int k = 1; k <= 3; k++)
    if (op.GetParamType(k) != Type::Void) n = k;
  std::vector<std::string> args(n);
  for (int k = n; k-- > 0;) args[k] = Pop();
  std::string call = HelperName(op) + "(";
  for (int k = 0; k < n; k++) call += (k ? ", " : "") + args[k];
  call += ")";
  Line(Push(op.GetResultType()) + " = " + call + ";");
}

void FuncEmitter::EmitSimdConst(const wabt::Const& c) {
  ::v128 v = c.vec128();
  Line(Push(Type::V128) + " = wasmkm_v128_make(" + Hex64(v.u64(0)) + ", " + Hex64(v.u64(1)) + ");");
}

void FuncEmitter::EmitSimdLane(const wabt::SimdLaneOpExpr& e) {
  op_name_ = e.opcode.GetName();
  std::string lane = std::to_string(e.val);
  if (e.opcode.GetParamType2() != Type::Void) {  // replace_lane: v128, scalar
    std::string x = Pop();
    std::string v = Pop();
    Line(Push(Type::V128) + " = " + HelperName(e.opcode) + "(" + v + ", " + lane + ", " + x + ");");
  } else {  // extract_lane
    std::string v = Pop();
    Line(Push(e.opcode.GetResultType()) + " = " + HelperName(e.opcode) + "(" + v + ", " + lane +
         ");");
  }
}

void FuncEmitter::EmitSimdShuffle(const wabt::SimdShuffleOpExpr& e) {
  op_name_ = e.opcode.GetName();
  std::string b = Pop();
  std::string a = Pop();
  std::string idx;
  for (int i = 0; i < 16; i++) idx += (i ? ", " : "") + std::to_string(e.val.u8(i));
  Line(Push(Type::V128) + " = WASMKM_I8X16_SHUFFLE(" + a + ", " + b + ", " + idx + ");");
}

void FuncEmitter::EmitSimdLoad(Opcode op, uint64_t offset) {
  op_name_ = op.GetName();
  if (!mi_.has_memory) Fail("memory access without a memory", "the module is invalid");
  std::string addr = Pop();
  std::string r = Push(Type::V128);
  std::string fn = op == Opcode::V128Load ? "wasmkm_v128_load" : HelperName(op);
  Line("{ " + Address(addr, offset, op.GetMemorySize()) + " " + r + " = " + fn + "(mem + ea_); }");
}

void FuncEmitter::EmitSimdLoadLane(const wabt::SimdLoadLaneExpr& e) {
  op_name_ = e.opcode.GetName();
  if (!mi_.has_memory) Fail("memory access without a memory", "the module is invalid");
  std::string v = Pop();
  std::string addr = Pop();
  std::string r = Push(Type::V128);
  Line("{ " + Address(addr, e.offset, e.opcode.GetMemorySize()) + " " + r + " = " +
       HelperName(e.opcode) + "(mem + ea_, " + v + ", " + std::to_string(e.val) + "); }");
}

void FuncEmitter::EmitSimdStoreLane(const wabt::SimdStoreLaneExpr& e) {
  op_name_ = e.opcode.GetName();
  if (!mi_.has_memory) Fail("memory access without a memory", "the module is invalid");
  std::string v = Pop();
  std::string addr = Pop();
  Line("{ " + Address(addr, e.offset, e.opcode.GetMemorySize()) + " " + HelperName(e.opcode) +
       "(mem + ea_, " + v + ", " + std::to_string(e.val) + "); }");
}

}  // namespace aotc::codegen
