#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the Debian kernel that wasmkm was built against in QEMU (TCG, no KVM
# needed), load wasmkm.ko in the guest and run tests or the demo there.
#
#   tests/vm/run.sh [options] check   every kselftest binary in --tests
#   tests/vm/run.sh [options] demo    examples/hello, then examples/sensor with --cap fs:/data,
#                                     httpd, thermostat on the device simulator
#   tests/vm/run.sh [options] smoke   insmod + rmmod only
#   tests/vm/run.sh [options] shell   interactive shell on the console
#   tests/vm/run.sh [options] bench   run /bench/guest.sh (see bench/README.md)
#
# Options (defaults in brackets, relative to the repository root):
#   --arch ARCH      x86 (q35, console ttyS0) or arm64 (virt, cortex-a72,
#                    console ttyAMA0) [x86]
#   --cpu MODEL      QEMU CPU model [x86: max, arm64: cortex-a72; 16K pages
#                    need cortex-a76, the Raspberry Pi 5's]
#   --kernel FILE    guest kernel [build/kernel/<abi>-amd64/vmlinuz]
#   --guest-modules DIR  virtio_mmio.ko and virtio_console.ko of the guest
#                    kernel, loaded first (arm64) [none]
#   --kmod FILE      module to insmod [kmod/wasmkm.ko]
#   --wasmctl FILE   static wasmctl for the guest [build/guest/wasmctl]
#   --apps DIR       app objects and expected outputs, at /apps [build/apps]
#   --tests DIR      static kselftest binaries, at /kselftests [build/kselftest]
#                    (run in the order of DIR/order if present, else sorted)
#   --bench DIR      benchmark objects and guest.sh, at /bench [build/bench/guest]
#   --out DIR        initramfs, console.log, result.txt [build/vm]
#   --timeout SEC    kill QEMU after SEC seconds and fail [600]
#   --append ARGS    extra kernel command line
#   --env NAME=VALUE exported to the tests in the guest (repeatable)
#
# The guest reports through a second channel (result.txt): the second serial
# port on x86 (ttyS1); on arm64, where the virt machine has one PL011 only,
# a virtio console (hvc0, its modules from --guest-modules).  It ends with
# "WASMKM-RESULT pass=N fail=M ...".  The run fails if that line is missing,
# if any test failed, on a timeout, or if the console shows a kernel
# BUG/WARNING/Oops/lockup/stall/panic.  The last line printed is always
# "vm: N passed, M failed".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}
ABI=${KABI:-$("$ROOT/scripts/kernel-abi.sh" amd64 2>/dev/null || true)}

KERNEL=$BUILD/kernel/$ABI-amd64/vmlinuz
ARCH=x86
CPU=
GUEST_MODULES=
KMOD=$ROOT/kmod/wasmkm.ko
WASMCTL=$BUILD/guest/wasmctl
APPS=$BUILD/apps
TESTS=$BUILD/kselftest
BENCH=$BUILD/bench/guest
OUT=$BUILD/vm
TIMEOUT=${VM_TIMEOUT:-600}
APPEND=
GUEST_ENV=()
MODE=

usage() {
	sed -n '4,30s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--arch) ARCH=$2; shift 2 ;;
	--cpu) CPU=$2; shift 2 ;;
	--kernel) KERNEL=$2; shift 2 ;;
	--guest-modules) GUEST_MODULES=$2; shift 2 ;;
	--kmod) KMOD=$2; shift 2 ;;
	--wasmctl) WASMCTL=$2; shift 2 ;;
	--apps) APPS=$2; shift 2 ;;
	--tests) TESTS=$2; shift 2 ;;
	--bench) BENCH=$2; shift 2 ;;
	--out) OUT=$2; shift 2 ;;
	--timeout) TIMEOUT=$2; shift 2 ;;
	--append) APPEND=$2; shift 2 ;;
	--env)
		[[ "$2" =~ ^[A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9_.,:/-]*$ ]] ||
			{ echo "run.sh: bad --env $2" >&2; exit 2; }
		GUEST_ENV+=("$2"); shift 2 ;;
	-h | --help) usage ;;
	check | demo | smoke | shell | bench) MODE=$1; shift ;;
	*) echo "run.sh: unknown argument: $1" >&2; usage ;;
	esac
done
[ -n "$MODE" ] || usage

PASS=0
FAIL=0

# Always end with the summary line, whatever happened.
summary() {
	echo "vm: $PASS passed, $FAIL failed"
}
die() {
	echo "run.sh: $*" >&2
	FAIL=$((FAIL + 1))
	summary
	exit 1
}

case "$ARCH" in
x86 | x86_64) ARCH=x86 QEMU_BIN=qemu-system-x86_64 ;;
arm64 | aarch64) ARCH=arm64 QEMU_BIN=qemu-system-aarch64 ;;
*) die "unknown --arch $ARCH (x86 or arm64)" ;;
esac
[ -s "$KERNEL" ] || die "no guest kernel $KERNEL (run scripts/install-deps.sh)"
[ -s "$KMOD" ] || die "no module $KMOD (make kmod)"
command -v "$QEMU_BIN" >/dev/null || die "$QEMU_BIN missing"
[ -x /bin/busybox ] || die "/bin/busybox missing (busybox-static)"
busybox_static=$(LC_ALL=C file -L /bin/busybox 2>/dev/null || true)
case "$busybox_static" in
*dynamically*) die "/bin/busybox is not static (install busybox-static)" ;;
esac

# ---------------------------------------------------------------- initramfs
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
STAGE=$OUT/initramfs
rm -rf "$STAGE"
mkdir -p "$STAGE"/{bin,sbin,etc,proc,sys,dev,tmp,lib/wasmkm,apps,kselftests,root}

# busybox runs on the host's arch only: the arm64 guest gets Debian's
# arm64 busybox-static, unpacked by scripts/install-deps.sh.
BUSYBOX=/bin/busybox
[ "$ARCH" = arm64 ] && [ "$(uname -m)" != aarch64 ] && BUSYBOX=$BUILD/arm64-busybox/busybox
[ -x "$BUSYBOX" ] || die "no busybox for $ARCH: $BUSYBOX (run scripts/install-deps.sh)"
cp "$BUSYBOX" "$STAGE/bin/busybox"
for applet in $(/bin/busybox --list); do
	[ -e "$STAGE/bin/$applet" ] || ln -s busybox "$STAGE/bin/$applet"
done
install -m 0755 "$ROOT/tests/vm/init.sh" "$STAGE/init"
install -m 0755 "$ROOT/tests/vm/demo-thermostat.sh" "$STAGE/bin/demo-thermostat"
KMOD_FILE=$(basename "$KMOD")
cp "$KMOD" "$STAGE/lib/wasmkm/$KMOD_FILE"

# Modules the guest needs before the tests (the arm64 result channel).
EARLY=
if [ -n "$GUEST_MODULES" ]; then
	mkdir -p "$STAGE/lib/wasmkm/early"
	for m in virtio_mmio virtio_console; do
		f=$(find "$GUEST_MODULES" -maxdepth 1 -name "$m.ko*" -print -quit)
		[ -n "$f" ] || continue
		cp "$f" "$STAGE/lib/wasmkm/early/"
		EARLY+=" $(basename "$f")"
	done
fi
if [ "$ARCH" = arm64 ]; then
	# Built in on some kernels (Debian's 6.12), modules on others (6.1).
	RESULT_TTY=/dev/hvc0
else
	RESULT_TTY=/dev/ttyS1
fi

if [ -x "$WASMCTL" ]; then
	cp "$WASMCTL" "$STAGE/bin/wasmctl"
elif [ "$MODE" = check ] || [ "$MODE" = demo ] || [ "$MODE" = bench ]; then
	die "no guest wasmctl $WASMCTL (make wasmctl)"
fi

if [ -d "$APPS" ]; then
	find "$APPS" -maxdepth 1 -type f -exec cp {} "$STAGE/apps/" \;
fi

if [ "$MODE" = bench ]; then
	[ -x "$BENCH/guest.sh" ] || die "no $BENCH/guest.sh (make bench)"
	mkdir -p "$STAGE/bench"
	cp -r "$BENCH/." "$STAGE/bench/"
	# The container row (bench/ctr.py): the host's runc (Debian package
	# runc, same arch as the x86 guest) and the libraries it links.
	if [ -d "$BENCH/ctr" ]; then
		runc=$(command -v runc) || die "no runc for the container bench (scripts/install-deps.sh)"
		cp "$runc" "$STAGE/bin/runc"
		for lib in $(ldd "$runc" | grep -o '/[^ ]*'); do
			mkdir -p "$STAGE$(dirname "$lib")"
			cp -L "$lib" "$STAGE$lib"
		done
	fi
fi

TEST_LIST=
if [ "$MODE" = shell ] && [ -d "$TESTS" ]; then
	find "$TESTS" -maxdepth 1 -type f -perm -u+x -exec cp {} "$STAGE/kselftests/" \;
fi
if [ "$MODE" = check ]; then
	[ -d "$TESTS" ] || die "no kselftest directory $TESTS (make kselftests)"
	if [ -f "$TESTS/order" ]; then
		TEST_LIST=$(tr '\n' ' ' <"$TESTS/order")
	else
		TEST_LIST=$(find "$TESTS" -maxdepth 1 -type f -perm -u+x -printf '%f\n' |
			sort | tr '\n' ' ')
	fi
	for t in $TEST_LIST; do
		[ -x "$TESTS/$t" ] || die "kselftest $TESTS/$t missing"
		cp "$TESTS/$t" "$STAGE/kselftests/$t"
	done
	[ -n "$TEST_LIST" ] || die "no kselftests in $TESTS"
fi

# The demo: examples/hello as a kernel thread (it exits with the number of
# its arguments, which "wasmctl load --wait" passes on), then
# examples/sensor confined to /data, and what it wrote there, then
# examples/httpd serving that log over a net: grant, asked by busybox wget,
# then examples/thermostat on the test-only device simulator
# (tests/vm/demo-thermostat.sh).
DEMO_CMDS=(
	"wasmctl load /apps/hello.wko --arg wasm --arg kernel --env GREETING=Hello --wait"
	"wasmctl load /apps/sensor.wko --cap fs:/data --wait"
	"cat /data/sensor.log"
	"wasmctl list"
	"ifconfig lo 127.0.0.1 up && wasmctl load /apps/httpd.wko --cap fs:/data --cap net:tcp-listen:127.0.0.1:8080"
	"wget -q -O - http://127.0.0.1:8080/sensor.log"
	"demo-thermostat"
)
# The accepted exit statuses of each command.
DEMO_OKS=("0 2" "0" "0" "0" "0" "0" "0")

{
	printf 'MODE=%s\n' "$MODE"
	printf 'KMOD_FILE=%s\n' "$KMOD_FILE"
	printf 'EARLY_MODULES="%s"\n' "$EARLY"
	printf 'RESULT_TTY=%s\n' "$RESULT_TTY"
	printf 'TESTS="%s"\n' "$TEST_LIST"
	for i in "${!DEMO_CMDS[@]}"; do
		printf 'DEMO_CMD%s="%s"\n' "$((i + 1))" "${DEMO_CMDS[$i]}"
		printf 'DEMO_OK%s="%s"\n' "$((i + 1))" "${DEMO_OKS[$i]}"
	done
	# Soft lockup after 2 * 3 s; the stop test spins longer than that.
	printf 'WATCHDOG_THRESH=3\n'
	printf 'HUNG_TASK_TIMEOUT=30\n'
	printf 'GUEST_TIMEOUT=%s\n' "$((TIMEOUT > 120 ? TIMEOUT - 60 : TIMEOUT * 3 / 4))"
	for e in ${GUEST_ENV[@]+"${GUEST_ENV[@]}"}; do
		printf 'export %s\n' "$e"
	done
} >"$STAGE/etc/wasmkm-test.conf"

INITRD=$OUT/initramfs.cpio.gz
(cd "$STAGE" && find . -print0 | LC_ALL=C sort -z |
	cpio --null -o -H newc -R 0:0 --quiet) | gzip -1 >"$INITRD"

# ---------------------------------------------------------------- boot
CONSOLE=$OUT/console.log
RESULT=$OUT/result.txt
rm -f "$CONSOLE" "$RESULT"
: >"$RESULT"

if [ "$ARCH" = arm64 ]; then
	CMDLINE="console=ttyAMA0"
	QEMU=("$QEMU_BIN" -accel tcg -machine virt -cpu "${CPU:-cortex-a72}" -m 1G -smp 2)
	# The result channel: a virtio console (hvc0 in the guest).
	RESULT_DEV=(-device virtio-serial-device
		-chardev "file,id=result,path=$RESULT" -device "virtconsole,chardev=result")
else
	# Not no_timer_check, though a loaded host can make the IO-APIC timer
	# check fail a boot: without the check the KASAN debug kernel takes a
	# wild access in an early edge interrupt and panics every time.
	CMDLINE="console=ttyS0,115200"
	QEMU=("$QEMU_BIN" -accel tcg -machine q35 -cpu "${CPU:-max}" -m 1G -smp 2)
	RESULT_DEV=(-serial "file:$RESULT")
fi
CMDLINE+=" panic=-1 oops=panic panic_on_warn=1 softlockup_panic=0"
CMDLINE+=" rcupdate.rcu_cpu_stall_timeout=10 $APPEND"
QEMU+=(-display none -no-reboot -nic none
	-kernel "$KERNEL" -initrd "$INITRD" -append "$CMDLINE")

if [ "$MODE" = shell ]; then
	# The console on this terminal (Ctrl-A X quits QEMU), no timeout.
	exec "${QEMU[@]}" -serial mon:stdio "${RESULT_DEV[@]}"
fi

echo "vm: booting $(basename "$(dirname "$KERNEL")") on $ARCH ($MODE, timeout ${TIMEOUT}s)"
start=$(date +%s.%N)
set +e
timeout --signal=KILL "$TIMEOUT" "${QEMU[@]}" -monitor none \
	-serial "file:$CONSOLE" "${RESULT_DEV[@]}" </dev/null
qemu_rc=$?
set -e
end=$(date +%s.%N)
elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')

# ---------------------------------------------------------------- verdict
tr -d '\r' <"$RESULT" >"$RESULT.tmp" && mv "$RESULT.tmp" "$RESULT"
[ -f "$CONSOLE" ] && tr -d '\r' <"$CONSOLE" >"$CONSOLE.tmp" && mv "$CONSOLE.tmp" "$CONSOLE"

echo "---- guest output ($RESULT)"
grep -v '^WASMKM-RESULT ' "$RESULT" || true
echo "----"

problems=()
if [ "$qemu_rc" -eq 137 ] || [ "$qemu_rc" -eq 124 ]; then
	problems+=("timeout: QEMU killed after ${TIMEOUT}s")
elif [ "$qemu_rc" -ne 0 ]; then
	problems+=("QEMU exited with status $qemu_rc")
fi

line=$(grep '^WASMKM-RESULT ' "$RESULT" | tail -n1 || true)
if [ -n "$line" ]; then
	PASS=$(sed -n 's/.* pass=\([0-9]*\).*/\1/p' <<<"$line")
	FAIL=$(sed -n 's/.* fail=\([0-9]*\).*/\1/p' <<<"$line")
	skip=$(sed -n 's/.* skip=\([0-9]*\).*/\1/p' <<<"$line")
	[ "${skip:-0}" -eq 0 ] || echo "vm: $skip skipped"
else
	problems+=("no WASMKM-RESULT line from the guest")
fi

# Kernel trouble on the console (kernel log lines carry a timestamp).
pattern='BUG:|WARNING:|Oops|soft lockup|hard LOCKUP|rcu_sched self-detected stall'
pattern+='|rcu_preempt self-detected stall|RCU stall|rcu: INFO:|hung_task|blocked for more than'
pattern+='|Kernel panic|general protection fault|KASAN|UBSAN:|list_add corruption'
pattern+='|list_del corruption|kernel stack overflow|stack-protector|Call Trace:'
pattern+='|ODEBUG:|suspected memory leak|possible circular locking|lockdep is turned off'
if [ -f "$CONSOLE" ]; then
	bad=$(grep -E '^\[ *[0-9]+\.[0-9]+\]' "$CONSOLE" | grep -E "$pattern" || true)
	if [ -n "$bad" ]; then
		problems+=("kernel problems on the console:")
		while IFS= read -r l; do
			problems+=("  $l")
		done <<<"$bad"
	fi
else
	problems+=("no console log")
fi

echo "vm: guest run took ${elapsed}s (console: $CONSOLE)"
if [ "${#problems[@]}" -gt 0 ]; then
	printf 'vm: %s\n' "${problems[@]}"
	FAIL=$((FAIL + 1))
	echo "---- last 40 console lines"
	tail -n 40 "$CONSOLE" 2>/dev/null || true
	echo "----"
fi
summary
[ "$FAIL" -eq 0 ]
