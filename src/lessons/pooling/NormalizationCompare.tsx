import { useMemo, useState } from 'react';
import { conv2d, filters as makeFilters, localContrastNorm, localResponseNorm, type Volume } from '../../math';
import type { MnistSplit } from '../../data/mnist';
import { updateParams } from '../../app/navigation';
import { intParam } from '../../app/route';
import { useAppStore } from '../../state/store';
import { KERNEL_PRESETS } from '../convolution/kernels';
import { formatCell, ValueGrid } from '../../app/ValueGrid';
import { channel, digitVolume, valueRange } from './helpers';

/** Sobel x, Sobel y, blur, sharpen (KERNEL_PRESETS 0, 1, 3, 4): four fixed 3×3 filters giving four maps. */
const KERNELS = [0, 1, 3, 4];
const LCN_SIZES = [5, 9];
/** AlexNet's constants: Krizhevsky, Sutskever & Hinton 2012, section 3.3. */
export const ALEXNET_LRN = { size: 5, alpha: 1e-4, beta: 0.75, k: 2 } as const;

/** Four feature maps of a digit, then the same maps after LCN (space, all maps) and after LRN (neighbouring maps). */
export function NormalizationCompare({ mnist, digit }: { mnist: MnistSplit; digit: number }) {
  const params = useAppStore((s) => s.route.params);
  const lcnSize = LCN_SIZES.includes(intParam(params, 'lcn') ?? 0) ? intParam(params, 'lcn')! : 9;
  const pixelScale = params.scale === '255' ? 255 : 1;
  const [chosen, setPixel] = useState<{ y: number; x: number } | null>(null);

  const rows = useMemo(() => {
    const input = digitVolume(mnist, digit, pixelScale === 255 ? 1 : 255);
    const w = new Float32Array(9 * KERNELS.length);
    KERNELS.forEach((preset, o) => KERNEL_PRESETS[preset].values.forEach((v, i) => { w[i * KERNELS.length + o] = v; }));
    const maps = conv2d(input, makeFilters(3, 3, 1, KERNELS.length, w), { padding: 'same' });
    return [
      { key: 'before', title: 'Before: four conv maps', volume: maps },
      { key: 'lcn', title: `After LCN (${lcnSize}×${lcnSize} window, across all 4 maps)`, volume: localContrastNorm(maps, { size: lcnSize }) },
      { key: 'lrn', title: 'After LRN (AlexNet: 5 neighbouring maps, α = 10⁻⁴, β = 0.75, k = 2)', volume: localResponseNorm(maps, ALEXNET_LRN) },
    ];
  }, [mnist, digit, lcnSize, pixelScale]);
  const pixel = chosen ?? strongestPixel(rows[0].volume);

  return (
    <section className="panel" aria-labelledby="norm-title">
      <h3 id="norm-title">Test digit #{digit} (label {mnist.labels[digit]}) through 4 fixed filters, then normalised</h3>
      <div className="conv-controls">
        <label>LCN window{' '}
          <select aria-label="LCN window" value={lcnSize} onChange={(e) => updateParams({ lcn: e.target.value })}>
            {LCN_SIZES.map((s) => <option key={s} value={s}>{s}×{s}</option>)}
          </select>
        </label>
        <label>Pixels{' '}
          <select aria-label="Pixel scale" value={pixelScale} onChange={(e) => updateParams({ scale: e.target.value === '255' ? '255' : null })}>
            <option value={1}>0…1</option>
            <option value={255}>0…255</option>
          </select>
        </label>
      </div>
      {rows.map((row) => (
        <div key={row.key} className="norm-row">
          <h4>{row.title}</h4>
          <div className="conv-grids">
            {KERNELS.map((preset, d) => <MapFigure key={preset} volume={row.volume} d={d} name={KERNEL_PRESETS[preset].name} row={row.key}
              selected={row.key === 'before' && d === 0 ? pixel : null} onSelect={row.key === 'before' && d === 0 ? (y, x) => setPixel({ y, x }) : undefined} />)}
          </div>
        </div>
      ))}
      <PixelTable rows={rows} y={pixel.y} x={pixel.x} />
    </section>
  );
}

function MapFigure({ volume, d, name, row, selected, onSelect }: {
  volume: Volume; d: number; name: string; row: string; selected: { y: number; x: number } | null; onSelect?: (y: number, x: number) => void;
}) {
  const map = useMemo(() => channel(volume, d), [volume, d]);
  const [lo, hi] = valueRange(map);
  return (
    <figure>
      <ValueGrid values={map} height={volume.height} width={volume.width} cell={5} colormap="diverging" showNumbers={false}
        label={`${name} map, ${row}, values from ${formatCell(lo)} to ${formatCell(hi)}${onSelect ? '. Arrow keys choose the pixel read out below.' : ''}`}
        selected={selected} onSelect={onSelect} />
      <figcaption>{name}<br />{formatCell(lo)} … {formatCell(hi)}</figcaption>
    </figure>
  );
}

function PixelTable({ rows, y, x }: { rows: { key: string; title: string; volume: Volume }[]; y: number; x: number }) {
  return (
    <table className="results pool-table">
      <caption>Pixel row {y + 1}, column {x + 1} (choose it in the first map): the 4 values before and after</caption>
      <thead><tr><th scope="col" />{KERNELS.map((p) => <th key={p} scope="col">{KERNEL_PRESETS[p].name}</th>)}</tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.key === 'before' ? 'before' : r.key === 'lcn' ? 'after LCN' : 'after LRN'}</th>
            {KERNELS.map((p, d) => <td key={p}>{threeDigits(r.volume.data[(y * r.volume.width + x) * r.volume.depth + d])}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Three significant digits, without trailing zeros. */
function threeDigits(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** Where the first map responds most strongly (largest |value|): a pixel on a stroke, worth reading out first. */
function strongestPixel(v: Volume): { y: number; x: number } {
  let best = 0;
  for (let i = 1; i < v.height * v.width; i++) if (Math.abs(v.data[i * v.depth]) > Math.abs(v.data[best * v.depth])) best = i;
  return { y: Math.floor(best / v.width), x: best % v.width };
}
