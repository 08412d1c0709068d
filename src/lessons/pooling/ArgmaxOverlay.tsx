/**
 * Drawn over the input ValueGrid: a ring and count on every cell that won at least one max, a veil over the
 * cells that never win. Decorative (aria-hidden); ArgmaxSummary says the same in words.
 */
export function ArgmaxOverlay({ counts, side, cell, pad }: { counts: Int32Array; side: number; cell: number; pad: [number, number, number, number] }) {
  const [pt, pb, pl, pr] = pad;
  const w = (side + pl + pr) * cell;
  const h = (side + pt + pb) * cell;
  const marks = [];
  for (let i = 0; i < counts.length; i++) {
    const x = (i % side + pl) * cell;
    const y = (Math.floor(i / side) + pt) * cell;
    const n = counts[i];
    if (n === 0) {
      marks.push(<rect key={i} x={x + 1} y={y + 1} width={cell - 2} height={cell - 2} className="argmax-never" />);
    } else {
      marks.push(
        <g key={i}>
          <rect x={x + 2} y={y + 2} width={cell - 4} height={cell - 4} rx={4} className="argmax-won" />
          {n > 1 && (
            <g transform={`translate(${x + cell - 9},${y + 9})`}>
              <circle r={8} className="argmax-badge" />
              <text dy="0.35em" textAnchor="middle" className="argmax-badge-text">×{n}</text>
            </g>
          )}
        </g>,
      );
    }
  }
  return (
    <svg className="argmax-overlay" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">{marks}</svg>
  );
}
