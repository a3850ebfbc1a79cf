# SPDX-License-Identifier: GPL-2.0
"""Run a WASI command under wasmtime (the PyPI package):
python3 wasmtime-run.py [--scratch GUEST] app.wasm [ARG...]
--scratch preopens a fresh temporary directory as GUEST (fd 3); the
reference outputs of tests/apps/sock_errno.c are made that way."""
import sys
import tempfile

import wasmtime


def run(argv, scratch):
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = argv
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    with tempfile.TemporaryDirectory() as d:
        if scratch:
            wasi.preopen_dir(d, scratch)
        store.set_wasi(wasi)
        linker = wasmtime.Linker(engine)
        linker.define_wasi()
        module = wasmtime.Module.from_file(engine, argv[0])
        instance = linker.instantiate(store, module)
        try:
            instance.exports(store)["_start"](store)
        except wasmtime.ExitTrap as e:
            return e.code
    return 0


def main():
    argv = sys.argv[1:]
    scratch = None
    if argv[:1] == ["--scratch"]:
        scratch, argv = argv[1], argv[2:]
    return run(argv, scratch)


if __name__ == "__main__":
    sys.exit(main())
