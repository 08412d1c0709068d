import type { LessonNotes } from './types';

/** Speaker notes for #/neural-networks, one entry per step (titles equal to the lesson's). */
const notes: LessonNotes = [
  {
    title: 'Basic architecture: layers of units',
    points: [
      'Describe one unit before the diagram: it weighs every input, adds a bias, and squashes the total with a fixed function f. The network is just many of these in layers: 2 inputs, 3 hidden units, 2 outputs.',
      'Press "Next unit" a few times. The class should see the edges that feed the unit light up and its sum spelled out with the real numbers; h1 lands on exactly 0 before the sigmoid, so it outputs 0.500.',
      'Change x1 from 1 to 3: every value to its right is recomputed at once. That is the forward pass.',
      'Colour code: blue edges are positive weights, orange negative, thickness is size. Only weights and biases change when the network learns.',
    ],
    numbers: [
      { value: 'h1 = σ(0.5·1 − 0.3·2 + 0.1) = σ(0) = 0.500', source: 'computed by the app from its example weights' },
      { value: 'y1 ≈ 0.573, y2 ≈ 0.790', source: 'computed by the app (sigmoid units, inputs 1 and 2)' },
    ],
  },
  {
    title: 'Linear classifier: a line through the plane',
    points: [
      'Drag the two white handles, or the sliders: the weights turn the line, the bias slides it. Hover a point to read its score; the sign says which side it is on.',
      'Press "Fit" and let gradient descent place the line. The loss is the average of −log(probability given to the true class); drop a point on the wrong side and fit again.',
      'Switch to three classes (softmax). The coloured regions show who wins; their borders are always straight, so no setting of the weights can curve around a cluster.',
      'Leave the points as they are: step 4 draws the loss surface of this very classifier.',
    ],
    numbers: [
      { value: '−log 0.5 ≈ 0.693', source: 'computed: the logistic loss of a point lying on the line (score 0, probability ½)' },
    ],
  },
  {
    title: 'Transfer functions and saturation',
    points: [
      'Ask first: why not skip f? Without a non-linear f, stacked layers multiply out to a single linear map, however many there are.',
      'With the sigmoid selected, move the x slider into the shaded ends. The derivative there is almost zero, so a unit sitting there passes almost no error back and its weights barely move.',
      'The sigmoid\'s slope is at most 1/4, reached at x = 0. Through five sigmoid layers those factors alone cut the signal to under a thousandth.',
      'Switch to ReLU: the slope is exactly 1 for every positive input and 0 below zero, where the unit is simply off. The activations race in the AlexNet part shows what this does to training speed.',
    ],
    numbers: [
      { value: 'σ′(0) = 0.25, the largest σ′ gets', source: 'computed from σ′ = σ(1 − σ)' },
      { value: '(1/4)^5 ≈ 0.00098', source: 'computed: the sigmoid-slope factors through five layers, at best' },
      { value: 'ReLU reaches 25% training error on CIFAR-10 six times faster than tanh', source: 'Krizhevsky, Sutskever & Hinton, NIPS 2012, section 3.1, Figure 1 (the lecture\'s "choice of activation function" slide)' },
    ],
  },
  {
    title: 'Gradient descent',
    points: [
      'Click plot (a) to pick a start, press "One update" a few times, then "Run". Each move is the learning rate times the downhill direction.',
      'On plot (b), the narrow valley, raise ε above 0.08: plain descent bounces from wall to wall and flies off. Just below it, it zig-zags across the valley instead of going along it.',
      'Choose momentum, the rule AlexNet used: the zig-zags cancel, the steady downhill part builds up, and the path runs along the valley floor; it stays stable up to ε ≈ 0.152.',
      'Name the lecture\'s constants while the class watches: momentum 0.9, weight decay 0.0005, learning rate starting at 0.01, batches of 128.',
    ],
    numbers: [
      { value: 'plain descent on (b) is stable for ε < 2/25 = 0.08', source: 'computed by the app for L = ½(x² + 25y²)' },
      { value: 'with momentum: ε < 2·1.9/25.0005 ≈ 0.152', source: 'computed by the app (momentum 0.9, weight decay 0.0005)' },
      { value: 'momentum 0.9, weight decay 0.0005, ε starts at 0.01, batch 128', source: 'lecture, "Stochastic Gradient Descent Learning" slide (Krizhevsky et al. 2012, section 5)' },
    ],
  },
];

export default notes;
