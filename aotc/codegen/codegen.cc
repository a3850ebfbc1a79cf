// SPDX-License-Identifier: GPL-2.0
// Module-level code generation: state layout, globals, tables, segments,
// import wrappers, export thunks, instantiate/run and the app ops struct.
#include "aotc/codegen/codegen.h"

#include <wabt/cast.h>
#include <wabt/ir.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "aotc/codegen/module_info.h"
#include "aotc/import_check.h"
#include "aotc/wasm_module.h"
#include "linux/wasmkm.h"

namespace aotc {

using codegen::CodegenError;
using codegen::ModuleInfo;
using wabt::cast;
using wabt::ExprType;
using wabt::Type;

namespace {

static_assert(WASMKM_TRAP_MEM_OOB == 2 && WASMKM_TRAP_TABLE_OOB == 9, "trap numbers");

// Tables larger than this are refused (the state block holds them).
constexpr uint64_t kMaxTableCapacity = 1u << 20;
// How far a table without a (modest) declared maximum can grow: 64 K
// elements, 512 KiB of state per such table.
constexpr uint64_t kGrowableTableCapacity = 65536;

std::string StripDollar(const std::string& s) {
  return !s.empty() && s[0] == '$' ? s.substr(1) : s;
}

std::string Hex(uint64_t v, bool is64) {
  char buf[32];
  snprintf(buf, sizeof(buf), is64 ? "0x%" PRIx64 "ull" : "0x%" PRIx64 "u", v);
  return buf;
}

// A constant expression (global initialiser, segment offset) as C.
std::string ConstExpr(const ModuleInfo& mi, const wabt::ExprList& list, const std::string& what) {
  if (list.size() != 1)
    throw CodegenError{what + ": only single-instruction constant expressions are supported"};
  const wabt::Expr& e = list.front();
  switch (e.type()) {
    case ExprType::Const: {
      const wabt::Const& c = cast<wabt::ConstExpr>(&e)->const_;
      switch (c.type()) {
        case Type::I32:
          return Hex(c.u32(), false);
        case Type::I64:
          return Hex(c.u64(), true);
        case Type::F32:
          return "wasmkm_f32_from_bits(" + Hex(c.f32_bits(), false) + ")";
        case Type::F64:
          return "wasmkm_f64_from_bits(" + Hex(c.f64_bits(), true) + ")";
        case Type::V128:
          return "wasmkm_v128_make(" + Hex(c.vec128().u64(0), true) + ", " +
                 Hex(c.vec128().u64(1), true) + ")";
        default:
          throw CodegenError{what + ": unsupported constant type"};
      }
    }
    case ExprType::RefNull:
      return "NULL";
    case ExprType::RefFunc: {
      uint32_t fi = mi.m->GetFuncIndex(cast<wabt::RefFuncExpr>(&e)->var);
      return "(&wasmkm_fr" + std::to_string(fi) + ")";
    }
    case ExprType::GlobalGet:
      return mi.globals[mi.m->GetGlobalIndex(cast<wabt::GlobalGetExpr>(&e)->var)].expr;
    default:
      throw CodegenError{what + ": unsupported constant expression '" +
                         std::string(wabt::GetExprTypeName(e)) + "'"};
  }
}

struct StateField {
  std::string decl;  // C declaration without the trailing ';'
  uint32_t size, align;
};

class ModuleEmitter {
 public:
  ModuleEmitter(const wabt::Module& m, const CodegenOptions& opts) : opts_(opts) {
    mi_.m = &m;
    mi_.yield_points = opts.yield_points;
    mi_.merge_bounds_checks = opts.merge_bounds_checks;
  }
  void Run(CodegenResult* out);

 private:
  void CheckImports();
  void Layout();
  std::string StateStruct();
  std::string ImportWrapper(uint32_t idx);
  std::string Prototype(uint32_t idx);
  std::string Instantiate();
  std::string Exports(uint32_t* nexports, std::string* run);

  const CodegenOptions& opts_;
  ModuleInfo mi_;
  std::vector<std::string> wasi_name_;  // per imported function
  std::vector<StateField> fields_;
  uint32_t state_size_ = 0;
};

void ModuleEmitter::CheckImports() {
  const wabt::Module& m = *mi_.m;
  for (const wabt::Import* imp : m.imports) {
    std::string who = "import \"" + imp->module_name + "\".\"" + imp->field_name + "\"";
    if (imp->kind() != wabt::ExternalKind::Func)
      throw CodegenError{who + ": only function imports from the host are supported (memory, " +
                         "table and global imports are not); define it in the module instead"};
    const auto* fi = cast<wabt::FuncImport>(imp);
    // The same list and lookup as aotc's import check (import_check.h),
    // which runs first in aotc; repeated here for callers of GenerateC alone.
    const HostImport* found = FindHostImport(imp->module_name, imp->field_name);
    if (!found)
      throw CodegenError{who + ": not provided by the kernel; the app may only import the " +
                         "functions listed in wasmkm_imports.h"};
    std::string sig = SignatureString(fi->func.decl.sig);
    if (sig != found->signature)
      throw CodegenError{who + ": has signature " + sig + " but the kernel provides " +
                         found->signature + "; rebuild the app against wasi preview1"};
    wasi_name_.push_back(found->name);
  }
  mi_.nimports = m.num_func_imports;
}

void ModuleEmitter::Layout() {
  const wabt::Module& m = *mi_.m;
  for (uint32_t i = 0; i < m.funcs.size(); i++) {
    std::string n = StripDollar(m.funcs[i]->name);
    if (n.empty() && i < mi_.nimports) n = m.imports[i]->field_name;
    mi_.names.push_back(n);
    mi_.func_sig.push_back(codegen::SigId(mi_, m.funcs[i]->decl.sig));
  }
  if (m.memories.size() > 1)
    throw CodegenError{"multiple memories are not supported; use one memory"};
  if (!m.memories.empty()) {
    const wabt::Limits& l = m.memories[0]->page_limits;
    if (l.is_64) throw CodegenError{"memory64 is not supported; use a 32-bit memory"};
    if (l.is_shared) throw CodegenError{"shared memory is not supported; build without threads"};
    mi_.has_memory = true;
    mi_.mem_has_max = l.has_max;
    mi_.mem_max_pages = l.has_max ? std::min<uint64_t>(l.max, 65536) : 65536;
  }
  // Globals: immutable ones are C expressions, mutable ones live in the state.
  for (uint32_t i = 0; i < m.globals.size(); i++) {
    const wabt::Global& g = *m.globals[i];
    if (!codegen::IsSupportedValueType(g.type))
      throw CodegenError{"global " + std::to_string(i) + ": type " + g.type.GetName() +
                         " is not supported"};
    codegen::GlobalInfo gi;
    gi.type = g.type;
    std::string name = "g" + std::to_string(i);
    if (g.mutable_) {
      gi.in_state = true;
      gi.expr = "WS->" + name;
      uint32_t sz = (g.type == Type::I32 || g.type == Type::F32) ? 4 : 8;
      if (g.type == Type::V128) {
        // 8-byte aligned: the state block is only guaranteed that much.
        mi_.uses_simd = true;
        fields_.push_back({"wasmkm_v128_a8 " + name, 16, 8});
      } else {
        fields_.push_back({codegen::CType(g.type) + " " + name, sz, sz});
      }
      mi_.globals.push_back(gi);
    } else {
      mi_.globals.push_back(gi);
      mi_.globals.back().expr =
          "(" + ConstExpr(mi_, g.init_expr, "global " + std::to_string(i)) + ")";
    }
  }
  for (uint32_t i = 0; i < m.tables.size(); i++) {
    const wabt::Table& t = *m.tables[i];
    if (t.elem_type != Type::FuncRef && t.elem_type != Type::ExternRef)
      throw CodegenError{"table " + std::to_string(i) + ": element type is not supported"};
    codegen::TableInfo ti;
    ti.elem_type = t.elem_type;
    ti.initial = t.elem_limits.initial;
    // Capacity (a fixed array in the state block): the declared maximum when
    // it is modest, else room to grow to kGrowableTableCapacity elements (a
    // table without a maximum may grow; past the capacity table.grow gives -1,
    // as the spec allows for an implementation limit).
    uint64_t cap = (t.elem_limits.has_max && t.elem_limits.max <= kGrowableTableCapacity)
                       ? t.elem_limits.max
                       : std::max<uint64_t>(ti.initial, kGrowableTableCapacity);
    if (cap > kMaxTableCapacity)
      throw CodegenError{"table " + std::to_string(i) + ": " + std::to_string(cap) +
                         " elements is too large; at most " + std::to_string(kMaxTableCapacity)};
    ti.capacity = cap;
    std::string n = "t" + std::to_string(i);
    ti.slots = "WS->" + n;
    ti.size = "WS->" + n + "_size";
    ti.checked_size = "WASMKM_TABLE_SIZE(" + ti.size + ", " + std::to_string(cap) + "u)";
    fields_.push_back(
        {codegen::CType(t.elem_type) + n + "[" + std::to_string(std::max<uint64_t>(cap, 1)) + "]",
         uint32_t(8 * std::max<uint64_t>(cap, 1)), 8});
    fields_.push_back({"u32 " + n + "_size", 4, 4});
    mi_.tables.push_back(ti);
  }
  for (uint32_t i = 0; i < m.data_segments.size(); i++) {
    fields_.push_back({"u8 dd" + std::to_string(i), 1, 1});
    mi_.data_dropped.push_back("WS->dd" + std::to_string(i));
  }
  for (uint32_t i = 0; i < m.elem_segments.size(); i++) {
    fields_.push_back({"u8 ed" + std::to_string(i), 1, 1});
    mi_.elem_dropped.push_back("WS->ed" + std::to_string(i));
  }
  // Largest alignment first: no padding between fields.
  std::stable_sort(fields_.begin(), fields_.end(),
                   [](const StateField& a, const StateField& b) { return a.align > b.align; });
  uint32_t size = 0, align = 1;
  for (const StateField& f : fields_) {
    size += f.size;
    align = std::max(align, f.align);
  }
  state_size_ = fields_.empty() ? 0 : (size + align - 1) / align * align;
}

std::string ModuleEmitter::StateStruct() {
  if (fields_.empty()) return "";
  std::string s =
      "/* Per-instance state (ctx->state): mutable globals, tables, dropped flags. */\n";
  s += "struct wasmkm_state {\n";
  for (const StateField& f : fields_) s += "\t" + f.decl + ";\n";
  s += "};\n";
  s += "_Static_assert(sizeof(struct wasmkm_state) == " + std::to_string(state_size_) +
       ", \"state layout\");\n";
  s += "#define WS ((struct wasmkm_state *)ctx->state)\n\n";
  return s;
}

std::string ModuleEmitter::Prototype(uint32_t idx) {
  const wabt::FuncSignature& sig = mi_.m->funcs[idx]->decl.sig;
  std::string s = "static __maybe_unused " + codegen::CReturnType(mi_, sig.result_types) + " w" +
                  std::to_string(idx) + "(struct wasmkm_ctx *ctx";
  for (uint32_t k = 0; k < sig.param_types.size(); k++)
    s += ", " + codegen::CType(sig.param_types[k]) + " l" + std::to_string(k);
  return s + ")";
}

std::string ModuleEmitter::ImportWrapper(uint32_t idx) {
  const wabt::FuncSignature& sig = mi_.m->funcs[idx]->decl.sig;
  std::string call = "wasmkm_wasi_" + wasi_name_[idx] + "(ctx";
  for (uint32_t k = 0; k < sig.param_types.size(); k++)
    call +=
        std::string(sig.param_types[k] == Type::I64 ? ", (s64)l" : ", (s32)l") + std::to_string(k);
  call += ")";
  std::string s = Prototype(idx) + "\n{\n";
  s += sig.result_types.empty() ? "\t" + call + ";\n" : "\treturn (u32)" + call + ";\n";
  return s + "}\n\n";
}

std::string ModuleEmitter::Instantiate() {
  const wabt::Module& m = *mi_.m;
  std::string s = "static void wasmkm_instantiate(struct wasmkm_ctx *ctx)\n{\n";
  for (uint32_t i = 0; i < m.globals.size(); i++) {
    if (!mi_.globals[i].in_state) continue;
    s += "\t" + mi_.globals[i].expr + " = " +
         ConstExpr(mi_, m.globals[i]->init_expr, "global " + std::to_string(i)) + ";\n";
  }
  for (uint32_t i = 0; i < m.tables.size(); i++)
    s += "\t" + mi_.tables[i].size + " = " + std::to_string(mi_.tables[i].initial) + ";\n";
  for (uint32_t i = 0; i < m.elem_segments.size(); i++) {
    const wabt::ElemSegment& seg = *m.elem_segments[i];
    if (seg.kind == wabt::SegmentKind::Active) {
      const codegen::TableInfo& t = mi_.tables[m.GetTableIndex(seg.table_var)];
      std::string n = std::to_string(seg.elem_exprs.size());
      s += "\t{\n\t\tu64 o_ = (u32)" +
           ConstExpr(mi_, seg.offset, "elem segment " + std::to_string(i)) + ";\n";
      s += "\t\tif (o_ + " + n + " > " + t.size + ") {\n";
      s += "\t\t\twasmkm_trap(ctx, 9 /* WASMKM_TRAP_TABLE_OOB */, ~0u);\n\t\t\treturn;\n\t\t}\n";
      if (!seg.elem_exprs.empty())
        s += "\t\t__builtin_memcpy(&" + t.slots + "[o_], wasmkm_elem" + std::to_string(i) + ", " +
             n + " * sizeof(" + t.slots + "[0]));\n";
      s += "\t}\n";
    }
    if (seg.kind != wabt::SegmentKind::Passive) s += "\t" + mi_.elem_dropped[i] + " = 1;\n";
  }
  for (uint32_t i = 0; i < m.data_segments.size(); i++) {
    const wabt::DataSegment& seg = *m.data_segments[i];
    if (seg.kind != wabt::SegmentKind::Active) continue;
    std::string n = std::to_string(seg.data.size());
    s += "\t{\n\t\tu64 o_ = (u32)" +
         ConstExpr(mi_, seg.offset, "data segment " + std::to_string(i)) + ";\n";
    s += "\t\tif (o_ + " + n + " > ctx->mem_size) {\n";
    s += "\t\t\twasmkm_trap(ctx, 2 /* WASMKM_TRAP_MEM_OOB */, ~0u);\n\t\t\treturn;\n\t\t}\n";
    if (!seg.data.empty())
      s += "\t\twasmkm_bulk_move(ctx, ctx->mem + o_, wasmkm_data" + std::to_string(i) + ", " + n +
           ");\n";
    s += "\t}\n\t" + mi_.data_dropped[i] + " = 1;\n";
  }
  if (!m.starts.empty()) s += "\tw" + std::to_string(m.GetFuncIndex(*m.starts[0])) + "(ctx);\n";
  return s + "}\n\n";
}

std::string ModuleEmitter::Exports(uint32_t* nexports, std::string* run) {
  const wabt::Module& m = *mi_.m;
  std::string thunks, table;
  uint32_t n = 0;
  for (const wabt::Export* ex : m.exports) {
    if (ex->kind != wabt::ExternalKind::Func) continue;
    uint32_t fi = m.GetFuncIndex(ex->var);
    const wabt::FuncSignature& sig = m.funcs[fi]->decl.sig;
    std::string x = std::to_string(n);
    std::string call = "w" + std::to_string(fi) + "(ctx";
    uint32_t si = 0;  // a v128 takes two slots (low half first)
    for (uint32_t k = 0; k < sig.param_types.size(); k++) {
      std::string slot = "slots[" + std::to_string(si) + "]";
      std::string next = "slots[" + std::to_string(si + 1) + "]";
      si += sig.param_types[k] == Type::V128 ? 2 : 1;
      switch (sig.param_types[k]) {
        case Type::I32:
          call += ", (u32)" + slot;
          break;
        case Type::I64:
          call += ", " + slot;
          break;
        case Type::F32:
          call += ", wasmkm_f32_from_bits((u32)" + slot + ")";
          break;
        case Type::F64:
          call += ", wasmkm_f64_from_bits(" + slot + ")";
          break;
        case Type::V128:
          call += ", wasmkm_v128_make(" + slot + ", " + next + ")";
          break;
        default:
          call += ", (" + codegen::CType(sig.param_types[k]) + ")(unsigned long)" + slot;
      }
    }
    call += ")";
    thunks += "static void wasmkm_x" + x + "(struct wasmkm_ctx *ctx, u64 *slots)\n{\n";
    uint32_t nr = sig.result_types.size();
    if (nr == 0) {
      thunks += "\t" + call + ";\n";
    } else {
      thunks += "\t" + codegen::CReturnType(mi_, sig.result_types) + " r_ = " + call + ";\n";
      uint32_t so = 0;
      for (uint32_t k = 0; k < nr; k++) {
        std::string v = nr == 1 ? "r_" : "r_.v" + std::to_string(k);
        std::string conv;
        std::string slot = "\tslots[" + std::to_string(so++) + "] = ";
        switch (sig.result_types[k]) {
          case Type::I32:
          case Type::I64:
            conv = "(u64)" + v;
            break;
          case Type::F32:
            conv = "(u64)wasmkm_f32_bits(" + v + ")";
            break;
          case Type::F64:
            conv = "wasmkm_f64_bits(" + v + ")";
            break;
          case Type::V128:
            conv = "(" + v + ")[0];\n" + "\tslots[" + std::to_string(so++) + "] = (" + v + ")[1]";
            break;
          default:
            conv = "(u64)(unsigned long)" + v;
        }
        thunks += slot + conv + ";\n";
      }
    }
    thunks += "}\n\n";
    std::string sigstr =
        codegen::Letters(sig.param_types) + ":" + codegen::Letters(sig.result_types);
    table += "\t{ " + codegen::CStringLiteral(ex->name) + ", " + codegen::CStringLiteral(sigstr) +
             ", " + std::to_string(fi) + ", wasmkm_x" + x + " },\n";
    if (ex->name == "_start" && sig.param_types.empty() && sig.result_types.empty() &&
        run->empty()) {
      *run = "static void wasmkm_run(struct wasmkm_ctx *ctx)\n{\n\tw" + std::to_string(fi) +
             "(ctx);\n}\n\n";
    }
    n++;
  }
  *nexports = n;
  if (n == 0) return thunks;
  return thunks + "static const struct wasmkm_export_func wasmkm_exports[" + std::to_string(n) +
         "] = {\n" + table + "};\n\n";
}

std::string ByteArray(const std::vector<uint8_t>& data) {
  std::string s;
  for (size_t i = 0; i < data.size(); i++) {
    char buf[8];
    snprintf(buf, sizeof(buf), "%u,", data[i]);
    s += (i % 24 == 0 ? "\n\t" : "");
    s += buf;
  }
  return s;
}

void ModuleEmitter::Run(CodegenResult* out) {
  const wabt::Module& m = *mi_.m;
  CheckImports();
  Layout();
  codegen::ComputeFacts(mi_);

  std::string bodies;
  for (uint32_t i = mi_.nimports; i < m.funcs.size(); i++) bodies += codegen::EmitFunction(mi_, i);
  std::string protos;
  for (uint32_t i = 0; i < m.funcs.size(); i++) protos += Prototype(i) + ";\n";
  std::string wrappers;
  for (uint32_t i = 0; i < mi_.nimports; i++) wrappers += ImportWrapper(i);

  std::string segs;
  for (uint32_t i = 0; i < m.data_segments.size(); i++) {
    const auto& d = m.data_segments[i]->data;
    if (d.empty()) {
      segs += "static const u8 wasmkm_data" + std::to_string(i) + "[1] __maybe_unused;\n";
    } else {
      segs += "static const u8 wasmkm_data" + std::to_string(i) + "[" + std::to_string(d.size()) +
              "] __maybe_unused = {" + ByteArray(d) + "\n};\n";
    }
  }
  for (uint32_t i = 0; i < m.elem_segments.size(); i++) {
    const wabt::ElemSegment& seg = *m.elem_segments[i];
    std::string items;
    for (const wabt::ExprList& el : seg.elem_exprs)
      items += "\t" + ConstExpr(mi_, el, "elem segment " + std::to_string(i)) + ",\n";
    if (items.empty()) items = "\tNULL,\n";
    segs += "static " + codegen::CType(seg.elem_type) + "const wasmkm_elem" + std::to_string(i) +
            "[] __maybe_unused = {\n" + items + "};\n";
  }
  std::string inst = Instantiate();
  uint32_t nexports = 0;
  std::string run;
  std::string exports = Exports(&nexports, &run);

  std::string frs;
  for (uint32_t fi : mi_.funcrefs)
    // __maybe_unused: a ref.func in unreachable code is counted, never printed.
    frs += "static const struct wasmkm_funcref wasmkm_fr" + std::to_string(fi) +
           " __maybe_unused = { " + std::to_string(mi_.func_sig[fi]) + ", " + std::to_string(fi) +
           ", (const void *)w" + std::to_string(fi) + " };\n";

  std::string c = "// SPDX-License-Identifier: GPL-2.0\n";
  c += "/* Generated by aotc from the WebAssembly app \"" + codegen::CommentSafe(opts_.app_name) +
       "\". Do not edit. */\n";
  c += "#include <wasmkm/rt.h>\n#include <wasmkm/ops.h>\n#include <wasmkm/mem.h>\n";
  // Only apps that use v128 pay for the SIMD helpers.
  if (mi_.uses_simd) c += "#include <wasmkm/simd.h>\n";
  c += "\n";
  // Wasm recursion without a base case is legal (it traps when the stack runs out).
  c += "#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12\n";
  c += "#pragma GCC diagnostic ignored \"-Winfinite-recursion\"\n#endif\n";
  // For hosts that include this file (tests); the kernel reads the descriptor.
  uint64_t pages = m.memories.empty() ? 0 : m.memories[0]->page_limits.initial;
  c += "#define WASMKM_APP_MEM_PAGES " + std::to_string(pages) + "\n";
  c += "#define WASMKM_APP_MEM_MAX_PAGES " +
       std::to_string(mi_.has_memory ? mi_.mem_max_pages : 0) + "\n\n";
  for (const std::string& l : mi_.result_structs) {
    c += "struct wasmkm_res_" + l + " {";
    for (size_t k = 0; k < l.size(); k++) {
      Type t = codegen::LetterType(l[k]);
      c += " " + codegen::CType(t) + " v" + std::to_string(k) + ";";
    }
    c += " };\n";
  }
  c += "\n" + StateStruct() + protos + "\n" + frs + "\n" + segs + "\n" + wrappers + bodies + inst +
       exports + run;
  uint32_t nf = m.funcs.size();
  if (nf) {
    c += "static const char *const wasmkm_func_names[" + std::to_string(nf) + "] = {\n";
    for (uint32_t i = 0; i < nf; i++)
      c += "\t" + (mi_.names[i].empty() ? "NULL" : codegen::CStringLiteral(mi_.names[i])) + ",\n";
    c += "};\n\n";
  }
  c += "const struct wasmkm_app_ops wasmkm_app_ops = {\n";
  c += "\t.abi = WASMKM_RT_ABI,\n";
  c += "\t.state_size = " + std::to_string(state_size_) + ",\n";
  c += "\t.nfuncs = " + std::to_string(nf) + ",\n";
  c += std::string("\t.func_names = ") + (nf ? "wasmkm_func_names" : "NULL") + ",\n";
  c += "\t.instantiate = wasmkm_instantiate,\n";
  c += std::string("\t.run = ") + (run.empty() ? "NULL" : "wasmkm_run") + ",\n";
  c += "\t.nexports = " + std::to_string(nexports) + ",\n";
  c += std::string("\t.exports = ") + (nexports ? "wasmkm_exports" : "NULL") + ",\n";
  c += "};\n";

  out->code_c = std::move(c);
  out->nfuncs = nf;
  out->state_size = state_size_;
  out->func_names = mi_.names;
}

}  // namespace

bool GenerateC(const wabt::Module& module, const CodegenOptions& opts, CodegenResult* out,
               std::string* error) {
  try {
    ModuleEmitter me(module, opts);
    me.Run(out);
    return true;
  } catch (const CodegenError& e) {
    if (error) *error = e.message;
    return false;
  }
}

}  // namespace aotc
