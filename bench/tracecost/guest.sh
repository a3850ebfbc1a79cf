#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# In the guest (tests/vm/run.sh ... bench, from /bench): the host-call
# micro-benchmark (bench/micro/hostcall.c) in turns, ROUNDS times:
#   none     wasmkm.ko built with its tracepoints compiled out (the baseline;
#            /bench/notrace/wasmkm.ko, never shipped)
#   off      the shipped module, tracepoints disabled (the normal case)
#   tracefs  every wasmkm event enabled in tracefs
#   bpf      wasmctl trace's BPF program attached
# Prints "MODE micro NAME NS MIN MAX" lines.
ROUNDS=6
N=20000
T=/sys/kernel/tracing
SHIPPED=$(ls /lib/wasmkm/*.ko)
[ -d $T/events ] || mount -t tracefs nodev $T
status=0

# Loads hostcall.wko as app "hc"; each run is a new instance of it (which
# wasmctl trace hc follows).
load_hc() {
	wasmctl -q load /bench/hostcall.wko --name hc --arg 10 --wait >/dev/null || status=1
}

swap_module() {
	wasmctl -q unload hc || status=1
	rmmod wasmkm || status=1
	insmod "$1" || status=1
	load_hc
}

one() {
	wasmctl -q start hc --arg "$N" --wait >/tmp/hc.out 2>&1 || status=1
	grep '^micro ' /tmp/hc.out | sed "s/^/$1 /"
}

load_hc
i=0
while [ "$i" -lt "$ROUNDS" ]; do
	# none and off swap places every other round, so that neither always
	# runs first after a module load.
	if [ $((i % 2)) -eq 0 ]; then
		swap_module /bench/notrace/wasmkm.ko
		one none
		swap_module "$SHIPPED"
		one off
	else
		one off
		swap_module /bench/notrace/wasmkm.ko
		one none
		swap_module "$SHIPPED"
	fi
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
