import type { LessonNotes } from './types';

/** Speaker notes for #/pooling, one entry per step (titles equal to the lesson's). */
const notes: LessonNotes = [
  {
    title: 'Max pooling: keep the strongest response',
    points: [
      'The 8×8 example is pooled with 2×2 windows, stride 2. Click an output cell: its window is outlined on the input and the winner is marked.',
      'Ask whether it matters where in the window the big value sits. It does not: that small tolerance to shifts is what pooling buys.',
      'Click an input cell and type a larger number to steal a window. Nothing here is learned: a pooling layer has no weights.',
    ],
    numbers: [
      { value: '8×8 → 4×4: one value kept out of four', source: 'computed by the app (2×2 windows, stride 2)' },
    ],
  },
  {
    title: 'Overlapping windows and the argmax map',
    points: [
      'Now 3×3 windows with stride 2, as in AlexNet. Neighbouring windows share cells, so one strong input can win several outputs.',
      'The rings count wins: the 9 in the third row wins four windows, the 8 below it three. Veiled cells never win anything.',
      'Keep this picture for backprop: the error of each output goes back to its winner only, and a multiple winner adds up its errors. Veiled cells get nothing.',
    ],
    numbers: [
      { value: '8×8 → 3×3 outputs, won by only 4 distinct cells', source: 'computed by the app (3×3 windows, stride 2)' },
      { value: 'overlapping pooling: top-1 error −0.4%, top-5 −0.3% vs 2×2 stride 2', source: 'Krizhevsky, Sutskever & Hinton, NIPS 2012, section 3.4' },
    ],
  },
  {
    title: 'Average pooling',
    points: [
      'Each output is the mean of its window: every cell counts, none is singled out. Click the same outputs as before and compare with max.',
      'Set padding to "same" and tick the box to compare conventions: TensorFlow and Keras average over the real cells only; PyTorch by default counts the padded zeros, which drags border outputs down.',
      'For max pooling the question never comes up: a padded cell never wins.',
    ],
    numbers: [
      { value: 'each cell weighs 1/4 in a 2×2 window', source: 'computed: the mean of 4 cells' },
      { value: 'count_include_pad=True by default', source: 'PyTorch documentation, torch.nn.AvgPool2d' },
    ],
  },
  {
    title: 'Same maps, lower resolution',
    points: [
      'A real MNIST digit, pooled 2×2 with stride 2 twice: 28×28, then 14×14, then 7×7.',
      'Select a cell of the 7×7 map: it stands for a 4×4 patch of the original. The class should see that "stroke here, nothing there" survives while the exact pixels are gone.',
      'State the lecture\'s two facts: as many maps come out as go in, but at lower resolution, and every layer above has less to compute.',
    ],
    numbers: [
      { value: '28×28 → 14×14 → 7×7 (784 → 49 values)', source: 'computed by the app' },
    ],
  },
  {
    title: 'Local contrast normalisation',
    points: [
      'The digit goes through four fixed filters; each value is then centred and scaled by the mean and spread of its neighbourhood across all four maps.',
      'Switch the window between 5×5 and 9×9 and point out that faint strokes are lifted and every map ends up with a similar spread.',
      'Switch the pixels to 0…255: LCN\'s output does not change, because it cares about contrast with the surroundings, not brightness.',
      'An honest caveat: Jarrett et al. weight the neighbourhood with a Gaussian; here it is a plain window, easier to read.',
    ],
    numbers: [
      { value: '5×5 or 9×9 neighbourhood over 4 maps', source: 'the app\'s settings for this view' },
      { value: 'Gaussian-weighted neighbourhood in the original', source: 'Jarrett, Kavukcuoglu, Ranzato & LeCun, ICCV 2009' },
    ],
  },
  {
    title: 'LCN beside LRN',
    points: [
      'LRN looks at one pixel at a time and divides each map\'s value by the energy of its neighbouring maps there; it subtracts no mean.',
      'With pixels in 0…1 the sum is tiny and LRN divides everything by about 1.68, so little changes.',
      'Switch the pixels to 0…255: pixels where neighbouring maps respond strongly are now divided far more than quiet ones.',
      'Place it: in AlexNet it follows the ReLU of the first two layers; the lecture\'s CIFAR-10 code calls tf.nn.lrn with its own constants.',
    ],
    numbers: [
      { value: 'n = 5, α = 10⁻⁴, β = 0.75, k = 2', source: 'Krizhevsky, Sutskever & Hinton, NIPS 2012, section 3.3' },
      { value: '2^0.75 ≈ 1.68', source: 'computed: the divisor when the neighbours\' energy is near 0' },
      { value: 'CIFAR-10 net: depth radius 4, bias 1.0, α = 0.001/9, β = 0.75', source: 'lecture, "Conv-Pooling-LRN structure implementation" slide' },
    ],
  },
  {
    title: 'The typical architecture',
    points: [
      'Blocks are to scale: width for the number of maps, height for resolution. By default three stages of 5×5 convolution then 2×2 max pooling, with 8, 16 and 32 maps.',
      'Read the last line under the table: 3×3 positions × 32 maps = 288 numbers now describe the whole digit.',
      'Set the stages to 4: 1×1×64, no spatial layout left, only a descriptor of the image. That is Ranzato\'s point in the lecture.',
    ],
    numbers: [
      { value: '28×28×1 → 3×3×32 = 288 values after 3 stages', source: 'computed by the app' },
      { value: '4 stages → 1×1×64', source: 'computed by the app' },
      { value: 'a few stages leave very little spatial resolution', source: 'Ranzato, CVPR 2013 tutorial (cited on the lecture\'s architecture slide)' },
    ],
  },
];

export default notes;
