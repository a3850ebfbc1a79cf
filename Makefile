# SPDX-License-Identifier: GPL-2.0
# wasmkm top-level build.  `make` builds wasmkm.ko, aotc and wasmctl;
# `make demo` and `make check` also install what is missing (see README.md).
#
# Target kernel (a "lane" of the test matrix), see Documentation/kernels.md:
#   make                    this machine's arch, Debian's default kernel headers
#                           (or /lib/modules/$(uname -r)/build); wasmkm.ko in kmod/
#   make ARCH=arm64         cross-built with aarch64-linux-gnu- against Debian's
#                           arm64 headers (fetched by scripts/install-deps.sh)
#   make KSERIES=6.12       against Debian 12's newest 6.12 headers
#   make ARCH=arm64 KSERIES=6.12 KFLAVOUR=16k
#                           Debian's 6.12 arm64 kernel with 16K pages (the
#                           Raspberry Pi 5's page size)
#   make KDIR=DIR [ARCH=..] against any kernel build tree
# Other lanes than the default build in build/<lane>/ (wasmkm.ko in
# build/<lane>/kmod/), so that they never collide.

SHELL := /bin/bash
ROOT := $(CURDIR)
BUILD := $(ROOT)/build

HOSTARCH := $(shell uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/')
ARCH ?= $(HOSTARCH)
ifeq ($(ARCH),x86_64)
override ARCH := x86
endif
ifeq ($(ARCH),aarch64)
override ARCH := arm64
endif
KSERIES ?=
KFLAVOUR ?=
DEBARCH := $(if $(filter arm64,$(ARCH)),arm64,amd64)
# Debian's kernel flavour: amd64, arm64, arm64-16k
DEBFLAVOUR := $(DEBARCH)$(if $(KFLAVOUR),-$(KFLAVOUR))
LANE := $(ARCH)$(if $(KSERIES),-$(KSERIES))$(if $(KFLAVOUR),-$(KFLAVOUR))
ifneq ($(ARCH),$(HOSTARCH))
CROSS_COMPILE ?= $(if $(filter arm64,$(ARCH)),aarch64-linux-gnu-,x86_64-linux-gnu-)
endif

# Kernel under test: Debian's headers, installed (the default lane) or
# unpacked by scripts/install-deps.sh (the other lanes); the ABI is derived
# from the package index (scripts/kernel-abi.sh), never written down.
ifeq ($(LANE),$(HOSTARCH))
KABI ?= $(shell scripts/kernel-abi.sh $(DEBARCH) 2>/dev/null)
KOBJ ?= $(ROOT)/kmod
OUT ?= $(BUILD)
else
KABI ?= $(shell cat $(BUILD)/kernel/$(LANE).abi 2>/dev/null)
OUT ?= $(BUILD)/$(LANE)
KOBJ ?= $(OUT)/kmod
endif
KABI := $(KABI)
KREL := $(KABI)-$(DEBFLAVOUR)
ifeq ($(origin KDIR),undefined)
ifeq ($(KABI),)
KDIR := /lib/modules/$(shell uname -r)/build
else ifneq ($(wildcard /usr/src/linux-headers-$(KREL)/Makefile),)
KDIR := /usr/src/linux-headers-$(KREL)
else
KDIR := $(BUILD)/kernel/$(KREL)/root/usr/src/linux-headers-$(KREL)
endif
endif
# A recipe that runs $(KMAKE) starts with "+": make sees no $(MAKE) in it and
# would not share its job server (-j) with Kbuild.
KMAKE := $(MAKE) -C $(KDIR) ARCH=$(ARCH) $(if $(CROSS_COMPILE),CROSS_COMPILE=$(CROSS_COMPILE))

CXX ?= g++
# Programs that run in the guest (kselftests, wasmctl): static, for ARCH.
TARGET_CC := $(if $(CROSS_COMPILE),$(CROSS_COMPILE)gcc,$(CC))
TARGET_CXX := $(if $(CROSS_COMPILE),$(CROSS_COMPILE)g++,$(CXX))
CXXSTD := -std=c++20
CXXWARN := -Wall -Wextra -Werror -Wno-unused-parameter
CXXFLAGS_REL := $(CXXSTD) $(CXXWARN) -O2 -g -I$(ROOT) -I$(ROOT)/uapi
CXXFLAGS_SAN := $(CXXSTD) $(CXXWARN) -O1 -g -fsanitize=address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=all -I$(ROOT) -I$(ROOT)/uapi

AOTC_SRCS := $(sort $(wildcard aotc/*.cc aotc/codegen/*.cc aotc/analysis/*.cc))
AOTC_LIB_SRCS := $(filter-out aotc/main.cc,$(AOTC_SRCS))
WASMCTL_SRCS := $(sort $(wildcard userspace-cli/*.cc userspace-cli/bpf/*.cc)) aotc/sha256.cc
WASMCTL_LIB_SRCS := $(filter-out userspace-cli/main.cc,$(WASMCTL_SRCS))
WABT_LIBS := -lwabt
# aotc --sign-key (aotc/sign.cc): OpenSSL's libcrypto (libssl-dev).
CRYPTO_LIBS := -lcrypto

.PHONY: all kmod kmod-tree aotc wasmctl deps demo check check-host check-vm lint \
	format clean install

all: kmod aotc wasmctl

deps:
	scripts/install-deps.sh

kmod: kmod-tree
	@test -f $(KDIR)/Makefile || { echo "no kernel build tree $(KDIR) for $(LANE):" \
		"run scripts/install-deps.sh, or pass KDIR="; exit 1; }
	+$(KMAKE) M=$(KOBJ) W=1 modules

# Lanes other than the default build wasmkm.ko in $(KOBJ): a tree of
# symbolic links to the sources in kmod/ (Kbuild writes its objects next to
# them), with uapi/ beside it as in the source tree.
kmod-tree:
ifneq ($(KOBJ),$(ROOT)/kmod)
	@set -e; mkdir -p $(KOBJ); ln -sfn $(ROOT)/uapi $(KOBJ)/../uapi; \
	find $(KOBJ) -xtype l -delete; \
	cd $(ROOT)/kmod; \
	for f in Kbuild $$(find . \( -name '*.[chS]' -o -name '*.lds' \) -not -name '*.mod.c'); do \
		mkdir -p $(KOBJ)/$$(dirname $$f); ln -sfn $(ROOT)/kmod/$$f $(KOBJ)/$$f; \
	done
endif

aotc: $(BUILD)/bin/aotc
wasmctl: $(BUILD)/bin/wasmctl $(OUT)/guest/wasmctl

# One object per source, with dependency files (-MMD): a change rebuilds only
# what includes it.  Host objects in build/obj/, the guest's (static, for
# ARCH) in $(OUT)/obj-guest/.
HOST_OBJ := $(BUILD)/obj
GUEST_OBJ := $(OUT)/obj-guest
AOTC_OBJS := $(patsubst %.cc,$(HOST_OBJ)/%.o,$(AOTC_SRCS))
WASMCTL_OBJS := $(patsubst %.cc,$(HOST_OBJ)/%.o,$(WASMCTL_SRCS))
WASMCTL_GUEST_OBJS := $(patsubst %.cc,$(GUEST_OBJ)/%.o,$(WASMCTL_SRCS))

$(HOST_OBJ)/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_REL) -MMD -MP -c -o $@ $<

$(GUEST_OBJ)/%.o: %.cc
	@mkdir -p $(@D)
	$(TARGET_CXX) $(CXXFLAGS_REL) -MMD -MP -c -o $@ $<

# wasmctl --version: the package version (dkms.conf), rebuilt when it changes.
$(HOST_OBJ)/userspace-cli/cli.o $(GUEST_OBJ)/userspace-cli/cli.o: dkms.conf
$(HOST_OBJ)/userspace-cli/cli.o $(GUEST_OBJ)/userspace-cli/cli.o: \
	CXXFLAGS_REL += -DWASMKM_VERSION='"$(VERSION)"'

-include $(AOTC_OBJS:.o=.d) $(WASMCTL_OBJS:.o=.d) $(WASMCTL_GUEST_OBJS:.o=.d)

$(BUILD)/bin/aotc: $(AOTC_OBJS)
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_REL) -o $@ $(AOTC_OBJS) $(WABT_LIBS) $(CRYPTO_LIBS)

# wasmctl top/trace: the BPF program (one object for every arch: it reads
# only the wasmkm tracepoint records, no CO-RE) and its libbpf skeleton.
BPF_CLANG := clang-16
BPF_SKEL := $(BUILD)/bpf/wasmkm.skel.h
BPF_LIBS := -lbpf -lelf -lz
$(BUILD)/bpf/wasmkm.bpf.o: userspace-cli/bpf/wasmkm.bpf.c userspace-cli/bpf/wasmkm_events.h
	@mkdir -p $(@D)
	$(BPF_CLANG) -target bpf -O2 -g -Wall -Werror -I/usr/include/$(shell gcc -print-multiarch) \
		-c -o $@ $<
$(BPF_SKEL): $(BUILD)/bpf/wasmkm.bpf.o
	bpftool gen skeleton $< name wasmkm_bpf > $@.tmp && mv $@.tmp $@
$(HOST_OBJ)/userspace-cli/bpf/probe.o $(GUEST_OBJ)/userspace-cli/bpf/probe.o: $(BPF_SKEL)
$(HOST_OBJ)/userspace-cli/bpf/probe.o $(GUEST_OBJ)/userspace-cli/bpf/probe.o: \
	CXXFLAGS_REL += -I$(BUILD)/bpf
# The arm64 guest links Debian's arm64 static libraries (install-deps.sh).
GUEST_BPF_LIBS := $(if $(filter arm64,$(ARCH)),$(if $(filter arm64,$(HOSTARCH)),,\
	-L$(BUILD)/arm64-libs/usr/lib/aarch64-linux-gnu)) $(BPF_LIBS)

$(BUILD)/bin/wasmctl: $(WASMCTL_OBJS)
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_REL) -o $@ $(WASMCTL_OBJS) $(BPF_LIBS)

# The guest has no shared C++ runtime: link wasmctl statically for it (and
# for ARCH: this one also runs on a Raspberry Pi).
$(OUT)/guest/wasmctl: $(WASMCTL_GUEST_OBJS)
	@mkdir -p $(@D)
	$(TARGET_CXX) $(CXXFLAGS_REL) -static -o $@ $(WASMCTL_GUEST_OBJS) $(GUEST_BPF_LIBS)

include tests/tests.mk
-include bench/bench.mk

clean:
	-$(KMAKE) M=$(ROOT)/kmod clean
	rm -rf $(BUILD)

# ---------------------------------------------------------------- install
# make install: wasmkm.ko into /lib/modules/<kernel>/updates (modules_install,
# then depmod), a modules-load.d entry so that it loads at boot, aotc and
# wasmctl, and what aotc needs next to itself once installed (see aotc
# --help): ../share/wasmkm/include/{kmod/include,uapi} and Module.symvers;
# wasmkm.service and /etc/wasmkm/apps.d (enable it: systemctl enable wasmkm).
# make install-dkms: the same, but wasmkm.ko through DKMS (rebuilt for every
# new kernel): the source tree goes to /usr/src/wasmkm-<version>.
PREFIX ?= /usr/local
DESTDIR ?=
VERSION := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' $(ROOT)/dkms.conf)
SHAREDIR := $(PREFIX)/share/wasmkm
DKMS_SRC := /usr/src/wasmkm-$(VERSION)
# wasmkm.service (systemd/, Documentation/service.md): systemd reads units
# from /usr/local/lib/systemd/system as well as /usr/lib/systemd/system.
UNITDIR ?= $(PREFIX)/lib/systemd/system

.PHONY: install-user install-dkms

install-user: aotc $(BUILD)/bin/wasmctl
	install -D -m 0755 $(BUILD)/bin/aotc $(DESTDIR)$(PREFIX)/bin/aotc
	install -D -m 0755 $(BUILD)/bin/wasmctl $(DESTDIR)$(PREFIX)/bin/wasmctl
	install -d $(DESTDIR)$(SHAREDIR)/include/kmod/include/wasmkm \
		$(DESTDIR)$(SHAREDIR)/include/uapi/linux
	install -m 0644 kmod/include/wasmkm/*.h $(DESTDIR)$(SHAREDIR)/include/kmod/include/wasmkm/
	install -m 0644 uapi/linux/*.h $(DESTDIR)$(SHAREDIR)/include/uapi/linux/
	install -D -m 0644 /dev/null $(DESTDIR)/etc/modules-load.d/wasmkm.conf
	echo wasmkm >$(DESTDIR)/etc/modules-load.d/wasmkm.conf
	install -d -m 0755 $(DESTDIR)/etc/wasmkm/apps.d
	install -d $(DESTDIR)$(UNITDIR)
	sed 's|@BINDIR@|$(PREFIX)/bin|g' systemd/wasmkm.service \
		>$(DESTDIR)$(UNITDIR)/wasmkm.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/wasmkm.service

# Debian's and Raspberry Pi OS's header packages have no System.map, so
# Kbuild skips depmod: run it here (not into a DESTDIR).
install: kmod install-user
	$(KMAKE) M=$(KOBJ) INSTALL_MOD_DIR=updates \
		$(if $(DESTDIR),INSTALL_MOD_PATH=$(DESTDIR)) modules_install
	install -D -m 0644 $(KOBJ)/Module.symvers $(DESTDIR)$(SHAREDIR)/Module.symvers
	release=$$(sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' \
		$(KDIR)/include/generated/utsrelease.h) && \
	install -D -m 0644 $(KOBJ)/Module.symvers \
		$(DESTDIR)$(SHAREDIR)/symvers/$$release/Module.symvers && \
	$(if $(DESTDIR),true,depmod -a $$release)

install-dkms: install-user
	rm -rf $(DESTDIR)$(DKMS_SRC)
	install -d $(DESTDIR)$(DKMS_SRC)/scripts
	cp -r kmod uapi $(DESTDIR)$(DKMS_SRC)/
	find $(DESTDIR)$(DKMS_SRC)/kmod \( -name '*.o' -o -name '*.ko' -o -name '*.mod*' \
		-o -name '.*.cmd' -o -name '*.order' -o -name '*.symvers' -o -name '.*.d' \) -delete
	install -m 0644 dkms.conf $(DESTDIR)$(DKMS_SRC)/
	sed 's|@WASMKM_SHARE@|$(SHAREDIR)|' scripts/dkms-post-build.sh \
		>$(DESTDIR)$(DKMS_SRC)/scripts/dkms-post-build.sh
	chmod 0755 $(DESTDIR)$(DKMS_SRC)/scripts/dkms-post-build.sh
	$(if $(DESTDIR),@echo "install-dkms: not running dkms into DESTDIR", \
		dkms remove wasmkm/$(VERSION) --all >/dev/null 2>&1 || true; \
		dkms install wasmkm/$(VERSION))
