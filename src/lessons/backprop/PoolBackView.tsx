import { useState } from 'react';
import { Tex } from '../../app/Tex';
import { ValueGrid } from '../../app/ValueGrid';
import { argmaxRects, CELL, repeatedWinners, windowRects } from './ForwardView';
import { cellName, plainNumber, texNumber, texResult } from './format';
import { NET_SIDE, poolContributions, poolWindow, type BackpropResult } from './pipeline';

/**
 * Steps 3–5: δ at the output, routed back through the pooling layer to its input (the net map, or its
 * ReLU); for a selected cell of that input, which outputs sent how much.
 */
export function PoolBackView({ r, outCell, outputPanel }: { r: BackpropResult; outCell: { y: number; x: number }; outputPanel: React.ReactNode }) {
  const [sel, setSel] = useState({ y: 3, x: 2 });
  const w = poolWindow(r.settings.window);
  const selectedWindow = outCell.y * r.output.width + outCell.x;
  const isMax = r.settings.pool === 'max';
  const inputName = r.settings.relu ? 'ReLU(net)' : 'net';
  return (
    <section className="panel" aria-label={`Back through ${isMax ? 'max' : 'average'} pooling`}>
      <div className="bp-row">
        <figure>
          <ValueGrid values={r.activation.data} height={NET_SIDE} width={NET_SIDE} cell={CELL} colormap="diverging" showNumbers
            rects={isMax ? [...windowRects(r, selectedWindow), ...argmaxRects(r)] : windowRects(r, selectedWindow)}
            label={`Forward: the pooling input ${inputName}, with its windows${isMax ? ' and the winning cells' : ''} outlined`} />
          <figcaption>Forward: {inputName}, {w.size}×{w.size} windows{isMax ? `, winners outlined${repeatedWinners(r)}` : ''}</figcaption>
        </figure>
        {outputPanel}
        <span className="bp-arrow" aria-hidden="true">→</span>
        <figure>
          <ValueGrid values={r.delta.activation.data} height={NET_SIDE} width={NET_SIDE} cell={CELL} colormap="diverging" showNumbers
            rects={windowRects(r, selectedWindow).filter((_, k) => k === selectedWindow)}
            label={`Sensitivity delta at the pooling input, 5 by 5. Arrow keys choose a cell.`} selected={sel} onSelect={(y, x) => setSel({ y, x })} />
          <figcaption>δ at the pooling input ({inputName})</figcaption>
        </figure>
      </div>
      <Contributions r={r} y={sel.y} x={sel.x} />
    </section>
  );
}

function Contributions({ r, y, x }: { r: BackpropResult; y: number; x: number }) {
  const parts = poolContributions(r, y, x);
  const total = r.delta.activation.data[y * NET_SIDE + x];
  const isMax = r.settings.pool === 'max';
  const lhs = `\\delta[${y + 1},${x + 1}]`;
  let text: string;
  let formula: string | null = null;
  if (parts.length === 0) {
    text = isMax ? 'It won no window’s max, so no output depended on it: δ = 0.' : 'No pooling window covers it, so no output depended on it: δ = 0.';
  } else {
    const names = parts.map((p) => `output (${p.y + 1}, ${p.x + 1})`).join(' and ');
    text = isMax
      ? `It won the max of ${parts.length === 1 ? 'one window' : `${parts.length} overlapping windows`}: ${names}.`
      : `It lies in ${parts.length === 1 ? 'one window' : `${parts.length} overlapping windows`}, of ${names}, each of ${parts[0].divisor} cells.`;
    const symbolic = parts.map((p) => (isMax ? `\\delta_{out}[${p.y + 1},${p.x + 1}]` : `\\tfrac{\\delta_{out}[${p.y + 1},${p.x + 1}]}{${p.divisor}}`)).join(' + ');
    const numeric = parts.map((p) => (isMax ? texNumber(p.delta) : `\\tfrac{${texNumber(p.delta)}}{${p.divisor}}`)).join(' + ');
    formula = isMax && parts.length === 1 ? `${lhs} = ${symbolic} = ${texResult(total)}` : `${lhs} = ${symbolic} = ${numeric} = ${texResult(total)}`;
  }
  return (
    <div className="bp-explain" aria-live="polite">
      <p>
        Selected cell {cellName(y, x)} of the pooling input (value {plainNumber(r.activation.data[y * NET_SIDE + x])}). {text}{' '}
        <strong className="bp-total">δ at {cellName(y, x)} = {plainNumber(total)}</strong>
      </p>
      {formula && <Tex block>{formula}</Tex>}
    </div>
  );
}
