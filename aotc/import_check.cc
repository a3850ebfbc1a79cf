// SPDX-License-Identifier: GPL-2.0
// Import check against the kernel's host function list.
#include "aotc/import_check.h"

#include <linux/wasmkm_imports.h>

#include "aotc/wasm_module.h"

namespace aotc {

const std::vector<HostImport>& HostImports() {
#define AOTC_HOST_IMPORT(mod, name, sig, cap) HostImport{mod, #name, sig},
  static const std::vector<HostImport> kImports = {WASMKM_IMPORTS(AOTC_HOST_IMPORT)};
#undef AOTC_HOST_IMPORT
  return kImports;
}

const HostImport* FindHostImport(const std::string& module, const std::string& name) {
  for (const HostImport& h : HostImports())
    if (module == h.module && name == h.name) return &h;
  return nullptr;
}

static const char* KindName(wabt::ExternalKind k) {
  switch (k) {
    case wabt::ExternalKind::Table:
      return "table";
    case wabt::ExternalKind::Memory:
      return "memory";
    case wabt::ExternalKind::Global:
      return "global";
    case wabt::ExternalKind::Tag:
      return "tag";
    default:
      return "function";
  }
}

bool CheckImports(const wabt::Module& module, const std::string& filename,
                  std::vector<DescImport>* imports, std::string* error) {
  std::string bad;
  bool need_list = false;
  imports->clear();
  for (const wabt::Import* imp : module.imports) {
    std::string what = imp->module_name + "." + imp->field_name;
    if (imp->kind() != wabt::ExternalKind::Func) {
      bad += "  " + what + ": a " + KindName(imp->kind()) +
             " import; wasmkm apps may import only functions (define the " + KindName(imp->kind()) +
             " inside the module instead)\n";
      continue;
    }
    const auto* fi = static_cast<const wabt::FuncImport*>(imp);
    std::string sig = SignatureString(fi->func.decl.sig);
    const HostImport* found = FindHostImport(imp->module_name, imp->field_name);
    if (!found) {
      bad += "  " + what + " (" + sig + "): not provided by the kernel\n";
      need_list = true;
    } else if (sig != found->signature) {
      bad += "  " + what + " (" + sig + "): wrong signature, the kernel provides (" +
             found->signature + ")\n";
    } else {
      imports->push_back({imp->module_name, imp->field_name, sig});
    }
  }
  if (bad.empty()) return true;
  *error = filename + ": imports that wasmkm.ko does not provide:\n" + bad;
  if (need_list) {
    *error += "the kernel provides (signature: params ':' results, i i32, I i64):\n";
    for (const HostImport& h : HostImports())
      *error += std::string("  ") + h.module + "." + h.name + " (" + h.signature + ")\n";
  }
  *error += "remove these imports from the app (or build it for wasm32-wasi preview1)";
  return false;
}

}  // namespace aotc
