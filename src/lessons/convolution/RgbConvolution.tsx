import { useEffect, useMemo, useRef, useState } from 'react';
import { conv2d, convTerms, filters as makeFilters, volume, type Volume } from '../../math';
import { CIFAR_CHANNELS, CIFAR_SIDE, loadSharedCifarTest, type CifarSet } from '../../data/cifar10';
import { intParam } from '../../app/route';
import { updateParams } from '../../app/navigation';
import { useAppStore } from '../../state/store';
import { Tex } from '../../app/Tex';
import { KERNEL_PRESETS } from './kernels';
import { formatCell, ValueGrid } from '../../app/ValueGrid';

const CHANNELS = ['red', 'green', 'blue'] as const;
const CELL = 5;

/** One channel of a volume as its own single-channel values. */
function channel(v: Volume, c: number): Float32Array {
  const out = new Float32Array(v.height * v.width);
  for (let i = 0; i < out.length; i++) out[i] = v.data[i * v.depth + c];
  return out;
}

/**
 * A convolution over the three colour channels of a real CIFAR-10 image: one kernel slice per channel, the three
 * partial maps, and their sum net = Σ_k X^k ∗ W^k; any output cell's multiply-adds grouped by channel.
 */
export function RgbConvolution() {
  const params = useAppStore((s) => s.route.params);
  const index = Math.min(999, Math.max(0, intParam(params, 'cifar') ?? 0));
  const kernelIndex = Math.min(KERNEL_PRESETS.length - 1, Math.max(0, intParam(params, 'kernel') ?? 0));
  const [data, setData] = useState<CifarSet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState({ y: 12, x: 12 });
  useEffect(() => {
    let live = true;
    loadSharedCifarTest().then((d) => { if (live) setData(d); }, (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, []);

  const computed = useMemo(() => {
    if (!data) return null;
    const size = CIFAR_SIDE * CIFAR_SIDE * CIFAR_CHANNELS;
    const input = volume(CIFAR_SIDE, CIFAR_SIDE, CIFAR_CHANNELS, Float32Array.from(data.pixels.subarray(index * size, (index + 1) * size), (v) => v / 255));
    const kernel = KERNEL_PRESETS[kernelIndex].values;
    // The same 3×3 slice on every channel: W^k = W for k = red, green, blue (HWIO layout).
    const w = new Float32Array(9 * CIFAR_CHANNELS);
    kernel.forEach((v, i) => { for (let c = 0; c < CIFAR_CHANNELS; c++) w[i * CIFAR_CHANNELS + c] = v; });
    const weights = makeFilters(3, 3, CIFAR_CHANNELS, 1, w);
    const net = conv2d(input, weights);
    const partial = CHANNELS.map((_, c) => conv2d(volume(CIFAR_SIDE, CIFAR_SIDE, 1, channel(input, c)), makeFilters(3, 3, 1, 1, kernel)));
    return { input, weights, net, partial, channels: CHANNELS.map((_, c) => channel(input, c)) };
  }, [data, index, kernelIndex]);

  if (error) return <p className="panel error" role="alert">CIFAR-10 could not be loaded: {error}</p>;
  if (!data || !computed) return <p className="loading">Loading CIFAR-10 test images…</p>;
  const { input, weights, net, partial, channels } = computed;
  const cell = { y: Math.min(selected.y, net.height - 1), x: Math.min(selected.x, net.width - 1) };
  const terms = convTerms(input, weights, {}, cell.y, cell.x, 0);
  const window = [{ y: cell.y, x: cell.x, h: 3, w: 3, className: 'window-rect' }];
  const perChannel = CHANNELS.map((_, c) => terms.terms.filter((t) => t.c === c));
  const sums = perChannel.map((ts) => ts.reduce((s, t) => s + t.product, 0));

  return (
    <section className="panel rgb-conv" aria-labelledby="rgb-title">
      <h3 id="rgb-title">Three channels, one sum: CIFAR-10 test image #{index} ({data.classes[data.labels[index]]})</h3>
      <div className="conv-controls">
        <label>Image # <input type="number" aria-label="CIFAR-10 test image number" min={0} max={999} value={index}
          onChange={(e) => updateParams({ cifar: String(Math.min(999, Math.max(0, Number(e.target.value) || 0))) })} /></label>
        <button type="button" onClick={() => updateParams({ cifar: String((index + 1) % 1000) })}>next image</button>
        <label>Kernel on every channel{' '}
          <select aria-label="Kernel preset for the colour image" value={kernelIndex} onChange={(e) => updateParams({ kernel: e.target.value === '0' ? null : e.target.value })}>
            {KERNEL_PRESETS.map((p, i) => <option key={p.name} value={i}>{p.name}</option>)}
          </select>
        </label>
      </div>
      <div className="conv-grids">
        <figure>
          <RgbImage pixels={data.pixels} index={index} scale={6} label={`CIFAR-10 test image ${index}, a ${data.classes[data.labels[index]]}`} />
          <figcaption>The image (32×32×3)</figcaption>
        </figure>
        {CHANNELS.map((name, c) => (
          <figure key={name}>
            <ValueGrid values={channels[c]} height={CIFAR_SIDE} width={CIFAR_SIDE} cell={CELL} colormap="gray" range={[0, 1]} showNumbers={false} rects={window}
              label={`The ${name} channel X${c + 1} as a grey image, with the selected window outlined`} />
            <figcaption>X<sup>{c + 1}</sup>: {name}</figcaption>
            <ValueGrid values={partial[c].data} height={net.height} width={net.width} cell={CELL} colormap="diverging" showNumbers={false}
              label={`The ${name} channel convolved with its kernel slice`} />
            <figcaption>X<sup>{c + 1}</sup> ∗ W<sup>{c + 1}</sup></figcaption>
          </figure>
        ))}
        <figure>
          <ValueGrid values={net.data} height={net.height} width={net.width} cell={CELL + 2} colormap="diverging" showNumbers={false}
            label="The feature map net, the sum of the three channel maps. Arrow keys choose a cell." selected={cell} onSelect={(y, x) => setSelected({ y, x })} />
          <figcaption>net = Σ<sub>k</sub> X<sup>k</sup> ∗ W<sup>k</sup> ({net.height}×{net.width})</figcaption>
        </figure>
      </div>
      <div className="multiply-adds" aria-live="polite">
        <p>Output cell row {cell.y + 1}, column {cell.x + 1}: {terms.terms.length} multiply-adds, {perChannel[0].length} per channel.</p>
        <p className="hint">The formulas count from 0, so this is net[{cell.y},{cell.x}]. Numbers are rounded; the sums use the exact values.</p>
        {CHANNELS.map((name, c) => (
          <Tex key={name} block>{`(X^{${c + 1}} * W^{${c + 1}})[${cell.y},${cell.x}] = ${perChannel[c].map((t) => `${formatCell(t.inputValue)}\\cdot ${tex(t.weight)}`).join(' + ')} = ${tex(sums[c])}`}</Tex>
        ))}
        <Tex block>{`net[${cell.y},${cell.x}] = ${sums.map(tex).join(' + ')} = ${tex(terms.sum)}`}</Tex>
      </div>
      <p className="hint">Pixel values are scaled to 0…1. CIFAR-10: Krizhevsky 2009, first 1,000 test images.</p>
    </section>
  );
}

function tex(v: number): string {
  const s = formatCell(v);
  return v < 0 ? `(${s})` : s;
}

/** A CIFAR image drawn in colour on a small canvas scaled up with crisp pixels. */
function RgbImage({ pixels, index, scale, label }: { pixels: Uint8Array; index: number; scale: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(CIFAR_SIDE, CIFAR_SIDE);
    const base = index * CIFAR_SIDE * CIFAR_SIDE * CIFAR_CHANNELS;
    for (let p = 0; p < CIFAR_SIDE * CIFAR_SIDE; p++) {
      img.data[p * 4] = pixels[base + p * 3];
      img.data[p * 4 + 1] = pixels[base + p * 3 + 1];
      img.data[p * 4 + 2] = pixels[base + p * 3 + 2];
      img.data[p * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels, index]);
  return <canvas ref={ref} width={CIFAR_SIDE} height={CIFAR_SIDE} role="img" aria-label={label}
    style={{ width: CIFAR_SIDE * scale, height: CIFAR_SIDE * scale, imageRendering: 'pixelated' }} />;
}
