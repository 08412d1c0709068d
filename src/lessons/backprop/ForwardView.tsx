import { Tex } from '../../app/Tex';
import { formatCell, ValueGrid } from '../../app/ValueGrid';
import { BIAS, INPUT_SIDE, KERNEL_SIDE, NET_SIDE, poolWindow, poolWindowRects, type BackpropResult } from './pipeline';

export const CELL = 34;

/** Outlines of every pooling window (for the grids of the pooling's input). */
export function windowRects(r: BackpropResult, selected: number | null) {
  return poolWindowRects(r.settings.window, r.output.width).map((w, k) => ({
    y: w.y, x: w.x, h: w.size, w: w.size, className: `${k === selected ? 'bp-window-selected' : 'bp-window'} w${k}`,
  }));
}

/** Outlines of the cells that won each max (one per output cell; a cell that won twice is outlined twice). */
export function argmaxRects(r: BackpropResult) {
  return Array.from(r.argmax ?? [], (index, j) => ({ y: Math.floor(index / NET_SIDE), x: index % NET_SIDE, h: 1, w: 1, className: `bp-argmax a${j}` }));
}

/** ' (the 9 wins 2 windows)' for cells that won more than one max, or ''. */
export function repeatedWinners(r: BackpropResult): string {
  const counts = new Map<number, number>();
  for (const i of r.argmax ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
  const repeated = [...counts].filter(([, c]) => c > 1).map(([i, c]) => `the ${formatCell(r.activation.data[i])} in row ${Math.floor(i / NET_SIDE) + 1} wins ${c}`);
  return repeated.length ? ` (${repeated.join('; ')})` : '';
}

/** Step 1: input → net → (ReLU) → pooled output, every number. */
export function ForwardView({ r }: { r: BackpropResult }) {
  const w = poolWindow(r.settings.window);
  const side = r.output.width;
  return (
    <section className="panel" aria-label="Forward pass">
      <div className="bp-row">
        <figure>
          <ValueGrid values={r.input.data} height={INPUT_SIDE} width={INPUT_SIDE} cell={CELL} colormap="gray" range={[0, 3]} showNumbers label="Input X, 7 by 7" />
          <figcaption>Input X 7×7</figcaption>
        </figure>
        <figure>
          <ValueGrid values={r.kernel.data} height={KERNEL_SIDE} width={KERNEL_SIDE} cell={CELL} colormap="diverging" showNumbers label="Kernel W, 3 by 3" />
          <figcaption>Kernel W 3×3, bias b = {BIAS}</figcaption>
        </figure>
        <span className="bp-arrow" aria-hidden="true">→</span>
        <figure>
          <ValueGrid values={r.net.data} height={NET_SIDE} width={NET_SIDE} cell={CELL} colormap="diverging" showNumbers label="Net map, 5 by 5" />
          <figcaption>net = X ⋆ W + b, 5×5</figcaption>
        </figure>
        {r.settings.relu && (
          <figure>
            <ValueGrid values={r.activation.data} height={NET_SIDE} width={NET_SIDE} cell={CELL} colormap="diverging" showNumbers label="ReLU of the net map, 5 by 5" />
            <figcaption>ReLU(net)</figcaption>
          </figure>
        )}
        <span className="bp-arrow" aria-hidden="true">→</span>
        <figure>
          <ValueGrid values={r.activation.data} height={NET_SIDE} width={NET_SIDE} cell={CELL} colormap="diverging" showNumbers
            rects={r.argmax ? [...windowRects(r, null), ...argmaxRects(r)] : windowRects(r, null)}
            label={`Pooling windows on the ${r.settings.relu ? 'ReLU output' : 'net map'}`} />
          <figcaption>{w.size}×{w.size} windows, stride {w.stride}{r.argmax ? `; winners outlined${repeatedWinners(r)}` : ''}</figcaption>
        </figure>
        <figure>
          <ValueGrid values={r.output.data} height={side} width={side} cell={CELL} colormap="diverging" showNumbers label={`Output, ${side} by ${side}`} />
          <figcaption>out = {r.settings.pool === 'max' ? 'max' : 'average'} pool, {side}×{side}</figcaption>
        </figure>
      </div>
      <Tex block>{`\\text{out} = \\operatorname{${r.settings.pool === 'max' ? 'maxpool' : 'avgpool'}}_{${w.size}\\times${w.size},\\,s=${w.stride}}\\big(${r.settings.relu ? '\\operatorname{ReLU}(X \\star W + b)' : 'X \\star W + b'}\\big)`}</Tex>
    </section>
  );
}
