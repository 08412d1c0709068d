import { useMemo, useState } from 'react';
import { avgPool2d, maxPool2d, poolGeometry, poolWindow, volume } from '../../math';
import { updateParams } from '../../app/navigation';
import { Tex } from '../../app/Tex';
import { formatCell, ValueGrid, type GridRect } from '../../app/ValueGrid';
import { ArgmaxOverlay } from './ArgmaxOverlay';
import { argmaxCounts, EXAMPLE_MAP, EXAMPLE_SIDE } from './helpers';
import { STRIDES, usePoolSettings, WINDOW_SIZES, type PoolDefaults } from './settings';
import { WindowReadout } from './WindowReadout';

const CELL = 40;

/**
 * The pooling step-through on an editable 8×8 feature map: window size, stride, padding, max or average;
 * the output map; for a selected output cell its window, winner and arithmetic; and (with `showArgmax`)
 * every input cell that won a max, with how often. All numbers come from src/math.
 */
export function PoolingExplorer({ defaults, showArgmax }: { defaults: PoolDefaults; showArgmax: boolean }) {
  const settings = usePoolSettings(defaults);
  const { size, stride, padding, op, countIncludePad } = settings;
  const [values, setValues] = useState(() => Float32Array.from(EXAMPLE_MAP));
  const [selected, setSelected] = useState({ y: 0, x: 0 });
  const [selectedInput, setSelectedInput] = useState<{ y: number; x: number } | null>(null);

  const input = useMemo(() => volume(EXAMPLE_SIDE, EXAMPLE_SIDE, 1, values), [values]);
  const opts = useMemo(() => ({ size, stride, padding, countIncludePad }), [size, stride, padding, countIncludePad]);
  const geometry = useMemo(() => poolGeometry(input, opts), [input, opts]);
  const pooled = useMemo(() => maxPool2d(input, opts), [input, opts]);
  const averaged = useMemo(() => (op === 'avg' ? avgPool2d(input, opts) : null), [op, input, opts]);
  const output = averaged ?? pooled.output;
  const cell = { y: Math.min(selected.y, output.height - 1), x: Math.min(selected.x, output.width - 1) };
  const win = useMemo(() => poolWindow(input, opts, cell.y, cell.x, 0), [input, opts, cell.y, cell.x]);
  const counts = useMemo(() => argmaxCounts(pooled.argmax, values.length), [pooled.argmax, values.length]);

  const [pt, pb, pl, pr] = geometry.pad;
  const padded = pt + pb + pl + pr > 0;
  const rects: GridRect[] = [{ y: cell.y * stride - pt, x: cell.x * stride - pl, h: size, w: size, className: 'window-rect' }];
  if (op === 'max') {
    const w = win.cells[win.winner];
    rects.push({ y: w.iy, x: w.ix, h: 1, w: 1, className: 'pool-winner' });
  }
  const edit = (v: number) => {
    if (!selectedInput) return;
    const next = values.slice();
    next[selectedInput.y * EXAMPLE_SIDE + selectedInput.x] = Math.max(-99, Math.min(99, Math.round(v)));
    setValues(next);
  };
  const opName = op === 'max' ? 'Max' : 'Average';

  return (
    <div className="pool-explorer">
      <div className="conv-controls">
        <label>Window{' '}
          <select aria-label="Window size" value={size} onChange={(e) => updateParams({ size: e.target.value })}>
            {WINDOW_SIZES.map((s) => <option key={s} value={s}>{s}×{s}</option>)}
          </select>
        </label>
        <label>Stride{' '}
          <select aria-label="Stride" value={stride} onChange={(e) => updateParams({ stride: e.target.value })}>
            {STRIDES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Padding{' '}
          <select aria-label="Padding" value={padding} onChange={(e) => updateParams({ pad: e.target.value === 'same' ? 'same' : null })}>
            <option value="valid">none (valid)</option>
            <option value="same">&apos;same&apos; (output = ⌈input / stride⌉)</option>
          </select>
        </label>
        <fieldset className="mode-toggle">
          <legend>Pooling</legend>
          <label><input type="radio" name="pool-op" checked={op === 'max'} onChange={() => updateParams({ op: 'max' })} /> max</label>
          <label><input type="radio" name="pool-op" checked={op === 'avg'} onChange={() => updateParams({ op: 'avg' })} /> average</label>
        </fieldset>
        {op === 'avg' && (
          <label className="pool-check">
            <input type="checkbox" checked={countIncludePad} disabled={!padded} onChange={(e) => updateParams({ incpad: e.target.checked ? '1' : null })} />{' '}
            count padded cells in the average (PyTorch&apos;s default){padded ? '' : ' — needs padding'}
          </label>
        )}
        <button type="button" onClick={() => updateParams({ size: '3', stride: '2' })}>AlexNet&apos;s overlapping 3×3, stride 2</button>
      </div>

      <div className="conv-grids">
        <figure>
          <div className="pool-overlay-host">
            <ValueGrid values={values} height={EXAMPLE_SIDE} width={EXAMPLE_SIDE} cell={CELL} colormap="gray" showNumbers range={[0, 9]}
              padding={geometry.pad} rects={rects}
              label={`Input feature map, ${EXAMPLE_SIDE} by ${EXAMPLE_SIDE}${padded ? ', with padding' : ''}. The outlined window is the one the selected output cell pools${op === 'max' ? '; the inner outline marks its winner' : ''}. Arrow keys choose a cell to edit.`}
              selected={selectedInput} onSelect={(y, x) => setSelectedInput({ y, x })} />
            {showArgmax && <ArgmaxOverlay counts={counts} side={EXAMPLE_SIDE} cell={CELL} pad={geometry.pad} />}
          </div>
          <figcaption>Input {EXAMPLE_SIDE}×{EXAMPLE_SIDE}{padded ? ' + padding (never wins a max)' : ''}</figcaption>
          {selectedInput && (
            <label className="cell-editor">Value at row {selectedInput.y + 1}, column {selectedInput.x + 1}:{' '}
              <input type="number" min={-99} max={99} step={1} value={values[selectedInput.y * EXAMPLE_SIDE + selectedInput.x]}
                onChange={(e) => edit(Number(e.target.value) || 0)} />
            </label>
          )}
          <button type="button" className="pool-reset" onClick={() => setValues(Float32Array.from(EXAMPLE_MAP))}>Reset the example</button>
        </figure>
        <figure>
          <ValueGrid values={output.data} height={output.height} width={output.width} cell={CELL} colormap="gray" showNumbers range={[0, 9]}
            label={`${opName}-pooled output, ${output.height} by ${output.width}. Arrow keys choose a cell.`}
            selected={cell} onSelect={(y, x) => setSelected({ y, x })} />
          <figcaption>{opName}-pooled output {output.height}×{output.width}</figcaption>
        </figure>
      </div>

      <div className="formula-line">
        <span>Output size:</span>
        <Tex>{String.raw`\left\lfloor \frac{${EXAMPLE_SIDE} + ${pt} + ${pb} - ${size}}{${stride}} \right\rfloor + 1 = ${geometry.height}`}</Tex>
        <span>· {EXAMPLE_SIDE * EXAMPLE_SIDE} cells in, {geometry.height * geometry.width} out</span>
      </div>
      <WindowReadout win={win} op={op} y={cell.y} x={cell.x} />
      {showArgmax && op === 'max' && <ArgmaxSummary counts={counts} values={values} outputs={pooled.argmax.length} />}
      {showArgmax && op === 'avg' && <p className="hint">Average pooling has no winners: every cell of a window contributes. Switch back to max to see the argmax map.</p>}
    </div>
  );
}

/** The argmax map in words: the text alternative to the overlay. */
function ArgmaxSummary({ counts, values, outputs }: { counts: Int32Array; values: Float32Array; outputs: number }) {
  const winners: { i: number; n: number }[] = [];
  counts.forEach((n, i) => { if (n > 0) winners.push({ i, n }); });
  winners.sort((a, b) => b.n - a.n || a.i - b.i);
  const never = counts.length - winners.length;
  return (
    <div className="pool-argmax-summary" aria-live="polite">
      <p>
        {outputs} maxima were won by {winners.length} input cells; {never} of the {counts.length} input cells never win and
        are simply dropped (in backpropagation they receive no error).
      </p>
      <ul>
        {winners.filter((w) => w.n > 1).map((w) => (
          <li key={w.i}>Input row {Math.floor(w.i / EXAMPLE_SIDE) + 1}, column {(w.i % EXAMPLE_SIDE) + 1} (value {formatCell(values[w.i])}) won {w.n} maxima</li>
        ))}
      </ul>
      {winners.every((w) => w.n === 1) && <p className="hint">No cell wins twice: with stride ≥ window the windows do not overlap.</p>}
    </div>
  );
}
