#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (once) the debug kernel that "make check-debug" boots: Debian's
# linux-source-6.1, x86_64_defconfig plus tests/vm/debug-kernel.config
# (KASAN, KFENCE, kmemleak, lockdep, UBSAN, DEBUG_OBJECTS, ...).
#
#   scripts/debug-kernel.sh          build unless cached; print the tree
#   scripts/debug-kernel.sh --dir    only print where the tree is (or will be)
#
# The tree is $WASMKM_CACHE/debug-kernel/<source version>-<key> (WASMKM_CACHE
# defaults to ${XDG_CACHE_HOME:-~/.cache}/wasmkm: outside the clone, so that a
# fresh clone of the same machine, CI's included, finds it), where the key
# hashes the source package version, the config fragment, the compiler
# version and the recipe below: the same inputs never rebuild, a changed
# fragment or a new linux-source-6.1 does.  The tree is the KDIR that
# wasmkm.ko and the test apps are built against; the guest boots
# <tree>/arch/x86/boot/bzImage.  The build runs with "nice" on JOBS
# (default 2) jobs; the extracted source is kept for the next key.
#
# A new key's tree is seeded with a copy (cp -a: mtimes kept, and with them
# certs/signing_key.pem, so the module signing key stays the same) of the
# newest finished tree of the same source version, then configured as
# usual: Kbuild's per-option dependencies (include/config/) rebuild only
# the objects that the changed options touch, not the whole kernel.  Set
# SEED=none to build from scratch.  Finished trees are never deleted here:
# a lane may be using one.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${WASMKM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wasmkm}
FRAG=$ROOT/tests/vm/debug-kernel.config
TAR=/usr/src/linux-source-6.1.tar.xz
JOBS=${JOBS:-2}
NICE=${NICE:-15}
# Bump when the steps below change what gets built.
RECIPE=1

log() { printf 'debug-kernel: %s\n' "$*" >&2; }

ver=$(dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null) ||
	{ log "linux-source-6.1 is not installed (scripts/install-deps.sh)"; exit 1; }
cc_ver=$(${CC:-gcc} --version | head -n1)
key=$({ echo "recipe $RECIPE"; echo "$ver"; echo "$cc_ver"; cat "$FRAG"; } |
	sha256sum | cut -c1-12)
DIR=$CACHE/debug-kernel/$ver-$key
SRC=$CACHE/debug-kernel/src-$ver

if [ "${1:-}" = --dir ]; then
	echo "$DIR"
	exit 0
fi

if [ -f "$DIR/.wasmkm-done" ]; then
	log "cached: $DIR"
	echo "$DIR"
	exit 0
fi

start=$(date +%s)
if [ ! -f "$SRC/.wasmkm-extracted" ]; then
	log "extracting $TAR"
	rm -rf "$SRC" "$SRC.tmp"
	mkdir -p "$SRC.tmp"
	tar -xJf "$TAR" -C "$SRC.tmp" --strip-components=1
	touch "$SRC.tmp/.wasmkm-extracted"
	mv "$SRC.tmp" "$SRC"
fi

rm -rf "$DIR"
seed=
if [ "${SEED:-}" != none ]; then
	# shellcheck disable=SC2012 # our own directory names: no odd characters
	seed=$(ls -1td "$CACHE/debug-kernel/$ver"-*/.wasmkm-done 2>/dev/null |
		head -n1 || true)
	seed=${seed%/.wasmkm-done}
fi
if [ -n "$seed" ]; then
	log "seeding $DIR from $seed"
	rm -rf "$DIR.tmp"
	cp -a "$seed" "$DIR.tmp"
	rm -f "$DIR.tmp/.wasmkm-done" "$DIR.tmp/build-seconds" \
		"$DIR.tmp/build.log" "$DIR.tmp/merge.log"
	echo "$seed" >"$DIR.tmp/seeded-from"
	# The objtool build records its absolute output directory in its
	# .cmd files: a changed command relinks objtool, and every kernel
	# object depends on objtool.  Point them at the new tree, mtimes kept.
	grep -rlF --include='.*.cmd' --include='.*.d' "$seed/" "$DIR.tmp" |
		while IFS= read -r f; do
			t=$(stat -c %y "$f")
			sed -i "s|$seed/|$DIR/|g" "$f"
			touch -d "$t" "$f"
		done
	mv "$DIR.tmp" "$DIR"
fi
mkdir -p "$DIR"
kmake() {
	nice -n "$NICE" make -C "$SRC" O="$DIR" "$@"
}
log "configuring $DIR"
kmake -s x86_64_defconfig
"$SRC/scripts/kconfig/merge_config.sh" -m -O "$DIR" "$DIR/.config" "$FRAG" >"$DIR/merge.log"
kmake -s olddefconfig

# Every option the fragment asks for must have stuck (a dependency that
# Kconfig silently dropped would make the lane check less than it says).
bad=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=*)
		grep -qxF "$line" "$DIR/.config" || { log "not set: $line"; bad=1; } ;;
	"# CONFIG_"*" is not set")
		opt=${line#\# }
		opt=${opt%% *}
		if grep -qE "^$opt=" "$DIR/.config"; then
			log "still set: $(grep -E "^$opt=" "$DIR/.config")"
			bad=1
		fi
		;;
	esac
done <"$FRAG"
[ "$bad" -eq 0 ] || { log "config fragment did not apply"; exit 1; }

log "building in $DIR with $JOBS jobs (nice $NICE); this takes a while"
kmake -j"$JOBS" >"$DIR/build.log" 2>&1 ||
	{ tail -n 40 "$DIR/build.log" >&2; log "build failed ($DIR/build.log)"; exit 1; }
if [ ! -s "$DIR/arch/x86/boot/bzImage" ] || [ ! -s "$DIR/Module.symvers" ]; then
	log "no bzImage or Module.symvers in $DIR"
	exit 1
fi
echo "$(($(date +%s) - start))" >"$DIR/build-seconds"
touch "$DIR/.wasmkm-done"
log "built in $(cat "$DIR/build-seconds") s: $DIR"
echo "$DIR"
