/**
 * The CIFAR-10 network twice: as the lecture shows it (TensorFlow 1.x Python, `inference()` and
 * `_variable_with_weight_decay()` of the tutorial's cifar10.py, tensorflow/models, Apache License 2.0,
 * © The TensorFlow Authors) and as this app runs it (the TypeScript of src/model/cifar10Net.ts, cut out of the
 * real source text). Pure text handling: no React, no tensors.
 */

/** One line of the tutorial's Python, and whether the lecture's slide text shows it. */
export interface PythonLine {
  text: string;
  /** The slide text leaves this line out; it is restored from the tutorial's cifar10.py. */
  restored: boolean;
}

/** Lines as the lecture's slides show them. */
function shown(block: string): PythonLine[] {
  return block.replace(/^\n/, '').replace(/\n$/, '').split('\n').map((text) => ({ text, restored: false }));
}

/** Lines the slide text elides, restored from the tutorial's cifar10.py. */
function restored(block: string): PythonLine[] {
  return shown(block).map((l) => ({ ...l, restored: true }));
}

export type CodeRowId =
  | 'variables' | 'signature' | 'conv1' | 'pool1' | 'norm1' | 'conv2' | 'norm2' | 'pool2'
  | 'local3' | 'local4' | 'softmax_linear' | 'return';

/** How one row of the side-by-side finds its TypeScript: whole declarations, and lines of `cifarForward`. */
interface RowSpec {
  id: CodeRowId;
  label: string;
  python: PythonLine[];
  /** Top-level declarations of cifar10Net.ts shown in this row, by the start of their first line. */
  declarations?: string[];
  /** Lines of `cifarForward` (trimmed) that belong to this row, by their start. */
  forwardLines?: string[];
  /** Output name in `CifarActivations`, for the live shape readout. */
  activation?: string;
}

/** Start of the line that opens `cifarForward` in src/model/cifar10Net.ts. */
export const FORWARD_START = 'export function cifarForward(';

export const ROW_SPECS: readonly RowSpec[] = [
  {
    id: 'variables',
    label: 'variables',
    python: restored(`
def _variable_with_weight_decay(name, shape, stddev, wd):
  dtype = tf.float16 if FLAGS.use_fp16 else tf.float32
  var = _variable_on_cpu(
      name,
      shape,
      tf.truncated_normal_initializer(stddev=stddev, dtype=dtype))
  if wd is not None:
    weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
    tf.add_to_collection('losses', weight_decay)
  return var`),
    declarations: ['const FLAT =', 'export const CIFAR_VARIABLES', 'export function cifarWeightDecay('],
  },
  {
    id: 'signature',
    label: 'the function',
    python: restored(`
def inference(images):
  """Build the CIFAR-10 model.

  Args:
    images: Images returned from distorted_inputs() or inputs().

  Returns:
    Logits.
  """
  # We instantiate all variables using tf.get_variable() instead of
  # tf.Variable() in order to share variables across multiple GPU training runs.
  # If we only ran this model on a single GPU, we could simplify this function
  # by replacing all instances of tf.get_variable() with tf.Variable().
  #`),
    forwardLines: [FORWARD_START, 'const p = params;', 'const { depthRadius, bias, alpha, beta } = CIFAR_LRN;'],
  },
  {
    id: 'conv1',
    label: 'conv1',
    activation: 'conv1',
    python: shown(`
  # conv1
  with tf.variable_scope('conv1') as scope:
    kernel = _variable_with_weight_decay('weights',
                                         shape=[5, 5, 3, 64],
                                         stddev=5e-2,
                                         wd=0.0)
    conv = tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME')
    biases = _variable_on_cpu('biases', [64], tf.constant_initializer(0.0))
    pre_activation = tf.nn.bias_add(conv, biases)
    conv1 = tf.nn.relu(pre_activation, name=scope.name)
    _activation_summary(conv1)`),
    forwardLines: ['const conv1 ='],
  },
  {
    id: 'pool1',
    label: 'pool1',
    activation: 'pool1',
    python: shown(`
  # pool1
  pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1],
                         padding='SAME', name='pool1')`),
    forwardLines: ['const pool1 ='],
  },
  {
    id: 'norm1',
    label: 'norm1',
    activation: 'norm1',
    python: [
      ...shown(`
  # norm1`),
      ...restored(`
  norm1 = tf.nn.lrn(pool1, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75,
                    name='norm1')`),
    ],
    declarations: ['export const CIFAR_LRN'],
    forwardLines: ['const norm1 ='],
  },
  {
    id: 'conv2',
    label: 'conv2',
    activation: 'conv2',
    python: shown(`
  # conv2
  with tf.variable_scope('conv2') as scope:
    kernel = _variable_with_weight_decay('weights',
                                         shape=[5, 5, 64, 64],
                                         stddev=5e-2,
                                         wd=0.0)
    conv = tf.nn.conv2d(norm1, kernel, [1, 1, 1, 1], padding='SAME')
    biases = _variable_on_cpu('biases', [64], tf.constant_initializer(0.1))
    pre_activation = tf.nn.bias_add(conv, biases)
    conv2 = tf.nn.relu(pre_activation, name=scope.name)
    _activation_summary(conv2)`),
    forwardLines: ['const conv2 ='],
  },
  {
    id: 'norm2',
    label: 'norm2',
    activation: 'norm2',
    python: shown(`
  # norm2
  norm2 = tf.nn.lrn(conv2, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75,
                    name='norm2')`),
    forwardLines: ['const norm2 ='],
  },
  {
    id: 'pool2',
    label: 'pool2',
    activation: 'pool2',
    python: shown(`
  # pool2
  pool2 = tf.nn.max_pool(norm2, ksize=[1, 3, 3, 1],
                         strides=[1, 2, 2, 1], padding='SAME', name='pool2')`),
    forwardLines: ['const pool2 ='],
  },
  {
    id: 'local3',
    label: 'local3',
    activation: 'local3',
    python: [
      ...shown(`
  # local3
  with tf.variable_scope('local3') as scope:
    # Move everything into depth so we can perform a single matrix multiply.
    reshape = tf.reshape(pool2, [FLAGS.batch_size, -1])
    dim = reshape.get_shape()[1].value`),
      ...restored(`
    weights = _variable_with_weight_decay('weights', shape=[dim, 384],
                                          stddev=0.04, wd=0.004)`),
      ...shown(`
    biases = _variable_on_cpu('biases', [384], tf.constant_initializer(0.1))
    local3 = tf.nn.relu(tf.matmul(reshape, weights) + biases, name=scope.name)
    _activation_summary(local3)`),
    ],
    forwardLines: ['const flat =', 'const local3 ='],
  },
  {
    id: 'local4',
    label: 'local4',
    activation: 'local4',
    python: [
      ...shown(`
  # local4
  with tf.variable_scope('local4') as scope:`),
      ...restored(`
    weights = _variable_with_weight_decay('weights', shape=[384, 192],
                                          stddev=0.04, wd=0.004)`),
      ...shown(`
    biases = _variable_on_cpu('biases', [192], tf.constant_initializer(0.1))
    local4 = tf.nn.relu(tf.matmul(local3, weights) + biases, name=scope.name)
    _activation_summary(local4)`),
    ],
    forwardLines: ['const local4 ='],
  },
  {
    id: 'softmax_linear',
    label: 'softmax_linear',
    activation: 'logits',
    python: restored(`
  # linear layer(WX + b),
  # We don't apply softmax here because
  # tf.nn.sparse_softmax_cross_entropy_with_logits accepts the unscaled logits
  # and performs the softmax internally for efficiency.
  with tf.variable_scope('softmax_linear') as scope:
    weights = _variable_with_weight_decay('weights', [192, NUM_CLASSES],
                                          stddev=1/192.0, wd=0.0)
    biases = _variable_on_cpu('biases', [NUM_CLASSES],
                              tf.constant_initializer(0.0))
    softmax_linear = tf.add(tf.matmul(local4, weights), biases, name=scope.name)
    _activation_summary(softmax_linear)`),
    forwardLines: ['const logits ='],
  },
  {
    id: 'return',
    label: 'return',
    python: shown(`
  return softmax_linear`),
    forwardLines: ['return {', '}'],
  },
];

/** One TensorFlow 1.x call and the TensorFlow.js call that does its work here. */
export interface CallMapping {
  /** As written in the lecture's Python (searched for in the rows named below). */
  tf: string;
  /** As written in cifar10Net.ts (searched for in the same rows). */
  tfjs: string;
  note: string;
  /** Rows where both sides must contain their call. */
  rows: CodeRowId[];
}

export const CALL_MAPPINGS: readonly CallMapping[] = [
  { tf: 'tf.nn.conv2d', tfjs: 'tf.conv2d', rows: ['conv1', 'conv2'], note: "strides [1, 1, 1, 1] become 1; padding 'SAME' becomes 'same'; both use NHWC" },
  { tf: 'tf.nn.bias_add', tfjs: 'tf.add', rows: ['conv1', 'conv2'], note: 'broadcasting addition over the channel axis' },
  { tf: 'tf.nn.relu', tfjs: 'tf.relu', rows: ['conv1', 'conv2', 'local3', 'local4'], note: 'the same function' },
  { tf: 'tf.nn.max_pool', tfjs: 'tf.maxPool', rows: ['pool1', 'pool2'], note: 'ksize [1, 3, 3, 1] and strides [1, 2, 2, 1] become 3 and 2' },
  { tf: 'tf.nn.lrn', tfjs: 'tf.localResponseNormalization', rows: ['norm1', 'norm2'], note: 'the same four numbers: radius 4, bias 1, alpha 0.001/9, beta 0.75 (CIFAR_LRN)' },
  { tf: 'tf.reshape', tfjs: 'tf.reshape', rows: ['local3'], note: 'batch size from the input, not a flag' },
  { tf: 'tf.matmul', tfjs: 'tf.matMul', rows: ['local3', 'local4', 'softmax_linear'], note: 'camel case in JavaScript' },
  { tf: '+ biases', tfjs: 'tf.add', rows: ['local3', 'local4'], note: 'JavaScript has no operator overloading' },
  { tf: 'tf.add', tfjs: 'tf.add', rows: ['softmax_linear'], note: 'the same function' },
  { tf: '_variable_with_weight_decay', tfjs: 'CIFAR_VARIABLES', rows: ['variables'], note: 'a table of shape, stddev and weight decay per variable; truncated normals drawn by a seeded generator' },
  { tf: 'tf.nn.l2_loss', tfjs: 'tf.square', rows: ['variables'], note: 'l2_loss is ½‖w‖²: here 0.5 · tf.sum(tf.square(w)) times wd' },
];

/** The lines of cifar10Net.ts, without carriage returns. */
export function sourceLines(source: string): string[] {
  return source.split(/\r?\n/);
}

/**
 * A top-level declaration of the source, from the line that starts with `start` to the first line at column 0
 * that closes it (`}` or `];`), or the line itself when it ends in `;`. Throws when it is missing, so a change in
 * cifar10Net.ts fails the page and its test loudly.
 */
export function extractDeclaration(source: string, start: string): string[] {
  const lines = sourceLines(source);
  const first = lines.findIndex((l) => l.startsWith(start));
  if (first < 0) throw new Error(`src/model/cifar10Net.ts has no line starting "${start}"`);
  if (/;\s*(\/\/.*)?$/.test(lines[first])) return [lines[first]];
  const end = lines.findIndex((l, i) => i > first && /^[}\]][;)]*\s*$/.test(l));
  if (end < 0) throw new Error(`src/model/cifar10Net.ts: "${start}" is never closed`);
  return lines.slice(first, end + 1);
}

export interface CodeRow {
  id: CodeRowId;
  label: string;
  python: PythonLine[];
  /** Declarations, then this row's lines of `cifarForward`. */
  typescript: string[];
  /** This row's lines of `cifarForward` alone. */
  forwardLines: string[];
  activation?: string;
}

export interface AlignedCode {
  rows: CodeRow[];
  /** Lines of `cifarForward` no row claims (each is still shown, after the row before it). */
  unclaimed: string[];
  /** The whole of `cifarForward`, as extracted. */
  forward: string[];
}

/**
 * Cuts `cifarForward` and the declarations each row names out of the source of cifar10Net.ts and lines them up
 * with the tutorial's Python, row by row.
 */
export function alignCode(source: string): AlignedCode {
  const forward = extractDeclaration(source, FORWARD_START);
  const byRow = new Map<CodeRowId, string[]>(ROW_SPECS.map((s) => [s.id, []]));
  const unclaimed: string[] = [];
  let last: CodeRowId = 'signature';
  for (const line of forward) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const owner = ROW_SPECS.find((s) => s.forwardLines?.some((start) => (start === '}' ? trimmed === '}' : trimmed.startsWith(start))));
    if (owner) last = owner.id;
    else unclaimed.push(trimmed);
    byRow.get(last)!.push(line);
  }
  const rows = ROW_SPECS.map((spec): CodeRow => {
    const declared = (spec.declarations ?? []).flatMap((start, i) => [...(i > 0 ? [''] : []), ...extractDeclaration(source, start)]);
    const own = byRow.get(spec.id)!;
    const typescript = [...declared, ...(declared.length && own.length ? [''] : []), ...own];
    return { id: spec.id, label: spec.label, python: spec.python, typescript, forwardLines: own, activation: spec.activation };
  });
  return { rows, unclaimed, forward };
}
