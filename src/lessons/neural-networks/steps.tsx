import type { LessonStep } from '../../app/LessonFrame';
import { Tex } from '../../app/Tex';

export type NeuralNetworksView = 'network' | 'classifier' | 'transfer' | 'descent';
export interface NeuralNetworksStep extends LessonStep { view: NeuralNetworksView }

export const NEURAL_NETWORKS_STEPS: NeuralNetworksStep[] = [
  {
    title: 'Basic architecture: layers of units',
    view: 'network',
    body: (
      <>
        <p>
          A neural network is built from one simple part, the <em>unit</em>. A unit takes the numbers coming into it,
          multiplies each by a weight, adds them up together with a bias, and passes the total through a fixed
          transfer function f:
        </p>
        <Tex block>{String.raw`z = \sum_i w_i x_i + b, \qquad a = f(z)`}</Tex>
        <p>
          Units are arranged in layers. Every unit of a layer reads every output of the layer before it, so the
          inputs flow left to right: inputs, a hidden layer, outputs. The weights and biases are the only things that
          change when the network learns.
        </p>
        <p>
          Press <strong>Next unit</strong> to walk through the forward pass one unit at a time: the edges feeding the
          unit light up and its sum is written out with the actual numbers. Edit any input, weight or bias and every
          value downstream is recomputed. Blue edges carry positive weights, orange ones negative; thicker means larger.
        </p>
      </>
    ),
  },
  {
    title: 'Linear classifier: a line through the plane',
    view: 'classifier',
    body: (
      <>
        <p>
          A single unit with two inputs already classifies. Its score <Tex>{String.raw`s = w_1 x_1 + w_2 x_2 + b`}</Tex> is
          positive on one side of the line <Tex>{String.raw`s = 0`}</Tex> and negative on the other, so the line is the
          decision boundary. The weights w turn the line; the bias b slides it. Passing s through the sigmoid
          turns it into a probability, and the classifier is judged by the <em>logistic loss</em>, the average of
          −log(probability given to the true class).
        </p>
        <p>
          Drag the two white handles on the line, or move the sliders, and watch the line and the shaded half-planes
          follow; hover over a point to see its score.
          Then press <strong>Fit</strong>: gradient descent on the loss moves the line for you. Add, drag or remove
          points and fit again.
        </p>
        <p>
          With three classes each class gets its own score, and <em>softmax</em> turns the three scores into
          probabilities; a point goes to the class with the highest score. The dashed lines are where each class&apos;s
          own score is zero (the handles and sliders move the chosen class&apos;s line); the solid lines are where the winner
          changes, and the coloured regions show the winner. Whatever the weights, every region is bounded by
          straight lines: a linear classifier cannot draw curves.
        </p>
      </>
    ),
  },
  {
    title: 'Transfer functions and saturation',
    view: 'transfer',
    body: (
      <>
        <p>
          Without a non-linear transfer function, a stack of layers collapses into one linear map, however deep. The
          classic choices are the sigmoid <Tex>{String.raw`\sigma(x) = 1/(1+e^{-x})`}</Tex>, squashing into (0, 1), and
          tanh, squashing into (−1, 1). Modern networks mostly use ReLU, <Tex>{String.raw`\max(0, x)`}</Tex>.
        </p>
        <p>
          Learning needs the derivative. Backpropagation multiplies the error signal by f′(z) at every unit it passes,
          so where f′ is nearly zero — the flat, <em>saturated</em> ends of sigmoid and tanh, shaded here — almost no
          signal gets through and the weights feeding that unit barely move. Worse, the factors multiply layer after
          layer: σ′ is never more than 1/4, so after k sigmoid layers the σ′ factors alone leave at most
          (1/4)<sup>k</sup> of the signal.
        </p>
        <p>
          ReLU&apos;s derivative is exactly 1 for every positive input, so the signal passes undiminished; its weak spot
          is the other side, where the unit is off and passes nothing. Hover over a plot, or use the x slider.
        </p>
      </>
    ),
  },
  {
    title: 'Gradient descent',
    view: 'descent',
    body: (
      <>
        <p>
          Learning means lowering the loss L(w). The gradient ∇L points uphill, so gradient descent takes a small
          step the other way, scaled by the learning rate ε:
        </p>
        <Tex block>{String.raw`w \leftarrow w - \epsilon\, \nabla L(w)`}</Tex>
        <p>
          Click a plot to choose where to start, then press <strong>One update</strong> or <strong>Run</strong>. Too
          small an ε crawls; too large an ε overshoots the valley, bounces from wall to wall and flies off.
        </p>
        <p>
          In a long narrow valley (b) the gradient points mostly across the valley, not along it, so plain descent
          zig-zags. <em>Momentum</em> keeps a running velocity that averages the steps: the zig-zags cancel, the
          steady downhill part builds up. The lecture gives AlexNet&apos;s rule, with weight decay pulling every weight
          slightly towards zero:
        </p>
        <Tex block>{String.raw`v \leftarrow 0.9\,v - 0.0005\,\epsilon\, w - \epsilon \nabla L(w), \qquad w \leftarrow w + v`}</Tex>
        <p>
          Plot (a) is the loss of your step-2 classifier over its two weights w1 and w2, with its bias held fixed: a
          slice through the landscape that <strong>Fit</strong> walked down (Fit moves b as well).
        </p>
      </>
    ),
  },
];
