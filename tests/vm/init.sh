#!/bin/sh
# shellcheck disable=SC3040  # busybox ash has pipefail
# SPDX-License-Identifier: GPL-2.0
#
# /init of the wasmkm test guest (busybox sh).  tests/vm/run.sh builds the
# initramfs around it.  Everything a test prints goes to the console
# (ttyS0 or ttyAMA0, with the kernel log) and to the result channel
# (RESULT_TTY: ttyS1 on x86, the virtio console hvc0 on arm64), which ends
# with one machine-readable line:
#
#   WASMKM-RESULT pass=N fail=M skip=K tainted=T
#
# Then the guest powers off.  A missing line means the guest died.

PATH=/bin:/sbin
export PATH

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /tmp /dev/pts
mount -t tmpfs tmpfs /tmp
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
# cgroup v2 with the controllers the accounting tests use (sandbox_acct):
# a test makes a child group, limits it and moves itself in.
mkdir -p /sys/fs/cgroup
if mount -t cgroup2 cgroup2 /sys/fs/cgroup 2>/dev/null; then
	# One at a time: a kernel without one (the debug lane has no memcg)
	# still gets the others; sandbox_acct skips what the kernel lacks.
	for c in memory cpu pids; do
		grep -qw "$c" /sys/fs/cgroup/cgroup.controllers || continue
		echo "+$c" >/sys/fs/cgroup/cgroup.subtree_control 2>/dev/null ||
			echo "init: cannot enable the $c controller"
	done
fi

# shellcheck source=/dev/null
. /etc/wasmkm-test.conf

# The result channel, raw.  On arm64 it is a virtio console, whose modules
# come first; its device node appears shortly after.
for m in $EARLY_MODULES; do
	insmod "/lib/wasmkm/early/$m" || echo "init: insmod $m failed"
done
RESULT_TTY=${RESULT_TTY:-/dev/ttyS1}
i=0
while [ ! -e "$RESULT_TTY" ] && [ "$i" -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ -e "$RESULT_TTY" ] || echo "init: no result channel $RESULT_TTY"
stty -F "$RESULT_TTY" raw -echo 2>/dev/null
exec 3>"$RESULT_TTY"

PASS=0
FAIL=0
SKIP=0
NUM=0

# Print to the console and the result channel.
say() {
	echo "$*"
	echo "$*" >&3
}

# Record one top-level result: ok|notok name.
result() {
	NUM=$((NUM + 1))
	if [ "$1" = ok ]; then
		PASS=$((PASS + 1))
		say "ok $NUM $2"
	else
		FAIL=$((FAIL + 1))
		say "not ok $NUM $2"
	fi
}

finish() {
	# Warnings, oopses and soft lockups taint the kernel: count them even
	# when the console scan on the host would miss them.
	# D (die) 7, W (warn) 9, L (soft lockup) 14, B (bad page) 5.
	tainted=$(cat /proc/sys/kernel/tainted)
	bad=$((tainted & ((1 << 5) | (1 << 7) | (1 << 9) | (1 << 14))))
	if [ "$bad" -ne 0 ]; then
		result notok "kernel not tainted by a bug (tainted=$tainted)"
	fi
	say "WASMKM-RESULT pass=$PASS fail=$FAIL skip=$SKIP tainted=$tainted"
	exec 3>&-
	sync
	poweroff -f
	sleep 5
	echo o >/proc/sysrq-trigger
}

# Guest-side timeouts: the kernel's detectors, tuned so that a run of a few
# seconds is enough to see a missing yield point.
echo 1 >/proc/sys/kernel/panic_on_warn
[ -n "$WATCHDOG_THRESH" ] && echo "$WATCHDOG_THRESH" >/proc/sys/kernel/watchdog_thresh
[ -n "$HUNG_TASK_TIMEOUT" ] && echo "$HUNG_TASK_TIMEOUT" >/proc/sys/kernel/hung_task_timeout_secs

# A guest-side deadline, shorter than the host's: a test stuck in the
# kernel still gets a result line out (and the console its stack traces).
if [ -n "$GUEST_TIMEOUT" ]; then
	(
		sleep "$GUEST_TIMEOUT"
		echo 1 >/proc/sys/kernel/sysrq
		echo w >/proc/sysrq-trigger
		say "not ok - guest timeout after ${GUEST_TIMEOUT}s"
		say "WASMKM-RESULT pass=0 fail=1 skip=0 tainted=$(cat /proc/sys/kernel/tainted) timeout"
		sync
		poweroff -f
	) &
fi

say "# wasmkm guest: $(uname -r), mode $MODE, $(grep -c ^processor /proc/cpuinfo) CPUs"
say "# booted: $(cut -d' ' -f1 /proc/uptime) s since the kernel started"

# On a kernel with kmemleak (make check-debug): forget what boot left
# behind, so that the scan at the end reports only what the tests leaked.
KMEMLEAK=/sys/kernel/debug/kmemleak
if [ -w "$KMEMLEAK" ]; then
	echo scan >"$KMEMLEAK"
	echo clear >"$KMEMLEAK"
	say "# kmemleak: on"
fi

if insmod "/lib/wasmkm/$KMOD_FILE"; then
	result ok "insmod $KMOD_FILE"
else
	result notok "insmod $KMOD_FILE"
	finish
fi

run_selftest() {
	bin=$1
	name=${bin##*/}
	out=/tmp/$name.out
	say "# selftest: $name"
	t0=$(cut -d' ' -f1 /proc/uptime)
	set -o pipefail
	# shellcheck disable=SC2094
	(cd /tmp && "$bin") 2>&1 | tee "$out" >&3
	rc=$?
	set +o pipefail
	cat "$out"
	# Guest time per suite: where make check's minutes go (limits.md).
	say "# selftest: $name took $(awk -v t0="$t0" '{ printf "%.1f", $1 - t0 }' /proc/uptime) s"
	# The module's stack low-water mark (a test may reload the module).
	f=/sys/module/wasmkm/parameters/stack_min_free
	if [ -r "$f" ] && [ "$(cat "$f")" -lt "${STACK_MIN:-999999}" ]; then
		STACK_MIN=$(cat "$f")
	fi
	p=$(grep -c '^ok ' "$out")
	s=$(grep -c '^ok .*# SKIP' "$out")
	f=$(grep -c '^not ok ' "$out")
	PASS=$((PASS + p - s))
	SKIP=$((SKIP + s))
	FAIL=$((FAIL + f))
	NUM=$((NUM + p + f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		# Crashed, or failed outside a test case.
		result notok "$name exited with status $rc"
	elif [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		result notok "$name ran no tests"
	fi
}

case "$MODE" in
check)
	for t in $TESTS; do
		run_selftest "/kselftests/$t"
	done
	;;
demo)
	# DEMO_OKn: the statuses that count as success (wasmctl load --wait
	# may pass on the app's exit code).
	# examples/sensor's stand-in for a sensor, in the directory it is granted
	mkdir -p /data
	for r in 21.5 21.7 22.0 22.4 22.1; do echo "$r"; done >/data/readings.txt
	for i in 1 2 3 4 5 6 7 8; do
		cmd=
		ok=0
		eval "cmd=\${DEMO_CMD$i:-}; ok=\${DEMO_OK$i:-0}"
		[ -n "$cmd" ] || continue
		say "\$ $cmd"
		set -o pipefail
		sh -c "$cmd" 2>&1 | tee /dev/console >&3
		rc=$?
		set +o pipefail
		case " $ok " in
		*" $rc "*) result ok "demo: $cmd (status $rc)" ;;
		*) result notok "demo: $cmd (status $rc)" ;;
		esac
	done
	;;
smoke)
	;;
bench)
	# bench/guest.sh prints the measurements; bench/run.py reads them.
	set -o pipefail
	sh /bench/guest.sh 2>&1 | tee /dev/console >&3
	rc=$?
	set +o pipefail
	if [ "$rc" -eq 0 ]; then
		result ok "bench"
	else
		result notok "bench (status $rc)"
	fi
	;;
shell)
	# Interactive: a shell on the console; "poweroff -f" ends the guest.
	say "# shell: apps in /apps, kselftests in /kselftests; poweroff -f to quit"
	setsid cttyhack sh
	;;
*)
	result notok "unknown mode $MODE"
	;;
esac

# Last: the module must unload cleanly once everything is gone.
modname=${KMOD_FILE%.ko}
modname=$(echo "$modname" | tr - _)
if [ -n "${STACK_MIN:-}" ]; then
	say "# least kernel stack an instance left untouched: $STACK_MIN bytes"
fi
if grep -q "^$modname " /proc/modules && [ "$MODE" != demo ]; then
	if rmmod "$modname"; then
		result ok "rmmod $modname"
	else
		result notok "rmmod $modname"
	fi
fi

# kmemleak reports objects older than 5 s: wait, then scan twice (an
# object is reported once two scans found no reference to it).
if [ -w "$KMEMLEAK" ] && [ "$MODE" = check ]; then
	sleep 6
	echo scan >"$KMEMLEAK"
	echo scan >"$KMEMLEAK"
	leaks=$(grep -c '^unreferenced object' "$KMEMLEAK")
	if [ "$leaks" -eq 0 ]; then
		result ok "kmemleak: no leaks"
	else
		head -n 60 "$KMEMLEAK"
		result notok "kmemleak: $leaks unreferenced objects"
	fi
fi

finish
