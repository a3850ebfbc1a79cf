#!/bin/sh
# Print the ABI (e.g. 6.1.0-56) of the kernel that Debian's
# linux-headers-<arch> metapackage points at, for the given Debian arch
# (default: amd64).  Derived, never hard-coded: a point release moves it.
arch=${1:-amd64}
dep=$(dpkg-query -W -f='${Depends}' "linux-headers-$arch" 2>/dev/null) || exit 1
abi=$(printf '%s\n' "$dep" | sed -n "s/.*linux-headers-\([0-9][^ ,]*\)-$arch.*/\1/p" | head -n1)
[ -n "$abi" ] || exit 1
printf '%s\n' "$abi"
