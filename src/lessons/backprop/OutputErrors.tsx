import { updateParams } from '../../app/navigation';
import { ValueGrid } from '../../app/ValueGrid';
import { CELL } from './ForwardView';
import { cellName, plainNumber } from './format';
import type { BackpropResult } from './pipeline';
import { formatValues } from './settings';

/**
 * The output layer: pick a cell (click or arrow keys) and set its error ∂J/∂out, or its target for the
 * squared error; shows ∂J/∂out and δ = −∂J/∂out. `full` adds the output values and the loss.
 */
export function OutputErrors({ r, cell, onSelect, full = false }: {
  r: BackpropResult;
  cell: { y: number; x: number };
  onSelect: (y: number, x: number) => void;
  full?: boolean;
}) {
  const side = r.output.width;
  const i = cell.y * side + cell.x;
  const squared = r.settings.loss === 'squared';
  const setValue = (raw: string) => {
    if (raw === '' || !Number.isFinite(Number(raw))) return;
    const next = r.values.slice();
    next[i] = Number(raw);
    updateParams({ vals: formatValues(next) });
  };
  const what = squared ? `Target t at output ${cellName(cell.y, cell.x)}` : `Error ∂J/∂out at output ${cellName(cell.y, cell.x)}`;
  const out = r.output.data[i];
  const dOut = r.dOutput.data[i];
  return (
    <figure className="bp-output">
      <ValueGrid values={r.delta.output.data} height={side} width={side} cell={CELL} colormap="diverging" showNumbers
        label={`Sensitivity delta at the output, ${side} by ${side}. Arrow keys choose an output cell.`} selected={cell} onSelect={onSelect} />
      <figcaption>δ at the output = −∂J/∂out</figcaption>
      <label className="bp-editor">{squared ? 't' : '∂J/∂out'} at {cellName(cell.y, cell.x)}:{' '}
        <input type="number" step={0.5} aria-label={what} value={r.values[i]} onChange={(e) => setValue(e.target.value)} />
      </label>
      {full && (
        <div className="bp-loss">
          <p>
            At {cellName(cell.y, cell.x)}: out = {plainNumber(out)}, so{' '}
            {squared ? <>∂J/∂out = out − t = {plainNumber(out)} − {bracketed(r.values[i])} = {plainNumber(dOut)}</> : <>∂J/∂out = {plainNumber(dOut)}</>}{' '}
            and δ = −∂J/∂out = {plainNumber(-dOut)}.
          </p>
          <p>Loss J = {String(Number(r.loss.toPrecision(6))).replace('-', '−')} {squared ? '(½ Σ (out − t)²)' : '(Σ e · out)'}</p>
        </div>
      )}
    </figure>
  );
}

function bracketed(v: number): string {
  return v < 0 ? `(${plainNumber(v)})` : plainNumber(v);
}
