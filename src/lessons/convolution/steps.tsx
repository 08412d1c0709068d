import type { LessonStep } from '../../app/LessonFrame';
import { Tex } from '../../app/Tex';

export type ConvolutionView = 'calculator' | 'explorer' | 'maps';
export interface ConvolutionStep extends LessonStep { view: ConvolutionView }

export const CONVOLUTION_STEPS: ConvolutionStep[] = [
  {
    title: 'Why not fully connected?',
    view: 'calculator',
    body: (
      <>
        <p>
          A fully connected hidden unit looks at every pixel, so the number of weights grows with the size of the image
          times the number of units. Worse, most of those weights are wasted: pixels far apart in a photo have little to
          do with each other.
        </p>
        <p>Pick an input size in the calculator and watch the first row explode for ImageNet-sized crops.</p>
      </>
    ),
  },
  {
    title: 'Locally connected: each unit sees a patch',
    view: 'calculator',
    body: (
      <>
        <p>
          Sparse connectivity: a hidden unit is wired only to a small k × k patch of the input. The weights on that patch
          are called a <em>filter</em> or <em>kernel</em>, and what the unit learns is a spatially local pattern — an
          edge, a corner, a blob.
        </p>
        <p>The second row of the calculator: still one set of weights per unit, but each set is tiny.</p>
      </>
    ),
  },
  {
    title: 'Shared weights',
    view: 'calculator',
    body: (
      <>
        <p>
          Now let every unit of a map use the <em>same</em> kernel, at different positions. An edge is an edge wherever
          it appears, so one detector can be reused across the whole image. The number of weights no longer depends on
          the image size at all: it is F · k · k · C.
        </p>
      </>
    ),
  },
  {
    title: 'Convolution',
    view: 'explorer',
    body: (
      <>
        <p>Sliding one shared kernel over the image and computing every unit&apos;s response is a convolution:</p>
        <Tex block>{String.raw`net[i,j] = (X * W)[i,j] = \sum_m \sum_n X[m,n]\, W[i-m,\, j-n]`}</Tex>
        <p>
          Click any cell of the feature map (or use the arrow keys) to see its multiply-adds with the real numbers, or
          press “Slide the window”. Try the kernels on a real MNIST digit too.
        </p>
      </>
    ),
  },
  {
    title: 'Convolution or correlation?',
    view: 'explorer',
    body: (
      <>
        <p>
          The lecture&apos;s formula indexes the kernel backwards, W[i−m, j−n]: that is true convolution, which slides the
          kernel rotated by 180°. TensorFlow, Caffe and most libraries compute correlation, X[i+m, j+n]·W[m, n], and call
          it convolution anyway.
        </p>
        <p>
          Switch the operation and choose the “Top-left pixel” kernel: correlation copies the pixel up and to the left
          of each position, convolution the one down and to the right. For a network it makes no difference — it simply
          learns the rotated kernel.
        </p>
      </>
    ),
  },
  {
    title: 'Zero padding',
    view: 'explorer',
    body: (
      <>
        <p>
          Without padding (“valid”), a k × k window fits only n − k + 1 times across n pixels, so every layer shrinks the
          map. Padding the input with zeros lets the window reach the border cells.
        </p>
        <p>Change the padding: the grey border is the zeros, and the output-size formula updates with the numbers.</p>
      </>
    ),
  },
  {
    title: 'Stride: a downsampled convolution',
    view: 'explorer',
    body: (
      <>
        <p>To save computation the window can jump s pixels at a time instead of one:</p>
        <Tex block>{String.raw`net[i,j] = (X * W)[i \times s,\; j \times s]`}</Tex>
        <p>With stride 2 the output has about a quarter of the cells. AlexNet&apos;s first layer uses 11 × 11 kernels with stride 4.</p>
      </>
    ),
  },
  {
    title: 'Multiple filters, multiple maps',
    view: 'maps',
    body: (
      <>
        <p>
          One kernel detects one pattern. A layer uses many kernels, and each produces its own feature map showing where
          its pattern occurs. With an input of K channels (red, green, blue, or the maps of the previous layer) every
          kernel has one slice per channel and the responses are summed:
        </p>
        <Tex block>{String.raw`net = \sum_{k=1}^{K} X^k * W^k`}</Tex>
        <p>
          The colour image below shows it with K = 3: the red, green and blue channels each meet their own kernel
          slice, and the three partial maps add up to one feature map. Pick any output cell to see its 27 multiply-adds.
        </p>
      </>
    ),
  },
];
