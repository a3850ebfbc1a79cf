# SPDX-License-Identifier: GPL-2.0
"""Run a WASI command under wasmtime (PyPI) with a scratch directory
preopened as "/d" (fd 3), stdout to ours:
python3 wasmtime_run.py app.wasm
The reference outputs of tests/apps/sock_errno.c come from here."""
import sys
import tempfile

import wasmtime


def main():
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = sys.argv[1:]
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    with tempfile.TemporaryDirectory() as d:
        wasi.preopen_dir(d, "/d")
        store.set_wasi(wasi)
        linker = wasmtime.Linker(engine)
        linker.define_wasi()
        module = wasmtime.Module.from_file(engine, sys.argv[1])
        instance = linker.instantiate(store, module)
        try:
            instance.exports(store)["_start"](store)
        except wasmtime.ExitTrap as e:
            return e.code
    return 0


if __name__ == "__main__":
    sys.exit(main())
