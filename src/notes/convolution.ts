import type { LessonNotes } from './types';

/** Speaker notes for #/convolution, one entry per step (titles equal to the lesson's). */
const notes: LessonNotes = [
  {
    title: 'Why not fully connected?',
    points: [
      'The calculator opens on an MNIST digit with k = 5 and F = 8. The hidden layer has 4,608 units; wired fully, they already need 3.6 million weights.',
      'Switch the input to "ImageNet crop 224×224×3": the first row jumps to about 58 billion weights for one modest layer. Let that sink in.',
      'The lecture\'s second argument: pixels far apart in a photo have little to do with each other, so most of those weights would be spent on nothing.',
    ],
    numbers: [
      { value: '3,612,672 weights (28×28×1, k = 5, F = 8)', source: 'computed by the app\'s calculator' },
      { value: '58,284,441,600 weights (224×224×3, k = 5, F = 8)', source: 'computed by the app\'s calculator' },
    ],
  },
  {
    title: 'Locally connected: each unit sees a patch',
    points: [
      'Point at the second row: each unit now reads only a k × k patch, so it owns k·k·C weights instead of one per pixel.',
      'On the ImageNet crop that is 29 million instead of 58 billion, but every position still has its own private filter.',
      'Say what such a patch filter ends up detecting: something local, an edge, a corner, a blob.',
      'Set k to 11, AlexNet\'s first kernel size, and watch this row grow with k².',
    ],
    numbers: [
      { value: '29,040,000 weights (224×224×3, k = 5, F = 8)', source: 'computed by the app\'s calculator' },
      { value: '115,200 weights (28×28×1, k = 5, F = 8)', source: 'computed by the app\'s calculator' },
    ],
  },
  {
    title: 'Shared weights',
    points: [
      'Third row: all units of one map use the same kernel at different places, so the count is F·k·k·C and the image size drops out.',
      'Switch between MNIST, CIFAR-10 and ImageNet: the shared row stays at 200, 600, 600 while the other two explode.',
      'The lecture draws it as edges of the same colour carrying identical values: one edge detector, reused everywhere the edge could appear.',
    ],
    numbers: [
      { value: '600 weights for 224×224×3 or 32×32×3 (k = 5, F = 8)', source: 'computed by the app\'s calculator' },
      { value: '200 weights for 28×28×1 (k = 5, F = 8)', source: 'computed by the app\'s calculator' },
    ],
  },
  {
    title: 'Convolution',
    points: [
      'The panel changes to the step-through. Click any cell of the feature map: its nine multiply-adds appear with the real numbers (arrow keys move the cell).',
      'Press "Slide the window" and narrate while it sweeps: one kernel, reused at every position.',
      'Switch the input to an MNIST test digit and the kernel to "Vertical edges (Sobel)": the map lights up along vertical strokes. Then try the horizontal one.',
    ],
    numbers: [
      { value: '7×7 input, 3×3 kernel → 5×5 map', source: 'computed: 7 − 3 + 1 = 5 without padding' },
      { value: '9 multiply-adds per output cell', source: 'computed: 3 × 3 kernel, one channel' },
    ],
  },
  {
    title: 'Convolution or correlation?',
    points: [
      'The lecture\'s formula reads the kernel backwards, W[i−m, j−n]: that is convolution proper, the kernel turned by 180°.',
      'Choose the "Top-left pixel" kernel and flip the operation: correlation copies the pixel up and to the left, convolution the one down and to the right, so the image moves the other way.',
      'TensorFlow\'s conv2d and most libraries compute correlation under the name convolution. For a network it does not matter: it just learns the flipped kernel.',
    ],
    numbers: [],
  },
  {
    title: 'Zero padding',
    points: [
      'Without padding a k × k window fits n − k + 1 times across n pixels, so every layer eats a border: 7 becomes 5 with a 3×3 kernel.',
      'Set zero padding to 1 cell: the grey border of zeros appears and the 7×7 input gives a 7×7 map. The output-size formula below updates with the numbers.',
      'Click a corner cell of the output to show a window that is partly zeros. "same" keeps the size at ⌈input / stride⌉.',
    ],
    numbers: [
      { value: 'output = n + 2p − k + 1: 5 with p = 0, 7 with p = 1 (n = 7, k = 3)', source: 'computed by the app\'s output-size formula' },
    ],
  },
  {
    title: 'Stride: a downsampled convolution',
    points: [
      'Set the stride to 2: the window jumps two cells and the map keeps about a quarter of its cells.',
      'The lecture\'s reason is cost: compute only every s-th position in each direction, so output cell (i, j) is the full result read at (i·s, j·s).',
      'The famous case: AlexNet\'s first layer slides 96 kernels of 11×11×3 over the image with stride 4.',
    ],
    numbers: [
      { value: '7×7, 3×3 kernel, stride 2, no padding → 3×3', source: 'computed: ⌊(7 − 3) / 2⌋ + 1 = 3' },
      { value: 'AlexNet conv1: 96 kernels, 11×11×3, stride 4', source: 'Krizhevsky, Sutskever & Hinton, NIPS 2012, section 3.5' },
    ],
  },
  {
    title: 'Multiple filters, multiple maps',
    points: [
      'Four fixed kernels on the same digit give four maps: blue where a kernel\'s pattern is present, red where its opposite is. Press "next test digit" to show it is not a fluke.',
      'Scroll to the colour image: red, green and blue each meet their own kernel slice, and the three partial maps add into one. That is the lecture\'s sum over channels.',
      'Click an output cell of the colour example: 27 multiply-adds, 9 per channel. "next image" picks another CIFAR-10 picture.',
    ],
    numbers: [
      { value: '3×3×1×4 = 36 weights for 4 maps on a digit', source: 'computed by the app (one layer, 4 output maps)' },
      { value: '27 multiply-adds per output on a colour image', source: 'computed: 3 × 3 kernel × 3 channels' },
      { value: '96 learned first-layer filters in AlexNet', source: 'lecture, "96 learned low-level filters" slide' },
    ],
  },
];

export default notes;
