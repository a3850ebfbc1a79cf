// SPDX-License-Identifier: GPL-2.0
// Checks a module's imports against what wasmkm.ko provides (WASMKM_IMPORTS
// in <linux/wasmkm_imports.h>).
#ifndef AOTC_IMPORT_CHECK_H_
#define AOTC_IMPORT_CHECK_H_

#include <wabt/ir.h>

#include <string>
#include <vector>

#include "aotc/descriptor.h"

namespace aotc {

struct HostImport {
  const char* module;
  const char* name;
  const char* signature;
};
const std::vector<HostImport>& HostImports();
// The host function "module"."name", or nullptr if the kernel has none.
const HostImport* FindHostImport(const std::string& module, const std::string& name);

// Fills *imports with the module's function imports.  False if any import is
// not a function the kernel provides with that exact signature; *error then
// lists each offending import as "module.name (signature)" and what the
// kernel provides.
bool CheckImports(const wabt::Module& module, const std::string& filename,
                  std::vector<DescImport>* imports, std::string* error);

}  // namespace aotc

#endif  // AOTC_IMPORT_CHECK_H_
