import type { NetworkId } from './networks';

/**
 * What each network reported on ImageNet, as published, with where each number comes from. Every error is a
 * top-5 error on the 1,000-class ILSVRC classification task; "test" means the challenge's held-out test set
 * (scored by the organisers' server), "val" the 50,000-image validation set.
 */

export interface Top5Claim {
  /** Percent. */
  value: number;
  set: 'test' | 'val';
  /** Single model or ensemble, and anything else that matters (extra data, post-competition). */
  how: string;
  source: string;
}

export interface ArchitectureEntry {
  key: string;
  name: string;
  /** Who and when: the paper. */
  paper: string;
  /** ILSVRC year the result belongs to (for the chart); null when there is no ILSVRC result. */
  year: number | null;
  /** The layer list drawn and counted here; null when none is published. */
  spec: NetworkId | null;
  /** Depth and parameter count as the paper states them, for beside the computed ones; null: not published. */
  publishedDepth: string | null;
  publishedParameters: string | null;
  /** The headline ILSVRC result (the one charted), and others worth quoting. */
  headline: Top5Claim | null;
  others: Top5Claim[];
  /** Why the headline is not comparable, when it is not. */
  caveat?: string;
  whatWasNew: string;
}

const ALEXNET_PAPER = 'Krizhevsky, Sutskever & Hinton (2012), NIPS, Table 2';
const GOOGLENET_T2 = 'Szegedy et al. (2014), Going Deeper with Convolutions, Table 2';

export const ARCHITECTURES: ArchitectureEntry[] = [
  {
    key: 'alexnet', name: 'AlexNet', paper: 'Krizhevsky, Sutskever & Hinton, NIPS 2012', year: 2012, spec: 'alexnet',
    publishedDepth: '8 (5 conv + 3 fc)', publishedParameters: '60 million',
    headline: { value: 15.3, set: 'test', how: 'ILSVRC-2012 entry: 7 CNNs, 2 of them pre-trained on the Fall-2011 ImageNet release (extra data)', source: ALEXNET_PAPER },
    others: [
      { value: 16.4, set: 'test', how: '5 CNNs, no extra data', source: ALEXNET_PAPER },
      { value: 18.2, set: 'val', how: '1 CNN', source: ALEXNET_PAPER },
    ],
    whatWasNew: 'ReLU, two GPUs, local response normalisation, overlapping pooling, dropout and data augmentation, at ImageNet scale.',
  },
  {
    key: 'zfnet', name: 'Clarifai / ZFNet', paper: 'Zeiler & Fergus, arXiv 1311.2901 (2013), ECCV 2014', year: 2013, spec: 'zfnet',
    publishedDepth: '8', publishedParameters: null,
    headline: { value: 11.7, set: 'test', how: 'Clarifai’s winning ILSVRC-2013 entry, an ensemble, no extra data (11.2% with extra data)', source: `ILSVRC-2013 results; ${GOOGLENET_T2}` },
    others: [
      { value: 14.8, set: 'test', how: 'the paper: 6 convnets, ILSVRC-2012 data', source: 'Zeiler & Fergus (2013), Table 2' },
      { value: 16.5, set: 'val', how: 'the paper: 1 convnet (Fig. 3)', source: 'Zeiler & Fergus (2013), Table 2' },
    ],
    whatWasNew: 'Smaller first-layer filters (7×7, stride 2 instead of 11×11, stride 4), chosen by looking inside the net with a deconvnet that projects features back to pixels.',
  },
  {
    key: 'overfeat', name: 'OverFeat', paper: 'Sermanet, Eigen, Zhang, Mathieu, Fergus & LeCun, arXiv 1312.6229 (2013), ICLR 2014', year: 2013, spec: 'overfeat',
    publishedDepth: '8 (fast model), 9 (accurate model)', publishedParameters: '145 million (fast), 144 million (accurate)',
    headline: { value: 14.2, set: 'test', how: 'ILSVRC-2013 entry, an ensemble of 7 models (13.6% after the competition)', source: 'Sermanet et al. (2013), §3 and Fig. 4; ILSVRC-2013 results' },
    others: [],
    whatWasNew: 'One network for classification, localisation and detection: applied as a sliding window over several scales (computed convolutionally), with a regressor that predicts boxes. Won ILSVRC-2013 localisation.',
  },
  {
    key: 'vgg', name: 'VGG-16 / VGG-19', paper: 'Simonyan & Zisserman, arXiv 1409.1556 (2014), ICLR 2015', year: 2014, spec: 'vgg16',
    publishedDepth: '16 / 19', publishedParameters: '138 million / 144 million (Table 2)',
    headline: { value: 7.3, set: 'test', how: 'ILSVRC-2014 entry (2nd), 7 nets', source: 'Simonyan & Zisserman (2014), Table 7' },
    others: [
      { value: 6.8, set: 'test', how: '2 nets (D and E), after the competition', source: 'Simonyan & Zisserman (2014), Table 7' },
      { value: 7.0, set: 'test', how: '1 net', source: 'Simonyan & Zisserman (2014), Table 7' },
    ],
    whatWasNew: 'Depth from stacks of small 3×3 convolutions: two 3×3 see as far as one 5×5, three as far as one 7×7, with fewer weights and more ReLUs.',
  },
  {
    key: 'nin', name: 'Network-in-Network', paper: 'Lin, Chen & Yan, arXiv 1312.4400 (2013), ICLR 2014', year: null, spec: 'nin',
    publishedDepth: null, publishedParameters: null,
    headline: null, others: [],
    caveat: 'The paper reports CIFAR-10, CIFAR-100, SVHN and MNIST, no ImageNet error: not published.',
    whatWasNew: 'mlpconv: a small multilayer perceptron slid over the image, i.e. 1×1 convolutions after each convolution; and global average pooling of one map per class instead of fully connected layers.',
  },
  {
    key: 'googlenet', name: 'GoogLeNet', paper: 'Szegedy et al., arXiv 1409.4842 (2014), CVPR 2015', year: 2014, spec: 'googlenet',
    publishedDepth: '22 (27 with pooling)', publishedParameters: '“12 times fewer than” AlexNet (§1); Table 1 sums to about 6.8 million',
    headline: { value: 6.67, set: 'test', how: 'ILSVRC-2014 winner, 7 models, 144 crops per image', source: `${GOOGLENET_T2} and Table 3` },
    others: [],
    whatWasNew: 'Inception modules: 1×1, 3×3 and 5×5 convolutions and pooling side by side, with 1×1 convolutions to shrink the channels first; 22 layers with few parameters.',
  },
  {
    key: 'deepimage', name: 'Deep Image (Baidu)', paper: 'Wu, Yan, Shan, Dang & Sun, arXiv 1501.02876 (2015)', year: 2015, spec: null,
    publishedDepth: null, publishedParameters: null,
    headline: { value: 4.58, set: 'test', how: 'claimed in arXiv v3 (May 2015), ILSVRC-2012 test server; v1 (January 2015) claimed 5.98%', source: 'Wu et al. (2015), abstract of v1 and v3' },
    others: [],
    caveat: 'Not comparable: between 28 November 2014 and 13 May 2015 the team used at least 30 accounts to submit to the test server at least 200 times, against a limit of two a week; '
      + 'the ILSVRC organisers ruled the results not directly comparable and asked Baidu not to submit for 12 months (image-net.org announcement, 2 June 2015).',
    whatWasNew: 'Scale rather than a new layer: a custom supercomputer (Minwa, 36 nodes with 4 GPUs each), aggressive data augmentation and multi-scale high-resolution images.',
  },
];
