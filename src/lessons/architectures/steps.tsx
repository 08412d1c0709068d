import type { LessonStep } from '../../app/LessonFrame';
import type { NetworkId } from './networks';

/** What a step shows: the comparison table, one network's diagram, Deep Image's story, or a chart. */
export type ArchitecturesView = 'compare' | NetworkId | 'deepimage' | 'errors' | 'params';
export interface ArchitecturesStep extends LessonStep { views: ArchitecturesView[] }

export const ARCHITECTURES_STEPS: ArchitecturesStep[] = [
  {
    title: 'After AlexNet',
    views: ['compare'],
    body: (
      <>
        <p>
          AlexNet won ILSVRC-2012 by a wide margin, and for the next three years almost every leading entry was a
          convolutional network. The lecture lists the best known: Clarifai, OverFeat, VGG, Baidu’s Deep Image,
          Network-in-Network and GoogLeNet.
        </p>
        <p>
          The table puts them side by side. Depth and parameter counts are <strong>computed</strong> here from each
          network’s layer list; error rates and the papers’ own counts are <strong>cited</strong>, with the table or
          page they come from. Where a paper gives no number, the table says so instead of guessing.
        </p>
      </>
    ),
  },
  {
    title: 'Clarifai / ZFNet: look, then fix',
    views: ['zfnet', 'alexnet'],
    body: (
      <>
        <p>
          Zeiler and Fergus built a <em>deconvnet</em> that maps a feature back to the pixels that excite it. Looking at
          AlexNet’s first layers this way showed dead filters and aliasing from the large 11×11, stride-4 filters.
        </p>
        <p>
          Their fix: 7×7 filters with stride 2 in the first layer and stride 2 in the second, otherwise much the same
          network on one GPU. Zeiler’s company Clarifai won ILSVRC-2013 classification with an ensemble of such nets.
          Compare the two diagrams: the first maps are larger (110 instead of 55 a side).
        </p>
      </>
    ),
  },
  {
    title: 'OverFeat: one net, three tasks',
    views: ['overfeat'],
    body: (
      <>
        <p>
          OverFeat (NYU) applied a convolutional net as a <em>sliding window</em>: because the fully connected layers
          can be run as convolutions, a bigger image simply gives a map of class scores, one per window position,
          computed at several scales in one pass.
        </p>
        <p>
          A second head regresses bounding boxes from the same features, so one network classifies, localises and
          detects. It won the ILSVRC-2013 localisation task. Its wide layers (1,024 maps, a 3,072-unit fc6) make it
          more than twice AlexNet’s size.
        </p>
      </>
    ),
  },
  {
    title: 'VGG: stacks of 3×3',
    views: ['vgg16', 'vgg19'],
    body: (
      <>
        <p>
          Oxford’s Visual Geometry Group used only 3×3 convolutions, stride 1, in stacks of two to four, with 2×2
          pooling between stacks. Two stacked 3×3 layers see a 5×5 patch and three see 7×7, with fewer weights than
          one large filter (3·3²·C² against 7²·C²) and a ReLU after each.
        </p>
        <p>
          Pushing the depth to 16 and 19 weight layers took them to second place in ILSVRC-2014 classification. A
          block drawn as “3× 3×3” is three convolutions; the count below comes from the layer list: VGG-16 has
          138,357,544 parameters, over 100 million of them in the first fully connected layer.
        </p>
      </>
    ),
  },
  {
    title: 'Network-in-Network: 1×1 convolutions',
    views: ['nin'],
    body: (
      <>
        <p>
          Lin, Chen and Yan replaced each linear filter by a tiny multilayer perceptron slid over the image
          (“mlpconv”). In practice that is a convolution followed by two <strong>1×1 convolutions</strong>: each mixes
          the channels at one position, adding non-linearity without looking further.
        </p>
        <p>
          The last mlpconv gives one map per class and <strong>global average pooling</strong> turns each map into one
          score, so there are no fully connected layers to overfit. The ImageNet model drawn here, released by the
          authors, has about 7.6 million parameters; the paper itself reports no ImageNet error.
        </p>
      </>
    ),
  },
  {
    title: 'GoogLeNet: inception modules',
    views: ['googlenet'],
    body: (
      <>
        <p>
          GoogLeNet won ILSVRC-2014 with 6.67% top-5 error. Its <strong>inception module</strong> runs 1×1, 3×3 and
          5×5 convolutions and a 3×3 pooling side by side and stacks their outputs; 1×1 convolutions first shrink the
          channels so the larger filters stay cheap (Network-in-Network’s idea put to work).
        </p>
        <p>
          Nine modules make the network 22 weight layers deep, with global average pooling instead of large fully
          connected layers. Each module is one block here. The paper says it uses 12 times fewer parameters than
          AlexNet. Its Table 1’s “params” column sums to about 6.8 million; the layer list drawn here, counted weight by weight,
          gives 6,998,552 — about 8.7 times fewer than AlexNet’s 60,965,224 (both counts computed by this app).
        </p>
      </>
    ),
  },
  {
    title: 'Deep Image: scale, and a broken rule',
    views: ['deepimage'],
    body: (
      <>
        <p>
          Baidu’s Deep Image bet on scale: a purpose-built supercomputer, heavy data augmentation and
          high-resolution images. In 2015 it claimed the lowest ImageNet error yet.
        </p>
        <p>
          The ILSVRC organisers then found the team had submitted to the test server far more often than the two
          submissions a week allowed, which lets one tune on the test set. They ruled the results not directly
          comparable and barred the team for a year. Its number is shown, marked, but not ranked.
        </p>
      </>
    ),
  },
  {
    title: 'Error by year',
    views: ['errors'],
    body: (
      <>
        <p>
          In three ILSVRC rounds the winning top-5 test error fell from 15.3% (AlexNet, 2012) to 11.7% (Clarifai, 2013)
          and 6.67% (GoogLeNet, 2014): more than halved, with deeper networks and ensembles.
        </p>
        <p>
          Compare like with like: these are ensembles on the test set. A single network, or the validation set, gives
          a different number; the comparison table lists both where the papers do.
        </p>
      </>
    ),
  },
  {
    title: 'Parameters against depth',
    views: ['params'],
    body: (
      <>
        <p>
          Deeper did not mean bigger. The parameters sit mostly in the fully connected layers: AlexNet’s fc6–fc8 hold
          about 96% of its weights, VGG-16’s about 89%.
        </p>
        <p>
          Network-in-Network and GoogLeNet drop those layers for global average pooling: GoogLeNet is almost three
          times as deep as AlexNet with about a ninth of its parameters.
        </p>
      </>
    ),
  },
];
