import type { LessonNotes } from './types';

/** Speaker notes for `#/cifar10`, one entry per step of CIFAR_STEPS. */
const notes: LessonNotes = [
  {
    title: 'The tutorial’s network',
    points: [
      'Before class, on a laptop without a GPU, open #/cifar10?backend=wasm&seed=1: README measured this net at 242 examples/s on WASM but 0.9 on software WebGL.',
      'Walk the architecture line left to right: 24×24 crops, two 5×5 conv blocks of 64 maps, pools halving 24 → 12 → 6, so local3 reads 6·6·64 = 2,304 numbers.',
      'Point at the count under the controls: 1,068,298 parameters, added up from the variables the worker built — the tutorial’s figure exactly.',
      'Click the “Classroom” preset, then Space. It runs in a Web Worker, so the page keeps painting. Press “Measure on the test images”: about 30% (3× chance) within a minute was measured, 39% at 60 s.',
      'Ask: where do most of the million parameters sit, in the convolutions or in local3? (local3: 2,304·384 + 384 = 885,120.)',
    ],
    numbers: [
      { value: 'conv1 5×5×3→64, conv2 5×5×64→64, max pool 3×3 stride 2, local3 384, local4 192', source: 'lecture slides “Conv-Pooling-LRN structure implementation” and local3/local4 (TensorFlow’s CIFAR-10 tutorial code)' },
      { value: 'LRN depth radius 4, bias 1.0, α 0.001/9, β 0.75', source: 'tf.nn.lrn call on the lecture slide' },
      { value: '1,068,298 parameters', source: 'computed by the app from the built variables (tests/unit/model/cifar10Net.test.ts); equals the tutorial’s count' },
      { value: '214 examples/s in the lesson’s worker vs 228 for a bare loop (WASM)', source: 'README, Performance, measured on the project’s 2-core test machine' },
    ],
  },
  {
    title: 'The loss: cross-entropy plus weight decay',
    points: [
      'Before pressing Space (or right after R), ask: with random weights, what cross-entropy do we expect? (ln 10 ≈ 2.30: ten classes equally likely.)',
      'Read the first loss: about 4.68 — the 2.30 of guessing plus about 2.4 of weight decay on local3 and local4’s 958,464 initial weights.',
      'Press Space and watch the loss chart: the weight-decay curve drops first, because shrinking the big fully connected weights is the cheapest way down.',
      'Only local3 and local4 pay weight decay; on the slide the convolutions have wd=0.0.',
    ],
    numbers: [
      { value: 'total loss ≈ 4.68 at step 0 (≈ 2.30 cross-entropy + ≈ 2.4 weight decay)', source: 'lesson text, matching the tutorial’s logs; the CIFAR-10 browser test checks the fall from ~4.68' },
      { value: 'ln 10 ≈ 2.30', source: 'computed: cross-entropy of a uniform guess over 10 classes' },
      { value: 'weight decay 0.004 · ½‖W‖² on local3 and local4', source: 'TensorFlow CIFAR-10 tutorial (cifar10.py), as the lesson’s formula gives it' },
      { value: 'objective = cross-entropy loss + all weight decay terms', source: 'lecture slide “Objective function”' },
    ],
  },
  {
    title: 'SGD with a staircase learning rate',
    points: [
      'Show the learning-rate chart under the loss: flat at 0.1, then ×0.1 at each multiple of the “Learning rate ×0.1 every … steps” field (default 3,000).',
      'Timing: at README’s 214 examples/s (WASM, 2 cores), batch 64 is ≈3.3 steps/s, so step 3,000 is ≈15 min away. Lower the field to bring the drop into class; it applies from the next step.',
      'What the class should see: the loss curve flattens, then falls again right after the rate drops.',
      'Shortcut: “Load the network shipped with the app” was trained 10 epochs at 0.1, then 0.01; README’s raw test accuracy jumps from 73.3% to 77.2% at the first epoch at 0.01.',
      'Ask: why not run at 0.01 from the start? (Large steps cover ground early; small steps settle into the minimum later.)',
    ],
    numbers: [
      { value: 'initial rate 0.1, ×0.1 every 350 epochs = 136,718 steps of 128', source: 'TensorFlow CIFAR-10 tutorial constants, as the lesson states (350 · 50,000 / 128)' },
      { value: 'exponential_decay(..., staircase=True) with GradientDescentOptimizer', source: 'lecture slide “Optimization of trainable variables”' },
      { value: '3,000 steps per drop by default', source: 'the app’s DEFAULT_DECAY_STEPS (src/lessons/cifar10/settings.ts)' },
      { value: 'raw test accuracy 73.3% after epoch 10, 77.2% after epoch 11 (first at 0.01)', source: 'README, the shipped network (scripts/train-cifar.mjs, 1,000 test images)' },
    ],
  },
  {
    title: 'Averaged weights for testing',
    points: [
      'Pause (Space), then click “Measure on the test images”: accuracy with the trained weights and with their moving average, on 1,000 test images (chance 10%).',
      'The confusion matrix is for the averaged weights; click a cell such as cat → dog to show those test images.',
      'Why the warm-up: with a fixed 0.9999 the average is still ≈90% initial weights after 1,000 steps (0.9999¹⁰⁰⁰ ≈ 0.905); min(0.9999, (1+t)/(10+t)) avoids that.',
      'For a trained result: “Load the network shipped with the app”, then Measure: 77.6%. Right after loading both columns agree, because only raw weights ship.',
      'Ask: why should an average of recent weights beat the latest ones? (It smooths out the batch-to-batch noise of SGD.)',
    ],
    numbers: [
      { value: 'moving-average decay 0.9999', source: 'TensorFlow CIFAR-10 tutorial (MOVING_AVERAGE_DECAY); the lecture slide shows tf.train.ExponentialMovingAverage' },
      { value: '77.6% raw / 77.2% averaged on the 1,000 shipped test images after 13 epochs', source: 'README, the shipped network (scripts/train-cifar.mjs); a browser test finds the same in the page' },
      { value: 'about 86%', source: 'the tutorial’s own result after far longer GPU training, as README cites it' },
    ],
  },
  {
    title: 'Distorted inputs',
    points: [
      'Point at “What the network is fed next”: random 24×24 crops, flips and contrast, each standardised (drawn stretched); it refreshes at most once a second while training.',
      'Ask: crops are brightened by up to ±63, so why does none look brighter? (Standardising subtracts each image’s mean, which cancels a uniform shift.)',
      'Untick “Distort the training images” to show plain crops; it applies from the next step. Distortion is what slows overfitting: the net rarely sees the same picture twice.',
      'Test images get only the central 24×24 crop and the standardisation.',
    ],
    numbers: [
      { value: 'random 24×24 crop of 32×32, flip half the time, brightness ±63, contrast 0.2–1.8, then mean 0 / deviation 1', source: 'TensorFlow CIFAR-10 tutorial distorted_inputs(), as the lesson describes; the lecture’s train() calls cifar10.distorted_inputs()' },
      { value: '10 classes: airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck', source: 'CIFAR-10 (Krizhevsky 2009)' },
    ],
  },
];

export default notes;
