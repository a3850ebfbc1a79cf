// SPDX-License-Identifier: GPL-2.0
// Device grants: --cap i2c:BUS:ADDR and --cap gpio:CHIP:LINE:in|out[,edge=...]
// (Documentation/devices.md).
#ifndef WASMCTL_CAP_DEV_H_
#define WASMCTL_CAP_DEV_H_

#include <linux/wasmkm.h>

#include <string>

#include "userspace-cli/caps.h"

namespace wasmctl {

extern const CapKind kCapI2c;   // i2c:BUS:ADDR
extern const CapKind kCapGpio;  // gpio:CHIP:LINE:in|out[,edge=...]

// The grant in the --cap form, for messages and listings.
std::string DevCapText(const wasmkm_cap& cap);

}  // namespace wasmctl

#endif  // WASMCTL_CAP_DEV_H_
