import type { LessonStep } from '../../app/LessonFrame';
import { LessonLink } from './LessonLink';

export type LibrariesView = 'table' | 'tfjs' | 'code';
export interface LibrariesStep extends LessonStep {
  view: LibrariesView;
}

export const LIBRARIES_STEPS: LibrariesStep[] = [
  {
    title: 'The libraries of the lecture',
    view: 'table',
    body: (
      <>
        <p>
          In early 2017 the lecture surveyed six libraries. They differ in the language you write (Python, MATLAB or
          C++), whether they use a GPU, whether trained networks come with them, and how much they do for you: Theano
          and TensorFlow build graphs of tensor operations, Caffe and MatConvNet assemble networks from ready-made
          layers, and Keras sits on top of TensorFlow or Theano so a network is a few lines of layers.
        </p>
        <p>
          The pros and cons columns are the lecture’s own. The last column notes what has changed since, with dates;
          every fact is credited under the table.
        </p>
      </>
    ),
  },
  {
    title: 'Where TensorFlow.js fits',
    view: 'tfjs',
    body: (
      <>
        <p>
          This app runs on none of the six, but on <strong>TensorFlow.js</strong> (Smilkov et al., “TensorFlow.js:
          Machine Learning for the Web and Beyond”, SysML 2019): TensorFlow’s operations in JavaScript. It trains in the
          browser with nothing to install: the arithmetic runs on your own machine.
        </p>
        <p>
          One API, several <em>backends</em>: the same <code>tf.conv2d</code> runs as a WebGL or WebGPU shader on the
          GPU, as WebAssembly or as plain JavaScript on the CPU — the lecture’s “one API for CPUs and GPUs” idea, in a
          web page. tfjs also has a Keras-style Layers API (<code>tf.sequential</code>, <code>tf.layers.conv2d</code>);
          this app uses the lower-level operations, so every step of the maths stays visible.
        </p>
        <p>The panel reads the backend this page is using right now. Switch it and watch the header follow.</p>
      </>
    ),
  },
  {
    title: 'The lecture’s TensorFlow beside this app’s TensorFlow.js',
    view: 'code',
    body: (
      <>
        <p>
          The lecture builds the CIFAR-10 tutorial network in TensorFlow 1.x: <code>inference()</code> adds operations
          to a graph, and a session runs the graph later. TensorFlow.js runs each operation at once (eagerly), so
          the app’s <code>cifarForward</code> is a plain function; <code>tf.tidy</code> frees its intermediate tensors
          and <code>tf.variableGrads</code> supplies the gradients.
        </p>
        <p>
          Row by row the two agree: the same layers, the same kernel sizes, strides, LRN constants, initial distributions and weight decay.
          The right-hand column is not a copy — it is cut out of the source file the app trains with, so it cannot drift.
          Run it once on this backend to see each layer’s output shape, then
          watch it learn in <LessonLink to="cifar10">the CIFAR-10 lesson</LessonLink>.
        </p>
      </>
    ),
  },
];
