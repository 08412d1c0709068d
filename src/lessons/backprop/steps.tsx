import type { LessonStep } from '../../app/LessonFrame';
import { Tex } from '../../app/Tex';
import type { StepPooling } from './settings';

export type BackpropView = 'forward' | 'error' | 'pool' | 'conv' | 'check';
export interface BackpropStep extends LessonStep { view: BackpropView; pooling: StepPooling }

export const BACKPROP_STEPS: BackpropStep[] = [
  {
    title: 'The forward pass',
    view: 'forward',
    pooling: {},
    body: (
      <>
        <p>
          A network small enough to follow every number: a 7 × 7 input X, one 3 × 3 kernel W and a bias b make a 5 × 5
          map <em>net</em>; a pooling layer shrinks it to the output.
        </p>
        <Tex block>{String.raw`net[i,j] = \sum_{m}\sum_{n} X[i+m,\,j+n]\,W[m,n] + b`}</Tex>
        <p>
          The sum is written as correlation, which is what TensorFlow computes; the lecture&apos;s true convolution would
          just flip W. Choose max or average pooling, the window, and whether a ReLU sits between the convolution and
          the pooling: every later step uses the same settings.
        </p>
      </>
    ),
  },
  {
    title: 'Pick an error at the output',
    view: 'error',
    pooling: {},
    body: (
      <>
        <p>
          Backpropagation starts from how much the loss J changes when each output moves, ∂J/∂out. Pick an output cell
          (click it, or focus the grid and use the arrow keys) and type its error, or switch to a squared error against
          targets, where ∂J/∂out = out − t.
        </p>
        <p>The lecture calls the negative of this gradient the <em>sensitivity</em> of a unit:</p>
        <Tex block>{String.raw`\delta = -\frac{\partial J}{\partial net}`}</Tex>
        <p>
          The minus sign makes the weight update read w ← w + η δ x. The grids in this lesson show δ with the
          lecture&apos;s sign; the weight gradients ∂J/∂W and ∂J/∂b keep TensorFlow&apos;s sign.
        </p>
      </>
    ),
  },
  {
    title: 'Back through max pooling',
    view: 'pool',
    pooling: { pool: 'max', window: '2s2' },
    body: (
      <>
        <p>
          A max pool passes on only the largest value of its window, so only that cell could have changed the output.
          On the way back the pool remembers the index of its winner and hands the whole sensitivity to it; every other
          cell of the window gets 0.
        </p>
        <Tex block>{String.raw`\delta^{l}[p,q] = \begin{cases}\delta^{l+1}[k] & \text{if } (p,q) = \operatorname{argmax}_k \\ 0 & \text{otherwise}\end{cases}`}</Tex>
        <p>
          The outlined cells on the left are the winners. With 2 × 2 windows and stride 2 the last row and column of the
          5 × 5 map lie in no window: they never reach the output, so their δ is 0 too.
        </p>
      </>
    ),
  },
  {
    title: 'Overlapping pools add up',
    view: 'pool',
    pooling: { pool: 'max', window: '3s2' },
    body: (
      <>
        <p>
          When windows overlap (3 × 3 with stride 2, as in AlexNet and in the lecture&apos;s CIFAR-10 network), one cell
          can win more than one pool. It then influenced several outputs, and its sensitivity is the sum of theirs:
        </p>
        <Tex block>{String.raw`\delta^{l}[p,q] = \sum_{k\,:\,\operatorname{argmax}_k = (p,q)} \delta^{l+1}[k]`}</Tex>
        <p>
          Here the 9 in row 4 wins both bottom windows. Select it to see the two outputs that feed it, and change an
          output&apos;s error to watch the sum follow.
        </p>
      </>
    ),
  },
  {
    title: 'Average pooling spreads evenly',
    view: 'pool',
    pooling: { pool: 'avg', window: '2s2' },
    body: (
      <>
        <p>
          An average pool uses every cell of its window with weight 1/n, so every cell shares the blame equally: the
          sensitivity is upsampled and divided by the window size n.
        </p>
        <Tex block>{String.raw`\delta^{l} = \tfrac{1}{n}\,\operatorname{upsample}(\delta^{l+1})`}</Tex>
        <p>
          Overlapping windows add their shares, exactly as before. Try the 3 × 3 stride-2 window: the middle row and
          column collect from two or four outputs.
        </p>
      </>
    ),
  },
  {
    title: 'Back through the convolution',
    view: 'conv',
    pooling: {},
    body: (
      <>
        <p>
          The sensitivity that reaches the pooling input is δ at the activation. Through an activation f it is multiplied
          by f′(net) — a ReLU lets it pass where net &gt; 0 and stops it elsewhere; without one it arrives unchanged:
        </p>
        <Tex block>{String.raw`\delta_{net} = \delta_{act} \odot f'(net)`}</Tex>
        <p>Each weight touched every output cell, so its gradient sums over them — the input correlated with ∂J/∂net:</p>
        <Tex block>{String.raw`\frac{\partial J}{\partial W[m,n]} = \sum_i\sum_j X[i+m,\,j+n]\,\frac{\partial J}{\partial net[i,j]}`}</Tex>
        <Tex block>{String.raw`\frac{\partial J}{\partial b} = \sum_i\sum_j \frac{\partial J}{\partial net[i,j]}`}</Tex>
        <p>And each input cell collects from every window it sat in: a full convolution of δ with the kernel (equivalently, sliding the 180°-rotated kernel over δ padded with zeros):</p>
        <Tex block>{String.raw`\delta_X[p,q] = \sum_i\sum_j \delta_{net}[i,j]\; W[p-i,\,q-j]`}</Tex>
        <p>Select a cell of ∂J/∂W to see its sum with the actual numbers.</p>
      </>
    ),
  },
  {
    title: 'Checked against TensorFlow.js',
    view: 'check',
    pooling: {},
    body: (
      <>
        <p>
          Every number in this lesson is computed by small, plain TypeScript functions. To be sure they are right, the
          page builds the same network in TensorFlow.js — tf.conv2d, tf.relu, tf.maxPool or tf.avgPool and the same loss
          — and asks tf.grads for ∂J/∂X, ∂J/∂W and ∂J/∂b.
        </p>
        <p>
          The two agree to float32 rounding for whatever you choose. Change the settings or the errors and the check
          runs again.
        </p>
      </>
    ),
  },
];
