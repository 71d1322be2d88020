#!/usr/bin/python3
"""PyTorch references for the DataMovement family (permute, cat, slice,
split, squeeze/unsqueeze, pad, flip): test/fixtures/oracle/movement/, checked
by test/unit/compiler/DataMovementOpsTest.cpp, whose case of the same name
traces the same computation with the DSL. Float cases carry gradients of
sum(op(x) * w). Run: /usr/bin/python3 test/oracle/movement.py
"""
import torch
import torch.nn.functional as F

from oracle import Family


class Movement(Family):
    """Outputs made contiguous: a permuted or flipped view would be saved
    Fortran-ordered, which the C++ .npy reader rejects."""

    def case(self, name, fn, inputs, **kw):
        super().case(name, lambda *a: fn(*a).contiguous(), inputs, **kw)


def main():
    f = Movement("movement", seed=7)

    # permute / transpose
    f.case("permute_4d", lambda x: x.permute(2, 0, 3, 1), [f.randn(2, 3, 4, 5)])
    f.case("permute_negative_dims", lambda x: x.permute(-1, 0, -2), [f.randn(2, 3, 4)])
    f.case("transpose", lambda x: torch.transpose(x, -1, 0), [f.randn(3, 4)])
    f.case("permute_f64", lambda x: x.permute(1, 0), [f.randn(3, 2, precision="f64")],
           precision="f64")
    f.case("permute_i64", lambda x: x.permute(1, 0), [f.randint((2, 3), -50, 50)])
    # fused with an elementwise producer in the lowering
    f.case("permute_of_exp", lambda x: torch.exp(x).permute(1, 2, 0), [f.randn(2, 3, 4)])

    # cat
    f.case("cat_three_sizes", lambda a, b, c: torch.cat([a, b, c], 1),
           [f.randn(2, 1, 3), f.randn(2, 4, 3), f.randn(2, 2, 3)])
    f.case("cat_dim0", lambda a, b: torch.cat([a, b], 0), [f.randn(1, 3), f.randn(2, 3)])
    f.case("cat_negative_dim", lambda a, b: torch.cat([a, b], -1), [f.randn(2, 2), f.randn(2, 3)])
    # dlc's function inputs are never empty: empty tensors come from slices
    f.case("cat_with_empty", lambda a, b: torch.cat([a[:, :0], b, a[:, 2:2]], 1),
           [f.randn(2, 2), f.randn(2, 3)])
    f.case("cat_same_input_twice", lambda a: torch.cat([a, a], 0), [f.randn(2, 3)])
    f.case("cat_i32", lambda a, b: torch.cat([a, b], 0),
           [f.randint((1, 2), -9, 9, torch.int32), f.randint((2, 2), -9, 9, torch.int32)])

    # slice: x[start:stop:step] on one dim, Python-normalised bounds
    f.case("slice_step2_negative_start", lambda x: x[:, -7::2], [f.randn(3, 9)])
    f.case("slice_clamped_stop", lambda x: x[1:100], [f.randn(4, 2)])
    f.case("slice_negative_stop", lambda x: x[:, :, -3:-1], [f.randn(2, 2, 5)])
    f.case("slice_step3", lambda x: x[1:8:3], [f.randn(8, 2)])
    f.case("slice_step_past_end", lambda x: x[2::10], [f.randn(6, 2)])
    f.case("slice_empty", lambda x: torch.cat([x[:, 3:1], x[:, :1]], 1), [f.randn(2, 4)])
    f.case("slice_of_exp", lambda x: torch.exp(x)[::2, 1:], [f.randn(5, 3)])
    f.case("slice_f64", lambda x: x[-2:, ::2], [f.randn(4, 5, precision="f64")],
           precision="f64")
    f.case("slice_i64", lambda x: x[::2], [f.randint((5,), -100, 100)])

    # split (then cat the pieces in reverse, so every piece is checked)
    f.case("split_size", lambda x: torch.cat(list(reversed(torch.split(x, 2, 1))), 1),
           [f.randn(2, 5)])
    f.case("split_sizes", lambda x: torch.cat(list(reversed(torch.split(x, [1, 3, 0, 2], 0))), 0),
           [f.randn(6, 2)])

    # squeeze / unsqueeze
    f.case("squeeze_unsqueeze", lambda x: x.squeeze(1).unsqueeze(-1), [f.randn(3, 1, 4)])
    f.case("squeeze_all", lambda x: x.squeeze(), [f.randn(1, 3, 1, 2)])
    f.case("squeeze_not_one", lambda x: x.squeeze(0), [f.randn(2, 3)])

    # pad (constant)
    f.case("pad_two_dims", lambda x: F.pad(x, (1, 2, 0, 3), value=-1.5), [f.randn(2, 3)])
    f.case("pad_4d", lambda x: F.pad(x, (1, 1, 2, 0)), [f.randn(1, 2, 3, 3)])
    f.case("pad_neg_inf", lambda x: F.pad(x, (2, 1), value=float("-inf")), [f.randn(2, 2)])
    f.case("pad_leading_dims", lambda x: F.pad(x, (0, 0, 0, 0, 1, 1)), [f.randn(1, 2, 2)])
    f.case("pad_f64", lambda x: F.pad(x, (1, 0), value=0.25), [f.randn(2, 2, precision="f64")],
           precision="f64")
    f.case("pad_i64", lambda x: F.pad(x, (1, 1), value=7), [f.randint((2, 2), -5, 5)])
    f.case("pad_empty_input", lambda x: F.pad(x[:, :0], (1, 1), value=3.0), [f.randn(2, 3)])

    # flip
    f.case("flip_two_dims", lambda x: torch.flip(x, (0, 2)), [f.randn(2, 3, 4)])
    f.case("flip_negative_unsorted", lambda x: torch.flip(x, (-1, 0)), [f.randn(3, 4)])
    f.case("flip_of_exp", lambda x: torch.flip(torch.exp(x), (1,)), [f.randn(2, 5)])
    f.case("flip_bool", lambda x: torch.flip(x, (0,)), [f.randint((4, 2), 0, 2) > 0])

    # Non-finite values are moved bit for bit (NaN stays NaN, not 0 or the pad value).
    special = f.randn(2, 3)
    special[0, 0], special[0, 2], special[1, 1] = float("nan"), float("inf"), float("-inf")
    f.case("nonfinite_through_each_op",
           lambda x: F.pad(torch.cat([torch.flip(x, (1,)), x.permute(1, 0)[:2]], 1), (1, 0)),
           [special])

    f.done()


if __name__ == "__main__":
    main()
