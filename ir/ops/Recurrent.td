//===- Recurrent.td - rnn, gru, lstm on oneDNN -----------------*- tablegen -*-===//
//
// Generated on its own (dlc_op_family(Recurrent)); shape rules in
// ir/shape/Recurrent.cpp, verifiers, VJPs and decompositions in
// ir/ops/Recurrent.cpp, C++ header ir/ops/RecurrentOps.h.
//
// One op = one layer, one or two directions, in the shapes of the runtime
// kernels (runtime/abi/Kernels.def: rnn_fwd, rnn_bwd, lstm_fwd, lstm_bwd):
//   x (T, B, F)   h0, c0, hn, cn (D, B, H)   y (T, B, D·H)
//   w_ih (D, G·H, F)   w_hh (D, G·H, H)   b_ih, b_hh (D, G·H)
// D = 1 or 2 directions (direction 1 is PyTorch's `_reverse` parameters),
// G the gates (rnn 1, gru 3: r, z, n; lstm 4: i, f, g, o, PyTorch's order).
//
//===----------------------------------------------------------------------===//
#ifndef DLC_IR_OPS_RECURRENT_TD
#define DLC_IR_OPS_RECURRENT_TD

include "ir/DLBase.td"

defvar DL_RnnNonlinearity = DefaultValuedStrAttr<StrAttr, "tanh">;
defvar DL_RecurrentFormat = "$x `,` $h0 `,` $w_ih `,` $w_hh `,` $b_ih `,` $b_hh";

def DL_RnnOp : DL_Op<"rnn", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["x", "h0", "w_ih", "w_hh", "b_ih", "b_hh", "y", "hn"]>,
    DL_Differentiable, DL_Decomposable]> {
  let summary = "Elman RNN layer, tanh or relu (PyTorch `nn.RNN`, one layer).";
  let description = [{
    h_t = act(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh) over t = 0..T-1, with
    act = `nonlinearity` (tanh, the default, or relu); with D = 2 a second
    direction runs from t = T-1 down to 0 and y holds (forward, reverse)
    halves. Decomposes into `dl.rnn_with_workspace` (inference); its VJP
    swaps in the training form and `dl.rnn_backward`. oneDNN serves f32.
    ```mlir
    %y, %hn = dl.rnn %x, %h0, %wih, %whh, %bih, %bhh nonlinearity = "relu"
        : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
           tensor<1x3xf32>, tensor<1x3xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>)
    ```
  }];
  let arguments = (ins DL_FloatTensor:$x, DL_FloatTensor:$h0, DL_FloatTensor:$w_ih,
                       DL_FloatTensor:$w_hh, DL_FloatTensor:$b_ih, DL_FloatTensor:$b_hh,
                       DL_RnnNonlinearity:$nonlinearity);
  let results = (outs DL_FloatTensor:$y, DL_FloatTensor:$hn);
  let assemblyFormat = !strconcat(DL_RecurrentFormat,
    " (`nonlinearity` `=` $nonlinearity^)? attr-dict `:` functional-type(operands, results)");
  let hasVerifier = 1;
}

def DL_GruOp : DL_Op<"gru", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["x", "h0", "w_ih", "w_hh", "b_ih", "b_hh", "y", "hn"]>,
    DL_Differentiable, DL_Decomposable]> {
  let summary = "GRU layer (PyTorch `nn.GRU`, one layer).";
  let description = [{
    PyTorch's GRU (gates r, z, n): r = σ(W_ir x + b_ir + W_hr h + b_hr),
    z likewise, n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),
    h' = (1 - z) ⊙ n + z ⊙ h: oneDNN's linear-before-reset GRU.
    ```mlir
    %y, %hn = dl.gru %x, %h0, %wih, %whh, %bih, %bhh
        : (tensor<5x2x4xf32>, tensor<2x2x3xf32>, tensor<2x9x4xf32>, tensor<2x9x3xf32>,
           tensor<2x9xf32>, tensor<2x9xf32>) -> (tensor<5x2x6xf32>, tensor<2x2x3xf32>)
    ```
  }];
  let arguments = (ins DL_FloatTensor:$x, DL_FloatTensor:$h0, DL_FloatTensor:$w_ih,
                       DL_FloatTensor:$w_hh, DL_FloatTensor:$b_ih, DL_FloatTensor:$b_hh);
  let results = (outs DL_FloatTensor:$y, DL_FloatTensor:$hn);
  let assemblyFormat = !strconcat(DL_RecurrentFormat,
    " attr-dict `:` functional-type(operands, results)");
}

def DL_LstmOp : DL_Op<"lstm", [Pure, InferTypeOpAdaptor,
    AllElementTypesMatch<["x", "h0", "c0", "w_ih", "w_hh", "b_ih", "b_hh", "y", "hn", "cn"]>,
    DL_Differentiable, DL_Decomposable]> {
  let summary = "LSTM layer (PyTorch `nn.LSTM`, one layer, no projection).";
  let description = [{
    Gates i, f, g, o (PyTorch's order): c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c').
    ```mlir
    %y, %hn, %cn = dl.lstm %x, %h0, %c0, %wih, %whh, %bih, %bhh
        : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x12x4xf32>,
           tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>)
        -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
    ```
  }];
  let arguments = (ins DL_FloatTensor:$x, DL_FloatTensor:$h0, DL_FloatTensor:$c0,
                       DL_FloatTensor:$w_ih, DL_FloatTensor:$w_hh, DL_FloatTensor:$b_ih,
                       DL_FloatTensor:$b_hh);
  let results = (outs DL_FloatTensor:$y, DL_FloatTensor:$hn, DL_FloatTensor:$cn);
  let assemblyFormat = "$x `,` $h0 `,` $c0 `,` $w_ih `,` $w_hh `,` $b_ih `,` $b_hh "
                       "attr-dict `:` functional-type(operands, results)";
}

def DL_RnnWithWorkspaceOp : DL_Op<"rnn_with_workspace", [Pure, InferTypeOpAdaptor,
    DL_RuntimeKernel]> {
  let summary = "Backend form of rnn and gru: the kernel rnn_fwd, with its workspace.";
  let description = [{
    `cell` is `rnn_tanh`, `rnn_relu` or `gru`. With `training` the
    workspace (opaque bytes, sized by rnnWorkspaceBytes in
    runtime/abi/RnnWorkspace.h) holds what `dl.rnn_backward` reads; without,
    it is one ignored byte (inference).
    ```mlir
    %y, %hn, %ws = dl.rnn_with_workspace %x, %h0, %wih, %whh, %bih, %bhh cell = "gru" training
        : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x9x4xf32>, tensor<1x9x3xf32>,
           tensor<1x9xf32>, tensor<1x9xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<93184xi8>)
    ```
  }];
  let arguments = (ins DL_FloatTensor:$x, DL_FloatTensor:$h0, DL_FloatTensor:$w_ih,
                       DL_FloatTensor:$w_hh, DL_FloatTensor:$b_ih, DL_FloatTensor:$b_hh,
                       StrAttr:$cell, UnitAttr:$training);
  let results = (outs DL_FloatTensor:$y, DL_FloatTensor:$hn,
                      StaticShapeTensorOf<[I8]>:$workspace);
  let assemblyFormat = !strconcat(DL_RecurrentFormat,
    " `cell` `=` $cell (`training` $training^)? attr-dict `:` functional-type(operands, results)");
}

def DL_LstmWithWorkspaceOp : DL_Op<"lstm_with_workspace", [Pure, InferTypeOpAdaptor,
    DL_RuntimeKernel]> {
  let summary = "Backend form of lstm: the kernel lstm_fwd, with its workspace.";
  let description = [{
    As `dl.rnn_with_workspace`, for `dl.lstm`.
  }];
  let arguments = (ins DL_FloatTensor:$x, DL_FloatTensor:$h0, DL_FloatTensor:$c0,
                       DL_FloatTensor:$w_ih, DL_FloatTensor:$w_hh, DL_FloatTensor:$b_ih,
                       DL_FloatTensor:$b_hh, UnitAttr:$training);
  let results = (outs DL_FloatTensor:$y, DL_FloatTensor:$hn, DL_FloatTensor:$cn,
                      StaticShapeTensorOf<[I8]>:$workspace);
  let assemblyFormat = "$x `,` $h0 `,` $c0 `,` $w_ih `,` $w_hh `,` $b_ih `,` $b_hh "
                       "(`training` $training^)? attr-dict `:` functional-type(operands, results)";
}

def DL_RnnBackwardOp : DL_Op<"rnn_backward", [Pure, InferTypeOpAdaptor, DL_RuntimeKernel]> {
  let summary = "Backward-only: gradients of rnn / gru (kernel rnn_bwd).";
  let description = [{
    Reads the training forward's y, hn and workspace and the cotangents dy,
    dhn; returns dx, dh0, dw_ih, dw_hh, db_ih, db_hh (the operands' types).
  }];
  let arguments = (ins DL_FloatTensor:$x, DL_FloatTensor:$h0, DL_FloatTensor:$w_ih,
                       DL_FloatTensor:$w_hh, DL_FloatTensor:$b_ih, DL_FloatTensor:$b_hh,
                       DL_FloatTensor:$y, DL_FloatTensor:$hn,
                       StaticShapeTensorOf<[I8]>:$workspace, DL_FloatTensor:$dy,
                       DL_FloatTensor:$dhn, StrAttr:$cell);
  let results = (outs DL_FloatTensor:$dx, DL_FloatTensor:$dh0, DL_FloatTensor:$dw_ih,
                      DL_FloatTensor:$dw_hh, DL_FloatTensor:$db_ih, DL_FloatTensor:$db_hh);
  let assemblyFormat = "$x `,` $h0 `,` $w_ih `,` $w_hh `,` $b_ih `,` $b_hh `,` $y `,` $hn `,` "
                       "$workspace `,` $dy `,` $dhn `cell` `=` $cell attr-dict `:` "
                       "functional-type(operands, results)";
}

def DL_LstmBackwardOp : DL_Op<"lstm_backward", [Pure, InferTypeOpAdaptor, DL_RuntimeKernel]> {
  let summary = "Backward-only: gradients of lstm (kernel lstm_bwd).";
  let description = [{
    As `dl.rnn_backward` with the cell state: returns dx, dh0, dc0, dw_ih,
    dw_hh, db_ih, db_hh.
  }];
  let arguments = (ins DL_FloatTensor:$x, DL_FloatTensor:$h0, DL_FloatTensor:$c0,
                       DL_FloatTensor:$w_ih, DL_FloatTensor:$w_hh, DL_FloatTensor:$b_ih,
                       DL_FloatTensor:$b_hh, DL_FloatTensor:$y, DL_FloatTensor:$hn,
                       DL_FloatTensor:$cn, StaticShapeTensorOf<[I8]>:$workspace,
                       DL_FloatTensor:$dy, DL_FloatTensor:$dhn, DL_FloatTensor:$dcn);
  let results = (outs DL_FloatTensor:$dx, DL_FloatTensor:$dh0, DL_FloatTensor:$dc0,
                      DL_FloatTensor:$dw_ih, DL_FloatTensor:$dw_hh, DL_FloatTensor:$db_ih,
                      DL_FloatTensor:$db_hh);
  let assemblyFormat = "$x `,` $h0 `,` $c0 `,` $w_ih `,` $w_hh `,` $b_ih `,` $b_hh `,` $y `,` "
                       "$hn `,` $cn `,` $workspace `,` $dy `,` $dhn `,` $dcn attr-dict `:` "
                       "functional-type(operands, results)";
}

#endif // DLC_IR_OPS_RECURRENT_TD
