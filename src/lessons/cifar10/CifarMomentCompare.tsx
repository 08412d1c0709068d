import { memo, useEffect, useMemo, useRef } from 'react';
import type { CifarSet } from '../../data/cifar10';
import { CENTRAL, CROP_SIDE, CROP_VALUES, prepareImage } from '../../data/cifarAugment';
import type { Moment } from '../../engine/moments';
import { createImageGrid } from '../../viz/imageGrid';
import { createRgbTiles, filtersToTiles } from '../../viz/rgbTiles';
import { conv1Readout, type Conv1Readout } from './cifarMoments';
import { errorText } from '../../engine/format';

/** Test accuracy of a moment as text, or that it was not measured. */
export function accuracyText(m: Moment): string {
  const raw = m.metrics?.testAccuracy;
  const images = m.metrics?.testImages;
  if (raw === undefined) return 'test accuracy not measured';
  return `${(raw * 100).toFixed(1)}% of ${images?.toLocaleString('en-US') ?? '?'} test images right`;
}

/**
 * Two kept CIFAR-10 moments side by side: conv1's 64 filters and the 64 conv1 maps of one test image, computed
 * from each moment's own weights; both sides share one colour scale so their maps compare directly.
 */
export const CifarMomentCompare = memo(function CifarMomentCompare({ a, b, test, index }: { a: Moment; b: Moment; test: CifarSet; index: number }) {
  const imageRef = useRef<HTMLDivElement>(null);
  const sides = useMemo(() => [a, b].map((m): Conv1Readout | string => {
    try {
      return conv1Readout(m, test, index);
    } catch (err) {
      return errorText(err);
    }
  }), [a, b, test, index]);
  const top = Math.max(1e-6, ...sides.map((s) => (typeof s === 'string' ? 0 : s.max)));

  useEffect(() => {
    const tiles = createRgbTiles(imageRef.current!, { side: CROP_SIDE, columns: 1, scale: 4, label: 'The test image both moments read' });
    const image = new Float32Array(CROP_VALUES);
    prepareImage(test.pixels, index, CENTRAL, image, 0);
    tiles.update({ tiles: image, count: 1, description: `Test image ${index + 1} (${test.classes[test.labels[index]]}), central 24×24 crop, standardised` });
    return () => tiles.destroy();
  }, [test, index]);

  return (
    <div className="moment-compare">
      <div className="moment-image">
        <div ref={imageRef} className="grid-host" />
        <p className="hint">Test image {index + 1}: {test.classes[test.labels[index]]} (CIFAR-10 test set, Krizhevsky 2009), the central 24×24 crop standardised as the network sees it.</p>
      </div>
      <div className="moment-sides">
        {[a, b].map((m, i) => <CifarMomentSide key={i} side={i === 0 ? 'A' : 'B'} moment={m} readout={sides[i]} top={top} index={index} />)}
      </div>
    </div>
  );
});

function CifarMomentSide({ side, moment, readout, top, index }: { side: 'A' | 'B'; moment: Moment; readout: Conv1Readout | string; top: number; index: number }) {
  const filtersRef = useRef<HTMLDivElement>(null);
  const mapsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (typeof readout === 'string') return;
    const filters = createRgbTiles(filtersRef.current!, { side: 5, columns: 8, scale: 6, gap: 3, label: `conv1 filters of moment ${side}` });
    filters.update({ tiles: filtersToTiles(moment.weights['conv1/weights'], 5, 64), count: 64, description: `conv1's 64 filters of “${moment.name}” (step ${moment.step}), each stretched around its own mean` });
    const maps = createImageGrid(mapsRef.current!, { tileWidth: CROP_SIDE, tileHeight: CROP_SIDE, columns: 8, scale: 1.5, gap: 2, colormap: 'magnitude', normalize: 'fixed', range: [0, top], label: `conv1 feature maps of moment ${side}` });
    maps.update({ tiles: readout.maps, count: 64, description: `The 64 conv1 maps (after ReLU) of test image ${index + 1} under “${moment.name}”` });
    return () => { filters.destroy(); maps.destroy(); };
  }, [readout, moment, side, top, index]);
  return (
    <section className="moment-side" data-moment-side={side} aria-label={`Moment ${side}: ${moment.name}`}>
      <h4><span className="moment-letter">{side}</span> {moment.name}</h4>
      <p className="moment-facts">step {moment.step.toLocaleString('en-US')} · {moment.epoch.toFixed(2)} epochs · {accuracyText(moment)}</p>
      {typeof readout === 'string' ? <p className="notice" role="alert">{readout}</p> : (
        <>
          <p className="hint">conv1&apos;s 64 filters (5×5×3):</p>
          <div ref={filtersRef} className="grid-host moment-filters" />
          <p className="hint">conv1 maps of this image after ReLU (dark 0, bright {top.toFixed(2)}, one scale for A and B; {(readout.zeroFraction * 100).toFixed(0)}% of values are 0):</p>
          <div ref={mapsRef} className="grid-host moment-maps" />
        </>
      )}
    </section>
  );
}
