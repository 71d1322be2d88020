// RUN: dlc-opt %s -split-input-file -verify-diagnostics

// Shape rule and verifier failures of the Recurrent family: each names the
// operand, the dimension and both sizes.

func.func @rnn$input_features(%x: tensor<5x2x4xf32>, %h: tensor<1x2x3xf32>, %wi: tensor<1x3x5xf32>,
                              %wh: tensor<1x3x3xf32>, %b: tensor<1x3xf32>) {
  // expected-error @+2 {{w_ih of shape [1, 3, 5] must be [1, 3, 4]: dim 2 (input features) is 5, expected 4}}
  // expected-error @+1 {{'dl.rnn' op failed to infer returned types}}
  %y, %hn = dl.rnn %x, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x5xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>)
  return
}

// -----

func.func @gru$gate_rows(%x: tensor<5x2x4xf32>, %h: tensor<1x2x3xf32>, %wi: tensor<1x3x4xf32>,
                         %wh: tensor<1x3x3xf32>, %b: tensor<1x3xf32>) {
  // expected-error @+2 {{w_ih of shape [1, 3, 4] must be [1, 9, 4]: dim 1 (gates*hidden = 3*3) is 3, expected 9}}
  // expected-error @+1 {{'dl.gru' op failed to infer returned types}}
  %y, %hn = dl.gru %x, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>)
  return
}

// -----

func.func @lstm$batch(%x: tensor<5x2x4xf32>, %h: tensor<1x3x3xf32>, %wi: tensor<1x12x4xf32>,
                      %wh: tensor<1x12x3xf32>, %b: tensor<1x12xf32>) {
  // expected-error @+2 {{h0 of shape [1, 3, 3] must be [1, 2, 3]: dim 1 (batch, from x) is 3, expected 2}}
  // expected-error @+1 {{'dl.lstm' op failed to infer returned types}}
  %y, %hn, %cn = dl.lstm %x, %h, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<1x3x3xf32>, tensor<1x3x3xf32>, tensor<1x12x4xf32>,
         tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>)
      -> (tensor<5x2x3xf32>, tensor<1x3x3xf32>, tensor<1x3x3xf32>)
  return
}

// -----

func.func @lstm$cell_state(%x: tensor<5x2x4xf32>, %h: tensor<1x2x3xf32>, %c: tensor<1x2x4xf32>,
                           %wi: tensor<1x12x4xf32>, %wh: tensor<1x12x3xf32>, %b: tensor<1x12xf32>) {
  // expected-error @+2 {{c0 of shape [1, 2, 4] must be [1, 2, 3]: dim 2 (hidden) is 4, expected 3}}
  // expected-error @+1 {{'dl.lstm' op failed to infer returned types}}
  %y, %hn, %cn = dl.lstm %x, %h, %c, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x2x4xf32>, tensor<1x12x4xf32>,
         tensor<1x12x3xf32>, tensor<1x12xf32>, tensor<1x12xf32>)
      -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  return
}

// -----

func.func @rnn$three_directions(%x: tensor<5x2x4xf32>, %h: tensor<3x2x3xf32>, %wi: tensor<3x3x4xf32>,
                                %wh: tensor<3x3x3xf32>, %b: tensor<3x3xf32>) {
  // expected-error @+2 {{h0 of shape [3, 2, 3]: dim 0 (directions) must be 1 or 2, got 3}}
  // expected-error @+1 {{'dl.rnn' op failed to infer returned types}}
  %y, %hn = dl.rnn %x, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<3x2x3xf32>, tensor<3x3x4xf32>, tensor<3x3x3xf32>,
         tensor<3x3xf32>, tensor<3x3xf32>) -> (tensor<5x2x9xf32>, tensor<3x2x3xf32>)
  return
}

// -----

func.func @rnn$bias_rank(%x: tensor<5x2x4xf32>, %h: tensor<1x2x3xf32>, %wi: tensor<1x3x4xf32>,
                         %wh: tensor<1x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{b_ih must have rank 2 [1, 3], got [3]}}
  // expected-error @+1 {{'dl.rnn' op failed to infer returned types}}
  %y, %hn = dl.rnn %x, %h, %wi, %wh, %b, %b
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<3xf32>, tensor<3xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>)
  return
}

// -----

func.func @rnn$nonlinearity(%x: tensor<5x2x4xf32>, %h: tensor<1x2x3xf32>, %wi: tensor<1x3x4xf32>,
                            %wh: tensor<1x3x3xf32>, %b: tensor<1x3xf32>) {
  // expected-error @+1 {{'dl.rnn' op nonlinearity must be "tanh" or "relu", got "sigmoid"}}
  %y, %hn = dl.rnn %x, %h, %wi, %wh, %b, %b nonlinearity = "sigmoid"
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>)
  return
}

// -----

func.func @rnn_with_workspace$cell(%x: tensor<5x2x4xf32>, %h: tensor<1x2x3xf32>, %wi: tensor<1x12x4xf32>,
                                   %wh: tensor<1x12x3xf32>, %b: tensor<1x12xf32>) {
  // expected-error @+2 {{cell must be "rnn_tanh", "rnn_relu" or "gru", got "lstm"}}
  // expected-error @+1 {{'dl.rnn_with_workspace' op failed to infer returned types}}
  %y, %hn, %ws = dl.rnn_with_workspace %x, %h, %wi, %wh, %b, %b cell = "lstm"
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x12x4xf32>, tensor<1x12x3xf32>,
         tensor<1x12xf32>, tensor<1x12xf32>) -> (tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<1xi8>)
  return
}

// -----

func.func @rnn_backward$workspace(%x: tensor<5x2x4xf32>, %h: tensor<1x2x3xf32>, %wi: tensor<1x3x4xf32>,
                                  %wh: tensor<1x3x3xf32>, %b: tensor<1x3xf32>, %y: tensor<5x2x3xf32>,
                                  %ws: tensor<1xi8>) {
  // expected-error @+2 {{workspace has type 'tensor<1xi8>' but the forward gives 'tensor<93184xi8>'}}
  // expected-error @+1 {{'dl.rnn_backward' op failed to infer returned types}}
  %dx, %dh, %dwi, %dwh, %dbi, %dbh = dl.rnn_backward %x, %h, %wi, %wh, %b, %b, %y, %h, %ws, %y, %h
      cell = "rnn_tanh"
      : (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>, tensor<5x2x3xf32>, tensor<1x2x3xf32>, tensor<1xi8>,
         tensor<5x2x3xf32>, tensor<1x2x3xf32>)
      -> (tensor<5x2x4xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
          tensor<1x3xf32>, tensor<1x3xf32>)
  return
}
