# SPDX-License-Identifier: GPL-2.0
# Host tests of the aotc code generator (included from tests/tests.mk, which
# the top Makefile includes with ROOT, BUILD, CXX and CXXFLAGS_SAN set).
#
#   make check-codegen   WAT tests, C apps built for wasm32-wasi, compared with
#                        native runs; last line "codegen: N passed, M failed"

CODEGEN_TEST_DIR := $(BUILD)/codegen-tests
CODEGEN_GEN := $(CODEGEN_TEST_DIR)/codegen-gen
# The generator with what it shares with the rest of aotc: the wasm reader
# (features, validation) and the host import list.
CODEGEN_SRCS := $(sort $(wildcard aotc/codegen/*.cc aotc/analysis/*.cc)) aotc/wasm_module.cc \
	aotc/import_check.cc

.PHONY: check-codegen

$(CODEGEN_GEN): tests/host/codegen/gen_main.cc $(CODEGEN_SRCS) $(wildcard aotc/*.h aotc/codegen/*.h aotc/analysis/*.h) \
		$(wildcard uapi/linux/*.h)
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_SAN) -o $@ tests/host/codegen/gen_main.cc $(CODEGEN_SRCS) -lwabt

check-codegen: $(CODEGEN_GEN)
	tests/host/codegen/run-tests.sh $(CODEGEN_GEN) $(CODEGEN_TEST_DIR)
