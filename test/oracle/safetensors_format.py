"""The safetensors format by hand, for the state-dict oracle scripts.

Debian has no python3-safetensors, so test/oracle/state_dict.py (writing) and
test/oracle/load_in_torch.py (reading) use this instead. It follows the
reference library (huggingface/safetensors, the Rust core behind
safetensors.torch.save_file / load_file):

  8-byte little-endian u64 N, N bytes of JSON, the data buffer.
  The JSON is compact (no spaces), "__metadata__" first when given, then the
  tensors in data order; the data is laid out sorted by dtype (largest
  alignment first, the library's Dtype order reversed) then by name; the
  header is padded with spaces to a multiple of 8 bytes.

Only NumPy is needed; torch tensors are passed in as NumPy arrays (bf16 as
uint16 bit patterns with dtype name "BF16").
"""
import json
import struct

import numpy as np

# The reference library's Dtype enum order (derive(Ord)); the writer sorts
# descending by it, then by name.
DTYPE_ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16",
               "I32", "U32", "F32", "F64", "I64", "U64"]
NUMPY_OF = {"F32": "<f4", "F64": "<f8", "I64": "<i8", "I32": "<i4", "I8": "i1", "U8": "u1",
            "BOOL": "?", "BF16": "<u2"}
NAME_OF = {np.dtype(v).str: k for k, v in NUMPY_OF.items() if k != "BF16"}


def dtype_name(a):
    """The safetensors dtype of a NumPy array (uint16 arrays are BF16 bits)."""
    return "BF16" if a.dtype == np.uint16 else NAME_OF[a.dtype.str]


def dumps(tensors, metadata=None):
    """The bytes of a safetensors file: tensors is {name: np.ndarray}."""
    order = sorted(tensors, key=lambda n: (-DTYPE_ORDER.index(dtype_name(tensors[n])), n))
    header, offset, chunks = {}, 0, []
    if metadata:
        header["__metadata__"] = dict(metadata)
    for name in order:
        data = np.ascontiguousarray(tensors[name]).astype(NUMPY_OF[dtype_name(tensors[name])]).tobytes()
        header[name] = {"dtype": dtype_name(tensors[name]), "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        chunks.append(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def loads(blob):
    """(tensors, metadata) from the bytes of a safetensors file; BF16 as uint16 bits."""
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = blob[8 + n:]
    tensors = {}
    for name, e in header.items():
        begin, end = e["data_offsets"]
        a = np.frombuffer(data[begin:end], dtype=NUMPY_OF[e["dtype"]])
        tensors[name] = a.reshape(e["shape"]).copy()
    return tensors, metadata
