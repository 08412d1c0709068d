import { useEffect, useMemo, useRef, useState } from 'react';
import type { AlexNet } from '../../model/alexnet';
import type { MobileNet } from '../../model/mobilenet';
import { createRgbTiles, filtersToTiles } from '../../viz/rgbTiles';
import { colourShares, meanOf, swapRedBlue } from './AlexnetFilterTiles';

/** What the view draws: AlexNet's 96 filters in two halves, or MobileNet's first layer. */
type Shown =
  | { kind: 'alexnet'; net: AlexNet; tiles: Float32Array; side: number; count: number; shares: Float32Array }
  | { kind: 'mobilenet'; net: MobileNet; tiles: Float32Array; side: number; count: number; shares: Float32Array };

const HALF = 48;

/** Draws `count` tiles into `host` (rebuilt on every change; 96 tiles are cheap). */
function useTiles(host: React.RefObject<HTMLDivElement | null>, data: { tiles: Float32Array; side: number; count: number; columns: number; scale: number; label: string } | null) {
  useEffect(() => {
    const el = host.current;
    if (!el || !data) return;
    const grid = createRgbTiles(el, { side: data.side, columns: data.columns, scale: data.scale, gap: 3, label: data.label });
    grid.update({ tiles: data.tiles, count: data.count });
    return () => grid.destroy();
  }, [host, data]);
}

/** All canvases in `root` stacked into one PNG on white, downloaded as `name`. */
function exportPng(root: HTMLElement, name: string): void {
  const canvases = Array.from(root.querySelectorAll('canvas'));
  if (canvases.length === 0) return;
  const gap = 12;
  const out = document.createElement('canvas');
  out.width = Math.max(...canvases.map((c) => c.width)) + 2 * gap;
  out.height = canvases.reduce((h, c) => h + c.height + gap, gap);
  const ctx = out.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  let y = gap;
  for (const c of canvases) { ctx.drawImage(c, gap, y); y += c.height + gap; }
  out.toBlob((blob) => {
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }, 'image/png');
}

/**
 * The first layer's filters as colour images, each stretched to its own range: AlexNet's 96 of 11×11×3 (BGR
 * turned to RGB) split as the paper's figure splits them, or, without AlexNet, MobileNet's 24 of 3×3×3.
 */
export function AlexnetFiltersPanel({ alexnet, mobilenet }: { alexnet: AlexNet | null; mobilenet: MobileNet | null }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  const allRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    const read = alexnet
      ? alexnet.firstLayerFilters().then((f) => {
        const tiles = swapRedBlue(filtersToTiles(f.data, f.kh, f.outDepth));
        return { kind: 'alexnet' as const, net: alexnet, tiles, side: f.kh, count: f.outDepth, shares: colourShares(tiles, f.kh, f.outDepth) };
      })
      : mobilenet
        ? mobilenet.firstLayerFilters().then((f) => {
          const [side, , , count] = f.shape;
          const tiles = filtersToTiles(f.values, side, count);
          return { kind: 'mobilenet' as const, net: mobilenet, tiles, side, count, shares: colourShares(tiles, side, count) };
        })
        : null;
    read?.then((s) => { if (live) { setShown(s); setProblem(null); } }, (e: unknown) => { if (live) setProblem(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [alexnet, mobilenet]);

  // Only what belongs to the network now in use is drawn (a stale read-out is not).
  const current = shown && (shown.kind === 'alexnet' ? shown.net === alexnet : !alexnet && shown.net === mobilenet) ? shown : null;
  const halves = current?.kind === 'alexnet' && current.count === 2 * HALF ? current : null;
  const [top, bottom, all] = useMemo(() => split(current, halves), [current, halves]);
  useTiles(topRef, top);
  useTiles(bottomRef, bottom);
  useTiles(allRef, all);

  return (
    <section className="panel alexnet-filters-panel" aria-labelledby="alexnet-filters-title">
      <h3 id="alexnet-filters-title">
        {current?.kind === 'mobilenet' ? 'First-layer filters: MobileNet\'s 24 (AlexNet not loaded)' : 'First-layer filters: AlexNet\'s 96'}
      </h3>
      {problem && <p className="notice" role="alert">The filters could not be read: {problem}</p>}
      {!current && !problem && <p className="hint">{alexnet || mobilenet ? 'Reading the filters…' : 'Waiting for a network…'}</p>}
      {halves && (
        <>
          <p className="hint">
            conv1 of AlexNet (bvlc_alexnet via TensorSpace, the weights you supplied): 96 filters of 11×11×3, drawn as
            RGB (the network stores them BGR), each stretched to its own range; grey is the filter&apos;s mean.
          </p>
          <h4>Filters 1–48: read by conv2&apos;s first group (the paper&apos;s GPU 1)</h4>
          <div ref={topRef} className="grid-host" />
          <h4>Filters 49–96: read by conv2&apos;s second group (GPU 2)</h4>
          <div ref={bottomRef} className="grid-host" />
          <p className="colour-shares">
            Colour in each half (the share of a filter&apos;s variation that lies between its colour channels; 0 = grey,
            random filters ≈ 0.67): filters 1–48 <strong>{meanOf(halves.shares, 0, HALF).toFixed(2)}</strong>,
            filters 49–96 <strong>{meanOf(halves.shares, HALF).toFixed(2)}</strong>.
          </p>
        </>
      )}
      {current?.kind === 'mobilenet' && (
        <>
          <p className="hint">
            AlexNet&apos;s weights are not loaded, so this is <strong>MobileNet v1&apos;s</strong> first layer: 24 filters of
            3×3×3 (RGB), each stretched to its own range. Load AlexNet&apos;s weights to see its 96 filters of 11×11.
          </p>
          <div ref={allRef} className="grid-host" />
        </>
      )}
      {current && (
        <button type="button" onClick={(e) => exportPng(e.currentTarget.closest('section')!, current.kind === 'alexnet' ? 'alexnet-conv1-filters.png' : 'mobilenet-conv1-filters.png')}>
          Export the filters as PNG
        </button>
      )}
    </section>
  );
}

/** The tile sets to draw: AlexNet's two halves, or MobileNet's one set. */
function split(current: Shown | null, halves: Shown | null) {
  type Set = { tiles: Float32Array; side: number; count: number; columns: number; scale: number; label: string };
  if (halves) {
    const n = halves.side * halves.side * 3;
    const half = (from: number, label: string): Set => ({ tiles: halves.tiles.subarray(from * n, (from + HALF) * n), side: halves.side, count: HALF, columns: 16, scale: 4, label });
    return [half(0, 'AlexNet conv1 filters 1 to 48 (11×11, RGB)'), half(HALF, 'AlexNet conv1 filters 49 to 96 (11×11, RGB)'), null] as const;
  }
  if (current?.kind === 'mobilenet') {
    return [null, null, { tiles: current.tiles, side: current.side, count: current.count, columns: 12, scale: 14, label: `MobileNet conv1: ${current.count} filters of ${current.side}×${current.side}×3 (RGB)` }] as const;
  }
  return [null, null, null] as const;
}
