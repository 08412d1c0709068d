import { useEffect, useRef, useState } from 'react';
import { createImageGrid } from '../../viz/imageGrid';
import { createRgbTiles, filtersToTiles, stretchTile, type RgbTiles } from '../../viz/rgbTiles';

export interface FilterWeights { step: number; conv1: Float32Array; conv2: Float32Array }

/** The 5×5 slices of conv2 (HWIO [5, 5, 64, 64]) that read conv1 map `input`: one per conv2 filter. */
function conv2Reading(conv2: Float32Array, input: number): Float32Array {
  const tiles = new Float32Array(64 * 25);
  for (let o = 0; o < 64; o++) {
    for (let p = 0; p < 25; p++) tiles[o * 25 + p] = conv2[(p * 64 + input) * 64 + o];
  }
  return tiles;
}

/** Renders conv1's 64 filters to a PNG (each 5×5 filter scaled ×12, 8 per row) and downloads it. */
function exportPng(conv1: Float32Array, step: number): void {
  const scale = 12;
  const gap = 4;
  const cols = 8;
  const canvas = document.createElement('canvas');
  canvas.width = cols * (5 * scale + gap) + gap;
  canvas.height = 8 * (5 * scale + gap) + gap;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const tiles = filtersToTiles(conv1, 5, 64);
  const bytes = new Uint8ClampedArray(75);
  for (let k = 0; k < 64; k++) {
    stretchTile(tiles, k * 75, 75, bytes);
    const ox = gap + (k % cols) * (5 * scale + gap);
    const oy = gap + Math.floor(k / cols) * (5 * scale + gap);
    for (let p = 0; p < 25; p++) {
      ctx.fillStyle = `rgb(${bytes[p * 3]},${bytes[p * 3 + 1]},${bytes[p * 3 + 2]})`;
      ctx.fillRect(ox + (p % 5) * scale, oy + Math.floor(p / 5) * scale, scale, scale);
    }
  }
  canvas.toBlob((blob) => {
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `cifar10-conv1-filters-step-${step}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }, 'image/png');
}

/** conv1's 64 colour filters and, for a chosen conv1 filter, the conv2 weights that read its map. */
export function FiltersPanel({ filters, replaying }: { filters: FilterWeights | null; replaying: boolean }) {
  const [selected, setSelected] = useState(0);
  const conv1Ref = useRef<HTMLDivElement>(null);
  const conv2Ref = useRef<HTMLDivElement>(null);
  const conv1Tiles = useRef<RgbTiles | null>(null);
  const conv2Grid = useRef<ReturnType<typeof createImageGrid> | null>(null);

  useEffect(() => {
    conv1Tiles.current = createRgbTiles(conv1Ref.current!, { side: 5, columns: 16, scale: 9, gap: 3, label: 'The 64 first-layer filters (5×5×3) of the CIFAR-10 network', onTileClick: setSelected });
    conv2Grid.current = createImageGrid(conv2Ref.current!, { tileWidth: 5, tileHeight: 5, columns: 16, scale: 7, colormap: 'diverging', normalize: 'global', label: 'conv2 weights' });
    return () => { conv1Tiles.current?.destroy(); conv2Grid.current?.destroy(); };
  }, []);

  useEffect(() => {
    if (!filters) return;
    conv1Tiles.current?.update({ tiles: filtersToTiles(filters.conv1, 5, 64), count: 64, highlight: selected, description: `conv1's 64 filters at step ${filters.step}, each stretched around its own mean; filter ${selected + 1} selected` });
    conv2Grid.current?.update({ tiles: conv2Reading(filters.conv2, selected), count: 64, description: `the 64 conv2 filters' 5×5 slices that read conv1 map ${selected + 1}, at step ${filters.step} (blue positive, red negative)` });
  }, [filters, selected]);

  return (
    <section className="panel filters-panel" aria-labelledby="cifar-filters-title">
      <h3 id="cifar-filters-title">conv1: 64 filters of 5×5×3{filters ? ` — step ${filters.step}${replaying ? ' (timeline)' : ''}` : ''}</h3>
      <div ref={conv1Ref} className="grid-host" />
      <p className="hint">Each tile is one filter&apos;s 75 weights as a colour image, stretched around its own mean (grey = the mean). Click one to pick it.</p>
      <h4>conv2: how each of its 64 filters reads the map of conv1 filter {selected + 1} (5×5 slices; blue positive, red negative)</h4>
      <div ref={conv2Ref} className="grid-host" />
      <button type="button" disabled={!filters} onClick={() => filters && exportPng(filters.conv1, filters.step)}>Export conv1 filters as PNG</button>
    </section>
  );
}
