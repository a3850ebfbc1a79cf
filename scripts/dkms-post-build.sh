#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# DKMS POST_BUILD (run in the DKMS build directory): keep the Module.symvers
# of the wasmkm.ko just built for kernel $1 where aotc finds it for that
# kernel, <share>/symvers/<kernel>/Module.symvers.  `make install-dkms`
# writes the share directory into the installed copy of this script.
set -eu
kernelver=$1
share=@WASMKM_SHARE@
case "$share" in
@*) share=/usr/local/share/wasmkm ;;
esac
mkdir -p "$share/symvers/$kernelver"
cp kmod/Module.symvers "$share/symvers/$kernelver/Module.symvers"
