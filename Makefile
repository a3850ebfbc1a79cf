# SPDX-License-Identifier: GPL-2.0
# wasmkm top-level build.  `make` builds wasmkm.ko, aotc and wasmctl;
# `make demo` and `make check` also install what is missing (see README.md).

SHELL := /bin/bash
ROOT := $(CURDIR)
BUILD := $(ROOT)/build

# Kernel under test: the Debian headers that linux-headers-<arch> points at.
ARCH ?= $(shell uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/')
DEBARCH ?= $(if $(filter arm64,$(ARCH)),arm64,amd64)
KABI ?= $(shell scripts/kernel-abi.sh $(DEBARCH) 2>/dev/null)
KDIR ?= $(if $(KABI),/usr/src/linux-headers-$(KABI)-$(DEBARCH),/lib/modules/$(shell uname -r)/build)

CXX ?= g++
CXXSTD := -std=c++20
CXXWARN := -Wall -Wextra -Werror -Wno-unused-parameter
CXXFLAGS_REL := $(CXXSTD) $(CXXWARN) -O2 -g -I$(ROOT) -I$(ROOT)/uapi
CXXFLAGS_SAN := $(CXXSTD) $(CXXWARN) -O1 -g -fsanitize=address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=all -I$(ROOT) -I$(ROOT)/uapi

AOTC_SRCS := $(sort $(wildcard aotc/*.cc aotc/codegen/*.cc))
AOTC_LIB_SRCS := $(filter-out aotc/main.cc,$(AOTC_SRCS))
WASMCTL_SRCS := $(sort $(wildcard userspace-cli/*.cc)) aotc/sha256.cc
WASMCTL_LIB_SRCS := $(filter-out userspace-cli/main.cc,$(WASMCTL_SRCS))
WABT_LIBS := -lwabt

.PHONY: all kmod aotc wasmctl deps demo check check-host check-vm lint \
	format clean install

all: kmod aotc wasmctl

deps:
	scripts/install-deps.sh

kmod:
	$(MAKE) -C $(KDIR) M=$(ROOT)/kmod W=1 modules

aotc: $(BUILD)/bin/aotc
wasmctl: $(BUILD)/bin/wasmctl $(BUILD)/guest/wasmctl

$(BUILD)/bin/aotc: $(AOTC_SRCS) $(wildcard aotc/*.h aotc/codegen/*.h) $(wildcard uapi/linux/*.h)
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_REL) -o $@ $(AOTC_SRCS) $(WABT_LIBS)

$(BUILD)/bin/wasmctl: $(WASMCTL_SRCS) $(wildcard userspace-cli/*.h aotc/sha256.h uapi/linux/*.h)
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_REL) -o $@ $(WASMCTL_SRCS)

# The guest has no shared C++ runtime: link wasmctl statically for it.
$(BUILD)/guest/wasmctl: $(WASMCTL_SRCS) $(wildcard userspace-cli/*.h aotc/sha256.h uapi/linux/*.h)
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_REL) -static -o $@ $(WASMCTL_SRCS)

include tests/tests.mk
-include bench/bench.mk

clean:
	-$(MAKE) -C $(KDIR) M=$(ROOT)/kmod clean
	rm -rf $(BUILD)
