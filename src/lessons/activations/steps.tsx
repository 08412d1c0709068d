import type { LessonStep } from '../../app/LessonFrame';
import { Tex } from '../../app/Tex';

export const ACTIVATION_STEPS: LessonStep[] = [
  {
    title: '“Very bad” and “very good” transfer functions',
    body: (
      <>
        <p>
          In the AlexNet part of the lecture, one slide simply labels two transfer functions: the saturating ones (tanh, sigmoid)
          are &ldquo;very bad&rdquo; because they are slow to train, and the rectified linear unit, <Tex>{String.raw`f(x) = \max(0, x)`}</Tex>,
          is &ldquo;very good&rdquo;.
        </p>
        <p>
          The claim comes from Figure 1 of Krizhevsky, Sutskever and Hinton (2012). A four-layer convolutional network with ReLUs
          got down to 25% training error on CIFAR-10 <strong>six times faster</strong> (in epochs) than the same network with tanh units.
          That speed is what made training a network as large as AlexNet possible at all.
        </p>
        <p>
          This page runs that experiment again, live, and adds sigmoid as a third contestant. Press <strong>Train</strong> and watch the
          three curves.
        </p>
      </>
    ),
  },
  {
    title: 'A fair race',
    body: (
      <>
        <p>The three networks differ only in their transfer function. Everything else is shared:</p>
        <ul>
          <li><strong>Same start.</strong> Every run draws the same random numbers z for its weights and scales them for its own activation, as the table says: ReLU&apos;s convolutions z·√(2/fan-in) (He), tanh&apos;s and sigmoid&apos;s z·√(1/fan-in) (LeCun). The last layer feeds the softmax, not an activation, so it gets z·√(1/fan-in) in all three. All biases start at 0.</li>
          <li><strong>Same data, same order.</strong> One seeded shuffle per epoch. Each step builds one batch and gives it to all three runs.</li>
          <li><strong>Same compute.</strong> The runs take turns, one batch each, so none gets ahead by running more often.</li>
          <li><strong>Same rule.</strong> SGD with the lecture&apos;s momentum update, without weight decay (the paper&apos;s figure used no regularisation):</li>
        </ul>
        <Tex block>{String.raw`v \leftarrow 0.9\,v - \varepsilon\,\frac{\partial L}{\partial w}, \qquad w \leftarrow w + v`}</Tex>
        <p>The paper tuned each network&apos;s learning rate ε separately. The presets give all three the same ε; you can change each one.</p>
      </>
    ),
  },
  {
    title: 'Reading the race',
    body: (
      <>
        <p>
          The top chart puts <strong>epochs</strong> on the x-axis, as the paper&apos;s figure does. The one beside it uses time. On WASM and
          the CPU, each run&apos;s step is timed on its own. A ReLU is cheaper to compute than an exponential, so ReLU gains a little more there.
        </p>
        <p>
          The dashed line marks the threshold. A dot appears where a run first reaches it, and the table divides each run&apos;s epochs by
          ReLU&apos;s. That quotient is the number to put beside the paper&apos;s &ldquo;six times&rdquo;. Change the threshold at any time:
          the crossings are worked out again from every step the worker kept.
        </p>
        <p>
          The status line reads <code>step n · loss (ReLU) · tanh … · sigmoid …</code>: n batches per run, and each run&apos;s loss on its latest batch.
        </p>
      </>
    ),
  },
  {
    title: 'Why saturation slows learning',
    body: (
      <>
        <p>Backpropagation multiplies the error signal by the transfer function&apos;s slope at every layer it passes through:</p>
        <Tex block>{String.raw`\sigma'(x) = \sigma(x)\,(1-\sigma(x)) \le \tfrac14, \qquad \tanh'(x) = 1 - \tanh^2(x) \le 1, \qquad \operatorname{ReLU}'(x) = 1 \text{ for } x > 0`}</Tex>
        <p>
          So each sigmoid layer shrinks the signal by at least 4×, and by far more once a unit saturates near 0 or 1. Sigmoid outputs are
          also all positive, which pushes every weight of the next layer the same way at once. The gradient charts show the result,
          layer by layer: the sigmoid run&apos;s first convolution gets gradients one to two orders of magnitude smaller than ReLU&apos;s. Its error
          stays near 90% (chance) until the signal finally gets through. tanh sits in between: it is centred on zero, but still saturates.
        </p>
        <p>The transfer-function step of <a href="#/neural-networks/3">Neural networks</a> plots these slopes.</p>
      </>
    ),
  },
  {
    title: "CIFAR-10, the paper's data",
    body: (
      <>
        <p>
          The <strong>As in the paper</strong> preset switches to CIFAR-10, the paper&apos;s data set: the first 10,000 training images,
          full width, and the 25% threshold. It takes far longer than MNIST (see the estimate above the controls). Leave it running
          during a break and compare the quotient with the paper&apos;s 6.
        </p>
        <p>
          Expect the measured number to differ. The paper tuned each learning rate, trained on all 50,000 images on a GPU, and did not
          publish its network&apos;s exact layout. On this app&apos;s CIFAR-10 subset with one shared learning rate (seed 1), ReLU and tanh
          crossed 25% at almost the same epoch (9.13 and 9.12) and ReLU won only in compute time, while sigmoid had not crossed by epoch 30.
          Try giving each run its own learning rate, as the paper did, and see whether the gap opens.
        </p>
      </>
    ),
  },
];
