#!/usr/bin/python3
"""PyTorch references for the Sequence family (embedding, index_select,
index_add, repeat_interleave, arange, sequence masks):
test/fixtures/oracle/sequence/, checked by
test/unit/compiler/SequenceOpsTest.cpp. Run: /usr/bin/python3 test/oracle/sequence.py
"""
import torch
import torch.nn.functional as F

from oracle import Family


def d2l_sequence_mask(X, valid_len, value=0.0):
    """d2l's sequence_mask, verbatim but for the clone (X is a leaf here)."""
    maxlen = X.size(1)
    mask = torch.arange((maxlen), dtype=torch.float32,
                        device=X.device)[None, :] < valid_len[:, None]
    X = X.clone()
    X[~mask] = value
    return X


def main():
    f = Family("sequence", seed=7)
    i64, i32 = torch.int64, torch.int32

    # -- embedding: ids first, as F.embedding(input, weight) -----------------
    f.case("embedding", F.embedding, [f.randint((3, 4), 0, 6), f.randn(6, 5)])
    # Repeated ids: the weight's gradient adds their cotangents.
    ids = torch.tensor([[1, 1, 1], [2, 1, 0]], dtype=i32)
    f.case("embedding_repeated_ids", F.embedding, [ids, f.randn(4, 3)])
    # padding_idx: its row gets no gradient (the forward still reads it).
    pad = torch.tensor([[0, 2, 0, 3], [3, 3, 0, 1]], dtype=i64)
    f.case("embedding_padding_idx", lambda i, w: F.embedding(i, w, padding_idx=0),
           [pad, f.randn(5, 2)])
    f.case("embedding_negative_padding_idx", lambda i, w: F.embedding(i, w, padding_idx=-1),
           [torch.tensor([4, 0, 4, 2], dtype=i64), f.randn(5, 3)])
    f.case("embedding_f64", F.embedding,
           [f.randint((2, 2, 3), 0, 7), f.randn(7, 4, precision="f64")], precision="f64")
    f.case("embedding_large_values", F.embedding,
           [f.randint((5,), 0, 3), f.randn(3, 4, scale=1e30)])

    # -- index_select / index_add ---------------------------------------------
    x = f.randn(4, 5)
    f.case("index_select_dim0", lambda x, i: torch.index_select(x, 0, i),
           [x, torch.tensor([3, 0, 3, 1, 3], dtype=i64)])
    f.case("index_select_dim1_i32", lambda x, i: torch.index_select(x, 1, i),
           [f.randn(2, 5, 3), torch.tensor([4, 4, 0], dtype=i32)])
    f.case("index_select_last_dim_f64", lambda x, i: torch.index_select(x, 2, i),
           [f.randn(2, 3, 4, precision="f64"), torch.tensor([1, 3], dtype=i64)],
           precision="f64")
    f.case("index_select_integer_input", lambda x, i: torch.index_select(x, 0, i),
           [torch.tensor([10, -20, 30, 40], dtype=i64), torch.tensor([3, 3, 0], dtype=i64)])
    f.case("index_add_dim0", lambda x, i, s: x.index_add(0, i, s),
           [f.randn(4, 3), torch.tensor([2, 0, 2, 2], dtype=i64), f.randn(4, 3)])
    f.case("index_add_dim1_i32", lambda x, i, s: x.index_add(1, i, s),
           [f.randn(2, 5), torch.tensor([4, 1, 4], dtype=i32), f.randn(2, 3)])

    # -- repeat_interleave -----------------------------------------------------
    f.case("repeat_interleave_dim0", lambda x: torch.repeat_interleave(x, 3, dim=0),
           [f.randn(2, 3)])
    f.case("repeat_interleave_dim1", lambda x: torch.repeat_interleave(x, 2, dim=1),
           [f.randn(2, 3, 2)])
    f.case("repeat_interleave_once", lambda x: torch.repeat_interleave(x, 1, dim=1),
           [f.randn(2, 3)])
    # d2l repeats integer valid lengths (masked_softmax with 2-D scores).
    f.case("repeat_interleave_valid_lens", lambda v: torch.repeat_interleave(v, 3, dim=0),
           [torch.tensor([2, 5], dtype=i32)])

    # -- arange: float results computed in float64 and rounded once ------------
    f.case("arange_f32", lambda: torch.arange(0.0, 1.0, 0.1, dtype=torch.float64), [])
    f.case("arange_negative_step_f64", lambda: torch.arange(2.0, -1.0, -0.25,
                                                            dtype=torch.float64), [],
           precision="f64")
    f.case("arange_i64", lambda: torch.arange(-3, 10, 3, dtype=i64), [])
    f.case("arange_i32", lambda: torch.arange(5, dtype=i32), [])

    # -- sequence masks ------------------------------------------------------
    # A zero length, a full one and one longer than maxlen.
    f.case("sequence_mask_i32", lambda v: torch.arange(5)[None, :] < v[:, None],
           [torch.tensor([0, 2, 5, 7], dtype=i32)])
    f.case("sequence_mask_i64", lambda v: torch.arange(3)[None, :] < v[:, None],
           [torch.tensor([1, 3], dtype=i64)])
    f.case("sequence_mask_fill", lambda x, v: d2l_sequence_mask(x, v, -1e6),
           [f.randn(4, 5), torch.tensor([0, 2, 5, 7], dtype=i64)])
    f.case("sequence_mask_fill_zero_f64", lambda x, v: d2l_sequence_mask(x, v),
           [f.randn(3, 4, precision="f64"), torch.tensor([3, 1, 4], dtype=i32)],
           precision="f64")
    f.case("sequence_mask_fill_neg_inf", lambda x, v: d2l_sequence_mask(x, v, float("-inf")),
           [f.randn(2, 3), torch.tensor([1, 2], dtype=i64)])
    f.done()


if __name__ == "__main__":
    main()
