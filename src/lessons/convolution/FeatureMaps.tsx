import { useMemo } from 'react';
import { conv2d, filters as makeFilters, volume } from '../../math';
import { mnistBatchToFloat, type MnistSplit } from '../../data/mnist';
import { KERNEL_PRESETS } from './kernels';
import { ValueGrid } from '../../app/ValueGrid';

const SHOWN = [0, 1, 2, 4];

/** Several filters on one digit give several feature maps: one conv2d with outDepth = number of kernels. */
export function FeatureMaps({ mnist, digit }: { mnist: MnistSplit; digit: number }) {
  const maps = useMemo(() => {
    const input = volume(28, 28, 1, mnistBatchToFloat(mnist.images, [digit]));
    const count = SHOWN.length;
    // HWIO: weight (ky, kx, 0, o) of kernel o.
    const w = new Float32Array(9 * count);
    SHOWN.forEach((preset, o) => KERNEL_PRESETS[preset].values.forEach((v, i) => { w[i * count + o] = v; }));
    const out = conv2d(input, makeFilters(3, 3, 1, count, w));
    return SHOWN.map((preset, o) => {
      const map = new Float32Array(out.height * out.width);
      for (let i = 0; i < map.length; i++) map[i] = out.data[i * count + o];
      return { name: KERNEL_PRESETS[preset].name, map, h: out.height, w: out.width };
    });
  }, [mnist, digit]);
  return (
    <section className="panel feature-maps" aria-labelledby="fm-title">
      <h3 id="fm-title">{SHOWN.length} filters → {SHOWN.length} feature maps (test digit #{digit}, label {mnist.labels[digit]})</h3>
      <div className="conv-grids">
        {maps.map((m) => (
          <figure key={m.name}>
            <ValueGrid values={m.map} height={m.h} width={m.w} cell={5} colormap="diverging" showNumbers={false} label={`Feature map of the ${m.name} kernel`} />
            <figcaption>{m.name}</figcaption>
          </figure>
        ))}
      </div>
      <p className="hint">One convolution layer with {SHOWN.length} output maps: weights 3×3×1×{SHOWN.length}. Blue: the pattern is present; red: its opposite.</p>
    </section>
  );
}
