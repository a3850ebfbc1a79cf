# SPDX-License-Identifier: GPL-2.0
# Toolchain apps (tests/toolchains/README.md): the same program written for
# Rust, C++, AssemblyScript and Go, each built to build/wasm/tc-<name>.wasm,
# then to <apps>/tc-<name>.wko by the apps rule of tests/tests.mk, with
# <apps>/tc-<name>.{stdout,code,tree}: what the same source does outside
# wasmkm (built for the host, or the .wasm under Node's WASI for
# AssemblyScript).  tests/kselftest/toolchains.c compares byte for byte.
# Included by tests/tests.mk; the packages come from scripts/install-deps.sh.

TC := tests/toolchains
TC_NAMES := tc-rust tc-cxx tc-as
# Debian's rustc (its wasm32-wasi std is libstd-rust-dev-wasm32), not one
# that PATH may find first.  It links with wasm-ld (lld-16).
TC_RUSTC ?= /usr/bin/rustc
TC_RUSTFLAGS := --edition 2021 -O -C strip=debuginfo --remap-path-prefix=$(ROOT)/=
# Debian's libc++ for wasm32-wasi (libc++-16-dev-wasm32): exceptions off.
TC_CXXFLAGS := -std=c++20 -O2 -fno-exceptions -Wall -Werror
TC_WASI_CXX := /usr/lib/llvm-16/include/wasm32-wasi/c++/v1
TC_ASC := $(TC)/as/node_modules/assemblyscript/bin/asc.js
TC_AS_CONFIG := $(TC)/as/node_modules/@assemblyscript/wasi-shim/asconfig.json
# Go >= 1.21 has GOOS=wasip1.  Its app is built only with TC_GO_APP=yes:
# Go's runtime makes a 3 MB .wasm, about 50 MB of C that gcc compiles for
# about an hour per lane.  Otherwise, or without such a Go, tc-go.skip
# says why and the kselftest skips that app only.
TC_GO ?= /usr/local/go/bin/go
TC_GO_APP ?= no
TC_GO_OK := $(if $(filter yes,$(TC_GO_APP)),$(shell $(TC_GO) env GOVERSION 2>/dev/null | \
	awk -F'[go.]' '/^go1\./ { if ($$4 >= 21) print "yes" }'))
TC_GO_ENV := GOCACHE=$(BUILD)/go-cache GOPATH=$(BUILD)/go-path GOTOOLCHAIN=local GOFLAGS=
TC_NATIVE := $(BUILD)/native/toolchains

TC_APPS := $(TC_NAMES) $(if $(TC_GO_OK),tc-go)
APP_WASM += $(addprefix $(BUILD)/wasm/,$(addsuffix .wasm,$(TC_APPS)))
APP_WKO += $(addprefix $(OUT)/apps/,$(addsuffix .wko,$(TC_APPS)))
APP_EXPECTED += $(foreach n,$(TC_APPS),$(addprefix $(OUT)/apps/$(n).,stdout code tree)) \
	$(if $(TC_GO_OK),,$(OUT)/apps/tc-go.skip)

$(BUILD)/wasm/tc-rust.wasm: $(TC)/rust/main.rs
	@mkdir -p $(@D)
	$(TC_RUSTC) $(TC_RUSTFLAGS) --target wasm32-wasi -C linker=wasm-ld-16 -o $@ $<

$(TC_NATIVE)/tc-rust: $(TC)/rust/main.rs
	@mkdir -p $(@D)
	$(TC_RUSTC) $(TC_RUSTFLAGS) -o $@ $<

$(BUILD)/wasm/tc-cxx.wasm: $(TC)/cxx/main.cc
	@mkdir -p $(@D)
	clang++-16 --target=wasm32-wasi $(TC_CXXFLAGS) -isystem $(TC_WASI_CXX) \
		-Wl,--strip-debug -o $@ $<

$(TC_NATIVE)/tc-cxx: $(TC)/cxx/main.cc
	@mkdir -p $(@D)
	clang++-16 $(TC_CXXFLAGS) -o $@ $<

$(TC_ASC):
	scripts/install-deps.sh

$(BUILD)/wasm/tc-as.wasm: $(TC)/as/main.ts $(TC_ASC)
	@mkdir -p $(@D)
	node $(TC_ASC) $< --config $(TC_AS_CONFIG) -O2 -o $@

$(BUILD)/wasm/tc-go.wasm: $(TC)/go/main.go
	@mkdir -p $(@D)
	$(TC_GO_ENV) GOOS=wasip1 GOARCH=wasm $(TC_GO) build -trimpath -o $@ $<

$(TC_NATIVE)/tc-go: $(TC)/go/main.go
	@mkdir -p $(@D)
	$(TC_GO_ENV) $(TC_GO) build -trimpath -o $@ $<

$(OUT)/apps/tc-go.skip:
	@mkdir -p $(@D)
	$(if $(filter yes,$(TC_GO_APP)), \
		echo "no Go >= 1.21 at $(TC_GO) (GOOS=wasip1): tc-go not built" >$@, \
		echo "tc-go is built only with make apps TC_GO_APP=yes (a long build)" >$@)

# The expected outcome: native builds, and AssemblyScript under Node's WASI.
$(OUT)/apps/tc-as.stdout: $(BUILD)/wasm/tc-as.wasm $(TC)/expect.sh $(TC)/node-wasi.mjs
	@mkdir -p $(@D)
	$(TC)/expect.sh wasi $(OUT)/apps/tc-as $<

$(OUT)/apps/tc-%.stdout: $(TC_NATIVE)/tc-% $(TC)/expect.sh
	@mkdir -p $(@D)
	$(TC)/expect.sh native $(OUT)/apps/tc-$* $<

$(OUT)/apps/tc-%.code $(OUT)/apps/tc-%.tree: $(OUT)/apps/tc-%.stdout
	@test -f $@
