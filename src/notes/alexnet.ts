import type { LessonNotes } from './types';

/** Speaker notes for `#/alexnet`, one entry per step of ALEXNET_STEPS. */
const notes: LessonNotes = [
  {
    title: 'ImageNet and the top-5 task',
    points: [
      'ImageNet follows WordNet’s nouns, each shown by hundreds to thousands of photos; the ILSVRC challenge uses 1,000 of its classes.',
      'Click a sample photo, e.g. Chelsea the cat: the panel shows the square the network sees and its five most probable classes; a known correct class is marked.',
      'Say it plainly: the shipped MobileNet v1 stands in for AlexNet here. AlexNet’s own weights are not shipped; step 3 loads them if you have them.',
      'Ask: why score top-5, not only top-1? (Photos hold several objects, and ImageNet has 118 dog breeds to confuse.)',
      'Live moment: a webcam shot or a picture pasted with Ctrl+V; try an object ImageNet has no class for and discuss the answer.',
    ],
    numbers: [
      { value: '1,000 classes; about 1.2 million training, 50,000 validation and 150,000 test images', source: 'Krizhevsky, Sutskever & Hinton 2012, §2, as the lesson cites' },
      { value: 'MobileNet v1 0.75/224: 68.4% top-1 / 88.2% top-5; 2,601,976 parameters', source: 'TF-Slim’s published figures; parameters counted by the app from the loaded model (tests/unit/model/mobilenet.test.ts)' },
      { value: 'a correct class in the top 5 for all 14 sample photos that have one', source: 'README, AlexNet lesson' },
    ],
  },
  {
    title: "AlexNet's architecture",
    points: [
      'Five convolutional and three fully connected layers into a 1,000-way softmax; ReLU after every one but the last. Hover a block to find its table row.',
      'conv2, conv4 and conv5 are drawn in two halves: each half reads only its own GPU’s maps. Max pooling follows conv1, conv2 and conv5.',
      'Read the totals row: 60,965,224 parameters, 659,272 neurons, 724,406,816 multiply-adds, all computed from the model’s variables.',
      'Press F on “Published beside computed”: 227 input vs the paper’s 224, conv1 290,400 neurons vs 253,440, the slide’s 630 M connections not reproduced.',
      'Ask: where are the parameters, and where is the work? (fc6–fc8 hold 96% of the weights; the convolutions do 92% of the multiply-adds.)',
    ],
    numbers: [
      { value: '60 million parameters, 650,000 neurons, 630 million connections', source: 'Krizhevsky et al. 2012 abstract; lecture slide “Model architecture-AlexNet Krizhevsky 2012”' },
      { value: 'neurons per layer 253,440 · 186,624 · 64,896 · 64,896 · 43,264 · 4,096 · 4,096 · 1,000', source: 'lecture slide (the paper’s §3.5)' },
      { value: '60,965,224 parameters, 659,272 neurons, 724,406,816 multiply-adds', source: 'computed by the app from the model’s variables (tests/unit/model/alexnet.test.ts)' },
      { value: 'fc6–fc8: 58,631,144 parameters (96.2%); conv1–conv5: 665,784,864 multiply-adds (91.9%)', source: 'sums of the app’s computed per-layer rows' },
      { value: 'two GPUs, 2 GB each, about a week of training', source: 'lecture slide; the paper (§1, §3.2) says GTX 580s with 3 GB, five to six days' },
    ],
  },
  {
    title: 'AlexNet\'s weights, filters and feature maps',
    points: [
      'Before class: choose TensorSpace’s bvlc_alexnet files (59 shards and the manifest); the page checks each one and keeps them in this browser. In class, “Load from cache”.',
      'Without them the filters panel shows MobileNet’s 24 first-layer filters of 3×3×3; say so rather than calling them AlexNet’s.',
      'With AlexNet loaded: 96 filters of 11×11×3 in two halves of 48, with each half’s colour share printed. The paper: GPU 1’s mostly colour-blind, GPU 2’s colour-specific.',
      'Pick a layer in the feature-maps select. Ask: down to which layer do the maps still look like the photo?',
      'AlexNet is slow without a GPU: README measured 152 ms an image on WASM but 4.9 s on software WebGL.',
    ],
    numbers: [
      { value: '96 learned low-level filters, 11×11×3', source: 'lecture slide “96 learned low-level filters” (the paper’s Fig. 3)' },
      { value: '60,965,224 float32 values = 243,860,896 bytes (≈ 244 MB, 233 MiB)', source: 'computed from the app’s parameter count × 4 bytes' },
      { value: '59 shards of 4,194,304 bytes', source: 'TensorSpace’s manifest layout, as README describes' },
      { value: 'single-image inference 152.1 ms on WASM, 4,875.6 ms on software WebGL', source: 'README, Performance (machine heavily loaded; read the ratio)' },
    ],
  },
  {
    title: 'Reducing overfitting: data augmentation',
    points: [
      'The problem: 60 million parameters against 1.2 million images. The cure costs no new photos: random 224×224 crops of the 256×256 image, and their mirror images.',
      'The panel uses the picture chosen in step 1. Press “New crops” a few times: the numbered boxes move, each crop beside its reflection.',
      'Read the count line: 32 × 32 positions × 2 reflections = 2,048 examples per image, the paper’s factor.',
      'Ask: is that really 2,048 times more data? (No: the crops overlap heavily. But a shifted or mirrored cat is still a cat.)',
      'At test time the paper averaged ten patches: four corners and the centre, each with its reflection.',
    ],
    numbers: [
      { value: '60M parameters, 650,000 neurons; 224 × 224 regions from 256 × 256 images, plus reflections', source: 'lecture slide “Data augmentation”' },
      { value: 'factor 2,048 = 32 · 32 · 2', source: 'Krizhevsky et al. 2012 §4.1; computed by the panel' },
      { value: '10 test patches (4 corners + centre, each reflected)', source: 'Krizhevsky et al. 2012 §4.1, as the panel cites' },
    ],
  },
  {
    title: 'Reducing overfitting: dropout',
    points: [
      'Keep the classroom preset (no do… parameters in the address): two copies of a 3072-512-512-10 network on 2,000 CIFAR-10 images, one with dropout 0.5.',
      'Press Space. Preset text: by epoch 10 (about a minute) the plain run is at 98% train vs 39% test, a gap of about 60 points; the dropout run’s gap is about 26.',
      'Solid lines are training images, dashed test images; the lower chart is the gap. At the 15-epoch cap (about 1½ min) the gaps were 61.8 and 36.4 points.',
      'Ask: dropout narrowed the gap but test accuracy stayed near 38% for both. Why? (2,000 images: dropout slows memorising, it cannot add information.)',
    ],
    numbers: [
      { value: 'each hidden unit set to zero with probability 0.5, in the two fully connected hidden layers', source: 'lecture slide “Dropout”' },
      { value: 'gap at epoch 15: 61.8 points without dropout, 36.4 with; test accuracy ≈ 38% for both', source: 'README and the preset text, measured with seed 1 in Node, WASM (scripts/dropout.mjs)' },
      { value: 'momentum 0.9, weight decay 0.0005, ε 0.01, batch 128', source: 'the lecture’s update rule, as the preset uses it (ALEXNET_SGD)' },
    ],
  },
  {
    title: 'SGD with momentum and weight decay',
    points: [
      'The panel: the real loss of a two-weight model (ships vs cars from CIFAR-10 test images); plain SGD on the left, the lecture’s rule on the right, same start.',
      'Space does not drive this panel: press “Run” (or “One update”). Momentum builds speed along the flat valley floor while plain SGD creeps.',
      'Click anywhere on a surface to start both paths there; “Back to start” returns them.',
      'The slider starts at ε = 0.5 because this surface is far flatter than AlexNet’s; press “ε = 0.01 (the lecture’s)” to show both crawling.',
      'Ask: what does the −0.0005·ε·w term do to the path? (It pulls the weights slightly toward zero at every update.)',
    ],
    numbers: [
      { value: 'v ← 0.9·v − 0.0005·ε·w − ε·⟨∂L/∂w⟩, w ← w + v; ε starts at 0.01; batches of 128', source: 'lecture slide “Stochastic Gradient Descent Learning” (the paper’s §5)' },
      { value: 'ε = 0.5 on this surface by default', source: 'the app (DEFAULT_EPSILON in MomentumSurfacePanel.tsx)' },
    ],
  },
  {
    title: 'ILSVRC-2010 results',
    points: [
      'Read the table bottom up: AlexNet (“CNN”) 37.5% top-1 and 17.0% top-5, against 47.1/28.2 for sparse coding and 45.7/25.7 for SIFT + Fisher Vectors.',
      'Top-5 error fell 11.2 points and top-1 9.6: the first large-scale vision task where a deep model clearly won.',
      'Ask: the older entries started from hand-designed features such as SIFT; what did AlexNet start from? (Raw pixels, learned end to end.)',
      'Press F on the table so the back row can read the bars.',
    ],
    numbers: [
      { value: 'top-1 / top-5 error: CNN 37.5% / 17.0%; sparse coding 47.1% / 28.2%; SIFT + FVs 45.7% / 25.7%', source: 'Krizhevsky et al. 2012, Table 1; lecture slide “Results: ILSVRC-2010”' },
      { value: '11.2 points (top-5), 9.6 points (top-1)', source: 'computed by the panel from Table 1' },
    ],
  },
  {
    title: 'Retrieval with the top hidden layer',
    points: [
      'Pick a sample photo: the left list ranks the gallery by distance in MobileNet’s 768-value last hidden layer, the right one by raw pixels.',
      'The first search waits while the gallery’s features are computed (sample photos, 1,000 CIFAR-10 test images, your uploads); the status line gives the time.',
      'Ask the slide’s question: which list finds cats for a cat? Feature neighbours share the kind of thing; pixel neighbours share colour and layout.',
      'In the paper AlexNet’s 4,096-value fc7 did this; with its weights loaded, choose “AlexNet fc7” (slow without a GPU).',
    ],
    numbers: [
      { value: 'fc7: 4,096 values; six nearest training images per test image, by Euclidean distance', source: 'Krizhevsky et al. 2012, Fig. 4 (right) and §6.1; lecture slide “Top hidden layer can be used as feature for retrieval”' },
      { value: 'MobileNet’s last hidden layer: 768 values; 8 nearest shown', source: 'README, AlexNet lesson step 8' },
    ],
  },
];

export default notes;
