#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Time SIMD128 code generation: tests/host/codegen/bench/kernels.c built for
# wasm32-wasi with and without -msimd128, through aotc's generator and the
# host runner (the same C as the kernel object, host gcc -O2), against the
# same C built natively.  Best of 3 wall-clock seconds each.
# Usage (from the repo root, after `make check-codegen`): tests/host/codegen/simd-bench.sh
set -eu
GEN=${GEN:-build/codegen-tests/codegen-gen}
OUT=${OUT:-build/simd-bench}
WASM_CC=${WASM_CC:-clang-16}
HERE=tests/host/codegen
SRC=$HERE/bench/kernels.c
CFLAGS="-O2 -ffp-contract=off -fno-math-errno"
mkdir -p "$OUT"
best() {
	local b=999999 t s e
	for _ in 1 2 3; do
		s=$(date +%s%N)
		"$@" >"$OUT/out.txt"
		e=$(date +%s%N)
		t=$(((e - s) / 1000000))
		[ "$t" -lt "$b" ] && b=$t
	done
	printf '%d.%03d' $((b / 1000)) $((b % 1000))
}
# $CFLAGS, $flag: lists of options (or none).
# shellcheck disable=SC2086
gcc $CFLAGS -o "$OUT/native" "$SRC"
for v in scalar simd128; do
	flag=; [ $v = simd128 ] && flag=-msimd128
	# shellcheck disable=SC2086
	$WASM_CC --target=wasm32-wasi -O2 $flag -o "$OUT/$v.wasm" "$SRC"
	"$GEN" "$OUT/$v.wasm" "$OUT/$v.c"
	# shellcheck disable=SC2086
	gcc $CFLAGS -I"$HERE/include" -I"$HERE" -Itests/include -Ikmod/include -Iuapi \
		-DAPP_CODE="\"$PWD/$OUT/$v.c\"" -o "$OUT/$v" "$HERE/runner.c" "$HERE/shim.c"
done
"$OUT/native" >"$OUT/native.out"
for v in scalar simd128; do
	"$OUT/$v" >"$OUT/$v.out"
	cmp -s "$OUT/native.out" "$OUT/$v.out" || { echo "$v: output differs from native"; exit 1; }
done
echo "native  $(best "$OUT/native") s"
echo "scalar  $(best "$OUT/scalar") s (wasm without -msimd128)"
echo "simd128 $(best "$OUT/simd128") s (wasm with -msimd128)"
