import type { LessonNotes } from './types';

/** Speaker notes for #/backprop, one entry per step (titles equal to the lesson's). */
const notes: LessonNotes = [
  {
    title: 'The forward pass',
    points: [
      'Introduce the whole network on one screen: a 7×7 input X, one 3×3 kernel W and a bias of −1 make a 5×5 map net, which pooling shrinks to the output.',
      'Click a few cells of net so the class trusts the arithmetic. With max pooling and 3×3 windows, stride 2 (the default), the 2×2 output reads 7, 4, 9, 9.',
      'Say once that the sum is written as correlation, like TensorFlow; the lecture\'s convolution would only flip W.',
      'The settings chosen here (pooling, window, ReLU) stay in the address and carry into every later step.',
    ],
    numbers: [
      { value: '7×7 input ⋆ 3×3 kernel → 5×5 net', source: 'computed: 7 − 3 + 1 = 5' },
      { value: '3×3 pooling, stride 2: 5×5 → 2×2', source: 'computed by the app' },
    ],
  },
  {
    title: 'Pick an error at the output',
    points: [
      'Backpropagation starts from ∂J/∂out. Click an output cell and type its error, or switch the loss to squared error, where the error is out − t.',
      'Define the sensitivity as the lecture does, δ = −∂J/∂net; the minus sign is what makes the update read w ← w + η·δ·x.',
      'Warn about the two signs: the grids show δ with the lecture\'s sign, while ∂J/∂W and ∂J/∂b keep TensorFlow\'s.',
    ],
    numbers: [
      { value: 'error 1 at every output by default (J = Σ out)', source: 'the app\'s default errors' },
    ],
  },
  {
    title: 'Back through max pooling',
    points: [
      'With 2×2 windows and stride 2, each output\'s δ goes to its window\'s winner, the outlined cell; the other cells of the window get 0.',
      'This is the lecture\'s "indices built during the max operation": the forward pass remembers the winner, the backward pass uses it.',
      'Point at the last row and column of the 5×5 map: no window covers them, so they never reach the output and their δ is 0.',
    ],
    numbers: [
      { value: '4 of the 25 net cells receive any error', source: 'computed by the app (2×2 windows, stride 2)' },
    ],
  },
  {
    title: 'Overlapping pools add up',
    points: [
      'Now 3×3 windows with stride 2, as in AlexNet and the lecture\'s CIFAR-10 net. The 9 in row 4 wins both bottom windows.',
      'Select it: the two outputs that feed it are shown and its δ is their sum, −2 with the default errors of 1.',
      'Change one of those outputs\' errors and watch the sum follow. This is the lecture\'s rule for overlapping pooling regions.',
    ],
    numbers: [
      { value: 'δ = −1 + (−1) = −2 at the 9', source: 'computed by the app (errors of 1 at every output)' },
      { value: 'only 3 net cells receive error', source: 'computed by the app (3×3 windows, stride 2)' },
    ],
  },
  {
    title: 'Average pooling spreads evenly',
    points: [
      'No winner now: every cell of a window gets an equal share, the output\'s δ divided by the window size.',
      'Switch the window to 3×3, stride 2: the middle row and column collect shares from two or four windows.',
      'Contrast with the previous two steps: max pooling blames one cell, average pooling blames everyone a little.',
    ],
    numbers: [
      { value: '1/4 of δ per cell for 2×2 windows, 1/9 for 3×3', source: 'computed: each cell weighs 1/n in the mean' },
    ],
  },
  {
    title: 'Back through the convolution',
    points: [
      'Tick the ReLU in the settings: δ now survives only where net was positive and is cut to 0 elsewhere.',
      'Each weight touched every cell of net, so ∂J/∂W[m, n] sums input × ∂J/∂net over all 25 positions. Select a cell of ∂J/∂W to see the sum written out.',
      'The bias gradient is just the total of ∂J/∂net; the input\'s δ is a full convolution of δ with W, the kernel turned by 180°.',
      'The lecture\'s remark: inside the convolution layer this is the same bookkeeping as in an ordinary multilayer network.',
    ],
    numbers: [
      { value: '25 terms in each weight gradient', source: 'computed: one per cell of the 5×5 net map' },
      { value: '9 weights + 1 bias to update', source: 'computed: one 3×3 kernel and its bias' },
    ],
  },
  {
    title: 'Checked against TensorFlow.js',
    points: [
      'The page rebuilds the same network with tf.conv2d, tf.relu, tf.maxPool or tf.avgPool and the same loss, and asks tf.grads for ∂J/∂X, ∂J/∂W and ∂J/∂b.',
      'Show the tick and the largest difference; change the pooling or an error and the check runs again.',
      'Why bother: every number in this lesson came from small plain TypeScript functions, and TensorFlow agrees with them to float32 rounding.',
    ],
    numbers: [
      { value: 'passes when the largest difference is below 1e-4', source: 'the app\'s check (src/lessons/backprop/TfCheck.tsx)' },
    ],
  },
];

export default notes;
