// SPDX-License-Identifier: GPL-2.0
// APP and INST arguments: an id, or a name, resolved through the kernel's
// lists (LIST_APPS, LIST_INSTS).
//
// A name is an app's (wasmctl load --name, else the file name).  For an app
// argument it must match exactly one app; for an instance argument it means
// that app's running instance, or if none runs its newest one.  When several
// match, the command refuses and lists their ids: give an id instead.  A
// name is never all digits, so "12" is always an id.
#ifndef WASMCTL_RESOLVE_H_
#define WASMCTL_RESOLVE_H_

#include <linux/wasmkm.h>

#include <cstdint>
#include <string>
#include <vector>

namespace wasmctl {

class Device;

// True if @s is a valid app name: 1 to 63 of [A-Za-z0-9._-], not all digits.
bool ValidAppName(const std::string& s);

bool FindApp(const std::vector<wasmkm_app_info>& apps, const std::string& arg, uint32_t* id,
             std::string* error);
bool FindInst(const std::vector<wasmkm_inst_info>& insts, const std::string& arg, uint32_t* id,
              std::string* error);

// The same through /dev/wasm.
bool ResolveApp(Device* dev, const std::string& arg, uint32_t* id, std::string* error);
bool ResolveInst(Device* dev, const std::string& arg, uint32_t* id, std::string* error);

}  // namespace wasmctl

#endif  // WASMCTL_RESOLVE_H_
