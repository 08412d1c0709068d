import type { LessonStep } from '../../app/LessonFrame';

/** The live views of `#/alexnet`; a step lists the ones it shows, in order. */
export type AlexnetView = 'top5' | 'ilsvrc2010';
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
];
