import { useEffect, useMemo, useState } from 'react';
import { conv2d, convOutputShape, convTerms, filters as makeFilters, rotate180, volume, type Padding } from '../../math';
import { mnistBatchToFloat, type MnistSplit } from '../../data/mnist';
import { intParam } from '../../app/route';
import { updateParams } from '../../app/navigation';
import { useAppStore } from '../../state/store';
import { Tex } from '../../app/Tex';
import { KERNEL_PRESETS, SMALL_EXAMPLE, SMALL_SIDE } from './kernels';
import { formatCell, ValueGrid } from '../../app/ValueGrid';

const PADDINGS: { key: string; label: string; value: Padding }[] = [
  { key: 'valid', label: 'none (valid)', value: 'valid' },
  { key: '1', label: '1 cell of zeros', value: 1 },
  { key: '2', label: '2 cells of zeros', value: 2 },
  { key: 'same', label: "'same' (output size = ⌈input / stride⌉)", value: 'same' },
];

type Mode = 'correlation' | 'convolution';

/** Reads the explorer's settings from the URL, so a link reproduces the view. */
function useExplorerSettings() {
  const params = useAppStore((s) => s.route.params);
  const stride = Math.min(3, Math.max(1, intParam(params, 'stride') ?? 1));
  const pad = PADDINGS.find((p) => p.key === params.pad) ?? PADDINGS[0];
  const mode: Mode = params.mode === 'convolution' ? 'convolution' : 'correlation';
  const kernelIndex = Math.min(KERNEL_PRESETS.length - 1, Math.max(0, intParam(params, 'kernel') ?? 0));
  const digit = intParam(params, 'digit');
  return { stride, pad, mode, kernelIndex, digit: digit !== null && digit >= 0 && digit < 10_000 ? digit : null };
}

/**
 * The convolution step-through: an input (a small editable grid or a real MNIST digit), a kernel (presets or
 * edited), stride, padding and correlation/convolution; the feature map; and, for any output cell, its
 * multiply-adds with the actual numbers. The arithmetic is src/math's, checked against tfjs in the tests.
 */
export function ConvolutionExplorer({ mnist }: { mnist: MnistSplit | null }) {
  const { stride, pad, mode, kernelIndex, digit } = useExplorerSettings();
  const [smallInput, setSmallInput] = useState(() => Float32Array.from(SMALL_EXAMPLE));
  // Edits belong to the preset they were made on; choosing another preset starts from its own weights.
  const [edits, setEdits] = useState<{ preset: number; values: number[] } | null>(null);
  const kernel = edits && edits.preset === kernelIndex ? edits.values : KERNEL_PRESETS[kernelIndex].values;
  const setKernel = (values: number[]) => setEdits({ preset: kernelIndex, values });
  const [selected, setSelected] = useState({ y: 0, x: 0 });
  const [selectedInput, setSelectedInput] = useState<{ y: number; x: number } | null>(null);
  const [playing, setPlaying] = useState(false);

  const useDigit = digit !== null && mnist !== null;
  const side = useDigit ? 28 : SMALL_SIDE;
  const input = useMemo(() => {
    if (!useDigit) return volume(SMALL_SIDE, SMALL_SIDE, 1, smallInput);
    return volume(28, 28, 1, mnistBatchToFloat(mnist!.images, [digit!]));
  }, [useDigit, smallInput, mnist, digit]);
  const k = Math.round(Math.sqrt(kernel.length));
  const weights = useMemo(() => makeFilters(k, k, 1, 1, Float32Array.from(kernel)), [k, kernel]);
  const opts = useMemo(() => ({ stride, padding: pad.value, mode }), [stride, pad.value, mode]);
  const shape = useMemo(() => {
    try { return convOutputShape(input, k, k, stride, pad.value); } catch { return null; }
  }, [input, k, stride, pad.value]);
  const output = useMemo(() => (shape ? conv2d(input, weights, opts) : null), [shape, input, weights, opts]);
  const cell = shape && output ? { y: Math.min(selected.y, output.height - 1), x: Math.min(selected.x, output.width - 1) } : null;
  const terms = useMemo(() => (cell ? convTerms(input, weights, opts, cell.y, cell.x, 0) : null), [cell?.y, cell?.x, input, weights, opts]); // eslint-disable-line react-hooks/exhaustive-deps

  // Play: slide the window over every output cell in reading order.
  useEffect(() => {
    if (!playing || !output) return;
    const timer = setInterval(() => {
      setSelected((s) => {
        const nx = s.x + 1 < output.width ? s.x + 1 : 0;
        const ny = nx === 0 ? (s.y + 1 < output.height ? s.y + 1 : 0) : s.y;
        return { y: ny, x: nx };
      });
    }, side > 10 ? 120 : 400);
    return () => clearInterval(timer);
  }, [playing, output, side]);

  const [pt, pb, pl, pr] = shape?.pad ?? [0, 0, 0, 0];
  const shownKernel = mode === 'convolution' ? rotate180(weights).data : weights.data;
  const cellSize = side > 10 ? 8 : 34;
  const windowRect = cell ? [{ y: cell.y * stride - pt, x: cell.x * stride - pl, h: k, w: k, className: 'window-rect' }] : [];

  return (
    <div className="conv-explorer">
      <div className="conv-controls">
        <label>Input{' '}
          <select aria-label="Input image" value={useDigit ? 'digit' : 'small'} onChange={(e) => updateParams({ digit: e.target.value === 'digit' ? String(digit ?? 0) : null })}>
            <option value="small">7×7 example (editable)</option>
            <option value="digit" disabled={!mnist}>MNIST test digit{mnist ? '' : ' (loading…)'}</option>
          </select>
        </label>
        {useDigit && (
          <label>Digit #<input aria-label="Test digit number" type="number" min={0} max={9999} value={digit!} onChange={(e) => updateParams({ digit: String(Math.min(9999, Math.max(0, Number(e.target.value) || 0))) })} /></label>
        )}
        <label>Kernel{' '}
          <select aria-label="Kernel preset" value={kernelIndex} onChange={(e) => updateParams({ kernel: e.target.value === '0' ? null : e.target.value })}>
            {KERNEL_PRESETS.map((p, i) => <option key={p.name} value={i}>{p.name}</option>)}
          </select>
        </label>
        <label>Stride{' '}
          <select aria-label="Stride" value={stride} onChange={(e) => updateParams({ stride: e.target.value === '1' ? null : e.target.value })}>
            {[1, 2, 3].map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Zero padding{' '}
          <select aria-label="Zero padding" value={pad.key} onChange={(e) => updateParams({ pad: e.target.value === 'valid' ? null : e.target.value })}>
            {PADDINGS.map((p) => <option key={p.key} value={p.key}>{p.label}</option>)}
          </select>
        </label>
        <fieldset className="mode-toggle">
          <legend>Operation</legend>
          <label><input type="radio" name="conv-mode" checked={mode === 'correlation'} onChange={() => updateParams({ mode: null })} /> correlation (what TensorFlow computes)</label>
          <label><input type="radio" name="conv-mode" checked={mode === 'convolution'} onChange={() => updateParams({ mode: 'convolution' })} /> convolution (the lecture&apos;s formula)</label>
        </fieldset>
      </div>

      <div className="conv-grids">
        <figure>
          <ValueGrid values={input.data} height={side} width={side} cell={cellSize} colormap="gray" showNumbers={side <= 10}
            range={useDigit ? [0, 1] : [0, 9]} padding={[pt, pb, pl, pr]} rects={windowRect}
            label={`Input, ${side} by ${side}${pt + pb + pl + pr ? ', with zero padding' : ''}. The outlined window is the patch the selected output cell sees.`}
            selected={useDigit ? null : selectedInput}
            onSelect={useDigit ? undefined : (y, x) => setSelectedInput({ y, x })} />
          <figcaption>Input X {side}×{side}{pt + pb + pl + pr ? ` + padding` : ''}</figcaption>
          {!useDigit && selectedInput && (
            <label className="cell-editor">Value at row {selectedInput.y + 1}, column {selectedInput.x + 1}:{' '}
              <input type="number" min={-9} max={9} step={1} value={smallInput[selectedInput.y * SMALL_SIDE + selectedInput.x]}
                onChange={(e) => {
                  const next = smallInput.slice();
                  next[selectedInput.y * SMALL_SIDE + selectedInput.x] = Number(e.target.value) || 0;
                  setSmallInput(next);
                }} />
            </label>
          )}
        </figure>
        <figure>
          <KernelEditor kernel={kernel} k={k} onChange={setKernel} />
          <figcaption>Kernel W {k}×{k}{edits && edits.preset === kernelIndex ? ' (edited)' : ''}</figcaption>
          {mode === 'convolution' && (
            <>
              <ValueGrid values={shownKernel} height={k} width={k} cell={34} colormap="diverging" showNumbers label="The kernel rotated by 180 degrees, as convolution applies it" />
              <figcaption>…rotated 180° (what convolution slides)</figcaption>
            </>
          )}
        </figure>
        <figure>
          {output && shape ? (
            <ValueGrid values={output.data} height={output.height} width={output.width} cell={side > 10 ? 8 : 34} colormap="diverging"
              showNumbers={output.width <= 10} label={`Feature map net, ${output.height} by ${output.width}. Arrow keys choose a cell.`}
              selected={cell} onSelect={(y, x) => { setPlaying(false); setSelected({ y, x }); }} />
          ) : (
            <p role="alert">The {k}×{k} window does not fit inside the padded input. Add padding or use a smaller kernel.</p>
          )}
          <figcaption>Feature map net {output ? `${output.height}×${output.width}` : ''}</figcaption>
          <button type="button" onClick={() => setPlaying((p) => !p)} disabled={!output}>{playing ? 'Stop sliding' : 'Slide the window'}</button>
        </figure>
      </div>

      {shape && <OutputSizeFormula n={side} k={k} stride={stride} pad={shape.pad} out={[shape.height, shape.width]} />}
      {terms && cell && <MultiplyAdds terms={terms} y={cell.y} x={cell.x} mode={mode} />}
    </div>
  );
}

function KernelEditor({ kernel, k, onChange }: { kernel: number[]; k: number; onChange: (k: number[]) => void }) {
  return (
    <div className="kernel-editor" role="group" aria-label={`Kernel weights, ${k} by ${k}, editable`} style={{ gridTemplateColumns: `repeat(${k}, 3.4rem)` }}>
      {kernel.map((v, i) => (
        <input key={i} type="number" step={0.1} value={Number(v.toFixed(3))} aria-label={`Weight row ${Math.floor(i / k) + 1}, column ${(i % k) + 1}`}
          onChange={(e) => { const next = kernel.slice(); next[i] = Number(e.target.value) || 0; onChange(next); }} />
      ))}
    </div>
  );
}

function OutputSizeFormula({ n, k, stride, pad, out }: { n: number; k: number; stride: number; pad: [number, number, number, number]; out: [number, number] }) {
  const [t, b] = pad;
  return (
    <div className="formula-line">
      <span>Output size:</span>
      <Tex>{String.raw`\left\lfloor \frac{n + p_{\text{before}} + p_{\text{after}} - k}{s} \right\rfloor + 1 = \left\lfloor \frac{${n} + ${t} + ${b} - ${k}}{${stride}} \right\rfloor + 1 = ${out[0]}`}</Tex>
    </div>
  );
}

function MultiplyAdds({ terms, y, x, mode }: { terms: ReturnType<typeof convTerms>; y: number; x: number; mode: Mode }) {
  const general = mode === 'convolution'
    ? String.raw`net[i,j] = \sum_m \sum_n X[m,n]\,W[i-m,\,j-n]`
    : String.raw`net[i,j] = \sum_m \sum_n X[i+m,\,j+n]\,W[m,n]`;
  const parts = terms.terms.map((t) => `${t.padded ? String.raw`\underset{\text{pad}}{0}` : texNumber(t.inputValue)}\\cdot ${texNumber(t.weight)}`);
  const sum = `${parts.join(' + ')}${terms.bias ? ` + ${texNumber(terms.bias)}` : ''} = ${texNumber(terms.sum)}`;
  return (
    <div className="multiply-adds" aria-live="polite">
      <p>
        Output cell row {y + 1}, column {x + 1} — net[{y},{x}] in the formula, which counts from 0: {terms.terms.length} multiply-adds{' '}
        ({terms.terms.filter((t) => t.padded).length} of them on padding). Numbers are rounded; the sum uses the exact values.
      </p>
      <Tex block>{general}</Tex>
      <Tex block>{`net[${y},${x}] = ${sum}`}</Tex>
    </div>
  );
}

function texNumber(v: number): string {
  const s = formatCell(v);
  return v < 0 ? `(${s})` : s;
}
