import type { PoolWindowCells } from '../../math';
import type { PoolOp } from './settings';

/** One output cell in words: the values in its window and how they become the output (max or average). */
export function WindowReadout({ win, op, y, x }: { win: PoolWindowCells; op: PoolOp; y: number; x: number }) {
  const inside = win.cells.filter((c) => !c.padded);
  const paddedCount = win.cells.length - inside.length;
  const list = inside.map((c) => exact(c.value)).join(', ');
  const head = `Output row ${y + 1}, column ${x + 1}: `;
  if (op === 'max') {
    const w = win.cells[win.winner];
    return (
      <p className="pool-readout" aria-live="polite">
        {head}max of {list} = {exact(win.max)}, from input row {w.iy + 1}, column {w.ix + 1}
        {paddedCount > 0 && <span className="hint"> ({paddedCount} padded cells take no part)</span>}
      </p>
    );
  }
  const terms = win.cells.map((c) => (c.padded ? (win.count > inside.length ? '0' : null) : exact(c.value))).filter((t): t is string => t !== null);
  const sum = win.cells.reduce((s, c) => s + c.value, 0);
  return (
    <p className="pool-readout" aria-live="polite">
      {head}average of {terms.join(', ')} = {exact(sum)} / {win.count} = {exact(win.average)}
      {paddedCount > 0 && (
        <span className="hint"> ({paddedCount} padded cells {win.count > inside.length ? 'count as zeros' : 'are left out of the count'})</span>
      )}
    </p>
  );
}

/** Up to three decimals, trailing zeros dropped: 3.75 stays 3.75 (the grid cells round it to 3.8). */
function exact(v: number): string {
  return String(Number(v.toFixed(3)));
}
