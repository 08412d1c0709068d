import type { LessonNotes } from './types';

/** Speaker notes for `#/architectures`, one entry per step of ARCHITECTURES_STEPS. */
const notes: LessonNotes = [
  {
    title: 'After AlexNet',
    points: [
      'Frame it: after AlexNet won ILSVRC-2012, nearly every leading entry for three years was a CNN. The lecture names six; the table adds AlexNet as the baseline.',
      'Two kinds of number in the table: depth and parameters computed from each layer list; error rates and the papers’ own counts cited, with table or page.',
      'Point at a “not published” cell: where a paper gives no number, the table says so instead of guessing (Network-in-Network has no ImageNet error).',
      'Nothing trains in this lesson: use ←/→ and F. Ask: which network do you expect to be deepest, and which the largest?',
    ],
    numbers: [
      { value: 'Clarifai, OverFeat, VGG, Deep Image (Baidu), Network-in-Network, GoogLeNet', source: 'lecture slide “Other different CNN structures for image classification”' },
      { value: 'AlexNet 60,965,224; VGG-16 138,357,544; GoogLeNet 6,998,552 parameters', source: 'computed by the app from its layer lists (tests/unit/lessons/architectures.test.ts)' },
    ],
  },
  {
    title: 'Clarifai / ZFNet: look, then fix',
    points: [
      'Zeiler and Fergus mapped features back to pixels with a deconvnet and found dead filters and aliasing in AlexNet’s 11×11, stride-4 first layer.',
      'Their fix: 7×7 filters at stride 2 in conv1, stride 2 in conv2, one GPU. Compare the two diagrams: conv1’s maps are 110 a side instead of 55.',
      'About the same size: 62,357,608 parameters against AlexNet’s 60,965,224. Better by looking inside, not by growing.',
      'Ask: why would a smaller first-layer stride help? (The image is sampled more finely, so less aliasing.)',
    ],
    numbers: [
      { value: '11.7% top-5 test error, ILSVRC-2013 winner (Clarifai ensemble, no extra data)', source: 'ILSVRC-2013 results; Szegedy et al. 2014, Table 2, as the app cites' },
      { value: '14.8% test (6 convnets), 16.5% val (1 convnet)', source: 'Zeiler & Fergus 2013, Table 2' },
      { value: '62,357,608 parameters; conv1 output 110 × 110 × 96', source: 'computed by the app from its ZFNet layer list' },
    ],
  },
  {
    title: 'OverFeat: one net, three tasks',
    points: [
      'Key idea: run the fully connected layers as convolutions, so a bigger image yields a map of class scores, one per window position, at several scales in one pass.',
      'A second head regresses boxes from the same features: one network classifies, localises and detects. It won ILSVRC-2013 localisation.',
      'The fast model has 145,920,872 parameters, more than twice AlexNet’s; its 3,072-unit fc6 alone holds 113,249,280.',
      'Ask: why is sliding a convnet over a large image cheaper than classifying each crop? (Overlapping windows share their convolutions.)',
    ],
    numbers: [
      { value: '145,920,872 parameters (fast model); fc6 113,249,280', source: 'computed by the app from its layer list (tests/unit/lessons/architectures.test.ts)' },
      { value: '145 million (fast), 144 million (accurate)', source: 'Sermanet et al. 2013, as the comparison table cites' },
      { value: '14.2% top-5 test, ILSVRC-2013 entry (7 models; 13.6% after the competition)', source: 'Sermanet et al. 2013, §3 and Fig. 4; ILSVRC-2013 results' },
    ],
  },
  {
    title: 'VGG: stacks of 3×3',
    points: [
      'Only 3×3 convolutions at stride 1, in stacks of two to four, with 2×2 pooling between stacks. Two stacked 3×3 see 5×5; three see 7×7.',
      'Weights: three 3×3 layers cost 27·C² against 49·C² for one 7×7, and bring three ReLUs instead of one.',
      'In the diagram a block marked “3× 3×3” is three convolutions. Computed: VGG-16 138,357,544, VGG-19 143,667,240 parameters.',
      'Ask: where do VGG-16’s parameters sit? (The first fully connected layer alone has 102,764,544.)',
    ],
    numbers: [
      { value: 'VGG-16 138,357,544 (16 weight layers); VGG-19 143,667,240 (19)', source: 'computed by the app from its layer lists (tests/unit/lessons/architectures.test.ts)' },
      { value: '138 million / 144 million', source: 'Simonyan & Zisserman 2014, Table 2' },
      { value: '7.3% top-5 test, ILSVRC-2014 2nd place (7 nets)', source: 'Simonyan & Zisserman 2014, Table 7' },
    ],
  },
  {
    title: 'Network-in-Network: 1×1 convolutions',
    points: [
      'mlpconv is a tiny MLP slid over the image; in practice a convolution followed by two 1×1 convolutions that mix the channels at each position.',
      'The last mlpconv gives one map per class; global average pooling turns each map into one score, so there are no fully connected layers at all.',
      'Computed for the authors’ released ImageNet model: 12 weight layers, 7,595,176 parameters. The paper itself reports no ImageNet error.',
      'Ask: what can a 1×1 convolution do that pooling cannot? (Mix channels, add a non-linearity, shrink the channel count.)',
    ],
    numbers: [
      { value: '12 weight layers, 7,595,176 parameters', source: 'computed by the app from its layer list (tests/unit/lessons/architectures.test.ts)' },
      { value: 'no ImageNet error published (CIFAR-10, CIFAR-100, SVHN, MNIST only)', source: 'Lin, Chen & Yan 2013, as the comparison table notes' },
    ],
  },
  {
    title: 'GoogLeNet: inception modules',
    points: [
      'An inception module runs 1×1, 3×3 and 5×5 convolutions and 3×3 pooling side by side and stacks the outputs; 1×1 convolutions shrink the channels first.',
      'Nine modules, 22 weight layers, global average pooling at the end; each module is one block in the diagram.',
      'The paper says 12× fewer parameters than AlexNet. The app’s layer list gives 6,998,552, about 8.7× fewer (Table 1 itself sums to about 6.8 M).',
      'Ask: why do 1×1 “bottlenecks” make the 5×5 branch cheap? (They cut the channels the 5×5 filters must read.)',
    ],
    numbers: [
      { value: '6.67% top-5 test, ILSVRC-2014 winner (7 models, 144 crops per image)', source: 'Szegedy et al. 2014, Tables 2 and 3' },
      { value: '22 weight layers, 6,998,552 parameters (no auxiliary classifiers)', source: 'computed by the app from its layer list (README; tests/unit/lessons/architectures.test.ts)' },
      { value: '“12 times fewer” parameters than AlexNet; Table 1 sums to about 6.8 million', source: 'Szegedy et al. 2014, §1 and Table 1, as the comparison table cites' },
    ],
  },
  {
    title: 'Deep Image: scale, and a broken rule',
    points: [
      'Baidu bet on scale: a purpose-built supercomputer (36 nodes of 4 GPUs), heavy augmentation, multi-scale high-resolution images.',
      'It claimed 5.98% top-5 (January 2015), then 4.58% (May 2015) on the ILSVRC-2012 test server.',
      'The organisers found 200+ submissions from 30+ accounts against a limit of two a week, ruled the results not directly comparable and barred the team for 12 months.',
      'Ask: why does submitting that often matter? (You end up tuning on the test set, so the score no longer measures generalisation.)',
    ],
    numbers: [
      { value: 'claimed 5.98% (arXiv v1), then 4.58% (v3) top-5 test error', source: 'Wu et al. 2015, abstracts of v1 and v3' },
      { value: 'at least 200 submissions from at least 30 accounts, limit two a week; 12-month ban', source: 'image-net.org announcement, 2 June 2015, as the app cites' },
    ],
  },
  {
    title: 'Error by year',
    points: [
      'Press F on the chart: the winners’ top-5 test error, 15.3% (AlexNet, 2012) → 11.7% (Clarifai, 2013) → 6.67% (GoogLeNet, 2014), joined by the dashed line.',
      'The open circle is Deep Image’s claim: shown, not ranked.',
      'Don’t mix it up with AlexNet’s 17.0% of the previous lesson: that was ILSVRC-2010; 15.3% is the 2012 entry, seven CNNs with extra data.',
      'Ask: the error more than halved in two years; what changed most — depth, data or ensembles?',
    ],
    numbers: [
      { value: '15.3% (2012), 11.7% (2013), 6.67% (2014) top-5 test error, ensembles as submitted', source: 'Krizhevsky et al. 2012 Table 2; ILSVRC-2013 results; Szegedy et al. 2014 Table 2' },
      { value: 'AlexNet 16.4% (5 CNNs, no extra data), 18.2% on val (1 CNN)', source: 'Krizhevsky et al. 2012, Table 2' },
    ],
  },
  {
    title: 'Parameters against depth',
    points: [
      'Press F on the scatter: layers with weights across, parameters up on a log scale, both computed from the layer lists.',
      'Fully connected layers hold most weights: AlexNet’s fc6–fc8 96%, VGG-16’s 89%, OverFeat’s fc6 alone 113,249,280.',
      'Network-in-Network and GoogLeNet swap them for global average pooling: GoogLeNet has 22 weight layers to AlexNet’s 8 with about a ninth of the parameters.',
      'Ask: if depth is not what costs parameters, what is? (Wide fully connected layers on top of large maps.)',
    ],
    numbers: [
      { value: 'fc layers: AlexNet 58,631,144 of 60,965,224 (96.2%); VGG-16 123,642,856 of 138,357,544 (89.4%)', source: 'sums of the app’s computed per-layer rows' },
      { value: 'GoogLeNet 22 layers, 6,998,552; AlexNet 8 layers, 60,965,224', source: 'computed by the app from its layer lists' },
    ],
  },
];

export default notes;
