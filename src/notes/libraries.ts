import type { LessonNotes } from './types';

/** Speaker notes for #/libraries, one entry per step (titles equal to the lesson's). */
const notes: LessonNotes = [
  {
    title: 'The libraries of the lecture',
    points: [
      'Go down the table one row at a time: the language you write, whether it uses a GPU, whether trained models come with it, and how much it does for you.',
      'Sort them into three kinds: Theano and TensorFlow build graphs of tensor operations; Caffe and MatConvNet stack ready-made layers; Keras sits on top of TensorFlow or Theano so a model is a few lines.',
      'The pros and cons columns are the lecture\'s verdict from February 2017. Then read the last column aloud: Theano stopped after 1.0, Caffe\'s successor went into PyTorch, Keras now ships inside TensorFlow.',
      'A question for the room: for a MATLAB course, which one? MatConvNet has GPU support and pretrained VGG and AlexNet; DeepLearnToolbox runs on the CPU only.',
    ],
    numbers: [
      { value: '6 libraries', source: 'lecture, "Popular Deep Learning Libraries" outline slide' },
      { value: 'Theano 1.0, 15 Nov 2017: the last release from MILA', source: 'Bengio & Lamblin, "MILA and the future of Theano", theano-users, 28 Sept 2017' },
      { value: 'tf.keras in TensorFlow\'s core from 1.4 (Nov 2017)', source: 'TensorFlow 1.4.0 release notes' },
      { value: 'TensorFlow 2.0 (Sept 2019) runs eagerly by default', source: 'TensorFlow 2.0.0 release notes' },
    ],
  },
  {
    title: 'Where TensorFlow.js fits',
    points: [
      'Point at the backend badge in the header: everything on this page is computed on this laptop by TensorFlow.js, nothing on a server.',
      'Read the panel out: the backend in use, the GPU renderer, and for WASM the threads and SIMD. Press one of the "Use the … backend" buttons and let the class watch the badge and the address (?backend=) change.',
      'Connect it to the lecture\'s TensorFlow slide: one API on CPUs or GPUs. Here the same tf.conv2d runs as a WebGL shader or as WebAssembly.',
      'tfjs also has a Keras-style Layers API; this app uses the low-level operations on purpose, so every step of the arithmetic can be shown.',
    ],
    numbers: [
      { value: 'TensorFlow.js 4.22', source: 'the version this app is built with (package.json)' },
      { value: '4 backends: webgl, webgpu, wasm, cpu', source: 'the backends this app can start (src/engine/backend.ts)' },
    ],
  },
  {
    title: 'The lecture’s TensorFlow beside this app’s TensorFlow.js',
    points: [
      'Left column: the lecture\'s TensorFlow 1.x code only adds operations to a graph, and a session runs it later. Right column: the app\'s cifarForward runs each operation as it is reached.',
      'Walk down the rows together: two 5×5 convolutions with 64 maps, 3×3 pooling with stride 2, the same LRN constants, then fully connected layers of 384 and 192 units.',
      'Press "Run cifarForward here": one 24×24×3 image passes through, each layer shows its output shape, and the time on this backend appears.',
      'Stress that the right-hand code is cut from the file the app trains with, so it cannot drift; the CIFAR-10 lesson trains this same function.',
    ],
    numbers: [
      { value: 'conv1 5×5×3×64, conv2 5×5×64×64, initial stddev 5e-2', source: 'lecture, "Conv-Pooling-LRN structure implementation" slide (TensorFlow CIFAR-10 tutorial)' },
      { value: 'max pool 3×3, stride 2, padding SAME', source: 'same slide' },
      { value: 'LRN: depth radius 4, bias 1.0, α = 0.001/9, β = 0.75', source: 'same slide (tf.nn.lrn call)' },
      { value: 'local3 384 units, local4 192 units', source: 'lecture, fully connected layers slide (local3, local4)' },
      { value: '24×24×3 input crops', source: 'TensorFlow CIFAR-10 tutorial (cifar10_input.py, IMAGE_SIZE = 24)' },
    ],
  },
];

export default notes;
