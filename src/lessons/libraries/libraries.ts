/** The six libraries of the lecture's "Popular Deep Learning Libraries" section, and what has changed since. */

export interface Source {
  label: string;
  href: string;
}

export interface Library {
  name: string;
  /** What it is, in a few words. */
  kind: string;
  /** Languages it is written in and used from. */
  language: string;
  /** Who built and maintained it at the time of the lecture. */
  maintainer: string;
  gpu: string;
  pretrained: string;
  abstraction: string;
  /** The lecture's own advantages, in its words. */
  lecturePros: string[];
  /** The lecture's own disadvantages ([] where it lists none). */
  lectureCons: string[];
  /** A dated, sourced change since the lecture (February 2017), or null. */
  since: string | null;
  sources: Source[];
}

export const LIBRARIES: readonly Library[] = [
  {
    name: 'Theano',
    kind: 'Symbolic computation library with an optimising compiler',
    language: 'Python; compiles expressions to C and CUDA',
    maintainer: 'MILA (LISA lab), Université de Montréal',
    gpu: 'Yes (CUDA)',
    pretrained: 'None built in',
    abstraction: 'Low: symbolic tensor expressions and automatic differentiation',
    lecturePros: ['Symbolic computation', 'CPU and GPU infrastructure', 'Optimised compiler'],
    lectureCons: [],
    since:
      'Sept 2017: MILA announced the end of Theano development after version 1.0, released on 15 Nov 2017. ' +
      'The PyMC developers took over maintenance in 2018; their fork continues as PyTensor.',
    sources: [
      { label: 'Theano Development Team, arXiv:1605.02688 (2016)', href: 'https://arxiv.org/abs/1605.02688' },
      { label: 'Bengio & Lamblin, "MILA and the future of Theano", theano-users, 28 Sept 2017', href: 'https://groups.google.com/g/theano-users/c/7Poq8BZutbY' },
      { label: 'github.com/Theano/Theano', href: 'https://github.com/Theano/Theano' },
    ],
  },
  {
    name: 'DeepLearnToolbox',
    kind: 'Open-source MATLAB toolbox for deep learning (NN, CNN, DBN, stacked and convolutional autoencoders)',
    language: 'MATLAB',
    maintainer: 'Rasmus Berg Palm (from his 2012 master’s thesis, DTU)',
    gpu: 'No: CPU only',
    pretrained: 'None',
    abstraction: 'Low: short MATLAB functions per model',
    lecturePros: ['MATLAB, easy to use', 'Open source'],
    lectureCons: ['Only a CPU version, slow'],
    since: 'Its README now calls it outdated and no longer maintained, and points to Theano, Torch or TensorFlow instead.',
    sources: [
      { label: 'github.com/rasmusbergpalm/DeepLearnToolbox (README)', href: 'https://github.com/rasmusbergpalm/DeepLearnToolbox' },
      { label: 'R. B. Palm, "Prediction as a candidate for learning deep hierarchical models of data", MSc thesis, DTU 2012', href: 'http://www2.imm.dtu.dk/pubdb/views/publication_details.php?id=6284' },
    ],
  },
  {
    name: 'MatConvNet',
    kind: 'Open-source MATLAB toolbox for convolutional networks',
    language: 'MATLAB, with C++/CUDA kernels',
    maintainer: 'The VLFeat team (Andrea Vedaldi, Karel Lenc, Oxford VGG)',
    gpu: 'Yes (CUDA)',
    pretrained: 'Yes: VGG, AlexNet and others',
    abstraction: 'Middle: CNN building blocks and network wrappers',
    lecturePros: ['MATLAB, easy to use', 'Pretrained models (VGG, AlexNet)', 'GPU support'],
    lectureCons: ['More complicated than DeepLearnToolbox', 'Convolutional networks only'],
    since: null,
    sources: [
      { label: 'Vedaldi & Lenc, "MatConvNet: Convolutional Neural Networks for MATLAB", ACM MM 2015', href: 'https://arxiv.org/abs/1412.4564' },
      { label: 'github.com/vlfeat/matconvnet', href: 'https://github.com/vlfeat/matconvnet' },
    ],
  },
  {
    name: 'Caffe',
    kind: 'Open-source deep learning framework; networks declared in configuration files',
    language: 'C++ and CUDA C, with Python and MATLAB interfaces',
    maintainer: 'Berkeley Vision and Learning Center (BVLC); created by Yangqing Jia',
    gpu: 'Yes (CUDA, cuDNN)',
    pretrained: 'Yes: the Caffe Model Zoo (e.g. AlexNet, GoogLeNet)',
    abstraction: 'Middle: layers declared in prototxt files',
    lecturePros: ['Open source', 'Reliable, especially for large-scale problems', 'Speed', 'Popularity'],
    lectureCons: [],
    since: 'Facebook’s successor Caffe2 (April 2017) was merged into PyTorch in 2018.',
    sources: [
      { label: 'Jia et al., "Caffe: Convolutional Architecture for Fast Feature Embedding", ACM MM 2014', href: 'https://arxiv.org/abs/1408.5093' },
      { label: 'caffe.berkeleyvision.org', href: 'http://caffe.berkeleyvision.org' },
      { label: 'github.com/BVLC/caffe', href: 'https://github.com/BVLC/caffe' },
    ],
  },
  {
    name: 'TensorFlow',
    kind: 'Open-source library for numerical computation with data-flow graphs',
    language: 'C++ core; Python API for composing operations',
    maintainer: 'Google Brain (open source since Nov 2015)',
    gpu: 'Yes: one or more CPUs or GPUs, desktop, server or mobile',
    pretrained: 'Yes: the tensorflow/models repository',
    abstraction: 'Low to middle: graphs of operations (1.x)',
    lecturePros: ['Flexible architecture: one API for CPUs or GPUs on desktop, server or mobile'],
    lectureCons: [],
    since:
      'TensorFlow 2.0 (Sept 2019) runs eagerly by default and removed tf.contrib; the lecture’s 1.x graph code ' +
      '(tf.variable_scope, sessions) runs there only through tf.compat.v1.',
    sources: [
      { label: 'Abadi et al., "TensorFlow: Large-Scale Machine Learning on Heterogeneous Distributed Systems", 2015', href: 'https://arxiv.org/abs/1603.04467' },
      { label: 'TensorFlow 2.0.0 release notes', href: 'https://github.com/tensorflow/tensorflow/releases/tag/v2.0.0' },
    ],
  },
  {
    name: 'Keras',
    kind: 'High-level neural-network library running on top of TensorFlow or Theano',
    language: 'Python',
    maintainer: 'François Chollet (first released 2015) and contributors',
    gpu: 'Yes, through its backend',
    pretrained: 'Yes: keras.applications (e.g. VGG16, ResNet50, InceptionV3)',
    abstraction: 'High: layers and models; the backend does the arithmetic',
    lecturePros: [
      'Easy and fast prototyping',
      'CNNs and RNNs, and combinations of the two',
      'Arbitrary connectivity schemes',
      'Runs seamlessly on CPU and GPU',
    ],
    lectureCons: [],
    since:
      'TensorFlow bundles it as tf.keras (core API since TensorFlow 1.4, Nov 2017), the official high-level API of ' +
      'TensorFlow 2. Keras 3 (Nov 2023) runs on JAX, TensorFlow or PyTorch.',
    sources: [
      { label: 'keras.io', href: 'https://keras.io/' },
      { label: 'TensorFlow 1.4.0 release notes', href: 'https://github.com/tensorflow/tensorflow/releases/tag/v1.4.0' },
      { label: 'Introducing Keras 3.0 (keras.io, 2023)', href: 'https://keras.io/keras_3/' },
    ],
  },
];
