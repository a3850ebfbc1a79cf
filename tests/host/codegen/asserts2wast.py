#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn a WAT conformance test (module + ";; ASSERT" lines) into a .wast
script of assert_return / assert_trap commands, so that the expectations can
be checked against an independent interpreter (wabt's spectest-interp), not
only against aotc's output.

Usage: asserts2wast.py IN.wat OUT.wast
Value syntax: tests/include/wat_values.h.  Assertions on references and on
"exit:" are left out (the spec script format cannot express them here), and
so is the ASSERT right after a ";; implementation-defined" comment.
"""
import struct
import sys

SHAPES = {"i8x16": (8, 16, False), "i16x8": (16, 8, False), "i32x4": (32, 4, False),
          "i64x2": (64, 2, False), "f32x4": (32, 4, True), "f64x2": (64, 2, True)}


def float_from_bits(bits, width):
    """A wast float literal with exactly these bits."""
    sign = "-" if bits >> (width - 1) else ""
    exp_bits, frac_bits = (8, 23) if width == 32 else (11, 52)
    exp = (bits >> frac_bits) & ((1 << exp_bits) - 1)
    frac = bits & ((1 << frac_bits) - 1)
    if exp == (1 << exp_bits) - 1:
        return sign + ("inf" if frac == 0 else "nan:0x%x" % frac)
    if width == 32:
        value = struct.unpack("<f", struct.pack("<I", bits & 0x7fffffff))[0]
    else:
        value = struct.unpack("<d", struct.pack("<Q", bits & ((1 << 63) - 1)))[0]
    return sign + value.hex()


def scalar(text, width, is_float, result):
    if text.startswith("bits:"):
        bits = int(text[5:], 0)
        return float_from_bits(bits, width) if is_float else str(bits)
    if is_float and "nan" in text:
        if not result:
            return text
        return "nan:canonical" if "canonical" in text else "nan:arithmetic"
    if is_float:
        return text
    return str(int(text, 0))


def value(tok, result):
    kind, _, rest = tok.partition(":")
    if kind in ("i32", "i64", "f32", "f64"):
        width = int(kind[1:])
        return "(%s.const %s)" % (kind, scalar(rest, width, kind[0] == "f", result))
    if kind == "v128":
        shape, _, lanes = rest.partition(":")
        width, count, is_float = SHAPES[shape]
        parts = lanes.split(",")
        if len(parts) != count:
            raise ValueError("%s: %d lanes" % (tok, len(parts)))
        return "(v128.const %s %s)" % (shape, " ".join(
            scalar(p, width, is_float, result) for p in parts))
    raise ValueError(tok)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    module, cmds = [], []
    skip = False
    for line in open(src, encoding="utf-8"):
        if line.startswith(";; implementation-defined"):
            skip = True
        if not line.startswith(";; ASSERT "):
            module.append(line)
            continue
        if skip:
            skip = False
            continue
        body = line[len(";; ASSERT "):].strip()
        call, _, expect = body.partition("=>")
        toks = call.split()
        expect = expect.strip()
        if any(t.startswith("ref:") for t in toks) or "ref:" in expect or \
                expect.startswith("exit:"):
            continue
        invoke = '(invoke "%s"%s)' % (toks[0], "".join(" " + value(t, False)
                                                      for t in toks[1:]))
        if expect.startswith("trap:"):
            text = expect[5:].split(" in $")[0].strip()  # " in $func": ours only
            cmds.append('(assert_trap %s "%s")' % (invoke, text))
        else:
            cmds.append("(assert_return %s%s)" % (invoke, "".join(
                " " + value(t, True) for t in expect.split())))
    with open(dst, "w", encoding="utf-8") as out:
        out.write("".join(module))
        out.write("\n".join(cmds) + "\n")


if __name__ == "__main__":
    main()
