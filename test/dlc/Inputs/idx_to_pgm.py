#!/usr/bin/env python3
"""usage: idx_to_pgm.py IMAGES.gz INDEX OUT.pgm
Writes image INDEX of a (gzipped) IDX images file as a binary PGM (P5)."""
import gzip
import struct
import sys

path, index, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with gzip.open(path, "rb") as f:
    data = f.read()
magic, n, h, w = struct.unpack(">IIII", data[:16])
assert magic == 0x803 and index < n
start = 16 + index * h * w
with open(out, "wb") as f:
    f.write(b"P5\n# from %s\n%d %d\n255\n" % (path.encode(), w, h))
    f.write(data[start:start + h * w])
