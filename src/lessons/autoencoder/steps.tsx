import type { LessonStep } from '../../app/LessonFrame';
import { Tex } from '../../app/Tex';

/** A step of the autoencoder lesson and the panel it points the student at. */
export interface AutoencoderStep extends LessonStep {
  focus: 'reconstructions' | 'loss' | 'filters' | 'code' | 'draw' | 'classify' | 'controls';
}

export const AUTOENCODER_STEPS: AutoencoderStep[] = [
  {
    title: 'Learning with no labels',
    focus: 'controls',
    body: (
      <>
        <p>
          Every network so far in the lecture learned from labelled pairs: an image and the answer. Here we throw the
          labels away. All we have is a pile of images <Tex>{String.raw`\{x^{(1)}, x^{(2)}, \dots\}`}</Tex>.
        </p>
        <p>An autoencoder still trains with ordinary backpropagation, by using each input as its own target:</p>
        <Tex block>{String.raw`y^{(i)} = x^{(i)}`}</Tex>
        <p>
          The task sounds trivial — copy the input — but the network has to pass the image through a narrow middle layer,
          so it must find a compact description of what digits look like.
        </p>
        <p>Press <strong>Train</strong> and keep an eye on the readout: the number after “loss” is how badly the copies match.</p>
      </>
    ),
  },
  {
    title: '784 → 100 → 784',
    focus: 'controls',
    body: (
      <>
        <p>
          The lecture follows MATLAB&apos;s MNIST example. Each digit is a 28 × 28 = 784-pixel image. The encoder maps those
          784 numbers to 100 hidden units; the decoder maps the 100 back to 784 outputs:
        </p>
        <Tex block>{String.raw`h = \sigma(W_1 x + b_1), \qquad \hat{x} = \sigma(W_2 h + b_2)`}</Tex>
        <p>
          <Tex>{String.raw`\sigma`}</Tex> is the logistic sigmoid (MATLAB&apos;s default transfer function), so every hidden unit and
          every output pixel lies between 0 and 1. The parameter count under the controls is counted from the model&apos;s
          weight tensors: 784·100 + 100 + 100·784 + 784 = 157,684 for 100 hidden units.
        </p>
        <p>Try the hidden-units slider: from 16 to 400. With fewer units the squeeze is tighter.</p>
      </>
    ),
  },
  {
    title: 'Watching the copies improve',
    focus: 'reconstructions',
    body: (
      <>
        <p>
          The top row shows test digits the network never trains on; the bottom row is what comes out of the decoder.
          At step 0 every output is the same blur — the average of the training digits, where this lesson starts the
          decoder so that no hidden unit is pushed into saturation in the first steps. Within a few hundred batches of
          64 images the digits become recognisable, and later the strokes sharpen.
        </p>
        <p>
          The loss is the error MATLAB&apos;s <code>trainAutoencoder</code> reports: squared differences summed over the 784
          pixels of an image, averaged over the N images of a batch:
        </p>
        <Tex block>{String.raw`E = \frac{1}{N}\sum_{n=1}^{N}\sum_{k=1}^{784}\left(x_{k}^{(n)} - \hat{x}_{k}^{(n)}\right)^2`}</Tex>
        <p>
          Watch the curve: a steep drop while the hidden units learn the broad shapes that tell one digit from another,
          then a long, slow slope while they pick up details such as stroke width and slant.
        </p>
      </>
    ),
  },
  {
    title: 'Curls and strokes',
    focus: 'filters',
    body: (
      <>
        <p>
          Each tile in the “What the hidden units learned” panel is one hidden unit&apos;s 784 incoming weights, laid out
          as a 28 × 28 image. A unit
          responds most strongly to inputs shaped like its tile: blue pixels push it on, red pixels push it off.
        </p>
        <p>
          The lecture&apos;s observation is that these features look like curls and pieces of pen strokes — parts that many
          digits share. They start as random noise; watch them organise into short strokes, arcs and dots while the
          network trains, and drag the replay slider to see how they formed. The sparsity penalty of the next step is
          what makes them this clean.
        </p>
      </>
    ),
  },
  {
    title: 'A sparsity penalty',
    focus: 'filters',
    body: (
      <>
        <p>
          MATLAB&apos;s <code>trainAutoencoder</code>, used in the lecture, adds two terms to the error: a weight penalty and
          a sparsity penalty that asks each hidden unit to be active only rarely. If <Tex>{String.raw`\hat\rho_i`}</Tex> is unit
          <Tex>{String.raw`\,i`}</Tex>&apos;s average activation over a batch and <Tex>\rho</Tex> the desired one,
        </p>
        <Tex block>{String.raw`\begin{aligned} E ={}& \frac{1}{N}\sum_{n}\sum_{k}\big(x_{k}^{(n)} - \hat{x}_{k}^{(n)}\big)^2 + \lambda\,\tfrac12\sum w^2 \\ &+ \beta\sum_{i}\Big[\rho\log\frac{\rho}{\hat\rho_i} + (1-\rho)\log\frac{1-\rho}{1-\hat\rho_i}\Big] \end{aligned}`}</Tex>
        <p>
          MATLAB&apos;s example uses <Tex>{String.raw`\rho = 0.15`}</Tex>, <Tex>{String.raw`\beta = 4`}</Tex> and <Tex>{String.raw`\lambda = 0.004`}</Tex>; so does
          this lesson, with the penalty switched on from the start; the loss chart shows the three terms and their sum.
          Untick “Sparsity + weight penalty”, press Reset, and train to compare: the reconstructions get sharper, the
          average code value stays near 0.5 instead of settling near 0.15, and most features turn into broad blobs of
          mixed sign instead of localised strokes.
        </p>
      </>
    ),
  },
  {
    title: 'Denoising',
    focus: 'reconstructions',
    body: (
      <>
        <p>
          A denoising autoencoder (Vincent et al., 2008) sees a damaged input but must reproduce the clean image. The
          input-noise slider sets what fraction of pixels are blanked before encoding; the target stays the original.
        </p>
        <p>
          To undo the damage the network cannot just copy pixels: it has to know what strokes usually continue where. Try
          30–50% noise: a middle row of damaged inputs appears above the reconstructions, and the features turn into
          longer, cleaner strokes than in the noise-free run.
        </p>
      </>
    ),
  },
  {
    title: 'Draw your own digit',
    focus: 'draw',
    body: (
      <>
        <p>
          Draw a digit with the mouse or a finger. It is shrunk and centred the way MNIST digits were, encoded to the
          hidden code, and decoded again. Digits that look like MNIST come back well; a letter or a scribble comes back
          as the nearest thing the network knows — usually something digit-like.
        </p>
        <p>Click any test digit to see its code beside yours.</p>
      </>
    ),
  },
  {
    title: 'Codes as features for classification',
    focus: 'classify',
    body: (
      <>
        <p>
          The MATLAB example does not stop at reconstruction: it feeds the codes to a softmax layer trained with the
          labels, then fine-tunes the whole stack with backpropagation. The experiment panel does the same on real MNIST,
          and puts the same softmax layer on raw pixels beside it.
        </p>
        <p>
          The comparison is measured in your browser on all 10,000 test images. Run it once with the untrained network
          and again after a few thousand training steps. Random codes lose to raw pixels; learned codes catch up and
          can overtake them, even though a hundred numbers replace 784, and fine-tuning the stack with the labels
          gains a little more.
        </p>
        <p>
          Raw pixels set a high bar: a linear softmax on MNIST&apos;s 784 pixels is already a strong classifier (its
          accuracy is the first row of the table). Each classifier here sees only 10,000 labelled images for four
          passes, and the autoencoder learned its features from the 60,000 images without ever seeing a label —
          MATLAB&apos;s example goes further and stacks a second autoencoder before the softmax layer.
        </p>
      </>
    ),
  },
];
