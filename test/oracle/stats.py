#!/usr/bin/python3
"""PyTorch references for the Statistics family (mean, amin, argmax,
logsumexp, var): test/fixtures/oracle/stats/, checked by
test/unit/compiler/StatisticsOpsTest.cpp. Run: /usr/bin/python3 test/oracle/stats.py
"""
import torch

from oracle import Family

INF = float("inf")


def main():
    f = Family("stats", seed=7)

    # mean
    f.case("mean_dim1", lambda x: x.mean(1), [f.randn(3, 5)])
    f.case("mean_dims02_keepdim", lambda x: x.mean((0, 2), keepdim=True), [f.randn(2, 3, 4)])
    f.case("mean_all_f64", lambda x: x.mean((0, 1)), [f.randn(4, 3, precision="f64")],
           precision="f64")

    # amin: ties share the gradient evenly
    x = f.randn(4, 5)
    x[0, 1] = x[0, 3] = -3.0          # a tie for the row minimum
    x[2, :] = 0.5                      # the whole row ties
    x[3, 0] = x[3, 4] = x[3, 2] = -2.5  # a three-way tie
    f.case("amin_ties", lambda x: torch.amin(x, 1), [x])
    y = f.randn(2, 3, 4)
    y[1, 0, 0] = y[1, 2, 3] = -4.0     # a tie across both reduced axes
    f.case("amin_dims12_keepdim", lambda x: torch.amin(x, (1, 2), keepdim=True), [y])

    # argmax: ties go to the first index; the result is int64
    a = f.randn(4, 5)
    a[0, 1] = a[0, 3] = 5.0
    a[1, :] = -1.0
    a[2, 4] = a[2, 0] = 7.0
    f.case("argmax_ties", lambda x: torch.argmax(x, 1), [a])
    f.case("argmax_dim0_keepdim", lambda x: torch.argmax(x, 0, keepdim=True), [a])
    b = f.randn(2, 3, 4)
    b[:, 1, :] = 3.0  # ties along the middle axis
    f.case("argmax_middle", lambda x: torch.argmax(x, 1), [b])

    # logsumexp: large entries, -inf entries, an all -inf slice (-inf; its
    # gradient is NaN in PyTorch and here)
    l = f.randn(4, 6, scale=3.0)
    l[0, :] = l[0, :] + 300.0
    l[1, :] = l[1, :] - 300.0
    f.case("logsumexp_large", lambda x: torch.logsumexp(x, 1), [f.exact(l)])
    m = f.randn(3, 4)
    m[0, 2] = -INF
    m[1, 0] = m[1, 3] = -INF
    m[2, :] = -INF
    f.case("logsumexp_neginf", lambda x: torch.logsumexp(x, 1), [m])
    f.case("logsumexp_dims02_keepdim", lambda x: torch.logsumexp(x, (0, 2), keepdim=True),
           [f.randn(2, 3, 4)])
    f.case("logsumexp_f64", lambda x: torch.logsumexp(x, 1), [f.randn(3, 5, precision="f64")],
           precision="f64")

    # var: correction (1 = unbiased, 0 = population), keepdim, a large mean
    f.case("var_dim1", lambda x: torch.var(x, 1), [f.randn(4, 6)])
    f.case("var_dims02_correction0_keepdim",
           lambda x: torch.var(x, (0, 2), correction=0, keepdim=True), [f.randn(2, 3, 4)])
    f.case("var_large_mean", lambda x: torch.var(x, 1), [f.exact(f.randn(3, 8) + 1000.0)])
    f.case("var_correction2_f64", lambda x: torch.var(x, (0, 1), correction=2),
           [f.randn(3, 4, precision="f64")], precision="f64")
    f.done()


if __name__ == "__main__":
    main()
