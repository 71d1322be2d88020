#!/usr/bin/python3
"""PyTorch references for the Linear family (batched matmul, linear) and the
vision extensions (grouped and dilated convolution, ceil-mode and
exclude-padding pooling, adaptive average pooling):
test/fixtures/oracle/linear/, checked by
test/unit/compiler/LinearOpsTest.cpp. Run: /usr/bin/python3 test/oracle/linear.py
"""
import torch
import torch.nn.functional as F

from oracle import Family


def linear_cases(f):
    f.case("bmm", torch.bmm, [f.randn(3, 2, 4), f.randn(3, 4, 5)])
    # Batch (2, 1) broadcasts with (5): (2, 5, 3, 2).
    f.case("batch_matmul_broadcast", torch.matmul, [f.randn(2, 1, 3, 4), f.randn(5, 4, 2)])
    f.case("batch_matmul_transposed", lambda a, b: torch.matmul(a.mT, b.mT),
           [f.randn(2, 4, 3), f.randn(2, 5, 4)])
    f.case("batch_matmul_transpose_rhs", lambda a, b: torch.matmul(a, b.mT),
           [f.randn(3, 2, 4), f.randn(1, 5, 4)])
    # A matrix shared by every batch (rank-2 rhs, then lhs).
    f.case("batch_matmul_matrix_rhs", torch.matmul, [f.randn(2, 3, 4, 5), f.randn(5, 2)])
    f.case("batch_matmul_matrix_lhs", torch.matmul, [f.randn(3, 4), f.randn(2, 4, 5)])
    f.case("batch_matmul_f64", torch.matmul,
           [f.randn(2, 1, 3, 4, precision="f64"), f.randn(3, 4, 2, precision="f64")],
           precision="f64")
    f.case("linear_3d", F.linear, [f.randn(2, 3, 4), f.randn(5, 4), f.randn(5)])
    f.case("linear_no_bias", F.linear, [f.randn(6, 4), f.randn(3, 4)])
    f.case("linear_1d", F.linear, [f.randn(4), f.randn(3, 4), f.randn(3)])
    f.case("linear_f64", F.linear,
           [f.randn(2, 2, 3, precision="f64"), f.randn(4, 3, precision="f64"),
            f.randn(4, precision="f64")], precision="f64")


def vision_cases(f):
    f.case("conv2d_groups", lambda x, w: F.conv2d(x, w, padding=1, groups=2),
           [f.randn(2, 4, 5, 5), f.randn(6, 2, 3, 3)])
    f.case("conv2d_depthwise", lambda x, w: F.conv2d(x, w, stride=2, groups=3),
           [f.randn(1, 3, 6, 6), f.randn(3, 1, 3, 3)])
    f.case("conv2d_dilated", lambda x, w: F.conv2d(x, w, padding=2, dilation=2),
           [f.randn(1, 2, 7, 7), f.randn(3, 2, 3, 3)])
    f.case("conv2d_dilated_grouped", lambda x, w: F.conv2d(x, w, stride=(1, 2), padding=(1, 2),
                                                           dilation=(1, 2), groups=2),
           [f.randn(2, 4, 6, 7), f.randn(4, 2, 3, 3)])
    # Ceil mode: 6 → 3 rows (floor: 2).
    f.case("max_pool2d_ceil", lambda x: F.max_pool2d(x, 3, 2, 0, ceil_mode=True),
           [f.randn(1, 2, 6, 6)])
    # Ceil mode with padding: the last window reaches past the right padding,
    # which PyTorch's count_include_pad divisor does not count.
    f.case("avg_pool2d_ceil", lambda x: F.avg_pool2d(x, 3, 2, 1, ceil_mode=True),
           [f.randn(1, 2, 6, 6)])
    f.case("avg_pool2d_exclude_pad",
           lambda x: F.avg_pool2d(x, 3, 2, 1, count_include_pad=False), [f.randn(1, 2, 5, 5)])
    f.case("avg_pool2d_ceil_exclude_pad",
           lambda x: F.avg_pool2d(x, (3, 2), (2, 2), (1, 1), ceil_mode=True,
                                  count_include_pad=False), [f.randn(2, 1, 6, 7)])
    f.case("adaptive_avg_pool2d_3x3", lambda x: F.adaptive_avg_pool2d(x, (3, 3)),
           [f.randn(2, 3, 7, 7)])
    f.case("adaptive_avg_pool2d_2x3", lambda x: F.adaptive_avg_pool2d(x, (2, 3)),
           [f.randn(2, 2, 5, 7)])
    f.case("adaptive_avg_pool2d_global", lambda x: F.adaptive_avg_pool2d(x, (1, 1)),
           [f.randn(2, 3, 5, 4)])
    f.case("adaptive_avg_pool2d_f64", lambda x: F.adaptive_avg_pool2d(x, (3, 3)),
           [f.randn(1, 2, 7, 7, precision="f64")], precision="f64")
    # 1x1 convolutions run as batched products (dl-decompose).
    f.case("conv2d_1x1", F.conv2d, [f.randn(2, 3, 4, 5), f.randn(6, 3, 1, 1)])


def main():
    f = Family("linear", seed=7)
    linear_cases(f)
    vision_cases(f)
    f.done()


if __name__ == "__main__":
    main()
