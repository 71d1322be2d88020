#!/usr/bin/python3
"""PyTorch references for the Normalization family (layer_norm, batch_norm):
test/fixtures/oracle/norm/, checked by
test/unit/compiler/NormalizationOpsTest.cpp. Run: /usr/bin/python3 test/oracle/norm.py

batch_norm's running statistics are buffers PyTorch updates in place (under
no_grad); the *_running_mean / *_running_var cases store the buffer after one
call as the output.
"""
import torch
import torch.nn.functional as F

from oracle import Family


def running_after(which, training, momentum=0.1, eps=1e-5):
    """The running_mean (which=0) or running_var (which=1) buffer after one
    F.batch_norm call."""
    def fn(x, rm, rv, w, b):
        buffers = [rm.clone(), rv.clone()]
        F.batch_norm(x, buffers[0], buffers[1], w, b, training, momentum, eps)
        return buffers[which]
    return fn


def main():
    f = Family("norm", seed=11)

    # layer_norm: affine, plain, 3-D input normalized over 2 dims, only a bias
    f.case("layer_norm_affine", lambda x, w, b: F.layer_norm(x, (6,), w, b),
           [f.randn(4, 6), f.randn(6), f.randn(6)])
    f.case("layer_norm_plain", lambda x: F.layer_norm(x, (6,)), [f.randn(4, 6, scale=3.0)])
    f.case("layer_norm_3d_2dims", lambda x, w, b: F.layer_norm(x, (3, 4), w, b),
           [f.randn(2, 3, 4), f.randn(3, 4), f.randn(3, 4)])
    f.case("layer_norm_bias_only_eps", lambda x, b: F.layer_norm(x, (5,), None, b, eps=1e-2),
           [f.randn(3, 5), f.randn(5)])
    f.case("layer_norm_large_mean", lambda x, w: F.layer_norm(x, (8,), w),
           [f.exact(f.randn(3, 8) + 500.0), f.randn(8)])
    f.case("layer_norm_f64", lambda x, w, b: F.layer_norm(x, (2, 3), w, b),
           [f.randn(2, 2, 3, precision="f64"), f.randn(2, 3, precision="f64"),
            f.randn(2, 3, precision="f64")], precision="f64")

    # batch_norm: (N, C), (N, C, L), (N, C, H, W); training and inference.
    # Running stats do not get gradients (grad False for inputs 1 and 2).
    def bn_inputs(*shape, precision="f32"):
        c = shape[1]
        return [f.randn(*shape, precision=precision),
                f.randn(c, scale=0.5, precision=precision),
                f.uniform((c,), 0.5, 2.0, precision=precision),
                f.randn(c, precision=precision), f.randn(c, precision=precision)]
    differentiate = [True, False, False, True, True]
    train = lambda x, rm, rv, w, b: F.batch_norm(x, rm.clone(), rv.clone(), w, b, True, 0.1, 1e-5)
    infer = lambda x, rm, rv, w, b: F.batch_norm(x, rm, rv, w, b, False, 0.1, 1e-5)
    f.case("batch_norm_train_2d", train, bn_inputs(6, 3), grad=differentiate)
    f.case("batch_norm_train_3d", train, bn_inputs(4, 3, 5), grad=differentiate)
    f.case("batch_norm_train_4d", train, bn_inputs(2, 3, 4, 4), grad=differentiate)
    f.case("batch_norm_eval_4d", infer, bn_inputs(2, 3, 4, 4), grad=differentiate)
    f.case("batch_norm_eval_2d", infer, bn_inputs(5, 4), grad=differentiate)
    f.case("batch_norm_train_f64", train, bn_inputs(3, 2, 5, precision="f64"),
           grad=differentiate, precision="f64")
    f.case("batch_norm_train_no_affine",
           lambda x, rm, rv: F.batch_norm(x, rm.clone(), rv.clone(), None, None, True, 0.1, 1e-5),
           bn_inputs(4, 3, 5)[:3], grad=[True, False, False])

    # The buffers after one training call: mean moves by momentum towards the
    # batch mean, var towards the *unbiased* batch variance.
    no_grad = [False] * 5
    f.case("batch_norm_train_running_mean", running_after(0, True), bn_inputs(4, 3, 5),
           grad=no_grad)
    f.case("batch_norm_train_running_var", running_after(1, True), bn_inputs(4, 3, 5),
           grad=no_grad)
    f.case("batch_norm_train_running_var_momentum_4d", running_after(1, True, momentum=0.3),
           bn_inputs(2, 3, 2, 3), grad=no_grad)
    f.case("batch_norm_eval_running_var", running_after(1, False), bn_inputs(4, 3),
           grad=no_grad)
    f.done()


if __name__ == "__main__":
    main()
