#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Check systemd/wasmkm.service with systemd-analyze verify, as installed
# with wasmctl in BINDIR:
#
#   tests/install/check-unit.sh UNIT_TEMPLATE BINDIR
#
# systemd-analyze verify runs without systemd as PID 1 (in a container, a
# chroot, a build machine) with --man=no, but systemd 252 only warns about
# an unknown key or a bad value and still exits 0: a line of its output
# that names the unit counts as a failure too.  Broken copies of the unit
# (a misspelt key, a bad value, a missing program) must be refused, so that
# the check is seen to fail.  Prints "unit: N passed, M failed".
set -uo pipefail

TEMPLATE=$1
BINDIR=$2
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

# verify DIR: 0 if the unit DIR/wasmkm.service passes, its output in DIR/log.
verify() {
	local dir=$1
	SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$dir/wasmkm.service" \
		>"$dir/log" 2>&1 || return 1
	! grep -q 'wasmkm\.service' "$dir/log"
}

# unit NAME SED: the unit with @BINDIR@ filled in, edited by SED, in TMP/NAME.
unit() {
	mkdir -p "$TMP/$1"
	sed -e "s|@BINDIR@|$BINDIR|g" -e "$2" "$TEMPLATE" >"$TMP/$1/wasmkm.service"
}

if ! command -v systemd-analyze >/dev/null; then
	notok "systemd-analyze not found: run scripts/install-deps.sh (Debian package systemd)"
	echo "unit: $PASS passed, $FAIL failed"
	exit 1
fi

unit good ''
if verify "$TMP/good"; then
	ok "systemd-analyze verify wasmkm.service"
else
	notok "systemd-analyze verify wasmkm.service"
	cat "$TMP/good/log"
fi
for broken in 's/^RemainAfterExit=/RemainAfterExt=/' 's/^Type=oneshot/Type=oneshoot/' \
	's|^ExecReload=.*|ExecReload=/nonexistent/wasmctl apply /etc/wasmkm/apps.d|'; do
	unit broken "$broken"
	if verify "$TMP/broken"; then
		notok "a broken unit ($broken) is refused"
	else
		ok "a broken unit ($broken) is refused"
	fi
done

echo "unit: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
