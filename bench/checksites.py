#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""How many bounds checks gcc leaves in aotc's generated code.

For one .wasm, the code generator's C (tests/host/codegen) is written twice,
with bounds-check merging (the default) and with --no-merge (every access
checked), and counted twice:

- emitted: the WASMKM_EA_OOB tests in the C, per function;
- left: the trap-branch sites in the object code that gcc (with the bench's
  kernel-like flags) keeps.  To tell them apart, each site's goto is
  replaced for this count by its own ud2, each with its own number (kept in
  another section)
  (<wasmkm/mem.h> pre-empted by -include), so that gcc cannot merge two
  sites into one branch and every site it could not prove dead stays a ud2.
  The code is otherwise the same as the real build's; gcc may still
  duplicate a site (loop versioning, unrolling), which counts twice.

Usage: bench/checksites.py CODEGEN_GEN PB.wasm WORKDIR  (x86-64 host only)
"""
import collections
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from common import KERNEL_LIKE_CFLAGS  # noqa: E402

SITES_H = r"""
#define _WASMKM_MEM_H
#define WASMKM_EA_OOB(ea, size)							\
	({									\
		if (unlikely((s64)(ea) > (s64)mem_size - (size))) {		\
			asm volatile("ud2\n\t.pushsection .discard.sites\n\t"	\
				     ".long %c0\n\t.popsection" : : "i"(__COUNTER__)); \
			__builtin_unreachable();				\
		}								\
		0;								\
	})
#define WASMKM_EA_PROVED(ea, size) do { } while (0)
"""

FUNC_RE = re.compile(r"^/\* function (\d+)(?: \((.*)\))? \*/$")


def emitted(code):
    """function index -> [name, WASMKM_EA_OOB tests, WASMKM_EA_PROVED sites]."""
    out, cur = {}, None
    for line in code.splitlines():
        m = FUNC_RE.match(line)
        if m:
            cur = int(m.group(1))
            out[cur] = [m.group(2) or "", 0, 0]
        elif cur is not None:
            out[cur][1] += line.count("WASMKM_EA_OOB(")
            out[cur][2] += line.count("WASMKM_EA_PROVED(")
    return out


def left(obj):
    """symbol -> ud2 sites in the disassembly of @obj."""
    dis = subprocess.run(["objdump", "-d", "--no-show-raw-insn", obj], check=True,
                         capture_output=True, text=True).stdout
    out, cur = collections.Counter(), None
    for line in dis.splitlines():
        m = re.match(r"^[0-9a-f]+ <([^>]+)>:$", line)
        if m:
            cur = m.group(1)
        elif cur and re.search(r"\tud2\b", line):
            out[cur] += 1
    return out


def build(gen, wasm, work, tag, opts):
    code = os.path.join(work, "app_code-%s.c" % tag)
    subprocess.run([gen, wasm, code] + opts, check=True)
    sites = os.path.join(work, "sites.h")
    with open(sites, "w") as f:
        f.write(SITES_H)
    d = os.path.join(ROOT, "tests", "host", "codegen")
    obj = os.path.join(work, "app-%s.o" % tag)
    subprocess.run(["gcc"] + KERNEL_LIKE_CFLAGS + [
        "-w", "-include", sites,
        "-I" + os.path.join(d, "include"), "-I" + d,
        "-I" + os.path.join(ROOT, "kmod", "include"), "-I" + os.path.join(ROOT, "uapi"),
        "-I" + os.path.join(ROOT, "tests", "include"), '-DAPP_CODE="%s"' % code,
        "-c", "-o", obj, os.path.join(d, "runner.c")], check=True)
    with open(code) as f:
        return emitted(f.read()), left(obj)


def main():
    gen, wasm, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    rows = {}
    for tag, opts in (("merged", []), ("nomerge", ["--no-merge"])):
        rows[tag] = build(gen, wasm, work, tag, opts)
    print("| function | emitted, no merge | left, no merge | emitted, merged | left, merged "
          "| proved, merged |")
    print("|---|---|---|---|---|---|")
    tot = collections.Counter()
    em_n, left_n = rows["nomerge"]
    em_m, left_m = rows["merged"]
    for idx in sorted(em_n):
        name, n_emit, _ = em_n[idx]
        sym = "w%d" % idx
        vals = (n_emit, left_n.get(sym, 0), em_m[idx][1], left_m.get(sym, 0), em_m[idx][2])
        for k, v in zip(("en", "ln", "em", "lm", "pm"), vals):
            tot[k] += v
        if name.startswith("pb_") and name not in ("pb_now", "pb_alloc", "pb_hash", "pb_exp"):
            inl = "" if sym in left_n else " (inlined)"
            print("| %s%s | %d | %d | %d | %d | %d |" % ((name, inl) + vals))
    # Sites inlined into other functions are counted where they landed.
    ln_all, lm_all = sum(left_n.values()), sum(left_m.values())
    print("| **all functions** | %d | %d | %d | %d | %d |" %
          (tot["en"], ln_all, tot["em"], lm_all, tot["pm"]))


if __name__ == "__main__":
    main()
