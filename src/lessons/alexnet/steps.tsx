import type { LessonStep } from '../../app/LessonFrame';

/** The live views of `#/alexnet`; a step lists the ones it shows, in order. */
export type AlexnetView = 'top5' | 'ilsvrc2010' | 'alexnetWeights' | 'alexnetFilters' | 'alexnetFeatureMaps' | 'retrieval' | 'architecture' | 'augmentation' | 'dropout' | 'momentumSurface';
export interface AlexnetStep extends LessonStep { views: AlexnetView[] }

/** The lesson's steps, in order. To add one, append an entry (and a view in Lesson.tsx's VIEWS if it needs a new panel). */
export const ALEXNET_STEPS: AlexnetStep[] = [
  {
    title: 'ImageNet and the top-5 task',
    views: ['top5'],
    body: (
      <>
        <p>
          ImageNet is an image database organised by the WordNet hierarchy of nouns: each node of the hierarchy is
          shown by hundreds to thousands of photos. Its yearly challenge, the <em>ImageNet Large Scale Visual
          Recognition Challenge</em> (ILSVRC), uses a subset with <strong>1,000 classes</strong>: about{' '}
          <strong>1.2 million training images</strong>, 50,000 validation and 150,000 test images (Krizhevsky,
          Sutskever &amp; Hinton 2012, section 2).
        </p>
        <p>
          A network answers with 1,000 probabilities, one per class. Two error rates are reported. The{' '}
          <strong>top-1 error</strong> is the fraction of test images whose most probable class is wrong. The{' '}
          <strong>top-5 error</strong> is the fraction for which the correct label is <em>not among the five</em>{' '}
          most probable ones. Five guesses are fair because photos often hold several objects, and many classes
          are hard to tell apart: ImageNet has five kinds of domestic cat and 118 dog breeds.
        </p>
        <p>
          Try it: click a sample photo, choose or drop your own, paste one with Ctrl+V, or use the webcam. The panel
          shows the square the network sees and its five most probable classes; a correct class is marked, as on
          the lecture&apos;s slide.
        </p>
      </>
    ),
  },
  {
    title: "AlexNet's architecture",
    views: ['architecture'],
    body: (
      <>
        <p>
          AlexNet has eight layers with weights: <strong>five convolutional</strong> and <strong>three fully
          connected</strong>, the last feeding a 1,000-way softmax. Every one of them but the last is followed by a
          ReLU, which made it learn several times faster than with tanh units.
        </p>
        <p>
          The network was split over <strong>two GPUs</strong> (GTX 580s with 3 GB each, §3.2; the lecture slide says 2 GB). Each GPU holds half of every layer&apos;s
          filters; conv2, conv4 and conv5 read only the maps on their own GPU, which is why they are drawn as two halves.
          Local response normalisation follows conv1 and conv2, and max pooling with 3×3 windows at stride 2
          (overlapping, since the windows are wider than the stride) follows conv1, conv2 and conv5.
        </p>
        <p>
          Almost all the parameters are in the fully connected layers: fc6–fc8 hold about 96% of the 61 million. The
          convolutions have few weights but do most of the multiply-adds. The table computes each number from the
          model&apos;s variables and sets the paper&apos;s figures beside them; hover a block to find its row.
        </p>
      </>
    ),
  },
  {
    title: 'AlexNet\'s weights, filters and feature maps',
    views: ['alexnetWeights', 'top5', 'alexnetFilters', 'alexnetFeatureMaps'],
    body: (
      <>
        <p>
          The trained AlexNet is 61 million numbers, 233 MB (243,860,896 bytes): too much to ship with this app. If you have the files of
          TensorSpace&apos;s conversion of Caffe&apos;s <code>bvlc_alexnet</code>, load them here; the page checks that
          every file arrived whole and keeps them in your browser for the next visit. AlexNet then classifies the same
          picture as MobileNet, beside it.
        </p>
        <p>
          The lecture&apos;s slide of <strong>96 learned low-level filters</strong> is conv1: 96 filters of 11×11×3, each
          drawn as a small colour picture. They learned edges at many angles, stripes and blobs of colour. The paper
          split them over two GPUs: the 48 on GPU 1 came out mostly colour-agnostic, the 48 on GPU 2 mostly
          colour-specific. Without AlexNet&apos;s weights you see MobileNet&apos;s first layer instead.
        </p>
        <p>
          A <strong>feature map</strong> is one filter&apos;s response at every position of its input: a layer with 96
          filters turns the picture into 96 maps. Early maps follow edges and colours of the photo; deeper ones are
          smaller and answer to larger, more abstract patterns.
        </p>
      </>
    ),
  },
  {
    title: 'Reducing overfitting: data augmentation',
    views: ['augmentation'],
    body: (
      <>
        <p>
          AlexNet has 60 million parameters, and 1.2 million training images are not enough to keep that many from
          fitting the training set more closely than the world. The cheapest cure is more data made from the data
          already there: transformations that do not change what the picture shows.
        </p>
        <p>
          Every image was scaled to 256×256, and the network trained on <strong>random 224×224 patches</strong> of
          it and on their <strong>horizontal reflections</strong>. The panel takes the picture you chose in step 1,
          draws the boxes of a few random patches, and shows each patch beside its mirror image. The patches are
          made on the fly, so the augmented data set is never stored.
        </p>
        <p>
          The examples differ from each other a lot less than 2,048 real photos would, but a cat a few pixels to the
          left, or facing the other way, is still a cat: the network has to learn that.
        </p>
      </>
    ),
  },
  {
    title: 'Reducing overfitting: dropout',
    views: ['dropout'],
    body: (
      <>
        <p>
          <strong>Dropout</strong> sets the output of each hidden unit to zero with probability 0.5, anew for every
          training example; AlexNet did this in its two large fully connected hidden layers. A unit cannot count on
          any particular other unit being there, so it has to learn features that are useful on their own. At test
          time every unit is used (the paper halved their outputs to make up for the doubled number of inputs).
        </p>
        <p>
          The panel trains two copies of one network — same starting weights, same batches, the lecture&apos;s update
          rule — one with dropout on both hidden layers and one without. Press Train and watch each run&apos;s
          accuracy on the images it trains on (solid) and on test images it never sees (dashed). The vertical
          distance between the two is the overfitting: the <em>gap</em>.
        </p>
      </>
    ),
  },
  {
    title: 'SGD with momentum and weight decay',
    views: ['momentumSurface'],
    body: (
      <>
        <p>
          AlexNet was trained by stochastic gradient descent on batches of 128 images, with two additions. The{' '}
          <strong>velocity</strong> v keeps 0.9 of the previous update, so steps that agree add up and steps that
          zig-zag cancel. <strong>Weight decay</strong> −0.0005·ε·w pulls every weight a little towards zero at each
          update. The learning rate ε started at 0.01:
        </p>
        <p className="formula">v ← 0.9·v − 0.0005·ε·w − ε·⟨∂L/∂w⟩,&nbsp;&nbsp; w ← w + v</p>
        <p>
          The panel runs this rule and plain SGD (w ← w − ε·⟨∂L/∂w⟩) from the same point on the real loss of a small
          model with two weights. Plain SGD moves only as fast as the local slope, so on gentle slopes and along the
          flat floor of a long, narrow valley it creeps; momentum keeps adding up gradients that point the same way
          and builds up speed there.
        </p>
      </>
    ),
  },
  {
    title: 'ILSVRC-2010 results',
    views: ['ilsvrc2010'],
    body: (
      <>
        <p>
          On the ILSVRC-2010 test set AlexNet — &ldquo;CNN&rdquo; in the paper&apos;s table — reached top-1 and
          top-5 error rates of <strong>37.5%</strong> and <strong>17.0%</strong>.
        </p>
        <p>
          The best entry of the 2010 competition reached 47.1% and 28.2%, averaging six sparse-coding models trained
          on different features. The best result published after the competition was 45.7% and 25.7%, averaging
          two classifiers trained on Fisher Vectors (FVs) computed from two kinds of densely sampled features (SIFT
          among them).
        </p>
        <p>
          A deep network trained end to end on the raw pixels thus cut the top-5 error by 11.2 points, from 28.2% to
          17.0%: the first time a deep model was shown to work on a large-scale vision task.
        </p>
      </>
    ),
  },
  {
    title: 'Retrieval with the top hidden layer',
    views: ['retrieval'],
    body: (
      <>
        <p>
          The last hidden layer turns every image into a vector: for AlexNet the 4,096 values of fc7, just before
          the classifier. To see what the network has learned, Krizhevsky et al. compare these vectors directly. In
          the right half of their <strong>Fig. 4</strong>, the first column holds five ILSVRC-2010 test images and
          each row the <strong>six training images whose last-hidden-layer vectors are closest</strong> to that
          test image&apos;s, by Euclidean distance.
        </p>
        <p>
          Those neighbours are rarely close pixel by pixel — a dog or an elephant in another pose, another light,
          another background — yet they show the same kind of thing. Two images are near each other in this space
          when the network would describe them alike, so the layer works as a feature for image retrieval.
        </p>
        <p>
          Try it: here the shipped MobileNet stands in for AlexNet (its last hidden layer has 768 values). Pick a
          picture; the left list ranks the gallery by feature distance, the right list by distance between the raw
          pixels. Which one finds cats for a cat?
        </p>
      </>
    ),
  },
];
