# SPDX-License-Identifier: GPL-2.0
# Tests, the demo and lint; included by the top-level Makefile (which sets
# ROOT, BUILD, OUT, ARCH, KDIR, KREL, KOBJ and the kmod/aotc/wasmctl targets).
# ARCH=arm64 or KSERIES=6.12 select another lane of the kernel matrix: its
# objects, kselftests and guest run live in build/<lane>/.
#
#   make demo       deps, build, boot the guest, run examples/hello.c and
#                   examples/sensor.c (with --cap fs:/data), then
#                   examples/httpd.c serving its log to busybox wget, then
#                   examples/thermostat.c on the test-only device simulator
#   make check      deps, build, host tests, kselftests in the guest; ends with
#                   one line "N passed, M failed" summing every suite
#   make check-host host unit tests (check-codegen, check-cli, check-fuzz)
#   make check-vm   only the guest run of the kselftests (this lane)
#   make check-lanes the guest runs of every lane (x86, arm64, x86-6.12,
#                   arm64-6.12-16k)
#   make apps       test apps: .c/.wat -> .wasm -> .wko (aotc), expected outputs
#   make apps-wasm  only the .wasm files, in build/wasm
#   make kselftests static kselftest binaries for the guest
#   make check-install  make install / install-dkms into a scratch directory
#   make lint       checkpatch on kmod/, clang-format on C++ sources,
#                   shellcheck on every shell script
#   make vm-smoke   boot, insmod and rmmod wasmkm.ko only
#   make vm-shell   a shell in the guest, wasmkm.ko loaded, apps in /apps
#   make check-debug
#                   the guest suite on a debug kernel (KASAN, KFENCE, kmemleak,
#                   lockdep, UBSAN, ...) built once from linux-source-6.1 and
#                   cached (scripts/debug-kernel.sh, Documentation/limits.md),
#                   then a short boot of it with module.sig_enforce=1 for the
#                   signing test (Documentation/secure-boot.md)

# A recipe that fails leaves no half-written target behind.
.DELETE_ON_ERROR:

-include tests/host/codegen/codegen.mk
-include tests/host/cli/cli.mk
-include tests/host/fuzz/fuzz.mk

WASM_CC := clang-16
WASM_CFLAGS := --target=wasm32-wasi -O2 -Wall -Werror -Wl,--strip-debug
WAT2WASM := wat2wasm
KSRC := $(BUILD)/ksrc
VM_KERNEL = $(BUILD)/kernel/$(KREL)/vmlinuz
# A guard against a hung guest, not a speed target: every kselftest has its
# own per-test timeout, and a loaded 2-core host needs 8-12 minutes per lane.
VM_TIMEOUT ?= 1200
# Extra aotc options (e.g. --arch) for the test apps.
AOTC_FLAGS ?=
# The check targets build with every core (Documentation/limits.md): each
# app is one Kbuild run of a single-threaded gcc.  Added to a sub-make only
# when make runs without -j; with -j its job server is shared as it is.
CHECK_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CHECK_J = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(CHECK_JOBS))

# Test apps: tests/apps/*.{c,wat} and examples/*.c, each to build/apps/<name>.wko.
APP_C := $(wildcard tests/apps/*.c)
APP_WAT := $(wildcard tests/apps/*.wat)
EXAMPLE_C := $(wildcard examples/*.c)
APP_NAMES := $(basename $(notdir $(APP_C) $(APP_WAT) $(EXAMPLE_C)))
APP_WASM := $(addprefix $(BUILD)/wasm/,$(addsuffix .wasm,$(APP_NAMES)))
APP_WKO := $(addprefix $(OUT)/apps/,$(addsuffix .wko,$(APP_NAMES)))
APP_EXPECTED := $(OUT)/apps/matmul.expected
# The WAT conformance suite in the guest (tests/kselftest/conformance.c): each
# module as <apps>/conf-<name>.wko, next to its source for the asserts.
# boundsmerge.wat reads memory after a trap to see the stores done before
# it; in the kernel a trap ends the instance, so the guest harness runs each
# trap in a run of its own (tests/kselftest/conformance.c) and cannot look:
# it runs in the host suite only (make check-codegen).
CONF_HOST_ONLY := tests/host/codegen/wat/boundsmerge.wat
CONF_WAT := $(filter-out $(CONF_HOST_ONLY),$(wildcard tests/host/codegen/wat/*.wat))
CONF_NAMES := $(addprefix conf-,$(basename $(notdir $(CONF_WAT))))
APP_WASM += $(addprefix $(BUILD)/wasm/,$(addsuffix .wasm,$(CONF_NAMES)))
APP_WKO += $(addprefix $(OUT)/apps/,$(addsuffix .wko,$(CONF_NAMES)))
APP_EXPECTED += $(addprefix $(OUT)/apps/,$(addsuffix .wat,$(CONF_NAMES)))
# ret.wat signed by aotc (tests/kselftest/signing.c, rule below).
APP_WKO += $(OUT)/apps/signed.wko
# Apps from the Rust, C++, AssemblyScript and Go toolchains, with their
# expected outcome (tests/kselftest/toolchains.c).
-include tests/toolchains/toolchains.mk

# Kselftests, in the order the guest runs them: unload (rmmod wasmkm) last.
KSELFTEST_NAMES := ioctl hello exitcode fp trap conformance stop verify fs fs_race limits sandbox_mem poll net sandbox_acct wasmctl toolchains memory devices devices_io examples_dev observe restart apply signing unload
KSELFTEST_BINS := $(addprefix $(OUT)/kselftest/,$(KSELFTEST_NAMES))
KSELFTEST_CFLAGS := -static -pthread -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-Wno-missing-field-initializers -Wno-sign-compare -Wno-clobbered -D_GNU_SOURCE \
	-I$(KSRC)/tools/testing/selftests -I$(ROOT)/uapi -I$(ROOT)/tests/kselftest \
	-I$(ROOT)/tests/include

.PHONY: apps apps-wasm kselftests demo demo-run check-all check-vm check-lanes check-install \
	vm-smoke vm-shell lint lint-kmod lint-cxx lint-sh check-debug check-debug-run check-debug-sig

# ------------------------------------------------------------------ apps
apps: $(APP_WKO) $(APP_EXPECTED) $(OUT)/apps/wasmkm_devsim.ko

# Only the .wasm files (no aotc needed).
apps-wasm: $(APP_WASM) $(BUILD)/native/matmul.expected

$(BUILD)/wasm/%.wasm: tests/apps/%.c
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -o $@ $<

$(BUILD)/wasm/%.wasm: tests/apps/%.wat
	@mkdir -p $(@D)
	$(WAT2WASM) -o $@ $<

# --debug-names: a name section, as clang writes one, for trap reports.
$(BUILD)/wasm/conf-%.wasm: tests/host/codegen/wat/%.wat
	@mkdir -p $(@D)
	$(WAT2WASM) --debug-names -o $@ $<

$(OUT)/apps/conf-%.wat: tests/host/codegen/wat/%.wat
	@mkdir -p $(@D)
	cp $< $@

$(BUILD)/wasm/%.wasm: examples/%.c
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -o $@ $<

# tests/kselftest/signing.c: ret.wat compiled and signed by aotc.  The
# regular lanes sign with a throwaway key made here (their kernels neither
# trust it nor enforce signatures); the debug lane with the debug kernel's
# own key (check-debug-sig).
SIGN_TEST_KEY := $(BUILD)/sign-test/key.pem
SIGN_TEST_CERT := $(BUILD)/sign-test/cert.der

$(SIGN_TEST_KEY) $(SIGN_TEST_CERT) &:
	@mkdir -p $(@D)
	openssl req -new -x509 -newkey rsa:2048 -nodes -sha256 -days 36500 \
		-subj /CN=wasmkm-test-signing -keyout $(SIGN_TEST_KEY) -outform DER -out $(SIGN_TEST_CERT)

$(OUT)/apps/signed.wko: $(BUILD)/wasm/ret.wasm $(BUILD)/bin/aotc $(SIGN_TEST_KEY) $(SIGN_TEST_CERT) \
		$(wildcard kmod/include/wasmkm/*.h) $(wildcard uapi/linux/*.h) \
		$(wildcard $(KOBJ)/Module.symvers) | kmod
	@mkdir -p $(@D)
	$(BUILD)/bin/aotc $< -o $@ --name signed --kdir $(KDIR) --arch $(ARCH) \
		$(if $(CROSS_COMPILE),--cross-compile $(CROSS_COMPILE)) \
		--symvers $(KOBJ)/Module.symvers --sign-key $(SIGN_TEST_KEY) \
		--sign-cert $(SIGN_TEST_CERT) $(AOTC_FLAGS)

# The objects depend on the compiler, the runtime headers and wasmkm.ko's
# exported symbols (their CRCs).
$(OUT)/apps/%.wko: $(BUILD)/wasm/%.wasm $(BUILD)/bin/aotc $(wildcard kmod/include/wasmkm/*.h) \
		$(wildcard uapi/linux/*.h) $(wildcard $(KOBJ)/Module.symvers) | kmod
	@mkdir -p $(@D)
	$(BUILD)/bin/aotc $< -o $@ --kdir $(KDIR) --arch $(ARCH) \
		$(if $(CROSS_COMPILE),--cross-compile $(CROSS_COMPILE)) \
		--symvers $(KOBJ)/Module.symvers $(AOTC_FLAGS)

# What native code prints for the same C: the FP test compares bit for bit
# (the same on every arch: IEEE arithmetic, no contraction in either).
$(BUILD)/native/matmul.expected: tests/apps/matmul.c
	@mkdir -p $(@D)
	$(CC) -O2 -ffp-contract=off -o $(BUILD)/native/matmul $< -lm
	$(BUILD)/native/matmul >$@

$(OUT)/apps/matmul.expected: $(BUILD)/native/matmul.expected
	@mkdir -p $(@D)
	cp $< $@

# What wasmtime (PyPI, the reference engine) answers to the sock_* error
# cases of tests/apps/sock_errno.c; tests/kselftest/net.c wants the same.
APP_EXPECTED += $(OUT)/apps/sock_errno.expected
# (apps: above was read before this line added to APP_EXPECTED)
apps: $(OUT)/apps/sock_errno.expected
$(OUT)/apps/sock_errno.expected: $(BUILD)/wasm/sock_errno.wasm bench/engines/wasmtime-run.py \
		| $(BUILD)/pylib/wasmtime
	@mkdir -p $(@D)
	PYTHONPATH=$(BUILD)/pylib python3 bench/engines/wasmtime-run.py --scratch /d $< </dev/null >$@.tmp
	mv $@.tmp $@

# The simulated devices of tests/kselftest/devices.c (tests/devsim/), built
# against the lane's headers in a tree of links like kmod-tree's; it goes to
# the guest with the apps (in /apps), never installed.
DEVSIM_DIR := $(OUT)/devsim
$(OUT)/apps/wasmkm_devsim.ko: tests/devsim/wasmkm_devsim.c tests/devsim/Kbuild
	@mkdir -p $(DEVSIM_DIR) $(@D)
	ln -sfn $(ROOT)/tests/devsim/wasmkm_devsim.c $(DEVSIM_DIR)/wasmkm_devsim.c
	ln -sfn $(ROOT)/tests/devsim/Kbuild $(DEVSIM_DIR)/Kbuild
	$(KMAKE) M=$(DEVSIM_DIR) W=1 modules
	cp $(DEVSIM_DIR)/wasmkm_devsim.ko $@

# ------------------------------------------------------------ kselftests
kselftests: $(KSELFTEST_BINS) $(OUT)/kselftest/order

$(KSRC)/tools/testing/selftests/kselftest_harness.h:
	scripts/install-deps.sh

$(OUT)/kselftest/%: tests/kselftest/%.c tests/kselftest/wasmkm_test.h tests/kselftest/devsim.h \
		tests/include/wat_values.h \
		uapi/linux/wasmkm.h uapi/linux/wasmkm_object.h \
		$(KSRC)/tools/testing/selftests/kselftest_harness.h
	@mkdir -p $(@D)
	$(TARGET_CC) $(KSELFTEST_CFLAGS) -o $@ $<

$(OUT)/kselftest/order: tests/tests.mk
	@mkdir -p $(@D)
	printf '%s\n' $(KSELFTEST_NAMES) >$@

# ------------------------------------------------------------------- VM
# The lane's guest: its kernel, the modules the arm64 virt machine needs
# for the result channel, and the wasmkm.ko built against its headers.
# 16K pages need a CPU with the 16K granule: the Raspberry Pi 5's Cortex-A76.
VM_CPU := $(if $(filter 16k,$(KFLAVOUR)),cortex-a76)
VM_ARGS = --arch $(ARCH) $(if $(VM_CPU),--cpu $(VM_CPU)) --kernel $(VM_KERNEL) \
	--kmod $(KOBJ)/wasmkm.ko \
	$(if $(wildcard $(dir $(VM_KERNEL))modules/*.ko*),--guest-modules $(dir $(VM_KERNEL))modules)

$(VM_KERNEL):
	scripts/install-deps.sh

# An app that does not compile fails only the tests that use it: build the
# apps with -k and boot with what there is.
check-vm: kmod wasmctl kselftests $(VM_KERNEL)
	-$(MAKE) --no-print-directory $(CHECK_J) -k apps
	tests/vm/run.sh $(VM_ARGS) --wasmctl $(OUT)/guest/wasmctl --apps $(OUT)/apps \
		--tests $(OUT)/kselftest --out $(OUT)/vm --timeout $(VM_TIMEOUT) check

# A shell in the guest with everything loaded (Ctrl-A X quits QEMU).
vm-shell: kmod wasmctl apps kselftests $(VM_KERNEL)
	tests/vm/run.sh $(VM_ARGS) --wasmctl $(OUT)/guest/wasmctl --apps $(OUT)/apps \
		--tests $(OUT)/kselftest --out $(OUT)/vm-shell shell

vm-smoke: kmod $(VM_KERNEL)
	tests/vm/run.sh $(VM_ARGS) --out $(OUT)/vm-smoke --timeout $(VM_TIMEOUT) smoke

# ------------------------------------------------------------ debug lane
# wasmkm.ko and the apps built against the debug kernel's tree, from a
# copy of the module sources (the regular build in kmod/ stays as it is).
DEBUG_OUT := $(BUILD)/debug
VM_DEBUG_TIMEOUT ?= 3000
# Extra run.sh options for the debug run.  200 load/unload cycles instead of
# 1000: the usage-back-to-baseline figure is the regular lane's, and here
# kmemleak sees a leak of even one cycle.
VM_DEBUG_FLAGS ?= --env WK_CYCLES=200
DEBUG_APP_WKO = $(patsubst $(OUT)/apps/%,$(DEBUG_OUT)/apps/%,$(APP_WKO))

# The kernel build is cached: a second run only checks the key.
check-debug: deps
	scripts/install-deps.sh --debug
	scripts/debug-kernel.sh >$(BUILD)/debug-kernel.dir
	@cmp -s $(BUILD)/debug-kernel.dir $(DEBUG_OUT)/kernel.dir || \
		{ rm -rf $(DEBUG_OUT); mkdir -p $(DEBUG_OUT); \
		  cp $(BUILD)/debug-kernel.dir $(DEBUG_OUT)/kernel.dir; }
	$(MAKE) --no-print-directory check-debug-run DEBUG_KDIR=$$(cat $(BUILD)/debug-kernel.dir)
	$(MAKE) --no-print-directory check-debug-sig DEBUG_KDIR=$$(cat $(BUILD)/debug-kernel.dir)

$(DEBUG_OUT)/kmod/wasmkm.ko: $(shell find kmod uapi -name '*.[ch]' -not -name '*.mod.c' \
		2>/dev/null) kmod/Kbuild
	@test -n "$(DEBUG_KDIR)" || { echo "DEBUG_KDIR not set: use make check-debug"; exit 1; }
	rm -rf $(DEBUG_OUT)/kmod $(DEBUG_OUT)/uapi
	mkdir -p $(DEBUG_OUT)
	tar -c --exclude='*.o' --exclude='*.ko' --exclude='*.mod' --exclude='*.mod.c' \
		--exclude='.*.cmd' --exclude=Module.symvers --exclude=modules.order \
		kmod uapi | tar -x -C $(DEBUG_OUT)
	$(MAKE) -C $(DEBUG_KDIR) M=$(DEBUG_OUT)/kmod W=1 modules

$(DEBUG_OUT)/apps/%.wko: $(BUILD)/wasm/%.wasm $(BUILD)/bin/aotc $(DEBUG_OUT)/kmod/wasmkm.ko
	@mkdir -p $(@D)
	$(BUILD)/bin/aotc $< -o $@ --kdir $(DEBUG_KDIR) \
		--symvers $(DEBUG_OUT)/kmod/Module.symvers $(AOTC_FLAGS)

# $(APP_EXPECTED): the outputs the guest compares with, which only `make apps`
# made before: check-debug runs on its own from a clean clone.
# The device simulator too, against the debug tree (devices.c needs it).
# It needs GPIOLIB_IRQCHIP (tests/vm/debug-kernel.config selects it); a debug
# tree without it makes the device tests skip and say why
# (wasmkm_devsim.skip) instead of failing.
$(DEBUG_OUT)/apps/wasmkm_devsim.ko: tests/devsim/wasmkm_devsim.c tests/devsim/Kbuild
	@mkdir -p $(DEBUG_OUT)/devsim $(@D)
	@rm -f $(DEBUG_OUT)/apps/wasmkm_devsim.skip
	@if ! grep -qx 'CONFIG_GPIOLIB_IRQCHIP=y' $(DEBUG_KDIR)/.config; then \
		echo "the debug kernel has no CONFIG_GPIOLIB_IRQCHIP: no device simulator" \
			>$(DEBUG_OUT)/apps/wasmkm_devsim.skip; exit 1; fi
	ln -sfn $(ROOT)/tests/devsim/wasmkm_devsim.c $(DEBUG_OUT)/devsim/wasmkm_devsim.c
	ln -sfn $(ROOT)/tests/devsim/Kbuild $(DEBUG_OUT)/devsim/Kbuild
	$(MAKE) -C $(DEBUG_KDIR) M=$(DEBUG_OUT)/devsim W=1 modules
	cp $(DEBUG_OUT)/devsim/wasmkm_devsim.ko $@

# The debug kernel has CONFIG_MODULE_SIG and its own key in its trusted
# keyring (certs/signing_key.pem): signed.wko is signed with that key.
$(DEBUG_OUT)/apps/signed.wko: $(BUILD)/wasm/ret.wasm $(BUILD)/bin/aotc $(DEBUG_OUT)/kmod/wasmkm.ko
	@mkdir -p $(@D)
	$(BUILD)/bin/aotc $< -o $@ --name signed --kdir $(DEBUG_KDIR) \
		--symvers $(DEBUG_OUT)/kmod/Module.symvers --sign-key $(DEBUG_KDIR)/certs/signing_key.pem \
		--sign-cert $(DEBUG_KDIR)/certs/signing_key.x509 $(AOTC_FLAGS)

# A second, short boot of the debug kernel with module.sig_enforce=1 and
# only tests/kselftest/signing.c: wasmkm.ko signed with the kernel's own
# key by its scripts/sign-file, an unsigned and a signed app object.
SIG_OUT := $(DEBUG_OUT)/sig
VM_SIG_TIMEOUT ?= 900
check-debug-sig: $(DEBUG_OUT)/kmod/wasmkm.ko wasmctl $(OUT)/kselftest/signing
	$(MAKE) --no-print-directory $(DEBUG_OUT)/apps/signed.wko $(DEBUG_OUT)/apps/ret.wko \
		DEBUG_KDIR=$(DEBUG_KDIR)
	rm -rf $(SIG_OUT)
	mkdir -p $(SIG_OUT)/apps $(SIG_OUT)/tests
	$(DEBUG_KDIR)/scripts/sign-file sha256 $(DEBUG_KDIR)/certs/signing_key.pem \
		$(DEBUG_KDIR)/certs/signing_key.x509 $(DEBUG_OUT)/kmod/wasmkm.ko $(SIG_OUT)/wasmkm.ko
	cp $(DEBUG_OUT)/apps/signed.wko $(DEBUG_OUT)/apps/ret.wko $(SIG_OUT)/apps/
	cp $(OUT)/kselftest/signing $(SIG_OUT)/tests/
	echo signing >$(SIG_OUT)/tests/order
	tests/vm/run.sh --kernel $(DEBUG_KDIR)/arch/x86/boot/bzImage --kmod $(SIG_OUT)/wasmkm.ko \
		--wasmctl $(OUT)/guest/wasmctl --apps $(SIG_OUT)/apps --tests $(SIG_OUT)/tests \
		--out $(SIG_OUT)/vm --timeout $(VM_SIG_TIMEOUT) --append module.sig_enforce=1 check

check-debug-run: $(DEBUG_OUT)/kmod/wasmkm.ko wasmctl kselftests apps-wasm $(APP_EXPECTED)
	-$(MAKE) --no-print-directory $(CHECK_J) -k $(DEBUG_APP_WKO) \
		$(DEBUG_OUT)/apps/wasmkm_devsim.ko DEBUG_KDIR=$(DEBUG_KDIR)
	mkdir -p $(DEBUG_OUT)/apps
	cp $(APP_EXPECTED) $(DEBUG_OUT)/apps/
	tests/vm/run.sh --kernel $(DEBUG_KDIR)/arch/x86/boot/bzImage \
		--kmod $(DEBUG_OUT)/kmod/wasmkm.ko \
		--wasmctl $(OUT)/guest/wasmctl --apps $(DEBUG_OUT)/apps \
		--tests $(OUT)/kselftest --out $(DEBUG_OUT)/vm \
		--timeout $(VM_DEBUG_TIMEOUT) $(VM_DEBUG_FLAGS) check

# ----------------------------------------------------------------- demo
# deps first, in its own make: KABI and KDIR are read when make starts.  The
# demo boots one kernel: fetch only this lane's (WASMKM_LANES), not the matrix.
demo:
	@echo "make demo: the first run installs packages, fetches only the guest kernel it boots (10-140 MB)"
	@echo "  and builds everything: 5 to 15 minutes on 2 cores; later runs about 1 minute."
	WASMKM_LANES=$(LANE) scripts/install-deps.sh
	$(MAKE) --no-print-directory demo-run

demo-run: all $(OUT)/apps/hello.wko $(OUT)/apps/sensor.wko $(OUT)/apps/httpd.wko \
		$(OUT)/apps/thermostat.wko $(OUT)/apps/wasmkm_devsim.ko $(VM_KERNEL)
	tests/vm/run.sh $(VM_ARGS) --wasmctl $(OUT)/guest/wasmctl --apps $(OUT)/apps \
		--out $(OUT)/vm-demo --timeout $(VM_TIMEOUT) demo

# ---------------------------------------------------------------- check
CHECK_DIR := $(BUILD)/check
SUITE := tests/vm/suite.sh
HOST_SUITES := $(if $(wildcard tests/host/codegen/codegen.mk),codegen) \
	$(if $(wildcard tests/host/cli/cli.mk),cli) \
	$(if $(wildcard tests/host/fuzz/fuzz.mk),fuzz)

check-host: $(addprefix check-,$(HOST_SUITES))

# make install and make install-dkms into a scratch directory, then the
# installed aotc, and dkms build in a private DKMS tree (nothing installed).
check-install: kmod aotc $(BUILD)/wasm/hello.wasm
	tests/install/check-install.sh $(KDIR) $(BUILD)/wasm/hello.wasm

# Every lane's guest run, one after the other (check-all runs them as suites).
check-lanes:
	$(MAKE) --no-print-directory $(CHECK_J) ARCH=x86 KSERIES= check-vm
	$(MAKE) --no-print-directory $(CHECK_J) ARCH=arm64 KSERIES= check-vm
	$(MAKE) --no-print-directory $(CHECK_J) ARCH=x86 KSERIES=6.12 check-vm
	$(MAKE) --no-print-directory $(CHECK_J) ARCH=arm64 KSERIES=6.12 KFLAVOUR=16k check-vm

check: deps
	$(MAKE) --no-print-directory check-all

# Every suite runs even if an earlier one failed; the total decides.
check-all:
	@rm -rf $(CHECK_DIR)
	@$(SUITE) run build $(CHECK_DIR) --build -- \
		$(MAKE) --no-print-directory $(CHECK_J) -k all apps kselftests
	@$(foreach s,$(HOST_SUITES),$(SUITE) run $(s) $(CHECK_DIR) -- \
		$(MAKE) --no-print-directory $(CHECK_J) check-$(s);)
	@$(SUITE) run vm $(CHECK_DIR) -- $(MAKE) --no-print-directory $(CHECK_J) check-vm
	@$(SUITE) run bench $(CHECK_DIR) -- $(MAKE) --no-print-directory bench-smoke
	@$(SUITE) run vm-arm64 $(CHECK_DIR) -- \
		$(MAKE) --no-print-directory $(CHECK_J) ARCH=arm64 KSERIES= check-vm
	@$(SUITE) run vm-6.12 $(CHECK_DIR) -- \
		$(MAKE) --no-print-directory $(CHECK_J) ARCH=x86 KSERIES=6.12 check-vm
	@$(SUITE) run vm-arm64-16k $(CHECK_DIR) -- \
		$(MAKE) --no-print-directory $(CHECK_J) ARCH=arm64 KSERIES=6.12 KFLAVOUR=16k check-vm
	@$(SUITE) run install $(CHECK_DIR) -- $(MAKE) --no-print-directory check-install
	@$(SUITE) run lint $(CHECK_DIR) -- $(MAKE) --no-print-directory lint-kmod lint-cxx lint-sh
	@echo "==== summary"
	@$(SUITE) total $(CHECK_DIR)

# ----------------------------------------------------------------- lint
CHECKPATCH := $(KSRC)/scripts/checkpatch.pl
KMOD_C := $(shell find kmod -name '*.[ch]' -not -name '*.mod.c' 2>/dev/null | sort)
# The codegen test shim's headers are kernel-style C, not C++.
CXX_SRCS := $(shell find aotc userspace-cli tests/host tests/toolchains/cxx bench \
	\( -name '*.cc' -o -name '*.h' -o -name '*.hpp' -o -name '*.cpp' \) \
	-not -path 'tests/host/codegen/*.h' -not -path 'tests/host/codegen/include/*' \
	2>/dev/null | sort)
# Every shell script of the tree (a new one is linted without a change here).
SH_SRCS := $(sort $(shell find scripts tests bench -name '*.sh' -not -path '*/node_modules/*' \
	2>/dev/null)) .ci/run

lint: lint-kmod lint-cxx lint-sh

$(CHECKPATCH):
	scripts/install-deps.sh

lint-kmod: $(CHECKPATCH)
	$(if $(KMOD_C),perl $(CHECKPATCH) --no-tree --terse \
		-f $(KMOD_C),@echo "lint: no kmod sources")

lint-cxx:
	$(if $(CXX_SRCS),clang-format --dry-run -Werror $(CXX_SRCS),@echo "lint: no C++ sources")

# shellcheck (scripts/install-deps.sh installs it), every severity.
lint-sh:
	@command -v shellcheck >/dev/null || \
		{ echo "lint-sh: no shellcheck: run scripts/install-deps.sh"; exit 1; }
	shellcheck $(SH_SRCS)
