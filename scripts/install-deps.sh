#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Install what wasmkm needs to build and test, on Debian 12 (bookworm).
# Idempotent and quick when everything is present: only a dpkg-query check,
# no network.  Missing packages are installed by name (apt-get update first).
#
# Then, without installing it, fetch the Debian kernel image that matches
# the installed linux-headers-amd64 (for the QEMU guest), and extract the
# few files the tests and lint need from the kernel source tarball.
#
# With --debug, also what building the debug kernel of "make check-debug"
# takes (scripts/debug-kernel.sh): flex, bison, bc, libelf and libssl headers.
#
# Outputs (under build/, relative to the repository root):
#   kernel/<abi>/vmlinuz          the guest kernel
#   ksrc/tools/testing/selftests/kselftest{,_harness}.h
#   ksrc/scripts/{checkpatch.pl,spelling.txt,const_structs.checkpatch}
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
KSRC_TAR=/usr/src/linux-source-6.1.tar.xz

PACKAGES=(
	build-essential
	linux-headers-amd64
	qemu-system-x86
	busybox-static
	cpio
	gzip
	xz-utils
	wabt
	clang-16
	lld-16
	libclang-rt-16-dev-wasm32
	clang-19
	lld-19
	libclang-rt-19-dev-wasm32
	wasi-libc
	linux-source-6.1
	libgtest-dev
	clang-format
	kmod
	python3
	perl
	file
	ca-certificates
	# bench/ (make bench): V8, plots, pip for the wasmtime package
	nodejs
	python3-matplotlib
	python3-pip
)

# Building a kernel from linux-source-6.1 (make check-debug only).
DEBUG_PACKAGES=(
	flex
	bison
	bc
	libelf-dev
	libssl-dev
)

log() { printf 'install-deps: %s\n' "$*" >&2; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		log "need root (or sudo) to run: $*"
		exit 1
	fi
}

missing_packages() {
	local p status
	for p in "$@"; do
		status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
		[ "$status" = installed ] || printf '%s\n' "$p"
	done
}

install_packages() {
	local missing
	mapfile -t missing < <(missing_packages "$@")
	if [ "${#missing[@]}" -eq 0 ]; then
		return 0
	fi
	log "installing: ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
	as_root env DEBIAN_FRONTEND=noninteractive \
		apt-get install -q -y --no-install-recommends "${missing[@]}"
}

# The guest kernel: linux-image-<abi>-amd64, downloaded and unpacked only.
fetch_kernel() {
	local abi dir pkg deb tmp
	abi=$("$ROOT/scripts/kernel-abi.sh" amd64)
	dir=$BUILD/kernel/$abi
	if [ -s "$dir/vmlinuz" ]; then
		return 0
	fi
	pkg=linux-image-$abi-amd64
	mkdir -p "$BUILD/kernel"
	deb=$(find "$BUILD/kernel" -maxdepth 1 -name "${pkg}_*.deb" -print -quit)
	if [ -z "$deb" ]; then
		log "downloading $pkg"
		# apt-get download run as root drops privileges to _apt, which
		# must be able to write the target directory: download into a
		# private world-writable directory, then move the file.
		tmp=$(mktemp -d)
		chmod 0777 "$tmp"
		if ! (cd "$tmp" && apt-get download -q "$pkg"); then
			# The package lists may be stale (a point release moved
			# the pool): refresh them once and retry.
			as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
			(cd "$tmp" && apt-get download -q "$pkg")
		fi
		deb=$(find "$tmp" -maxdepth 1 -name "${pkg}_*.deb" -print -quit)
		[ -n "$deb" ] || { log "download of $pkg failed"; exit 1; }
		mv "$deb" "$BUILD/kernel/"
		rm -rf "$tmp"
		deb=$BUILD/kernel/$(basename "$deb")
	fi
	log "unpacking $(basename "$deb")"
	tmp=$(mktemp -d "$BUILD/kernel/unpack.XXXXXX")
	dpkg-deb -x "$deb" "$tmp"
	mkdir -p "$dir"
	cp "$tmp/boot/vmlinuz-$abi-amd64" "$dir/vmlinuz.tmp"
	if [ -f "$tmp/boot/config-$abi-amd64" ]; then
		cp "$tmp/boot/config-$abi-amd64" "$dir/config"
	fi
	rm -rf "$tmp"
	mv "$dir/vmlinuz.tmp" "$dir/vmlinuz"
}

# kselftest headers and checkpatch from the kernel source tarball.
extract_ksrc() {
	local files=(
		tools/testing/selftests/kselftest.h
		tools/testing/selftests/kselftest_harness.h
		scripts/checkpatch.pl
		scripts/spelling.txt
		scripts/const_structs.checkpatch
	)
	local dst=$BUILD/ksrc f need=0 top
	for f in "${files[@]}"; do
		[ -s "$dst/$f" ] || need=1
	done
	[ "$need" -eq 1 ] || return 0
	log "extracting kselftest headers and checkpatch from $KSRC_TAR"
	top=linux-source-6.1
	mkdir -p "$dst"
	tar -xJf "$KSRC_TAR" -C "$dst" --strip-components=1 \
		"${files[@]/#/$top/}"
}

if [ "${1:-}" = --debug ]; then
	install_packages "${PACKAGES[@]}" "${DEBUG_PACKAGES[@]}"
else
	install_packages "${PACKAGES[@]}"
fi
fetch_kernel
extract_ksrc
