#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Run one test suite for "make check" and record how it went, or add up
# the records.
#
#   suite.sh run NAME DIR [--build] -- COMMAND...
#       Runs COMMAND, output to the terminal and to DIR/NAME.log, and writes
#       DIR/NAME.count = "PASSED FAILED RC SECONDS".  The counts come from
#       the last line "[name: ]N passed, M failed"; else from gtest's
#       "[  PASSED  ] N tests" / "[  FAILED  ] M tests"; else the whole
#       suite counts as one test.  A non-zero status with no failure
#       counted adds one failure.  With --build, a success counts nothing.
#       Always exits 0, so that the next suite runs.
#
#   suite.sh total DIR
#       Prints each suite's result and time, the sum, the final "N passed,
#       M failed"; exits 1 if anything failed or a suite did not finish.
set -euo pipefail

cmd=${1:-}
shift || true

case "$cmd" in
run)
	name=$1
	dir=$2
	shift 2
	build=0
	if [ "${1:-}" = --build ]; then
		build=1
		shift
	fi
	[ "${1:-}" = -- ] && shift
	mkdir -p "$dir"
	log=$dir/$name.log
	echo "==== $name: $*"
	set +e
	start=$(date +%s)
	"$@" </dev/null 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	set -e
	pass=
	fail=
	line=$(grep -E '^([A-Za-z0-9_ -]+: )?[0-9]+ passed, [0-9]+ failed$' "$log" |
		tail -n1 || true)
	if [ -n "$line" ]; then
		pass=$(sed -E 's/.*\b([0-9]+) passed, ([0-9]+) failed$/\1/' <<<"$line")
		fail=$(sed -E 's/.*\b([0-9]+) passed, ([0-9]+) failed$/\2/' <<<"$line")
	elif grep -qE '^\[  PASSED  \] [0-9]+ test' "$log"; then
		pass=$(sed -nE 's/^\[  PASSED  \] ([0-9]+) test.*/\1/p' "$log" |
			awk '{ s += $1 } END { print s + 0 }')
		fail=$(sed -nE 's/^\[  FAILED  \] ([0-9]+) test.*/\1/p' "$log" |
			awk '{ s += $1 } END { print s + 0 }')
	elif [ "$build" -eq 1 ]; then
		pass=0
		fail=0
	elif [ "$rc" -eq 0 ]; then
		pass=1
		fail=0
	else
		pass=0
		fail=1
	fi
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		fail=1
	fi
	secs=$(($(date +%s) - start))
	echo "$pass $fail $rc $secs" >"$dir/$name.count"
	echo "==== $name: $pass passed, $fail failed (status $rc, $secs s)"
	;;
total)
	dir=$1
	total_pass=0
	total_fail=0
	total_secs=0
	bad=0
	for f in "$dir"/*.count; do
		[ -e "$f" ] || continue
		read -r pass fail rc secs <"$f"
		secs=${secs:-0}
		name=$(basename "$f" .count)
		printf '  %-12s %4d passed, %4d failed %6d s%s\n' "$name" "$pass" "$fail" \
			"$secs" "$([ "$rc" -eq 0 ] || echo " (status $rc)")"
		total_pass=$((total_pass + pass))
		total_fail=$((total_fail + fail))
		total_secs=$((total_secs + secs))
		[ "$rc" -eq 0 ] || bad=1
	done
	echo "  suites took $total_secs s ($((total_secs / 60)) min)"
	echo "$total_pass passed, $total_fail failed"
	[ "$total_fail" -eq 0 ] && [ "$bad" -eq 0 ]
	;;
*)
	sed -n '4,19s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit 2
	;;
esac
