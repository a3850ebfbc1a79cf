#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The in-guest part of the benchmarks (busybox sh, run by tests/vm/init.sh in
# "bench" mode from /bench, with wasmkm.ko loaded).  bench/run.py stages the
# objects and /bench/bench.conf.  Every result line starts with the engine:
#
#   kernel pb NAME HASH NS,...     PolyBench in a wasmkm kernel thread
#   native pb NAME HASH NS,...     the same C, static, in guest userspace
#                                  (one line per run; the last NS counts)
#   kernel micro NAME VALUE...     host calls, start, idle memory
#   native micro NAME VALUE...
#   ENGINE launch NAME FIRST DONE PEAK   one launch (bench/micro/launch.c)
#   ENGINE net KIND ...            the network benchmark (bench/net/net.sh)
#
# ENGINE is kernel, native or runc (the static native binary in an OCI
# bundle under /bench/ctr, run by runc as Docker would, see bench/ctr.py).
#
# Exits non-zero if a run failed.

# shellcheck source=/dev/null
. /bench/bench.conf
status=0
APPS=

# The objects must be gone before wasmkm.ko is removed.
unload_all() {
	# shellcheck disable=SC2086  # one id per word
	for app in $(printf '%s\n' $APPS | sort -u); do
		wasmctl unload "$app" >/dev/null || status=1
	done
}

# run ENGINE COMMAND...: the command's pb/micro lines, prefixed with ENGINE.
run() {
	engine=$1
	shift
	echo "# $engine: $*"
	"$@" >/tmp/bench.out 2>&1
	rc=$?
	grep -E '^(pb|micro|launch|net) ' /tmp/bench.out | sed "s/^/$engine /"
	# apps that wasmctl loaded, to unload at the end
	APPS="$APPS $(sed -n 's/^app \([0-9]*\) .*loaded.*/\1/p' /tmp/bench.out)"
	if [ "$rc" -ne 0 ]; then
		echo "# $engine: status $rc"
		tail -n 5 /tmp/bench.out | sed 's/^/#   /'
		status=1
	fi
}

# memory.grow: malloc 1 MiB at a time up to 16, 32, 64 MiB, then 64 MiB at
# once (bench/micro/grow.c); alone with GROW_ONLY=1.
grow() {
	for total in 16 32 64; do
		run kernel wasmctl load /bench/grow.wko --arg "$total" --arg 1 --wait
	done
	run kernel wasmctl load /bench/grow.wko --arg 64 --arg 64 --wait
}
# The network benchmark alone (make bench-net); else it runs before grow.
if [ "$NET_ONLY" = 1 ]; then
	# shellcheck source=/dev/null
	. /bench/net.sh
	unload_all
	exit "$status"
fi
if [ "$GROW_ONLY" = 1 ]; then
	grow
	unload_all
	exit "$status"
fi

# Kernel memory per idle instance first, while nothing else has run.
if [ "$PB_ONLY" != 1 ]; then
	run kernel /bench/startlat idle "$IDLE_K" /bench/idle.wko
fi

# One launch of hello or of one PolyBench kernel per engine, through
# /bench/launch: start-up, memory.peak of the run's cgroup, and the
# kernel's run time (PB_RUNS runs in the process, the last reported, the
# others warm up).  native, runc and kernel take turns, program by
# program, PB_REPS times.  With LAUNCH_EACH=0 (make bench-smoke: a runc
# launch takes seconds under TCG) the kernels run in one launch, "all".
CG=/sys/fs/cgroup/bench-launch
RUNC="/bin/runc --root /tmp/runc run --no-pivot --bundle"
# ctr_args NAME ARGS...: the bundle's config.json with these process args
ctr_args() {
	b=/bench/ctr/$1
	shift
	args=
	for a in "$@"; do
		args="$args${args:+, }\"$a\""
	done
	sed "s|\"@ARGS@\"|$args|" "$b/config.tmpl" >"$b/config.json"
}
launch_all() {
	name=$1
	if [ "$name" = hello ]; then
		ctr_args hello /hello
		run native /bench/launch hello "$CG" /bench/hello-native
		# shellcheck disable=SC2086  # RUNC is a command line
		run runc /bench/launch -p hello "$CG" $RUNC /bench/ctr/hello bench
		run kernel /bench/launch hello "$CG" /bin/wasmctl load /bench/hello.wko --wait
	else
		# "all": no kernel argument, pb runs every kernel
		k=$name
		[ "$k" = all ] && k=
		# shellcheck disable=SC2086  # $k: no word if empty
		ctr_args pb /pb -r "$PB_RUNS" $k
		# shellcheck disable=SC2086
		run native /bench/launch "$name" "$CG" /bench/pb-native -r "$PB_RUNS" $k
		# shellcheck disable=SC2086
		run runc /bench/launch -p "$name" "$CG" $RUNC /bench/ctr/pb bench
		# shellcheck disable=SC2086
		run kernel /bench/launch "$name" "$CG" /bin/wasmctl load /bench/pb.wko \
			--arg -r --arg "$PB_RUNS" ${k:+--arg "$k"} --wait
	fi
	# one object at a time in the kernel
	unload_all
	APPS=
}
KERNELS=all
[ "$LAUNCH_EACH" = 1 ] && KERNELS=$(/bench/pb-native -l | grep -v '^first ')
i=0
while [ "$i" -lt "$PB_REPS" ]; do
	for name in hello $KERNELS; do
		launch_all "$name"
	done
	i=$((i + 1))
done

if [ "$PB_ONLY" = 1 ]; then
	unload_all
	exit "$status"
fi

# Host calls.  With FS_CAP (e.g. "fs:/tmp/hc:/hc") the wasm app writes to
# FS_FILE under that grant, as the native one writes to a tmpfs file;
# without, to its log.
mkdir -p /tmp/hc
if [ -n "$FS_CAP" ]; then
	run kernel wasmctl load /bench/hostcall.wko --cap "$FS_CAP" \
		--arg "$HOSTCALL_N" --arg "$FS_FILE" --wait
else
	run kernel wasmctl load /bench/hostcall.wko --arg "$HOSTCALL_N" --wait
fi
run native /bench/hostcall-native "$HOSTCALL_N" /tmp/hc/native.out

# Then start latency.
run native /bench/startlat native "$START_N" /bench/start-native
run kernel /bench/startlat warm "$START_N" /bench/start.wko
run kernel /bench/startlat cold "$START_N" /bench/start.wko
if [ -f /bench/net.sh ]; then
	# shellcheck source=/dev/null
	. /bench/net.sh
fi
grow
unload_all
exit "$status"
