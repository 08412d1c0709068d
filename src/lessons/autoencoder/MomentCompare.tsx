import { memo, useEffect, useMemo, useRef } from 'react';
import { MNIST_SIDE } from '../../data/mnist';
import type { Moment } from '../../engine/moments';
import { formatLoss } from '../../engine/format';
import { createImageGrid } from '../../viz/imageGrid';
import { momentReadout, type MomentReadout } from './momentRecord';

/** CSS pixels per MNIST pixel: six digits to a row fit a phone's width (6 × 42 px + gaps). */
const DIGIT_SCALE = 1.5;
const GRAY = { tileWidth: MNIST_SIDE, tileHeight: MNIST_SIDE, colormap: 'gray' as const, normalize: 'fixed' as const, range: [0, 1] as [number, number] };

/**
 * Two kept moments side by side: each side's reconstructions of the same test digits and its hidden units'
 * weights, computed from the moment's own weights (not from the live network).
 */
export const MomentCompare = memo(function MomentCompare({ a, b, digits, labels }: { a: Moment; b: Moment; digits: Float32Array; labels: Uint8Array }) {
  const originalsRef = useRef<HTMLDivElement>(null);
  const count = labels.length;
  useEffect(() => {
    const grid = createImageGrid(originalsRef.current!, { ...GRAY, columns: count / 2, scale: DIGIT_SCALE, label: 'The test digits both moments rebuild' });
    grid.update({ tiles: digits, count, description: `The first ${count} MNIST test digits: ${Array.from(labels).join(', ')}` });
    return () => grid.destroy();
  }, [digits, labels, count]);
  return (
    <div className="moment-compare">
      <p className="hint">The same {count} test digits (MNIST test set, never trained on):</p>
      <div ref={originalsRef} className="grid-host" />
      <div className="moment-sides">
        <MomentSide side="A" moment={a} digits={digits} count={count} />
        <MomentSide side="B" moment={b} digits={digits} count={count} />
      </div>
    </div>
  );
});

function MomentSide({ side, moment, digits, count }: { side: 'A' | 'B'; moment: Moment; digits: Float32Array; count: number }) {
  const reconRef = useRef<HTMLDivElement>(null);
  const filtersRef = useRef<HTMLDivElement>(null);
  const result = useMemo((): { readout: MomentReadout } | { error: string } => {
    try {
      return { readout: momentReadout(moment, digits) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }, [moment, digits]);
  const readout = 'readout' in result ? result.readout : null;

  useEffect(() => {
    if (!readout) return;
    const recon = createImageGrid(reconRef.current!, { ...GRAY, columns: count / 2, scale: DIGIT_SCALE, label: `Reconstructions by moment ${side}` });
    recon.update({ tiles: readout.reconstructions, count, description: `The test digits rebuilt by the weights of “${moment.name}” (step ${moment.step})` });
    const columns = Math.ceil(Math.sqrt(readout.hiddenSize));
    const filters = createImageGrid(filtersRef.current!, {
      tileWidth: MNIST_SIDE, tileHeight: MNIST_SIDE, columns, scale: readout.hiddenSize > 100 ? 0.5 : 1, gap: 1,
      colormap: 'diverging', normalize: 'per-tile', label: `Hidden-unit weights of moment ${side}`,
    });
    filters.update({ tiles: readout.filters, count: readout.hiddenSize, description: `The ${readout.hiddenSize} hidden units' incoming weights of “${moment.name}”: blue positive, red negative` });
    return () => { recon.destroy(); filters.destroy(); };
  }, [readout, moment, side, count]);

  return (
    <section className="moment-side" data-moment-side={side} aria-label={`Moment ${side}: ${moment.name}`}>
      <h4><span className="moment-letter">{side}</span> {moment.name}</h4>
      <p className="moment-facts">
        step {moment.step.toLocaleString('en-US')} · {moment.epoch.toFixed(2)} epochs · loss {moment.loss === null ? 'not read yet' : formatLoss(moment.loss)}
        {readout && <> · error on these digits {formatLoss(readout.error)}</>}
      </p>
      {!readout && <p className="notice" role="alert">{'error' in result ? result.error : ''}</p>}
      <div ref={reconRef} className="grid-host moment-recon" />
      <p className="hint">Its {readout?.hiddenSize ?? '?'} hidden units (each unit&apos;s 784 weights as 28×28; blue +, red −):</p>
      <div ref={filtersRef} className="grid-host moment-filters" />
    </section>
  );
}
