#!/usr/bin/env python3
"""weaken_verneed.py <elf> <VERSION>: set VER_FLG_WEAK on the matching Vernaux entry of an ELF64 little-endian file.

Used by Directory.Build.targets on libLibTorchSharp.so: see ../shared/STACK-NOTES.md, section 2.
Idempotent: running it twice leaves the same bytes.
"""
import struct
import sys


def main(path: str, want: bytes) -> int:
    with open(path, "rb") as f:
        b = bytearray(f.read())
    shoff, = struct.unpack_from("<Q", b, 0x28)
    shentsize, shnum, _ = struct.unpack_from("<HHH", b, 0x3A)
    secs = [struct.unpack_from("<IIQQQQIIQQ", b, shoff + i * shentsize) for i in range(shnum)]
    changed = False
    for s in secs:
        if s[1] != 0x6FFFFFFE:  # SHT_GNU_verneed
            continue
        stroff = secs[s[6]][4]
        off = s[4]
        while True:
            _, cnt, _, aux, nxt = struct.unpack_from("<HHIII", b, off)
            a = off + aux
            for _ in range(cnt):
                _, flags, _, name, anext = struct.unpack_from("<IHHII", b, a)
                if bytes(b[stroff + name:b.index(0, stroff + name)]) == want and not flags & 2:
                    struct.pack_into("<H", b, a + 4, flags | 2)
                    changed = True
                a += anext
            if nxt == 0:
                break
            off += nxt
    if changed:
        with open(path, "wb") as f:
            f.write(b)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2].encode()))
