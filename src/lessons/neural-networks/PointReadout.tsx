import { predictBinary, predictMulti, type LabeledPoint } from '../../math/linearClassifier';
import { CLASS_NAMES, type BinaryWeights, type MultiWeights } from './classifierStore';
import { fmt, weightedSum } from './network';

/** The score arithmetic w·x + b for one point, and the class it gets. */
export function PointReadout({ point, classes, binary, multi }: { point: LabeledPoint | null; classes: number; binary: BinaryWeights; multi: MultiWeights }) {
  if (!point) return <p className="nn-readout hint">Hover over or click a point to see its score.</p>;
  const where = `Point (${fmt(point.x1)}, ${fmt(point.x2)}), class ${CLASS_NAMES[point.label]}`;
  if (classes === 2) {
    const { w, b } = binary;
    const r = predictBinary(w, b, point.x1, point.x2);
    return (
      <div className="nn-readout" data-testid="point-readout">
        <p>{where}:</p>
        <p className="nn-formula">s = w·x + b = {weightedSum(w, [point.x1, point.x2], b, 2)} = {fmt(r.score, 3)}</p>
        <p>
          s {r.score > 0 ? '>' : '≤'} 0, so it is predicted <strong>{CLASS_NAMES[r.label]}</strong> (σ(s) = P(B) = {r.p1.toFixed(3)})
          {r.label === point.label ? ' — correct.' : ' — wrong side of the line.'}
        </p>
      </div>
    );
  }
  const W = multi.W.slice(0, classes);
  const bs = multi.b.slice(0, classes);
  const r = predictMulti(W, bs, point.x1, point.x2);
  return (
    <div className="nn-readout" data-testid="point-readout">
      <p>{where}:</p>
      <ul className="nn-scores">
        {W.map((w, k) => (
          <li key={CLASS_NAMES[k]}>
            s<sub>{CLASS_NAMES[k]}</sub> = {weightedSum(w, [point.x1, point.x2], bs[k], 2)} = {fmt(r.scores[k], 3)}
            {' '}→ softmax {r.probs[k].toFixed(3)}
          </li>
        ))}
      </ul>
      <p>The highest score wins: <strong>{CLASS_NAMES[r.label]}</strong>{r.label === point.label ? ' — correct.' : ' — wrong.'}</p>
    </div>
  );
}
