#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# What the wasmkm tracepoints cost a host call: bench/micro/hostcall.c in
# the x86-64 QEMU guest with wasmkm.ko built without tracepoints (the
# baseline), with them off (the normal case), enabled in tracefs (every event
# recorded to the ring buffer), and with wasmctl trace's BPF program
# attached, in turns (bench/tracecost/guest.sh).  Run by "make
# bench-tracecost", which builds the baseline module (NOTRACE_KO); the table
# goes to bench/results/tracecost-DATE.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
KREL=$1 KDIR=$2 NOTRACE_KO=$3
W=$BUILD/bench/tracecost
rm -rf "$W" && mkdir -p "$W/guest"
clang-16 --target=wasm32-wasi -O2 -Wall -Werror -Wl,--strip-debug \
	-o "$W/hostcall.wasm" "$ROOT/bench/micro/hostcall.c"
"$BUILD/bin/aotc" "$W/hostcall.wasm" -o "$W/guest/hostcall.wko" --kdir "$KDIR" \
	--symvers "$ROOT/kmod/Module.symvers"
mkdir -p "$W/guest/notrace"
cp "$NOTRACE_KO" "$W/guest/notrace/wasmkm.ko"
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
	echo "ns per call, median of the rounds' medians (lowest, highest); the modes ran in turns."
	echo "\"none\" is wasmkm.ko built without tracepoints, \"off\" the shipped module with them disabled."
	echo
	echo "| call | none | off | tracefs enabled | BPF (wasmctl trace) |"
	echo "|---|---|---|---|---|"
	grep -a -E '^(none|off|tracefs|bpf) micro ' "$W/out.txt" | awk '
		{ k = $3; v[k, $1] = v[k, $1] " " $4; names[k] = 1 }
		function med(s,   a, n, i, j, t) {
			n = split(s, a, " ")
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
				if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
			return n ? a[int((n + 1) / 2)] " (" a[1] "-" a[n] ")" : "-"
		}
		END { for (k in names)
			printf "| %s | %s | %s | %s | %s |\n", k, med(v[k, "none"]), med(v[k, "off"]),
				med(v[k, "tracefs"]), med(v[k, "bpf"]) }'
	# Times under TCG on a shared machine are noisy; the instructions are
	# not.  The straight path of one exported helper wrapper (to its first
	# ret or jmp) in each build: a disabled tracepoint should add only its
	# patched-out jump (a nop).
	echo
	echo "Instructions on the straight path of wasmkm_wasi_clock_time_get (objdump -d, to the first ret/jmp):"
	echo
	for m in "none:$NOTRACE_KO" "off:$ROOT/kmod/wasmkm.ko"; do
		objdump -d --no-show-raw-insn "${m#*:}" | awk -v mode="${m%%:*}" '
			/<wasmkm_wasi_clock_time_get>:$/ { on = 1; next }
			on && NF == 0 { on = 0 }
			on { n++; sub(/^ *[0-9a-f]+:[ \t]*/, ""); split($0, w, " ")
			     ops = ops " " w[1]; if (w[1] ~ /^(ret|jmp)/) on = 0 }
			END { printf "- %s: %d:%s\n", mode, n, ops }'
	done
} >"$out"
cat "$out"
