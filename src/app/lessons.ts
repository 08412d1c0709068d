/** The lecture's outline: sections in order, each with its lessons. `ready` lessons are built; others say "coming". */
export interface LessonEntry {
  slug: string;
  title: string;
  /** One line on what the lesson shows. */
  summary: string;
  ready: boolean;
}

export interface OutlineSection {
  title: string;
  lessons: LessonEntry[];
}

export const OUTLINE: OutlineSection[] = [
  {
    title: 'Introduction of Neural Network',
    lessons: [
      { slug: 'neural-networks', title: 'Neural networks', summary: 'Units, linear classifiers, transfer functions and gradient descent.', ready: true },
    ],
  },
  {
    title: 'Popular Deep Learning Libraries',
    lessons: [
      { slug: 'libraries', title: 'Libraries', summary: 'Theano, DeepLearnToolbox, MatConvNet, Caffe, TensorFlow and Keras — and TensorFlow.js, which runs this app.', ready: true },
    ],
  },
  {
    title: 'Introduction of Deep Neural Network',
    lessons: [
      { slug: 'convolution', title: 'Convolution', summary: 'Local connections, shared weights, padding, stride and multiple filters.', ready: true },
      { slug: 'pooling', title: 'Pooling', summary: 'Max and average pooling, and which input won each max.', ready: true },
      { slug: 'backprop', title: 'Backpropagation in a CNN', summary: 'How errors flow back through convolution and pooling.', ready: true },
    ],
  },
  {
    title: 'Implementation of several Deep models',
    lessons: [
      { slug: 'cifar10', title: 'CIFAR-10 via TensorFlow', summary: "The TensorFlow tutorial's CIFAR-10 network, trained live in a background worker.", ready: true },
      { slug: 'autoencoder', title: 'Autoencoder via MATLAB', summary: 'Learn MNIST without labels: 784 → 100 → 784, trained live in your browser.', ready: true },
    ],
  },
  {
    title: 'Applications of Deep models in ImageNet',
    lessons: [
      { slug: 'activations', title: 'ReLU vs sigmoid vs tanh', summary: 'The training-speed race from the AlexNet paper.', ready: true },
      { slug: 'alexnet', title: 'AlexNet', summary: 'The 2012 ImageNet network, its tricks, and top-5 predictions on your photos.', ready: true },
      { slug: 'architectures', title: 'Other CNN structures', summary: 'Clarifai, OverFeat, VGG, Network-in-Network, GoogLeNet.', ready: true },
    ],
  },
];

export const ALL_LESSONS: LessonEntry[] = OUTLINE.flatMap((s) => s.lessons);

export function findLesson(slug: string): LessonEntry | undefined {
  return ALL_LESSONS.find((l) => l.slug === slug);
}
