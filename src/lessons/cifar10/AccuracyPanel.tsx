import { useEffect, useRef, useState } from 'react';
import type { CifarSet } from '../../data/cifar10';
import type { CifarEvaluation } from '../../model/cifarTask';
import { createRgbTiles } from '../../viz/rgbTiles';

/** How many images of one confusion cell are shown at once. */
const CELL_IMAGES = 48;

/**
 * Test accuracy with the trained weights and with their moving average, and the confusion matrix (rows: true
 * class, columns: predicted) of the averaged weights; a cell opens the test images that landed in it.
 */
export function AccuracyPanel({ evaluation, measuring, onMeasure, test, classes, testCount }: {
  evaluation: CifarEvaluation | null;
  measuring: boolean;
  onMeasure: () => void;
  test: CifarSet | null;
  classes: string[];
  testCount: number;
}) {
  const [cell, setCell] = useState<{ row: number; col: number } | null>(null);
  const imagesRef = useRef<HTMLDivElement>(null);
  const matrix = evaluation ? confusion(evaluation.labels, evaluation.averagedPredictions) : null;
  const peak = matrix ? Math.max(1, ...matrix.flat()) : 1;
  const picked = evaluation && cell ? Array.from(evaluation.labels.keys()).filter((i) => evaluation.labels[i] === cell.row && evaluation.averagedPredictions[i] === cell.col) : [];

  useEffect(() => {
    const host = imagesRef.current;
    if (!host || !test || !picked.length) return;
    const shown = picked.slice(0, CELL_IMAGES);
    const tiles = createRgbTiles(host, { side: 32, columns: 12, scale: 2, gap: 3, label: 'Test images in the chosen cell' });
    const data = new Float32Array(shown.length * 3072);
    shown.forEach((i, k) => data.set(test.pixels.subarray(i * 3072, (i + 1) * 3072), k * 3072));
    tiles.update({ tiles: data, count: shown.length, description: `${picked.length} images` });
    return () => tiles.destroy();
    // picked is derived from evaluation and cell.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [test, evaluation, cell]);

  return (
    <section className="panel accuracy-panel" aria-labelledby="cifar-accuracy-title">
      <h3 id="cifar-accuracy-title">Test accuracy</h3>
      <button type="button" onClick={onMeasure} disabled={measuring}>{measuring ? 'Measuring…' : 'Measure on the test images'}</button>
      {evaluation && (
        <p className="accuracy-result" aria-live="polite">
          After step {evaluation.step.toLocaleString('en-US')}: <strong>{(evaluation.raw * 100).toFixed(1)}%</strong> correct with the trained weights,
          {' '}<strong>{(evaluation.averaged * 100).toFixed(1)}%</strong> with their moving average, on the first {evaluation.count.toLocaleString('en-US')} CIFAR-10 test images (chance: 10%).
        </p>
      )}
      <p className="hint">Measured on the first {testCount.toLocaleString('en-US')} images of the official test set, which this project ships; the network never trains on them.</p>
      {matrix && (
        <>
          <table className="confusion" aria-label="Confusion matrix of the averaged weights: rows are the true classes, columns the predicted ones">
            <thead>
              <tr><th scope="col">true \ predicted</th>{classes.map((c) => <th key={c} scope="col" title={c}>{c.slice(0, 4)}</th>)}</tr>
            </thead>
            <tbody>
              {matrix.map((row, r) => (
                <tr key={classes[r]}>
                  <th scope="row">{classes[r]}</th>
                  {row.map((n, c) => (
                    <td key={c} style={{ background: `rgba(0, 114, 178, ${(n / peak).toFixed(3)})`, color: n / peak > 0.5 ? '#fff' : undefined }}>
                      <button type="button" aria-label={`${n} ${classes[r]} images predicted as ${classes[c]}`} aria-pressed={cell?.row === r && cell.col === c}
                        onClick={() => setCell({ row: r, col: c })} disabled={n === 0}>{n}</button>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {cell && (
            <div className="cell-images">
              <p>{picked.length} {classes[cell.row]} image{picked.length === 1 ? '' : 's'} predicted as <strong>{classes[cell.col]}</strong>{picked.length > CELL_IMAGES ? ` (the first ${CELL_IMAGES})` : ''}:</p>
              <div ref={imagesRef} className="grid-host" />
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** counts[true][predicted]. */
export function confusion(labels: Uint8Array, predictions: Uint8Array, classes = 10): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) m[labels[i]][predictions[i]]++;
  return m;
}
