// SPDX-License-Identifier: GPL-2.0
// The AssemblyScript toolchain app (tests/toolchains/README.md says what
// every toolchain app does).  @assemblyscript/wasi-shim gives process
// (argv, env, exit, stdout), Date, performance and crypto; it has no file
// API, so the files go through the WASI preview1 calls it declares.  The
// root argument must be the name of the first preopened directory (fd 3).
import {
  errno, fd, fd_close, filestat, prestat, fd_prestat_dir_name, fd_prestat_get, fd_read, fd_readdir, fd_seek,
  fd_write, path_create_directory, path_filestat_get, path_open, path_remove_directory,
  path_rename, path_unlink_file
} from "./node_modules/@assemblyscript/wasi-shim/assembly/bindings/wasi_snapshot_preview1";

const ROOT_FD: fd = 3;
const R_FD_READ: u64 = 1 << 1;
const R_FD_SEEK: u64 = 1 << 2;
const R_FD_TELL: u64 = 1 << 5;
const R_FD_WRITE: u64 = 1 << 6;
const R_FD_READDIR: u64 = 1 << 14;
const R_FD_FILESTAT_GET: u64 = 1 << 21;
const O_CREAT: u16 = 1;
const O_DIRECTORY: u16 = 2;
const O_TRUNC: u16 = 8;
const FILETYPE_DIRECTORY: u8 = 3;
const FILETYPE_REGULAR: u8 = 4;
const ERRNO_NOENT: errno = 44;

function out(s: string): void {
  process.stdout.write(s + "\n");
}

function check(err: errno, what: string): void {
  if (err != 0) {
    process.stderr.write("failed: " + what + ": errno " + err.toString() + "\n");
    process.exit(1);
  }
}

// A path as UTF-8 bytes (not NUL-terminated) for the WASI calls.
function utf8(s: string): ArrayBuffer {
  return String.UTF8.encode(s, false);
}

function openAt(path: string, oflags: u16, rights: u64): fd {
  const p = utf8(path);
  const res = memory.data(4);
  check(path_open(ROOT_FD, 1, changetype<usize>(p), p.byteLength, oflags, rights, 0, 0, res),
        "path_open " + path);
  return load<u32>(res);
}

function writeAll(f: fd, s: string): void {
  const b = utf8(s);
  const iov = memory.data(8);
  const n = memory.data(4);
  store<u32>(iov, changetype<usize>(b));
  store<u32>(iov, b.byteLength, 4);
  check(fd_write(f, iov, 1, n), "fd_write");
  if (load<u32>(n) != <u32>b.byteLength) check(5, "short write");
}

function readAll(f: fd): string {
  let s = "";
  const buf = new ArrayBuffer(4096);
  const iov = memory.data(8);
  const n = memory.data(4);
  for (;;) {
    store<u32>(iov, changetype<usize>(buf));
    store<u32>(iov, buf.byteLength, 4);
    check(fd_read(f, iov, 1, n), "fd_read");
    const got = load<u32>(n);
    if (got == 0) break;
    s += String.UTF8.decode(buf.slice(0, got));
  }
  return s;
}

function seek(f: fd, off: i64, whence: u8): u64 {
  const pos = memory.data(8);
  check(fd_seek(f, off, whence, pos), "fd_seek");
  return load<u64>(pos);
}

// path_filestat_get: 0 and the file type and size, or the errno.
const statBuf = memory.data(64);
function stat(path: string): errno {
  const p = utf8(path);
  return path_filestat_get(ROOT_FD, 1, changetype<usize>(p), p.byteLength, changetype<filestat>(statBuf));
}

function list(dir: string): void {
  const d = openAt(dir, O_DIRECTORY, R_FD_READDIR);
  const buf = new ArrayBuffer(4096);
  const used = memory.data(4);
  const names = new Array<string>();
  let cookie: u64 = 0;
  for (;;) {
    const base = changetype<usize>(buf);
    check(fd_readdir(d, base, buf.byteLength, cookie, used), "fd_readdir");
    const end = load<u32>(used);
    let off: u32 = 0;
    // Whole entries only; a cut-off one is read again from its cookie.
    while (off + 24 <= end) {
      const namlen = load<u32>(base + off, 16);
      if (off + 24 + namlen > end) break;
      cookie = load<u64>(base + off);
      const name = String.UTF8.decodeUnsafe(base + off + 24, namlen);
      off += 24 + namlen;
      if (name == "." || name == "..") continue;
      check(stat(dir + "/" + name), "stat " + name);
      if (load<u8>(statBuf, 16) == FILETYPE_DIRECTORY) names.push(name + " dir");
      else names.push(name + " file " + load<u64>(statBuf, 32).toString());
    }
    if (end < <u32>buf.byteLength) break;
  }
  check(fd_close(d), "fd_close dir");
  names.sort((a: string, b: string): i32 => (a < b ? -1 : a > b ? 1 : 0));
  out("list " + dir + ": " + names.length.toString());
  for (let i = 0; i < names.length; i++) out("  " + names[i]);
}

function rootName(): string {
  const pre = memory.data(8);
  check(fd_prestat_get(ROOT_FD, changetype<prestat>(pre)), "fd_prestat_get 3");
  const len = load<u32>(pre, 4);
  const name = new ArrayBuffer(len);
  check(fd_prestat_dir_name(ROOT_FD, changetype<usize>(name), len), "fd_prestat_dir_name 3");
  return String.UTF8.decode(name);
}

const argv = process.argv;
if (argv.length < 3) {
  process.stderr.write("usage: " + argv[0] + " ROOT EXITCODE [WORD]...\n");
  process.exit(2);
}
if (rootName() != argv[1]) {
  process.stderr.write("ROOT " + argv[1] + " is not the first preopen " + rootName() + "\n");
  process.exit(2);
}
const code = I32.parseInt(argv[2]);
out("args: " + (argv.length - 3).toString());
for (let i = 3; i < argv.length; i++) out("  [" + argv[i] + "]");
const keys = process.env.keys();
const vars = new Array<string>();
for (let i = 0; i < keys.length; i++) vars.push(keys[i] + "=" + process.env.get(keys[i]));
vars.sort((a: string, b: string): i32 => (a < b ? -1 : a > b ? 1 : 0));
out("env: " + vars.length.toString());
for (let i = 0; i < vars.length; i++) out("  " + vars[i]);

let f = openAt("input.txt", 0, R_FD_READ);
const input = readAll(f);
check(fd_close(f), "fd_close input.txt");
const lines = input.split("\n");
if (lines.length > 0 && lines[lines.length - 1] == "") lines.pop();
out("input: " + String.UTF8.byteLength(input).toString() + " bytes, " + lines.length.toString() + " lines");
for (let i = 0; i < lines.length; i++) out("  <" + lines[i] + ">");

const work = utf8("work");
check(path_create_directory(ROOT_FD, changetype<usize>(work), work.byteLength), "mkdir work");
const sub = utf8("work/sub");
check(path_create_directory(ROOT_FD, changetype<usize>(sub), sub.byteLength), "mkdir sub");
const FILE_RIGHTS = R_FD_READ | R_FD_WRITE | R_FD_SEEK | R_FD_TELL | R_FD_FILESTAT_GET;
f = openAt("work/a.txt", O_CREAT | O_TRUNC, FILE_RIGHTS);
writeAll(f, "0123456789abcdef");
check(fd_close(f), "fd_close a.txt");
f = openAt("work/a.txt", 0, FILE_RIGHTS);
seek(f, 10, 0);
writeAll(f, "XY");
seek(f, 0, 0);
out("a.txt: " + readAll(f));
out("end: " + seek(f, 0, 2).toString());
seek(f, -4, 1);
out("tail: " + readAll(f));
check(fd_close(f), "fd_close a.txt");
f = openAt("work/c.txt", O_CREAT | O_TRUNC, FILE_RIGHTS);
writeAll(f, "third\n");
check(fd_close(f), "fd_close c.txt");
const from = utf8("work/a.txt");
const to = utf8("work/b.txt");
check(path_rename(ROOT_FD, changetype<usize>(from), from.byteLength, ROOT_FD,
                  changetype<usize>(to), to.byteLength), "rename");
out("a.txt exists after rename: " + (stat("work/a.txt") == 0 ? "true" : "false"));
list("work");
check(stat("work/b.txt"), "stat b.txt");
const type = load<u8>(statBuf, 16);
out("b.txt: len " + load<u64>(statBuf, 32).toString() + " file " +
    (type == FILETYPE_REGULAR ? "true" : "false") + " dir " +
    (type == FILETYPE_DIRECTORY ? "true" : "false"));
out("b.txt: mtime after 2020: " + (load<u64>(statBuf, 48) / 1000000000 > 1577836800 ? "true" : "false"));
const c = utf8("work/c.txt");
check(path_unlink_file(ROOT_FD, changetype<usize>(c), c.byteLength), "unlink c.txt");
check(path_remove_directory(ROOT_FD, changetype<usize>(sub), sub.byteLength), "rmdir sub");
list("work");
out("missing: " + (stat("work/missing") == ERRNO_NOENT ? "NotFound" : "other"));

out("clock: realtime after 2020: " + (Date.now() / 1000 > 1577836800 ? "true" : "false"));
const t0 = performance.now();
out("clock: monotonic: " + (performance.now() >= t0 ? "true" : "false"));
const rnd = new Uint8Array(16);
crypto.getRandomValues(rnd);
let nonzero = false;
for (let i = 0; i < rnd.length; i++) nonzero = nonzero || rnd[i] != 0;
out("random: seeded: " + (nonzero ? "true" : "false"));

f = openAt("result.txt", O_CREAT | O_TRUNC, R_FD_WRITE);
writeAll(f, "args " + (argv.length - 3).toString() + "\nenv " + vars.length.toString() +
         "\ninput " + String.UTF8.byteLength(input).toString() + "\n");
check(fd_close(f), "fd_close result.txt");
out("exit: " + code.toString());
process.exit(code);
