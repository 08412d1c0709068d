import type { LessonNotes } from './types';

/** Speaker notes for `#/activations`, one entry per step of ACTIVATION_STEPS. */
const notes: LessonNotes = [
  {
    title: '“Very bad” and “very good” transfer functions',
    points: [
      'The slide only labels them: saturating tanh and sigmoid “very bad” (slow to train), ReLU max(0, x) “very good”. Today we check that claim live.',
      'Make sure “Classroom (MNIST, a few minutes)” is pressed (the default, seed 1). Its “What to expect” line tells the class what is coming.',
      'Ask before starting: which run crosses 10% error first, and by how much?',
      'Press Space. Measured with seed 1 on 2 cores: ReLU reaches 10% at epoch 0.65 (under half a minute), tanh at 1.29; sigmoid misses it by the 3-epoch cap, 1½–2 min in.',
    ],
    numbers: [
      { value: 'ReLU reached 25% training error on CIFAR-10 six times faster (in epochs) than tanh', source: 'Krizhevsky, Sutskever & Hinton 2012, Figure 1, behind the lecture slide “Choice of activation function”' },
      { value: 'ReLU 0.65 epochs, tanh 1.29, sigmoid not reached by 3 (87% error): ReLU : tanh = 1 : 1.98', source: 'README and the Classroom preset text, measured with seed 1, WASM, 2-core machine' },
    ],
  },
  {
    title: 'A fair race',
    points: [
      'Point at the table’s “initial conv weights” column: the same random numbers, scaled He √(2/fan-in) for ReLU and LeCun √(1/fan-in) for tanh and sigmoid.',
      'Same batches in the same order, and the runs take turns one batch each, so none gets extra compute.',
      'Same update: the lecture’s momentum rule v ← 0.9·v − ε·∇L, w ← w + v, without weight decay (the paper’s figure used no regularisation).',
      'Ask: is one ε = 0.01 for all three fair? (The paper tuned ε per network; the three ε fields let you do the same.)',
    ],
    numbers: [
      { value: 'momentum 0.9', source: 'lecture slide “Stochastic Gradient Descent Learning” (AlexNet paper §5)' },
      { value: 'ε = 0.01 for every run, batch 128, widths 16-16-32', source: 'the Classroom preset (src/lessons/activations/settings.ts)' },
      { value: '24,794 parameters per run (MNIST, narrow)', source: 'computed by the app from the layer shapes (tests/unit/model/race.test.ts)' },
    ],
  },
  {
    title: 'Reading the race',
    points: [
      'Left chart: training error against epochs, as in the paper; right: against time. The dashed line is the threshold and a dot marks each first crossing.',
      'Read the table’s last column, epochs ÷ ReLU’s: that is the number to set beside the paper’s 6. Classroom preset, seed 1: tanh 1.98×.',
      'Change “Threshold (%)” while it runs, e.g. to 20: the crossings are recomputed from every kept step. README measured about 1 : 1.6 at 20%.',
      'Ask: why measure training error here, not test error? (The paper’s figure is about how fast a net learns, not how well it generalises.)',
    ],
    numbers: [
      { value: 'error over the last 2,000 training examples each run saw', source: 'the app (ERROR_WINDOW in src/lessons/activations/settings.ts)' },
      { value: 'ReLU : tanh = 1 : 1.98 at 10%, 1 : 1.61 at 20% (MNIST)', source: 'README, measured with seed 1, WASM, 2-core machine' },
      { value: 'ReLU : tanh ≈ 1 : 6 at 25% (CIFAR-10)', source: 'Krizhevsky, Sutskever & Hinton 2012, Figure 1' },
    ],
  },
  {
    title: 'Why saturation slows learning',
    points: [
      'Write σ′(x) ≤ ¼ on the board: each sigmoid layer shrinks the backward signal at least 4×, far more once units saturate near 0 or 1.',
      'Put the focus on “How big the gradients are, layer by layer” and press F: sigmoid’s first conv gets gradients 10–100× smaller than ReLU’s (log scale).',
      'Meanwhile sigmoid’s error sits near 90%, which is chance for ten classes, while ReLU and tanh fall.',
      'Ask: tanh saturates too; why does it beat sigmoid? (Zero-centred outputs and a slope up to 1, not ¼.) #/neural-networks/3 plots the slopes.',
    ],
    numbers: [
      { value: 'σ′ ≤ 1/4, tanh′ ≤ 1, ReLU′ = 1 for x > 0', source: 'calculus, as the lesson’s formula gives it' },
      { value: 'sigmoid’s first-layer gradients one to two orders of magnitude below ReLU’s', source: 'README, measured in this race' },
    ],
  },
  {
    title: "CIFAR-10, the paper's data",
    points: [
      'Press “As in the paper (CIFAR-10, 25%)”: the first 10,000 CIFAR-10 images, width 32-32-64, 25% threshold, 30-epoch cap. The race restarts on the new data.',
      'Timing from the preset: one epoch of all three takes about 2½ min on a 2-core laptop without a GPU, so 30 epochs is over an hour. Start it before a break.',
      'Measured with seed 1 and one ε: ReLU and tanh both reached 25% at epoch ≈9.1, about 21 min in, ReLU in less compute time; sigmoid was still at 50% error at the cap.',
      'Ask: why 1 : 1.00 here against the paper’s 1 : 6? (ε tuned per network, all 50,000 images, a GPU, an unpublished layout.) Then try your own ε per run.',
    ],
    numbers: [
      { value: '89,578 parameters per run (CIFAR-10, full width)', source: 'computed by the app from the layer shapes (tests/unit/model/race.test.ts)' },
      { value: 'ReLU epoch 9.13 (383 s of its own time), tanh 9.12 (468 s): 1 : 1.00 in epochs, 1 : 1.22 in compute time', source: 'README, node scripts/race.mjs --dataset cifar10, seed 1, WASM' },
      { value: 'ReLU : tanh ≈ 1 : 6', source: 'Krizhevsky, Sutskever & Hinton 2012, Figure 1' },
    ],
  },
];

export default notes;
