import type { LessonStep } from '../../app/LessonFrame';
import { Tex } from '../../app/Tex';
import type { PoolDefaults } from './settings';

export type PoolingView = 'explorer' | 'resolution' | 'normalize' | 'architecture';
export interface PoolingStep extends LessonStep {
  view: PoolingView;
  /** Explorer settings when the URL gives none. */
  defaults?: PoolDefaults;
  /** Whether the explorer draws the argmax map. */
  argmax?: boolean;
}

export const POOLING_STEPS: PoolingStep[] = [
  {
    title: 'Max pooling: keep the strongest response',
    view: 'explorer',
    defaults: { size: 2, stride: 2, op: 'max' },
    body: (
      <>
        <p>
          A pooling layer slides a small window over each feature map and replaces the window by one number. Max pooling
          keeps the largest value: “is the pattern present somewhere in this patch?”, no matter exactly where.
        </p>
        <Tex block>{String.raw`y[i,j] = \max_{(m,n)\,\in\,\text{window}(i,j)} x[m,n]`}</Tex>
        <p>
          Choose an output cell (click, or focus the output grid and use the arrow keys): its window is outlined on the
          input and the winning cell is marked. The window has a size and a stride, just like a convolution, but no
          weights to learn. Click an input cell to change its value.
        </p>
      </>
    ),
  },
  {
    title: 'Overlapping windows and the argmax map',
    view: 'explorer',
    argmax: true,
    defaults: { size: 3, stride: 2, op: 'max' },
    body: (
      <>
        <p>
          When the stride is smaller than the window, neighbouring windows share cells and one strong input can win
          several outputs. AlexNet pools this way, 3 × 3 windows with stride 2, and its authors report slightly lower
          error and less overfitting than with non-overlapping 2 × 2 windows.
        </p>
        <p>
          The rings mark every input cell that won at least one max, with a count where it won several; the veiled cells
          never win. Remembering these winners — the <em>argmax</em> — is exactly what backpropagation needs later: the
          error of each output goes back to its winner only, and a cell that won several times adds up their errors.
        </p>
      </>
    ),
  },
  {
    title: 'Average pooling',
    view: 'explorer',
    defaults: { size: 2, stride: 2, op: 'avg' },
    body: (
      <>
        <p>
          Average pooling replaces the window by its mean instead, so every cell contributes and none is singled out.
          It smooths rather than selects.
        </p>
        <Tex block>{String.raw`y[i,j] = \frac{1}{|\text{window}(i,j)|} \sum_{(m,n)\,\in\,\text{window}(i,j)} x[m,n]`}</Tex>
        <p>
          With &apos;same&apos; padding some windows hang over the border. What should the padded cells count as?
          TensorFlow and Keras divide by the number of real cells in the window; PyTorch by default counts the padding
          as zeros and always divides by the full window, which pulls border outputs towards zero. Switch padding to
          &apos;same&apos; and tick the box to compare. (For max pooling the question never arises: padding never wins.)
        </p>
      </>
    ),
  },
  {
    title: 'Same maps, lower resolution',
    view: 'resolution',
    body: (
      <>
        <p>
          The lecture&apos;s two facts about pooling: the number of output maps equals the number of input maps, but the
          resolution drops — and so does the computation every layer above has to do.
        </p>
        <p>
          A real handwritten digit, pooled 2 × 2 with stride 2 twice. Each pooling keeps one value in four. The 7 × 7 map
          still says “a stroke here, none there” but has forgotten the exact pixels; select one of its cells to see which
          patch of the original it stands for.
        </p>
      </>
    ),
  },
  {
    title: 'Local contrast normalisation',
    view: 'normalize',
    body: (
      <>
        <p>
          An optional step between convolution and pooling: normalise each value by its neighbourhood, so that what
          matters is contrast with the surroundings, not absolute brightness. The lecture writes it as
        </p>
        <Tex block>{String.raw`h_{i+1,x,y,k} = \frac{h_{i,x,y,k} - m_{i,N(x,y)}}{\sigma_{i,N(x,y,k)}}`}</Tex>
        <p>
          where m and σ are the mean and standard deviation over a neighbourhood N: a window around (x, y) taken across
          all the feature maps k. Here the neighbourhood is a uniform 5 × 5 or 9 × 9 window over all four maps (Jarrett
          et al. 2009 use a Gaussian-weighted one). Every map comes out centred and of similar spread, faint strokes are
          lifted, and multiplying the image by 255 changes nothing.
        </p>
      </>
    ),
  },
  {
    title: 'LCN beside LRN',
    view: 'normalize',
    body: (
      <>
        <p>
          AlexNet uses a different normalisation, local <em>response</em> normalisation (Krizhevsky et al. 2012, section
          3.3). It looks at one position only and divides each map&apos;s value by the energy of the neighbouring maps
          there:
        </p>
        <Tex block>{String.raw`b^k_{x,y} = a^k_{x,y} \Big/ \Big(k + \tfrac{\alpha}{n} \sum_{j=k-n/2}^{k+n/2} (a^j_{x,y})^2\Big)^{\beta}`}</Tex>
        <p>
          with n = 5, α = 10⁻⁴, β = 0.75 and k = 2 (shown in the Caffe form, which divides α by n). LCN normalises over{' '}
          <strong>space</strong> (and all maps); LRN over <strong>neighbouring maps</strong> at one pixel, subtracting no
          mean. With pixels in 0…1 the sum is tiny and LRN only divides by about 2^0.75; switch the pixels to 0…255 and
          pixels where the neighbouring maps respond strongly are divided by far more than quiet ones. In AlexNet it follows the ReLU of the first two layers.
        </p>
      </>
    ),
  },
  {
    title: 'The typical architecture',
    view: 'architecture',
    body: (
      <>
        <p>
          Stack the pieces: each stage is a convolution, optionally LCN, then pooling. Convolution <em>raises</em> the
          number of feature maps; pooling <em>lowers</em> their resolution. The blocks are drawn to scale: width for maps,
          height for resolution.
        </p>
        <p>
          After a few stages the residual spatial resolution is very small, and what remains is a descriptor of the whole
          image (Ranzato, CVPR 2013 tutorial). Add stages and watch the blocks turn from tall and thin to short and wide.
        </p>
      </>
    ),
  },
];
