#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# In the guest (tests/vm/run.sh ... bench, from /bench): the host-call
# micro-benchmark (bench/micro/hostcall.c) with the wasmkm tracepoints off,
# enabled in tracefs, and with wasmctl trace's BPF program attached, in
# turns, ROUNDS times.  Prints "MODE micro NAME NS MIN MAX" lines.
ROUNDS=3
N=20000
T=/sys/kernel/tracing
[ -d $T/events ] || mount -t tracefs nodev $T
status=0
# Loaded once; each run is a new instance (which trace hc follows).
wasmctl -q load /bench/hostcall.wko --name hc --arg 10 --wait >/dev/null || status=1

one() {
	wasmctl -q start hc --arg "$N" --wait >/tmp/hc.out 2>&1 || status=1
	grep '^micro ' /tmp/hc.out | sed "s/^/$1 /"
}

i=0
while [ "$i" -lt "$ROUNDS" ]; do
	one off
	echo 1 >$T/events/wasmkm/enable
	one tracefs
	echo 0 >$T/events/wasmkm/enable
	echo >$T/trace
	wasmctl trace hc >/dev/null 2>&1 &
	pid=$!
	sleep 2
	one bpf
	kill -INT "$pid"
	wait "$pid"
	i=$((i + 1))
done
wasmctl -q unload hc || status=1
exit "$status"
