#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Print the ABI of a Debian kernel, derived, never hard-coded (a point
# release moves it):
#
#   kernel-abi.sh [--index] DEBARCH   what linux-headers-DEBARCH points at:
#       the installed metapackage (e.g. 6.1.0-56), or with --index the
#       package index (APT_CONFIG may select a private one, e.g. arm64)
#   kernel-abi.sh FLAVOUR SERIES      the newest SERIES kernel of Debian 12
#       in the index with both headers and (unsigned) image, e.g. "amd64
#       6.12" -> 6.12.57+deb12; FLAVOUR is a Debian kernel flavour (amd64,
#       arm64, arm64-16k)
index=0
if [ "$1" = --index ]; then
	index=1
	shift
fi
arch=${1:-amd64}
series=${2:-}

if [ -n "$series" ]; then
	for pkg in $(apt-cache pkgnames "linux-headers-$series." 2>/dev/null |
		grep -E "^linux-headers-$series\.[0-9]+\+deb12-$arch\$" | sort -rV); do
		abi=${pkg#linux-headers-}
		abi=${abi%-"$arch"}
		if apt-cache show "linux-image-$abi-$arch-unsigned" >/dev/null 2>&1; then
			printf '%s\n' "$abi"
			exit 0
		fi
	done
	exit 1
fi

if [ "$index" -eq 0 ]; then
	dep=$(dpkg-query -W -f='${Depends}' "linux-headers-$arch" 2>/dev/null)
else
	dep=$(apt-cache show --no-all-versions "linux-headers-$arch" 2>/dev/null |
		sed -n 's/^Depends: //p' | head -n1)
fi
abi=$(printf '%s\n' "$dep" | sed -n "s/.*linux-headers-\([0-9][^ ,]*\)-$arch.*/\1/p" | head -n1)
[ -n "$abi" ] || exit 1
printf '%s\n' "$abi"
