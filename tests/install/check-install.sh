#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Check "make install" and "make install-dkms" into a scratch directory
# (nothing is installed on this machine, nothing is loaded):
#
#   - make install DESTDIR=...: wasmkm.ko under lib/modules/<release>/updates,
#     aotc, wasmctl, the runtime headers and Module.symvers where aotc looks
#     for them, the modules-load.d entry; then the installed aotc builds an
#     app object with its defaults (headers and symbols found next to it);
#     wasmkm.service and /etc/wasmkm/apps.d, the unit checked with
#     systemd-analyze verify (tests/install/check-unit.sh)
#   - make install-dkms DESTDIR=...: the DKMS source tree, and (if dkms is
#     installed) "dkms build" of it, in a private DKMS tree, against the
#     kernel headers, with the POST_BUILD step keeping Module.symvers
#
#   tests/install/check-install.sh KDIR WASM
#
# Prints "install: N passed, M failed".
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
KDIR=$1
WASM=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PASS=0
FAIL=0

ok() {
	PASS=$((PASS + 1))
	echo "ok - $*"
}
notok() {
	FAIL=$((FAIL + 1))
	echo "not ok - $*"
}
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else notok "$what"; fi
}

release=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' "$KDIR/include/generated/utsrelease.h")
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$ROOT/dkms.conf")
dest=$TMP/dest
prefix=/usr/local
share=$dest$prefix/share/wasmkm

cd "$ROOT" || exit 1
if make --no-print-directory KDIR="$KDIR" DESTDIR="$dest" PREFIX="$prefix" install \
	>"$TMP/install.log" 2>&1; then
	ok "make install"
else
	notok "make install"
	tail -n 20 "$TMP/install.log"
fi
check "wasmkm.ko in lib/modules/$release/updates" \
	test -f "$dest/lib/modules/$release/updates/wasmkm.ko"
check "aotc and wasmctl" test -x "$dest$prefix/bin/aotc" -a -x "$dest$prefix/bin/wasmctl"
check "runtime headers" test -f "$share/include/kmod/include/wasmkm/rt.h" \
	-a -f "$share/include/uapi/linux/wasmkm.h"
check "Module.symvers for $release" test -s "$share/symvers/$release/Module.symvers"
check "modules-load.d entry" grep -qx wasmkm "$dest/etc/modules-load.d/wasmkm.conf"
unit=$dest$prefix/lib/systemd/system/wasmkm.service
check "wasmkm.service runs the installed wasmctl" \
	grep -qx "ExecStart=$prefix/bin/wasmctl apply --prune /etc/wasmkm/apps.d" "$unit"
check "/etc/wasmkm/apps.d" test -d "$dest/etc/wasmkm/apps.d"
# systemd-analyze verify (and broken copies refused), with the wasmctl of DESTDIR.
if "$ROOT/tests/install/check-unit.sh" "$ROOT/systemd/wasmkm.service" "$dest$prefix/bin"; then
	ok "wasmkm.service verified"
else
	notok "wasmkm.service verified"
fi
if "$dest$prefix/bin/aotc" "$WASM" -o "$TMP/app.ko" --kdir "$KDIR" >"$TMP/aotc.log" 2>&1 &&
	modinfo "$TMP/app.ko" | grep -q '^depends:.*wasmkm'; then
	ok "installed aotc builds an app object with its defaults"
else
	notok "installed aotc builds an app object with its defaults"
	cat "$TMP/aotc.log"
fi

# DKMS: the POST_BUILD step writes to PREFIX's share directory (no DESTDIR
# there), so give it a scratch PREFIX.
dprefix=$TMP/prefix
if make --no-print-directory DESTDIR="$dest" PREFIX="$dprefix" install-dkms \
	>"$TMP/install-dkms.log" 2>&1; then
	ok "make install-dkms"
else
	notok "make install-dkms"
	tail -n 20 "$TMP/install-dkms.log"
fi
src=$dest/usr/src/wasmkm-$version
check "DKMS source tree" test -f "$src/dkms.conf" -a -f "$src/kmod/Kbuild" \
	-a -f "$src/uapi/linux/wasmkm.h" -a -x "$src/scripts/dkms-post-build.sh"
check "install-dkms: wasmkm.service and /etc/wasmkm/apps.d" \
	test -f "$dest$dprefix/lib/systemd/system/wasmkm.service" -a -d "$dest/etc/wasmkm/apps.d"
check "no build products in the DKMS source tree" \
	test -z "$(find "$src" -name '*.o' -o -name '*.ko' -o -name '*.cmd')"
if command -v dkms >/dev/null; then
	mkdir -p "$TMP/dkms"
	if dkms build -m wasmkm -v "$version" -k "$release" --sourcetree "$dest/usr/src" \
		--dkmstree "$TMP/dkms" --kernelsourcedir "$KDIR" >"$TMP/dkms.log" 2>&1 &&
		find "$TMP/dkms/wasmkm/$version/$release" -name 'wasmkm.ko*' | grep -q .; then
		ok "dkms build against $release"
	else
		notok "dkms build against $release"
		tail -n 30 "$TMP/dkms.log"
		find "$TMP/dkms" -name make.log -exec tail -n 30 {} \;
	fi
	check "DKMS POST_BUILD kept Module.symvers" \
		test -s "$dprefix/share/wasmkm/symvers/$release/Module.symvers"
else
	echo "# dkms not installed: dkms build skipped"
fi

echo "install: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
