// SPDX-License-Identifier: GPL-2.0
// Device grants: --cap i2c:BUS:ADDR and --cap gpio:CHIP:LINE:in|out[,edge=...]
// (Documentation/devices.md).
#ifndef WASMCTL_CAP_DEV_H_
#define WASMCTL_CAP_DEV_H_

#include <linux/wasmkm.h>

#include <string>

namespace wasmctl {

// True if @s is a device grant ("i2c:" or "gpio:"); then *cap holds it as the
// kernel takes it, or *ok is false and *error says what is wrong (@at names
// the flag or manifest line and the text).
bool ParseDevCap(const std::string& s, const std::string& at, wasmkm_cap* cap, bool* ok,
                 std::string* error);

// The grant in the --cap form, for messages and listings.
std::string DevCapText(const wasmkm_cap& cap);

}  // namespace wasmctl

#endif  // WASMCTL_CAP_DEV_H_
