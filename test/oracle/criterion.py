#!/usr/bin/python3
"""PyTorch references for the Criterion family (losses, d2l's masked softmax)
and for softmax/log_softmax on a middle axis and with -inf entries:
test/fixtures/oracle/criterion/, checked by
test/unit/compiler/CriterionOpsTest.cpp. Run: /usr/bin/python3 test/oracle/criterion.py
"""
import torch
import torch.nn.functional as F

from oracle import Family


# -- d2l's functions, written out as the book has them (d2l.ai, 11.3 and 10.7) --
def sequence_mask(X, valid_len, value=0):
    maxlen = X.size(1)
    mask = torch.arange((maxlen), dtype=torch.float32, device=X.device)[None, :] < valid_len[:, None]
    X[~mask] = value
    return X


def masked_softmax(X, valid_lens):
    if valid_lens is None:
        return F.softmax(X, dim=-1)
    shape = X.shape
    if valid_lens.dim() == 1:
        valid_lens = torch.repeat_interleave(valid_lens, shape[1])
    else:
        valid_lens = valid_lens.reshape(-1)
    # clone(): the book masks its own intermediate in place; here X is the
    # fixture's leaf, which autograd does not let us modify in place.
    X = sequence_mask(X.reshape(-1, shape[-1]).clone(), valid_lens, value=-1e6)
    return F.softmax(X.reshape(shape), dim=-1)


def masked_softmax_prefix(X, valid_lens):
    """dlc's generalisation to any rank: valid_lens is a leading part of X's
    shape, the length of row (i0, ..., in-2) is valid_lens[i0, ..., ir-1]."""
    k = torch.arange(X.shape[-1])
    lens = valid_lens.reshape(valid_lens.shape + (1,) * (X.dim() - valid_lens.dim()))
    return F.softmax(X.masked_fill(~(k < lens), -1e6), dim=-1)


def masked_softmax_ce(pred, label, weights):
    """d2l's MaskedSoftmaxCELoss.forward with pred already (B, V, T) (the book
    permutes (B, T, V) to it) and the mask sequence_mask(ones, valid_len)."""
    unweighted_loss = F.cross_entropy(pred, label.long(), reduction="none")
    return (unweighted_loss * weights).mean(dim=1)


def main():
    f = Family("criterion", seed=7)
    ce = lambda **kw: (lambda x, y: F.cross_entropy(x, y.long(), **kw))
    cew = lambda **kw: (lambda x, y, w: F.cross_entropy(x, y.long(), weight=w, **kw))
    nograd_w = [True, False, False]

    # cross_entropy
    f.case("ce_mean", ce(), [f.randn(6, 5, scale=2.0), f.randint((6,), 0, 5)])
    big = f.randn(4, 5, scale=300.0)
    big[0, 2] = 300.0
    big[1, 0] = -300.0
    f.case("ce_large_logits", ce(), [big, torch.tensor([2, 0, 4, 1], dtype=torch.int32)])
    f.case("ce_ignore_index", ce(), [f.randn(6, 5), torch.tensor([1, -100, 4, 0, -100, 3])])
    f.case("ce_ignore_index_2_sum", ce(ignore_index=2, reduction="sum"),
           [f.randn(5, 4), torch.tensor([2, 1, 2, 3, 0], dtype=torch.int32)])
    w5 = f.uniform((5,), 0.5, 2.0)
    f.case("ce_weight_mean", cew(), [f.randn(6, 5), torch.tensor([1, -100, 4, 4, 0, 2]), w5],
           grad=nograd_w)
    f.case("ce_weight_none", cew(reduction="none"),
           [f.randn(6, 5), torch.tensor([1, -100, 4, 4, 0, 2]), w5], grad=nograd_w)
    f.case("ce_smoothing_mean", ce(label_smoothing=0.1),
           [f.randn(6, 5, scale=2.0), torch.tensor([0, 3, -100, 4, 1, 1])])
    f.case("ce_smoothing_weight_mean", cew(label_smoothing=0.1),
           [f.randn(6, 5, scale=2.0), torch.tensor([0, 3, -100, 4, 1, 1]), w5], grad=nograd_w)
    f.case("ce_smoothing_weight_none", cew(label_smoothing=0.1, reduction="none"),
           [f.randn(6, 5, scale=2.0), torch.tensor([0, 3, -100, 4, 1, 1]), w5], grad=nograd_w)
    f.case("ce_3d_none", ce(reduction="none"), [f.randn(2, 5, 4), f.randint((2, 4), 0, 5)])
    f.case("ce_3d_mean", ce(), [f.randn(2, 5, 4), f.randint((2, 4), 0, 5, torch.int32)])
    f.case("ce_3d_sum_smoothing_weight", cew(reduction="sum", label_smoothing=0.1),
           [f.randn(2, 5, 3), torch.tensor([[0, 4, -100], [2, 2, 1]]), w5], grad=nograd_w)
    f.case("ce_unbatched", ce(), [f.randn(5), torch.tensor(3)])
    f.case("ce_f64", ce(), [f.randn(4, 6, precision="f64"), f.randint((4,), 0, 6)],
           precision="f64")
    valid_len = torch.tensor([3, 1])
    mask = sequence_mask(torch.ones(2, 4), valid_len).double()
    f.case("ce_d2l_masked", masked_softmax_ce,
           [f.randn(2, 5, 4), f.randint((2, 4), 0, 5), mask], grad=[True, False, False])

    # nll_loss
    nl = lambda **kw: (lambda x, y: F.nll_loss(x, y.long(), **kw))
    nlw = lambda **kw: (lambda x, y, w: F.nll_loss(x, y.long(), weight=w, **kw))
    f.case("nll_mean", nl(), [torch.log_softmax(f.randn(6, 5), 1), f.randint((6,), 0, 5)])
    f.case("nll_weight_ignore_mean", nlw(),
           [f.randn(6, 5), torch.tensor([1, -100, 4, 4, 0, 2], dtype=torch.int32), w5],
           grad=nograd_w)
    f.case("nll_weight_sum", nlw(reduction="sum"),
           [f.randn(6, 5), torch.tensor([1, 3, 4, 4, 0, 2]), w5], grad=nograd_w)
    f.case("nll_3d_none", nl(reduction="none", ignore_index=0),
           [f.randn(2, 5, 4), f.randint((2, 4), 0, 5)])

    # mse_loss
    for r in ["mean", "sum", "none"]:
        f.case(f"mse_{r}", lambda x, y, r=r: F.mse_loss(x, y, reduction=r),
               [f.randn(3, 4), f.randn(3, 4)])
    f.case("mse_f64", F.mse_loss, [f.randn(2, 3, 2, precision="f64"),
                                   f.randn(2, 3, 2, precision="f64")], precision="f64")

    # binary_cross_entropy_with_logits
    bce = F.binary_cross_entropy_with_logits
    f.case("bce_mean", bce, [f.randn(4, 3, scale=3.0), f.uniform((4, 3), 0.0, 1.0)])
    f.case("bce_pos_weight", lambda x, t, p: bce(x, t, pos_weight=p),
           [f.randn(4, 3, scale=3.0), f.uniform((4, 3), 0.0, 1.0), f.uniform((3,), 0.5, 3.0)],
           grad=[True, True, False])
    f.case("bce_weight_none", lambda x, t, w: bce(x, t, weight=w, reduction="none"),
           [f.randn(4, 3, scale=3.0), f.uniform((4, 3), 0.0, 1.0), f.uniform((4, 1), 0.5, 2.0)],
           grad=[True, True, False])
    big = f.randn(2, 4, scale=100.0)
    big[0, :] = torch.tensor([300.0, -300.0, 40.0, -40.0])
    hard = torch.tensor([[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.0]])
    f.case("bce_large_pos_weight_weight_sum",
           lambda x, t, w, p: bce(x, t, weight=w, pos_weight=p, reduction="sum"),
           [big, hard, f.uniform((2, 4), 0.5, 2.0), f.uniform((4,), 0.5, 3.0)],
           grad=[True, True, False, False])
    f.case("bce_f64", lambda x, t, p: bce(x, t, pos_weight=p),
           [f.randn(3, 4, precision="f64"), f.uniform((3, 4), 0.0, 1.0, precision="f64"),
            f.uniform((4,), 0.5, 3.0, precision="f64")], precision="f64", grad=[True, True, False])

    # d2l's masked_softmax
    f.case("masked_softmax_1d", masked_softmax, [f.randn(2, 3, 5), torch.tensor([0, 3])])
    f.case("masked_softmax_2d", masked_softmax,
           [f.randn(2, 3, 5), torch.tensor([[1, 5, 0], [2, 4, 3]], dtype=torch.int32)])
    f.case("masked_softmax_none", lambda x: masked_softmax(x, None), [f.randn(2, 3, 4)])
    f.case("masked_softmax_rank4_prefix2", masked_softmax_prefix,
           [f.randn(2, 2, 3, 4), torch.tensor([[1, 0], [4, 2]])])
    f.case("masked_softmax_rank2", masked_softmax_prefix, [f.randn(3, 4), torch.tensor([2, 0, 4])])

    # softmax / log_softmax (core ops) on a middle axis and with -inf entries
    f.case("softmax_mid_axis", lambda x: torch.softmax(x, 1), [f.randn(2, 4, 3)])
    f.case("log_softmax_mid_axis", lambda x: torch.log_softmax(x, 1), [f.randn(2, 4, 3)])
    inf = f.randn(3, 4)
    inf[0, 1] = inf[1, 0] = inf[1, 3] = float("-inf")
    f.case("softmax_neg_inf", lambda x: torch.softmax(x, 1), [inf])
    f.case("log_softmax_neg_inf", lambda x: torch.log_softmax(x, 1), [inf])
    # Appended last so that adding them left the earlier fixtures unchanged.
    # -inf logits of other classes (a vocabulary mask) and in an ignored
    # row: PyTorch picks the target's log-probability, so the loss is finite.
    masked = f.randn(4, 5)
    masked[0, 1] = masked[1, 3] = masked[1, 4] = float("-inf")
    masked[2, :] = float("-inf")
    f.case("ce_neg_inf_logits", ce(), [masked, torch.tensor([2, 0, -100, 4])])
    logp = torch.log_softmax(f.randn(3, 4), 1)
    logp[0, 0] = logp[2, 1] = logp[2, 3] = float("-inf")  # log of probability 0
    f.case("nll_neg_inf", nl(reduction="sum"), [logp, torch.tensor([2, 3, 0])])
    f.done()


if __name__ == "__main__":
    main()
