// SPDX-License-Identifier: GPL-2.0
// Runs a WASI preview1 app under Node's WASI (a reference implementation
// independent of wasmkm), HOSTDIR preopened as /data, the environment as
// given to node:  node node-wasi.mjs APP.wasm HOSTDIR ARGV0 [ARG]...
// Exits with the app's code.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import process from 'node:process';

const [wasmPath, hostDir, ...argv] = process.argv.slice(2);
const wasi = new WASI({
  version: 'preview1',
  args: argv,
  env: process.env,
  preopens: { '/data': hostDir },
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
