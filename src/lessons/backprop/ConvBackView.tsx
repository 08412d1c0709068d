import { useState } from 'react';
import { Tex } from '../../app/Tex';
import { rotate180 } from '../../math';
import { ValueGrid } from '../../app/ValueGrid';
import { CELL } from './ForwardView';
import { cellName, plainNumber, texNumber, texResult } from './format';
import { INPUT_SIDE, KERNEL_SIDE, NET_SIDE, weightGradientTerms, type BackpropResult } from './pipeline';

/**
 * Step 6: δ through the activation to the net map, then to the input (full convolution with the kernel)
 * and the weight and bias gradients (the input correlated with ∂J/∂net), with one weight's sum spelt out.
 */
export function ConvBackView({ r, outputPanel }: { r: BackpropResult; outputPanel: React.ReactNode }) {
  const [sel, setSel] = useState({ y: 0, x: 0 });
  const relu = r.settings.relu;
  const dW = r.conv.dFilters.data;
  return (
    <section className="panel" aria-label="Back through the convolution">
      <div className="bp-row">
        {outputPanel}
        <span className="bp-arrow" aria-hidden="true">→</span>
        {relu && (
          <figure>
            <ValueGrid values={r.delta.activation.data} height={NET_SIDE} width={NET_SIDE} cell={CELL} colormap="diverging" showNumbers label="Sensitivity delta at the ReLU output, 5 by 5" />
            <figcaption>δ at ReLU(net), from the pooling</figcaption>
          </figure>
        )}
        <figure>
          <ValueGrid values={r.delta.net.data} height={NET_SIDE} width={NET_SIDE} cell={CELL} colormap="diverging" showNumbers
            rects={relu ? reluStops(r) : []} label="Sensitivity delta at the net map, 5 by 5" />
          <figcaption>{relu ? 'δ at net = δ · ReLU′(net); dashed: net ≤ 0, ReLU′ = 0' : 'δ at net (no activation: as it arrived)'}</figcaption>
        </figure>
      </div>
      <div className="bp-row">
        <figure>
          <ValueGrid values={rotate180(r.kernel).data} height={KERNEL_SIDE} width={KERNEL_SIDE} cell={CELL} colormap="diverging" showNumbers label="The kernel rotated by 180 degrees" />
          <figcaption>W rotated 180°</figcaption>
        </figure>
        <figure>
          <ValueGrid values={r.delta.input.data} height={INPUT_SIDE} width={INPUT_SIDE} cell={CELL} colormap="diverging" showNumbers label="Sensitivity delta at the input X, 7 by 7" />
          <figcaption>δ at the input X: full convolution of δ_net with W</figcaption>
        </figure>
        <figure>
          <ValueGrid values={r.input.data} height={INPUT_SIDE} width={INPUT_SIDE} cell={CELL} colormap="gray" range={[0, 3]} showNumbers
            rects={[{ y: sel.y, x: sel.x, h: NET_SIDE, w: NET_SIDE, className: 'bp-window-selected' }]}
            label={`Input X; outlined: the 5 by 5 patch that meets the net map for weight ${cellName(sel.y, sel.x)}`} />
          <figcaption>X: the patch X[i+m, j+n] for the selected weight</figcaption>
        </figure>
        <figure>
          <ValueGrid values={dW} height={KERNEL_SIDE} width={KERNEL_SIDE} cell={CELL + 6} colormap="diverging" showNumbers
            label="Weight gradient dJ/dW, 3 by 3. Arrow keys choose a weight." selected={sel} onSelect={(y, x) => setSel({ y, x })} />
          <figcaption>∂J/∂W (select a weight)<br />∂J/∂b = Σ ∂J/∂net = {plainNumber(r.conv.dBias[0])}</figcaption>
        </figure>
      </div>
      <WeightSum r={r} m={sel.y} n={sel.x} />
    </section>
  );
}

/** Cells where ReLU′(net) = 0, outlined dashed on the δ_net grid. */
function reluStops(r: BackpropResult) {
  const rects = [];
  for (let i = 0; i < r.net.data.length; i++) {
    if (r.net.data[i] <= 0) rects.push({ y: Math.floor(i / NET_SIDE), x: i % NET_SIDE, h: 1, w: 1, className: `bp-relu-stop s${i}` });
  }
  return rects;
}

const TERMS_PER_LINE = 5;

function WeightSum({ r, m, n }: { r: BackpropResult; m: number; n: number }) {
  const { terms, sum } = weightGradientTerms(r, m, n);
  const used = terms.filter((t) => t.g !== 0);
  const general = `\\frac{\\partial J}{\\partial W[${m},${n}]} = \\sum_{i=0}^{4}\\sum_{j=0}^{4} X[i+${m},\\,j+${n}]\\,\\frac{\\partial J}{\\partial net[i,j]}`;
  // Five products to a line, so a long sum wraps instead of widening the page.
  const products = used.map((t) => `${texNumber(t.x)}\\cdot${texNumber(t.g)}`);
  const lines = [];
  for (let k = 0; k < products.length; k += TERMS_PER_LINE) lines.push(products.slice(k, k + TERMS_PER_LINE).join(' + '));
  const numbers = lines.length ? lines.join(' \\\\ &\\quad + ') : '0';
  const value = r.conv.dFilters.data[m * KERNEL_SIDE + n];
  return (
    <div className="bp-explain" aria-live="polite">
      <p>
        Weight {cellName(m, n)} (W[{m},{n}], counting from 0): {used.length} of the 25 terms have ∂J/∂net ≠ 0 (∂J/∂net = −δ_net).{' '}
        <strong className="bp-total">∂J/∂W at {cellName(m, n)} = {plainNumber(value)}</strong>
      </p>
      <Tex block>{general}</Tex>
      <Tex block>{`\\begin{aligned} &= ${numbers} \\\\ &= ${texResult(Math.fround(sum))} \\end{aligned}`}</Tex>
      <p className="hint">
        Gradient descent moves each weight against this: W ← W − η ∂J/∂W, the lecture&apos;s W ← W + η Σ δ x.
        {used.some((t) => !Number.isInteger(t.g)) && ' The products show values rounded to two decimals; the sum uses the exact ones.'}
      </p>
    </div>
  );
}
