#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The demo's thermostat, run in the guest by "make demo" (tests/vm/run.sh
# demo): examples/thermostat.c with an I2C sensor and a GPIO output granted,
# on the simulated hardware of tests/devsim/.  The test-only simulator is
# loaded from the build tree (the guest's /apps): it is never installed.
# The temperature moves twice, below and above the set point's hysteresis
# band, and the heater line switches on, then off.
set -eu

SIM=/sys/kernel/debug/wasmkm_devsim
LOGDIR=/var/log/thermo

run() {
	echo "\$ $*"
	"$@"
}

# The sensor's register 0-1: degrees C in 1/256, big-endian (no byte may be
# 0: busybox printf ends a string at an escaped NUL).
temp() {
	v=$(awk -v t="$1" 'BEGIN { v = int(t * 256); if (v < 0) v += 65536; print v }')
	echo "# simulated sensor: $1 C"
	# shellcheck disable=SC2059 # the format is the octal escapes built here
	printf "$(printf '\\%03o\\%03o' $((v / 256)) $((v % 256)))" |
		dd of="$SIM/regs" bs=2 count=1 conv=notrunc 2>/dev/null
}

heater() {
	echo "# heater (simulated GPIO line 0): $(cut -c1 "$SIM/gpio")"
}

# Until the thermostat logged a reading of $1 (10 s at most).
wait_reading() {
	i=0
	until grep -q " $1 C heater" "$LOGDIR/thermostat.log" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -le 100 ] || { echo "no reading of $1 C logged"; return 1; }
		sleep 0.1
	done
}

echo "# tests/devsim/wasmkm_devsim.ko: a test-only I2C sensor (0x48) and gpiochip,"
echo "# loaded from the build tree for this demo only (never installed)"
run insmod /apps/wasmkm_devsim.ko
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null || true
bus=$(cat "$SIM/i2c_bus")
mkdir -p "$LOGDIR"
temp 21.5
run wasmctl load /apps/thermostat.wko --name thermostat --cap "fs:$LOGDIR:/log" \
	--cap "i2c:$bus:0x48" --cap gpio:wasmkm-devsim:0:out --arg 21.0 --arg 0
wait_reading 21.50
heater
temp 18.5
wait_reading 18.50
heater
temp 23.25
wait_reading 23.25
heater
run wasmctl unload thermostat
run tail -n 6 "$LOGDIR/thermostat.log"
