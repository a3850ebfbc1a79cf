#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# What the wasmkm tracepoints cost a host call: bench/micro/hostcall.c in
# the x86-64 QEMU guest with the tracepoints off (the normal case), enabled
# in tracefs (every event recorded to the ring buffer), and with wasmctl
# trace's BPF program attached.  Run by "make bench-tracecost" (after
# "make"); the table goes to bench/results/tracecost-DATE.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
KREL=$1 KDIR=$2
W=$BUILD/bench/tracecost
rm -rf "$W" && mkdir -p "$W/guest"
clang-16 --target=wasm32-wasi -O2 -Wall -Werror -Wl,--strip-debug \
	-o "$W/hostcall.wasm" "$ROOT/bench/micro/hostcall.c"
"$BUILD/bin/aotc" "$W/hostcall.wasm" -o "$W/guest/hostcall.wko" --kdir "$KDIR" \
	--symvers "$ROOT/kmod/Module.symvers"
cp "$ROOT/bench/tracecost/guest.sh" "$W/guest/guest.sh"
chmod +x "$W/guest/guest.sh"
nice "$ROOT/tests/vm/run.sh" --arch x86 --kernel "$BUILD/kernel/$KREL/vmlinuz" \
	--kmod "$ROOT/kmod/wasmkm.ko" --wasmctl "$BUILD/guest/wasmctl" --bench "$W/guest" \
	--out "$W/vm" --timeout 1200 bench | tee "$W/out.txt"
# Lines "MODE micro NAME NS MIN MAX": the median over rounds of each median.
out=$ROOT/bench/results/tracecost-$(date -u +%Y-%m-%d-%H%M).md
{
	echo "# Host-call cost with the wasmkm tracepoints off and on"
	echo
	echo "Taken $(date -u '+%Y-%m-%d %H:%M') UTC on $(nproc) cores, load average" \
		"$(cut -d' ' -f1 /proc/loadavg), QEMU TCG guest $KREL; \`make bench-tracecost\`."
	echo "ns per call, median of the rounds' medians (lowest, highest)."
	echo
	echo "| call | off | tracefs enabled | BPF (wasmctl trace) |"
	echo "|---|---|---|---|"
	grep -a -E '^(off|tracefs|bpf) micro ' "$W/out.txt" | awk '
		{ k = $3; v[k, $1] = v[k, $1] " " $4; names[k] = 1 }
		function med(s,   a, n, i, j, t) {
			n = split(s, a, " ")
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
				if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
			return n ? a[int((n + 1) / 2)] " (" a[1] "-" a[n] ")" : "-"
		}
		END { for (k in names)
			printf "| %s | %s | %s | %s |\n", k, med(v[k, "off"]),
				med(v[k, "tracefs"]), med(v[k, "bpf"]) }'
} >"$out"
cat "$out"
