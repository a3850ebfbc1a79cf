#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Host tests of generated code: run-tests.sh CODEGEN_GEN OUTDIR (from the repo root).
# Each test: .wasm -> codegen -> app_code.c -> host gcc with the runtime shim -> run.
set -u
GEN=$(realpath "$1")
OUT=$(realpath -m "$2")
HERE=tests/host/codegen
CC=${CC:-gcc}
WASM_CC=${WASM_CC:-clang-16}
# -fsignaling-nans: as aotc's Kbuild file (ops.h, "floats")
CFLAGS="-O2 -Wall -Wextra -Wno-unused-parameter -Werror -ffp-contract=off -fno-math-errno -fsignaling-nans"
pass=0
fail=0
mkdir -p "$OUT"

ok() { pass=$((pass + 1)); echo "PASS $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }

# build NAME WASM [GEN-OPTION]: generated code and runner in $OUT/NAME; 0 on success
build() {
	local d=$OUT/$1
	mkdir -p "$d"
	# ${3:-} and $CFLAGS: no word or one option; a list of options.
	# shellcheck disable=SC2086
	"$GEN" "$2" "$d/app_code.c" ${3:-} 2>"$d/gen.err" || { cat "$d/gen.err"; return 1; }
	# shellcheck disable=SC2086
	$CC $CFLAGS -I"$HERE/include" -I"$HERE" -Itests/include -Ikmod/include -Iuapi \
		-DAPP_CODE="\"$d/app_code.c\"" -o "$d/run" "$HERE/runner.c" "$HERE/shim.c" \
		2>"$d/cc.err" || { head -20 "$d/cc.err"; return 1; }
}

# WAT tests: each file carries its own ";; ASSERT" lines.
for wat in "$HERE"/wat/*.wat; do
	name=$(basename "$wat" .wat)
	# --debug-names: a name section, as clang writes one, for trap reports
	if ! wat2wasm --debug-names -o "$OUT/$name.wasm" "$wat" 2>"$OUT/$name.wat.err"; then
		bad "$name" "wat2wasm: $(head -3 "$OUT/$name.wat.err")"
		continue
	fi
	if ! build "$name" "$OUT/$name.wasm"; then
		bad "$name" "build"
		continue
	fi
	if timeout 60 "$OUT/$name/run" --check "$wat" >"$OUT/$name/check.out" 2>&1; then
		ok "$name ($(tail -1 "$OUT/$name/check.out"))"
	else
		cat "$OUT/$name/check.out"
		bad "$name"
	fi
done

# The SIMD helpers with the other C compiler (clang's vector builtins differ
# from gcc's: the shuffle takes another path), at -O2 and, with gcc, -O0.
# (clang has no -fsignaling-nans: ops.h keeps its barriers there.)
if command -v clang-19 >/dev/null &&
	CC=clang-19 CFLAGS="${CFLAGS/ -fsignaling-nans/}" build simd-clang "$OUT/simd.wasm" &&
	"$OUT/simd-clang/run" --check $HERE/wat/simd.wat >"$OUT/simd-clang/check.out"; then
	ok "simd-clang ($(tail -1 "$OUT/simd-clang/check.out"))"
else
	bad "simd-clang" "$(head -5 "$OUT/simd-clang/check.out" 2>/dev/null)"
fi
if CFLAGS="${CFLAGS/-O2/-O0}" build simd-O0 "$OUT/simd.wasm" &&
	"$OUT/simd-O0/run" --check $HERE/wat/simd.wat >"$OUT/simd-O0/check.out"; then
	ok "simd-O0 ($(tail -1 "$OUT/simd-O0/check.out"))"
else
	bad "simd-O0" "$(head -5 "$OUT/simd-O0/check.out" 2>/dev/null)"
fi

# NaN quieting also without -fsignaling-nans, where ops.h hides every float
# operand from the optimiser instead (clang has no such option).
for name in nan nanfold; do
	if CFLAGS="${CFLAGS/ -fsignaling-nans/}" build "$name-barrier" "$OUT/$name.wasm" &&
		"$OUT/$name-barrier/run" --check "$HERE/wat/$name.wat" >"$OUT/$name-barrier/check.out" 2>&1; then
		ok "$name-barrier ($(tail -1 "$OUT/$name-barrier/check.out"))"
	else
		bad "$name-barrier" "$(head -5 "$OUT/$name-barrier/check.out" 2>/dev/null)"
	fi
done

# The expectations themselves, checked against an independent implementation
# (wabt's reference interpreter) so that a wrong ASSERT cannot hide behind a
# matching bug in aotc.  ";; ASSERT" lines after a ";; implementation-defined"
# comment are left out (e.g. table.grow may fail for implementation reasons).
if command -v spectest-interp >/dev/null && command -v wast2json >/dev/null; then
	for wat in "$HERE"/wat/*.wat; do
		name=$(basename "$wat" .wat)
		if python3 "$HERE/asserts2wast.py" "$wat" "$OUT/$name.wast" &&
			wast2json -o "$OUT/$name.json" "$OUT/$name.wast" 2>"$OUT/$name.wast.err" &&
			spectest-interp "$OUT/$name.json" >"$OUT/$name.interp" 2>&1; then
			ok "expect-$name ($(tail -1 "$OUT/$name.interp"))"
		else
			grep -v "passed" "$OUT/$name.interp" "$OUT/$name.wast.err" 2>/dev/null | head -10
			bad "expect-$name"
		fi
	done
else
	bad "expectations" "spectest-interp/wast2json (wabt) not found"
fi

# Without yield points (only the stack check at function entry).
if build control-noyield "$OUT/control.wasm" --no-yield &&
	"$OUT/control-noyield/run" --check $HERE/wat/control.wat >"$OUT/control-noyield/check.out"; then
	ok "control-noyield"
else
	bad "control-noyield" "$(head -5 "$OUT/control-noyield/check.out" 2>/dev/null)"
fi

# While ctx->yield is set (SHIM_TICKS keeps it set), every loop back-edge
# takes the yield slow path: 1000000 iterations, at least 999999 ticks.
# ($l, $vec below: WAT names, not shell variables.)
# shellcheck disable=SC2016
printf '(module (func (export "spin") (param i32) (result i32)\n  (loop $l (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1))))) (local.get 0)))\n' >"$OUT/spin.wat"
if wat2wasm -o "$OUT/spin.wasm" "$OUT/spin.wat" && build spin "$OUT/spin.wasm" &&
	SHIM_TICKS=1 "$OUT/spin/run" --invoke spin i32:1000000 >"$OUT/spin/out" 2>"$OUT/spin/err" &&
	grep -qx "i32:0" "$OUT/spin/out" &&
	[ "$(sed -n 's/^ticks //p' "$OUT/spin/err")" -ge 999999 ]; then
	ok "loop-yield"
else
	bad "loop-yield" "$(cat "$OUT/spin/out" "$OUT/spin/err" 2>/dev/null)"
fi
# Results stay right when every yield point takes the slow path.
if SHIM_TICKS=1 "$OUT/control/run" --check $HERE/wat/control.wat >"$OUT/control/yield.out" 2>&1; then
	ok "control-yield"
else
	bad "control-yield" "$(head -5 "$OUT/control/yield.out")"
fi

# Bulk memory yields between 64 KiB chunks: a 4-page fill takes 3 ticks.
if build bulk-yield "$OUT/bulk.wasm" &&
	SHIM_TICKS=1 "$OUT/bulk-yield/run" --invoke fill i32:0 i32:1 i32:262144 \
		>"$OUT/bulk-yield/out" 2>"$OUT/bulk-yield/err" &&
	[ "$(sed -n 's/^ticks //p' "$OUT/bulk-yield/err")" -ge 3 ]; then
	ok "bulk-yield"
else
	bad "bulk-yield" "$(cat "$OUT/bulk-yield/out" "$OUT/bulk-yield/err" 2>/dev/null)"
fi

# A data segment out of bounds traps at instantiation.
printf '(module (memory 1) (data (i32.const 65535) "ab") (func (export "f")))\n' >"$OUT/dataoob.wat"
if wat2wasm -o "$OUT/dataoob.wasm" "$OUT/dataoob.wat" && build dataoob "$OUT/dataoob.wasm"; then
	got=$("$OUT/dataoob/run" --invoke f)
	if [ $? = 100 ] && [ "$got" = "trap: out of bounds memory access (instantiate)" ]; then
		ok "data-oob-instantiate"
	else
		bad "data-oob-instantiate" "$got"
	fi
else
	bad "data-oob-instantiate" "build"
fi

# Unsupported input is refused with an error that names the function.
# shellcheck disable=SC2016
printf '(module (func $vec (export "v") (param v128) (result v128)\n  (f32x4.relaxed_min (local.get 0) (local.get 0))))\n' >"$OUT/relaxed.wat"
if wat2wasm --enable-relaxed-simd --debug-names -o "$OUT/relaxed.wasm" "$OUT/relaxed.wat" &&
	! "$GEN" "$OUT/relaxed.wasm" "$OUT/relaxed.c" 2>"$OUT/relaxed.err" &&
	grep -q "function 0 (vec).*relaxed SIMD" "$OUT/relaxed.err"; then
	ok "relaxed-simd-rejected"
else
	bad "relaxed-simd-rejected" "$(cat "$OUT/relaxed.err" 2>/dev/null)"
fi
printf '(module (import "env" "f" (func)) (func (export "_start") (call 0)))\n' >"$OUT/badimp.wat"
if wat2wasm -o "$OUT/badimp.wasm" "$OUT/badimp.wat" &&
	! "$GEN" "$OUT/badimp.wasm" "$OUT/badimp.c" 2>"$OUT/badimp.err" &&
	grep -q '"env"."f"' "$OUT/badimp.err"; then
	ok "unknown-import-rejected"
else
	bad "unknown-import-rejected" "$(cat "$OUT/badimp.err" 2>/dev/null)"
fi

# Deep nesting: 2000 nested blocks, each adding 1 after its inner block; a
# br_table in the innermost leaves block d, so d + 1 adds are skipped.
{
	echo '(module (func (export "deep") (param i32) (result i32)'
	for i in $(seq 2000); do echo "(block (result i32)"; done
	printf '(br_table'
	for i in $(seq 0 1999); do printf ' %d' "$i"; done
	echo ' 0 (i32.const 0) (local.get 0))'
	for i in $(seq 2000); do echo '(i32.add (i32.const 1)))'; done
	echo '))'
	for k in 0 1 3 1000 1999 5000; do
		echo ";; ASSERT deep i32:$k => i32:$((k >= 2000 ? 1999 : 1999 - k))"
	done
} >"$OUT/deep.wat"
if wat2wasm -o "$OUT/deep.wasm" "$OUT/deep.wat" && build deep "$OUT/deep.wasm" &&
	"$OUT/deep/run" --check "$OUT/deep.wat" >"$OUT/deep/check.out"; then
	ok "deep-nesting"
else
	bad "deep-nesting" "$(head -5 "$OUT/deep/check.out" 2>/dev/null)"
fi

# Unbounded recursion traps instead of crashing the host.
if wat2wasm -o "$OUT/recurse.wasm" tests/apps/recurse.wat && build recurse "$OUT/recurse.wasm"; then
	timeout 60 "$OUT/recurse/run" >/dev/null 2>"$OUT/recurse/err"
	if [ $? = 100 ] && grep -q "call stack exhausted" "$OUT/recurse/err"; then
		ok "recurse"
	else
		bad "recurse" "$(cat "$OUT/recurse/err")"
	fi
else
	bad "recurse" "build"
fi

# C apps for wasm32-wasi against the same C built natively.
if command -v "$WASM_CC" >/dev/null; then
	if $WASM_CC --target=wasm32-wasi -O2 -o "$OUT/hello.wasm" examples/hello.c &&
		build hello "$OUT/hello.wasm"; then
		got=$("$OUT/hello/run" --env GREETING=Hello -- wasm kernel)
		rc=$?
		want=$'Hello from a WebAssembly kernel thread!\narg 1: wasm\narg 2: kernel'
		if [ "$got" = "$want" ] && [ $rc = 2 ]; then ok "hello"; else bad "hello" "rc=$rc: $got"; fi
	else
		bad "hello" "build"
	fi
	# Each app: the default target features, and SIMD128 (-msimd128, what
	# clang vectorizes loops to), with clang 16 and, when installed, 19.
	compilers=$WASM_CC
	command -v clang-19 >/dev/null && [ "$WASM_CC" != clang-19 ] && compilers="$compilers clang-19"
	for app in matmul "$HERE"/c/*.c; do
		[ "$app" = matmul ] && app=tests/apps/matmul.c
		[ -f "$app" ] || continue
		base=$(basename "$app" .c)
		if ! $CC -O2 -ffp-contract=off -o "$OUT/$base.native" "$app" -lm; then
			bad "c-$base" "native build"
			continue
		fi
		"$OUT/$base.native" one two >"$OUT/$base.native.out" 2>&1
		for wcc in $compilers; do
			for simd in "" -msimd128; do
				name=$base${simd:+-simd}
				[ "$wcc" = "$WASM_CC" ] || name=$name-${wcc#clang-}
				if $wcc --target=wasm32-wasi -O2 $simd -o "$OUT/$name.wasm" "$app" &&
					build "c-$name" "$OUT/$name.wasm"; then
					"$OUT/c-$name/run" -- one two >"$OUT/$name.wasm.out" 2>&1
					if cmp -s "$OUT/$name.wasm.out" "$OUT/$base.native.out"; then
						ok "c-$name"
					else
						diff "$OUT/$base.native.out" "$OUT/$name.wasm.out" | head -10
						bad "c-$name"
					fi
				else
					bad "c-$name" "build"
				fi
			done
		done
	done
else
	bad "c-apps" "$WASM_CC not found"
fi

echo "codegen: $pass passed, $fail failed"
[ $fail = 0 ]
