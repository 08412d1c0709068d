import { useMemo, useState } from 'react';
import { avgPool2d, maxPool2d } from '../../math';
import type { MnistSplit } from '../../data/mnist';
import { ValueGrid } from '../../app/ValueGrid';
import { digitVolume } from './helpers';
import type { PoolOp } from './settings';

const SHOWN_PX = 224;
/** A 5×5 kernel on each map of the next layer: multiply-adds per output map = cells · 25. */
const NEXT_KERNEL = 5;

/**
 * One MNIST digit pooled twice with 2×2 windows, stride 2: 28×28 → 14×14 → 7×7, all drawn at the same size
 * so the lost detail shows. Selecting a cell of the smallest map outlines the input cells it summarises.
 */
export function ResolutionLoss({ mnist, digit, op }: { mnist: MnistSplit; digit: number; op: PoolOp }) {
  const [selected, setSelected] = useState({ y: 3, x: 3 });
  const levels = useMemo(() => {
    const input = digitVolume(mnist, digit);
    const pool = (v: typeof input) => (op === 'max' ? maxPool2d(v, { size: 2 }).output : avgPool2d(v, { size: 2 }));
    const half = pool(input);
    return [input, half, pool(half)];
  }, [mnist, digit, op]);
  const smallest = levels[2];
  const scale = (i: number) => levels[0].height / levels[i].height;
  return (
    <section className="panel" aria-labelledby="res-title">
      <h3 id="res-title">Test digit #{digit} (label {mnist.labels[digit]}), {op === 'max' ? 'max' : 'average'}-pooled 2×2, stride 2, twice</h3>
      <div className="conv-grids">
        {levels.map((v, i) => {
          const cell = SHOWN_PX / v.height;
          const block = scale(2) / scale(i);
          const rect = { y: selected.y * block, x: selected.x * block, h: block, w: block, className: 'window-rect' };
          return (
            <figure key={v.height}>
              <ValueGrid values={v.data} height={v.height} width={v.width} cell={cell} colormap="gray" showNumbers={false} range={[0, 1]}
                rects={[rect]} label={`The digit at ${v.height} by ${v.width}. The outline marks the part that becomes the selected cell of the ${smallest.height} by ${smallest.width} map.`}
                selected={i === 2 ? selected : null} onSelect={i === 2 ? (y, x) => setSelected({ y, x }) : undefined} />
              <figcaption>
                {v.height}×{v.width}×{v.depth} = {v.height * v.width * v.depth} values
                {i === 2 && ' — arrow keys choose a cell'}
              </figcaption>
            </figure>
          );
        })}
      </div>
      <table className="results pool-table">
        <caption>Same number of maps, a quarter of the cells at each pooling, and so less work above</caption>
        <thead><tr><th scope="col">map</th><th scope="col">cells per map</th><th scope="col">multiply-adds of a {NEXT_KERNEL}×{NEXT_KERNEL} convolution on it, per output map</th></tr></thead>
        <tbody>
          {levels.map((v) => (
            <tr key={v.height}>
              <th scope="row">{v.height}×{v.width}×{v.depth}</th>
              <td>{(v.height * v.width).toLocaleString('en-US')}</td>
              <td>{(v.height * v.width * NEXT_KERNEL * NEXT_KERNEL * v.depth).toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Cell ({selected.y + 1}, {selected.x + 1}) of the {smallest.height}×{smallest.width} map summarises a {scale(2)}×{scale(2)} patch of the
        original — {scale(2) ** 2} pixels become one number.
      </p>
    </section>
  );
}
