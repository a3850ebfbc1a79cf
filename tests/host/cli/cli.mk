# SPDX-License-Identifier: GPL-2.0
# Host unit tests for aotc and wasmctl (everything but their main.cc):
# GoogleTest, built with sanitizers, one object per source so that `make -j`
# and rebuilds are quick.  Included by tests/tests.mk (ROOT, BUILD,
# CXXFLAGS_SAN, AOTC_LIB_SRCS, WASMCTL_LIB_SRCS, WABT_LIBS come from the top
# Makefile).  Needs wat2wasm and a host C compiler at test time.
#
#   make check-cli

CLI_TEST_SRCS := $(sort $(wildcard tests/host/cli/*.cc))
CLI_TEST_LIB_SRCS := $(sort $(AOTC_LIB_SRCS) $(WASMCTL_LIB_SRCS))
CLI_TEST_DIR := $(BUILD)/tests/cli
CLI_TEST_OBJS := $(patsubst %.cc,$(CLI_TEST_DIR)/obj/%.o,$(CLI_TEST_SRCS) $(CLI_TEST_LIB_SRCS))
CLI_TEST_BIN := $(CLI_TEST_DIR)/cli_test
GTEST_LIBS := /usr/lib/x86_64-linux-gnu/libgtest.a /usr/lib/x86_64-linux-gnu/libgtest_main.a \
	-lpthread

.PHONY: check-cli

$(CLI_TEST_DIR)/obj/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_SAN) -DWASMKM_SRC_ROOT='"$(ROOT)"' -MMD -MP -c -o $@ $<

$(CLI_TEST_BIN): $(CLI_TEST_OBJS)
	$(CXX) $(CXXFLAGS_SAN) -o $@ $(CLI_TEST_OBJS) $(GTEST_LIBS) $(WABT_LIBS) $(BPF_LIBS) \
		$(CRYPTO_LIBS)

# wasmctl top/trace's BPF skeleton (top Makefile).
$(CLI_TEST_DIR)/obj/userspace-cli/bpf/probe.o: $(BPF_SKEL)
$(CLI_TEST_DIR)/obj/userspace-cli/bpf/probe.o: CXXFLAGS_SAN += -I$(BUILD)/bpf

-include $(CLI_TEST_OBJS:.o=.d)

check-cli: $(CLI_TEST_BIN)
	$(CLI_TEST_BIN)
