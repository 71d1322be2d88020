"""Damages every dlc JIT cache file (*.dlcobj) in a directory.

    corrupt-cache.py DIR truncate   keep only the first half of each file
    corrupt-cache.py DIR flip       invert one byte in the middle of the object
"""
import pathlib
import sys

directory, mode = pathlib.Path(sys.argv[1]), sys.argv[2]
files = sorted(directory.glob("*.dlcobj"))
if not files:
    sys.exit(f"corrupt-cache.py: no *.dlcobj file in {directory}")
for f in files:
    data = bytearray(f.read_bytes())
    if mode == "truncate":
        data = data[: len(data) // 2]
    elif mode == "flip":
        data[len(data) // 2] ^= 0xFF
    else:
        sys.exit(f"corrupt-cache.py: unknown mode {mode}")
    f.write_bytes(bytes(data))
