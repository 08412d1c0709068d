import type { LessonNotes } from './types';

/** Speaker notes for `#/autoencoder`, one entry per step of AUTOENCODER_STEPS. */
const notes: LessonNotes = [
  {
    title: 'Learning with no labels',
    points: [
      'Open #/autoencoder?seed=1 so the run repeats. MNIST (70,000 digits, 11.4 MB compressed) loads first; wait for the progress bar.',
      'One line for the board: the target is the input itself, y = x, so no labels are needed, yet plain backpropagation does the learning.',
      'Press Space. The readout “step N · loss X” counts batches of 64; the loss says how far the copies are from the inputs.',
      'Ask: if the job is only to copy, why would the network learn anything useful? (The narrow middle layer forces a compact description.)',
    ],
    numbers: [
      { value: 'y(i) = x(i)', source: 'lecture slide “Auto-encoder”' },
      { value: '70,000 digits, 11.4 MB compressed', source: 'the app’s MNIST loading message (datasets/mnist)' },
      { value: '5,517 examples/s on WASM, 1,909 on software WebGL, all views live', source: 'README, Performance, autoencoder lesson on the 2-core test machine' },
    ],
  },
  {
    title: '784 → 100 → 784',
    points: [
      'Point at the sizes: 28×28 = 784 pixels in, 100 hidden units, 784 out; sigmoid everywhere, so codes and output pixels lie between 0 and 1.',
      'Read the count under the controls: 157,684 parameters = 784·100 + 100 + 100·784 + 784.',
      'Drag “Hidden units” (16 to 400): a fresh network starts and the count changes. Ask: which size copies best, and which learns the most useful features?',
      'The slide says “9 digits (0~9)”; MNIST has ten classes, 0 to 9.',
    ],
    numbers: [
      { value: 'input 28 × 28 = 784, encoder 100, decoder 784, output 784', source: 'lecture slide “Auto-encoder Implementation via Matlab”' },
      { value: '157,684 parameters at 100 hidden units', source: 'computed by the app from the weight tensors (tests/unit/model/autoencoder.test.ts)' },
    ],
  },
  {
    title: 'Watching the copies improve',
    points: [
      'Press R, so the class sees step 0: every reconstruction is the same grey blur, the average training digit.',
      'Click the “Classroom” preset, then Space. Its measured timing: digits readable within about 10 s (loss under 30 by step 155–467). Tick “Slow motion” to follow it.',
      'Watch the loss chart: a steep drop while the broad shapes are learned, then a long slow slope for stroke width and slant.',
      'Ask: the top row are test digits the network never trains on; why do they still come back well?',
    ],
    numbers: [
      { value: 'error = squared differences summed over 784 pixels, averaged over the batch', source: 'MATLAB trainAutoencoder’s error, as the lesson gives it' },
      { value: '12 test digits and their reconstructions', source: 'the app (SHOWN_DIGITS; README, Autoencoder)' },
      { value: '≈ 86 batches of 64 per second on WASM, ≈ 30 on software WebGL', source: 'README’s 5,517 and 1,909 examples/s divided by 64' },
    ],
  },
  {
    title: 'Curls and strokes',
    points: [
      'Put the focus on “What the 100 hidden units learned” and press F: each tile is one unit’s 784 input weights as a 28×28 image, blue pushing it on, red off.',
      'They start as noise and organise into short strokes, arcs and dots: with the Classroom preset, by about a minute (step ~2,700–4,100). Drag “Replay the features” back and forth.',
      'Ask: why pieces of strokes rather than whole digits? (Pieces are shared by many digits, so 100 units can cover them all.)',
      'The lecture claims such features help recognition; the last step of this lesson puts that to a test.',
    ],
    numbers: [
      { value: '100 tiles, each 28 × 28 = 784 weights', source: 'the lecture’s encoder size 100; drawn by the app from the encoder weights' },
    ],
  },
  {
    title: 'A sparsity penalty',
    points: [
      'The run so far had the penalty on, as in MATLAB’s example. Point at the loss chart: three terms and their sum.',
      'Untick “Sparsity + weight penalty”, press R, then Space. Compare: sharper copies, average code near 0.5 instead of 0.15, features turning into broad blobs of both signs.',
      'Click a test digit to show its code (dark = 0, yellow = 1) with and without the penalty.',
      'Ask: what does ρ = 0.15 ask of each hidden unit? (To be active about 15% of the time on average.)',
    ],
    numbers: [
      { value: 'ρ = 0.15, β = 4, λ = 0.004', source: 'MATLAB trainAutoencoder documentation example, as the lesson cites (MATLAB_EXAMPLE in src/model/autoencoder.ts)' },
    ],
  },
  {
    title: 'Denoising',
    points: [
      'Drag “Input noise” to 30–50%: a middle row of damaged inputs appears; the target stays the clean digit. Press R, then Space.',
      'What to see: clean reconstructions from damaged inputs, and features growing into longer strokes than in the noise-free run.',
      'Ask: how can the network fill in pixels it never saw? (It has learned where strokes usually continue.)',
      'The slider goes to 70%: push it up to find where the copies break down.',
    ],
    numbers: [
      { value: '30–50% of pixels dropped (slider 0–70%)', source: 'the lesson text and the app’s noise slider' },
      { value: 'denoising autoencoder', source: 'Vincent et al., ICML 2008, as the lesson cites' },
    ],
  },
  {
    title: 'Draw your own digit',
    points: [
      'Put the focus on “Draw a digit” and press F; draw with the mouse or a finger. The strokes are scaled into a 20-pixel box and centred, as MNIST’s were.',
      'Draw a clear 3, then a letter such as A: the letter comes back as the nearest digit-like shape the network knows.',
      'Click a test digit to put its code beside yours. Ask: which parts of the code differ between your 3 and MNIST’s?',
      '“Clear drawing” wipes the pad for the next volunteer.',
    ],
    numbers: [
      { value: '20-pixel box, centred by centre of mass in 28 × 28', source: 'the draw panel’s hint, following how MNIST was made' },
    ],
  },
  {
    title: 'Codes as features for classification',
    points: [
      'Train a few thousand steps first, then press “Run the classification experiment”: softmax layers train on 10,000 labelled images for 4 epochs and are tested on all 10,000 test images.',
      'Read the three rows: raw pixels, frozen codes, codes fine-tuned with the encoder. Run it once on an untrained net too: random codes lose to pixels, learned ones catch up.',
      'Ask: 100 code values against 784 pixels — how can the shorter description classify as well? (It keeps what digits share.)',
      'MATLAB’s example stacks a second autoencoder before the softmax layer; this panel stops at one.',
    ],
    numbers: [
      { value: '10,000 labelled training images, 4 epochs, all 10,000 test images', source: 'the app (DEFAULT_CLASSIFICATION in src/model/codeClassifier.ts; the panel’s hint)' },
      { value: '3,000 steps ≈ 35 s on WASM, ≈ 100 s on software WebGL', source: 'README’s 5,517 and 1,909 examples/s at batch 64' },
    ],
  },
];

export default notes;
