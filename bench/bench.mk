# SPDX-License-Identifier: GPL-2.0
# Benchmarks (see bench/README.md); included by the top-level Makefile after
# tests/tests.mk (which sets VM_KERNEL, CODEGEN_GEN and the build targets).
#
#   make bench        PolyBench + micro-benchmarks on every engine, host and
#                     QEMU guest; results in bench/results/ (JSON, Markdown,
#                     PNG) and the table in bench/README.md
#   make bench-quick  host only: a few kernels at SMALL, gcc / wasmkm-host /
#                     wasmtime in turn, minimum and median; a few minutes;
#                     results in bench/results/quick-DATE.{json,md}
#                     (BENCH_ARGS=--count adds valgrind instruction counts)
#   make bench-smoke  MINI sizes, one run, checksums only (part of make check),
#                     the guest's native, runc (container) and wasmkm rows
#                     and a MINI round of the network benchmark included;
#                     last line "bench: N passed, M failed"
#   make bench-net    the network benchmark alone (bench/net.py)
#
# BENCH_SIZE / BENCH_GUEST_SIZE: MINI SMALL MEDIUM LARGE; BENCH_REPS /
# BENCH_GUEST_REPS: runs per kernel; BENCH_ARGS: more bench/run.py options
# (e.g. --no-guest, --no-pip, --engines gcc,node, --no-fs: the wasm 1-byte
# fd_write goes to the instance log instead of a file under a fs: grant).

BENCH_PYTHON ?= /usr/bin/python3
BENCH_SIZE ?= MEDIUM
BENCH_REPS ?= 5
BENCH_GUEST_SIZE ?= MEDIUM
BENCH_GUEST_REPS ?= 3
BENCH_ARGS ?=
BENCH_DIR := $(BUILD)/bench
BENCH_DEPS := kmod aotc wasmctl $(CODEGEN_GEN) $(VM_KERNEL)
BENCH_RUN = nice -n 10 $(BENCH_PYTHON) bench/run.py --aotc $(BUILD)/bin/aotc --kdir $(KDIR) \
	--symvers $(ROOT)/kmod/Module.symvers --codegen-gen $(CODEGEN_GEN) \
	--vm-kernel $(VM_KERNEL) --kmod $(ROOT)/kmod/wasmkm.ko \
	--guest-wasmctl $(BUILD)/guest/wasmctl --pylib $(BENCH_DIR)/pylib

.PHONY: bench bench-run bench-smoke bench-quick bench-grow bench-tracecost bench-net

# deps first, in its own make (as for demo and check).
bench: deps
	$(MAKE) --no-print-directory bench-run

bench-run: $(BENCH_DEPS)
	$(BENCH_RUN) --work $(BENCH_DIR)/full --size $(BENCH_SIZE) --reps $(BENCH_REPS) \
		--guest-size $(BENCH_GUEST_SIZE) --guest-reps $(BENCH_GUEST_REPS) --vm-timeout 3600 \
		--command "make bench BENCH_SIZE=$(BENCH_SIZE) BENCH_REPS=$(BENCH_REPS) \
	BENCH_GUEST_SIZE=$(BENCH_GUEST_SIZE) BENCH_GUEST_REPS=$(BENCH_GUEST_REPS)" $(BENCH_ARGS)

bench-smoke: $(BENCH_DEPS)
	$(BENCH_RUN) --work $(BENCH_DIR)/smoke --smoke --vm-timeout 300 $(BENCH_ARGS)

BENCH_QUICK_REPS ?= 7
bench-quick: $(CODEGEN_GEN)
	nice -n 10 $(BENCH_PYTHON) bench/run.py --quick --codegen-gen $(CODEGEN_GEN) \
		--work $(BENCH_DIR)/quick --pylib $(BENCH_DIR)/pylib --reps $(BENCH_QUICK_REPS) \
		--command "make bench-quick $(BENCH_ARGS)" $(BENCH_ARGS)

# memory.grow in the guest alone (bench/micro/grow.c): malloc 1 MiB at a
# time up to 16/32/64 MiB; results in bench/results/grow-DATE.md
bench-grow: $(BENCH_DEPS)
	$(BENCH_RUN) --work $(BENCH_DIR)/grow --grow-only --vm-timeout 1200 \
		--command "make bench-grow" $(BENCH_ARGS)

# The network benchmark in the guest alone (bench/net.py): echo and HTTP
# servers native vs wasmkm, BENCH_NET_REPS rounds in turns;
# results in bench/results/net-DATE.{md,json}
BENCH_NET_REPS ?= 5
bench-net: $(BENCH_DEPS)
	$(BENCH_RUN) --work $(BENCH_DIR)/net --net-only --net-reps $(BENCH_NET_REPS) \
		--vm-timeout 2400 --command "make bench-net BENCH_NET_REPS=$(BENCH_NET_REPS)" $(BENCH_ARGS)

# The host-call cost with wasmkm.ko built without tracepoints, with them off,
# enabled in tracefs, and with wasmctl trace's BPF program (x86-64 guest);
# bench/results/tracecost-DATE.md
TRACECOST_NOTRACE := $(BUILD)/bench/tracecost-notrace/kmod
bench-tracecost: kmod aotc wasmctl $(VM_KERNEL)
	+$(MAKE) kmod KOBJ=$(TRACECOST_NOTRACE) WASMKM_NO_TRACEPOINTS=1
	bench/tracecost.sh $(KREL) $(KDIR) $(TRACECOST_NOTRACE)/wasmkm.ko
