#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The expected outcome of a toolchain app, from a run outside wasmkm:
#   expect.sh native OUT BINARY   the same source built for the host
#   expect.sh wasi OUT APP.wasm   the .wasm under Node's WASI (node-wasi.mjs)
# writes OUT.stdout (its standard output), OUT.code (its exit code) and
# OUT.tree (the granted directory afterwards, as tree_dump prints it).
#
# The stage is the one tests/kselftest/toolchains.c sets in the guest: a
# directory holding input.txt, the arguments ROOT 3 "two words" héllo and
# exactly the environment below.  Change both together.
set -euo pipefail

mode=$1 out=$2 app=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/root"
printf 'line one\nline two\n' >"$dir/root/input.txt"
envs=("WK_GREETING=hello wasmkm" "WK_EMPTY=")
words=(3 "two words" "héllo")
code=0
case "$mode" in
native)
	env -i "${envs[@]}" "$app" "$dir/root" "${words[@]}" >"$out.stdout.tmp" || code=$?
	;;
wasi)
	env -i "${envs[@]}" "$(command -v node)" --no-warnings "$here/node-wasi.mjs" "$app" \
		"$dir/root" "$(basename "${app%.wasm}")" /data "${words[@]}" >"$out.stdout.tmp" || code=$?
	;;
*)
	echo "expect.sh: unknown mode $mode (native or wasi)" >&2
	exit 2
	;;
esac
# The tree as the kselftest dumps it (the same commands, busybox there).
(cd "$dir/root" && find . | LC_ALL=C sort | while read -r f; do
	if [ -d "$f" ]; then echo "$f/"; else echo "$f:"; cat "$f"; fi
done) >"$out.tree.tmp"
echo "$code" >"$out.code.tmp"
mv "$out.stdout.tmp" "$out.stdout"
mv "$out.tree.tmp" "$out.tree"
mv "$out.code.tmp" "$out.code"
