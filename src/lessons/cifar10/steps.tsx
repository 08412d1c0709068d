import type { LessonStep } from '../../app/LessonFrame';
import { Tex } from '../../app/Tex';

export const CIFAR_STEPS: LessonStep[] = [
  {
    title: 'The tutorial’s network',
    body: (
      <>
        <p>
          The lecture walks through TensorFlow&apos;s CIFAR-10 tutorial. Its network sees 24 × 24 colour crops of the
          32 × 32 CIFAR-10 photos (10 classes: airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck) and
          stacks two convolution blocks under two fully connected layers:
        </p>
        <p className="architecture">
          conv1 5×5×3→64 · max pool 3×3/2 · LRN · conv2 5×5×64→64 · LRN · max pool 3×3/2 · local3 2304→384 · local4 384→192 · softmax_linear 192→10
        </p>
        <p>
          Every convolution uses SAME padding and ReLU. The two pools halve the image twice (24 → 12 → 6), so
          local3 receives 6·6·64 = 2,304 numbers. The parameter count under the controls is added up from the variables
          this page builds; it matches the tutorial&apos;s 1,068,298.
        </p>
        <p>Press <strong>Train</strong>. The network trains in a background worker, so this page stays responsive.</p>
      </>
    ),
  },
  {
    title: 'The loss: cross-entropy plus weight decay',
    body: (
      <>
        <p>The tutorial&apos;s objective has two parts, plotted separately and summed:</p>
        <Tex block>{String.raw`L = \underbrace{-\frac{1}{B}\sum_{n=1}^{B} \log \operatorname{softmax}(z_n)_{y_n}}_{\text{cross-entropy}} \; + \; \underbrace{0.004 \cdot \tfrac12 \left(\lVert W_{\text{local3}}\rVert^2 + \lVert W_{\text{local4}}\rVert^2\right)}_{\text{weight decay}}`}</Tex>
        <p>
          At step 0 the cross-entropy is close to ln 10 ≈ 2.30 (ten equally likely classes) and the weight decay adds
          about 2.4, because local3 and local4 hold 958,464 weights drawn with standard deviation 0.04 (cut at two deviations): the tutorial&apos;s
          logs start near 4.68 too. Watch the green curve fall first — shrinking the large fully connected weights is the
          easiest way to lower the total.
        </p>
      </>
    ),
  },
  {
    title: 'SGD with a staircase learning rate',
    body: (
      <>
        <p>Plain gradient descent on each batch, with a learning rate that drops by a factor of ten in steps:</p>
        <Tex block>{String.raw`\varepsilon_t = 0.1 \cdot 0.1^{\lfloor t / T \rfloor}`}</Tex>
        <p>
          The tutorial sets <Tex>T</Tex> to 350 epochs — 136,718 steps of 128 images, days on a CPU in 2016. Here
          <Tex>T</Tex> is a setting (3,000 steps by default) so a class can see the drop: the loss curve flattens, then
          falls again right after the rate changes.
        </p>
      </>
    ),
  },
  {
    title: 'Averaged weights for testing',
    body: (
      <>
        <p>
          Alongside the weights, the tutorial keeps an exponential moving average of every variable and evaluates with
          the averages, which smooths out the noise of the last few batches:
        </p>
        <Tex block>{String.raw`\bar w \leftarrow d\,\bar w + (1-d)\,w, \qquad d_t = \min\!\left(0.9999,\; \tfrac{1+t}{10+t}\right)`}</Tex>
        <p>
          The second formula is TensorFlow&apos;s warm-up. With a fixed 0.9999 the averages would still be 90% initial
          weights after 1,000 steps; with the warm-up they follow the weights from the start. Press <strong>Measure</strong> to
          compare both on the test images.
        </p>
      </>
    ),
  },
  {
    title: 'Distorted inputs',
    body: (
      <>
        <p>
          Each training image is cropped to 24 × 24 at a random place, flipped left–right half the time, brightened
          by up to ±63 and contrast-scaled by 0.2–1.8, then standardised to mean 0 and standard deviation 1. The network
          almost never sees the same picture twice, which slows overfitting.
        </p>
        <p>
          One detail you can check in the preview: the brightness shift changes nothing. Standardisation subtracts
          each image&apos;s mean, and a shift added to every pixel only moves that mean. Contrast survives because
          it is applied per colour channel.
        </p>
        <p>Test images get only the central crop and the standardisation.</p>
      </>
    ),
  },
];
