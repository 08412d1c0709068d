import { updateParams } from '../../app/navigation';
import { intParam } from '../../app/route';
import { useAppStore } from '../../state/store';
import { buildStack, type StackLayer } from './architecture';

const STAGE_CHOICES = [1, 2, 3, 4];
const MAP_CHOICES = [4, 8, 16];
const KERNEL = 5;
const POOL = 2;
/** Drawing scale: at most 3 pixels per map (fewer when the maps add up to more than MAP_BUDGET_PX), 6 per row of resolution. */
const MAX_PX_PER_MAP = 3;
const MAP_BUDGET_PX = 420;
const PX_PER_ROW = 6;
const GAP = 20;

/** The typical CNN as a row of blocks: width ∝ number of maps, height ∝ resolution; every shape from src/math. */
export function ArchitectureStack() {
  const params = useAppStore((s) => s.route.params);
  const stagesParam = intParam(params, 'stages');
  const mapsParam = intParam(params, 'maps');
  const stages = stagesParam !== null && STAGE_CHOICES.includes(stagesParam) ? stagesParam : 3;
  const firstMaps = mapsParam !== null && MAP_CHOICES.includes(mapsParam) ? mapsParam : 8;
  const layers = buildStack({ stages, firstMaps, kernel: KERNEL, pool: POOL });
  const last = layers[layers.length - 1];
  return (
    <section className="panel" aria-labelledby="arch-title">
      <h3 id="arch-title">A small CNN on a 28×28×1 digit: {stages} stage{stages > 1 ? 's' : ''} of conv {KERNEL}×{KERNEL} → max pool {POOL}×{POOL}</h3>
      <div className="conv-controls">
        <label>Stages{' '}
          <select aria-label="Stages" value={stages} onChange={(e) => updateParams({ stages: e.target.value })}>
            {STAGE_CHOICES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Maps in the first convolution{' '}
          <select aria-label="Maps in the first convolution" value={firstMaps} onChange={(e) => updateParams({ maps: e.target.value })}>
            {MAP_CHOICES.map((m) => <option key={m} value={m}>{m} (then doubling)</option>)}
          </select>
        </label>
      </div>
      <StackDrawing layers={layers} />
      <table className="results pool-table">
        <caption>The shapes, layer by layer</caption>
        <thead><tr><th scope="col">layer</th><th scope="col">output H×W×D</th><th scope="col">values</th><th scope="col">weights</th><th scope="col">multiply-adds</th></tr></thead>
        <tbody>
          {layers.map((l, i) => (
            <tr key={i}>
              <th scope="row">{l.label}</th>
              <td>{l.shape.height}×{l.shape.width}×{l.shape.depth}</td>
              <td>{l.values.toLocaleString('en-US')}</td>
              <td>{l.weights ? l.weights.toLocaleString('en-US') : '–'}</td>
              <td>{l.multiplyAdds ? l.multiplyAdds.toLocaleString('en-US') : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        What is left after {stages} stage{stages > 1 ? 's' : ''}: {last.shape.height}×{last.shape.width} positions × {last.shape.depth} maps
        = {last.values.toLocaleString('en-US')} numbers describing the whole digit, ready for a fully connected classifier.
      </p>
    </section>
  );
}

function StackDrawing({ layers }: { layers: StackLayer[] }) {
  const { placed, width, maxH } = layout(layers);
  const top = 24;
  const height = top + maxH + 44;
  const summary = layers.map((l) => `${l.label}: ${l.shape.height}×${l.shape.width}×${l.shape.depth}`).join('; ');
  return (
    <div>
      <svg width="100%" style={{ maxWidth: width, height: 'auto' }} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Blocks, width proportional to the number of maps and height to the resolution. ${summary}.`} className="arch-stack">
        {placed.map((p, i) => (
          <g key={i}>
            {i > 0 && <path d={`M${placed[i - 1].x + placed[i - 1].w + 3},${top + maxH / 2} H${p.x - 4}`} className="arch-arrow" markerEnd="url(#arch-head)" />}
            <text x={p.cx} y={top - 8} textAnchor="middle" className="arch-kind">{p.l.kind === 'pool' ? 'pool' : p.l.kind === 'conv' ? 'conv' : 'input'}</text>
            <rect x={p.x} y={top + (maxH - p.h) / 2} width={p.w} height={p.h} className={`arch-block arch-${p.l.kind}`} />
            <text x={p.cx} y={top + maxH + 16} textAnchor="middle" className="arch-shape">{p.l.shape.height}×{p.l.shape.width}×{p.l.shape.depth}</text>
            <text x={p.cx} y={top + maxH + 32} textAnchor="middle" className="arch-values">{p.l.values.toLocaleString('en-US')} values</text>
          </g>
        ))}
        <defs>
          <marker id="arch-head" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" className="arch-arrowhead" /></marker>
        </defs>
      </svg>
    </div>
  );
}

/** Places the blocks left to right, each centred in a slot wide enough for its labels. */
function layout(layers: StackLayer[]) {
  const labelW = 84;
  const pxPerMap = Math.min(MAX_PX_PER_MAP, MAP_BUDGET_PX / layers.reduce((sum, l) => sum + l.shape.depth, 0));
  const placed = [];
  let x = 8;
  for (const l of layers) {
    const w = Math.max(3, l.shape.depth * pxPerMap);
    const h = Math.max(4, l.shape.height * PX_PER_ROW);
    const slot = Math.max(w, labelW);
    placed.push({ l, w, h, x: x + (slot - w) / 2, cx: x + slot / 2 });
    x += slot + GAP;
  }
  return { placed, width: x, maxH: Math.max(...placed.map((p) => p.h)) };
}
