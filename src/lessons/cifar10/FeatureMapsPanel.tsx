import { useEffect, useMemo, useRef, useState } from 'react';
import type { CifarSet } from '../../data/cifar10';
import { CROP_VALUES, prepareImage, CENTRAL } from '../../data/cifarAugment';
import type { RemoteTrainer } from '../../engine/remoteTrainer';
import type { CifarFeatureMaps, CifarSnapshot } from '../../model/cifarTask';
import { maxPool2d } from '../../math';
import { createImageGrid, type ImageGrid } from '../../viz/imageGrid';
import { createRgbTiles } from '../../viz/rgbTiles';
import { context2d } from '../../viz/canvasUtils';
import { colorIndexMagnitude, magnitudeLut } from '../../viz/colormaps';

type Source = { kind: 'test'; index: number } | { kind: 'upload'; name: string; pixels: Uint8Array };
type LayerName = CifarFeatureMaps['layers'][number]['name'];

const SPATIAL: LayerName[] = ['conv1', 'pool1', 'norm1', 'conv2', 'norm2', 'pool2'];
/** The fully connected layers, drawn as one block of units each (width × height = units). */
const DENSE: Partial<Record<LayerName, [number, number]>> = { local3: [24, 16], local4: [16, 12], logits: [10, 1] };

/** Tile geometry of a layer: h×w maps, one per channel, or one block for a dense layer. */
function geometry(name: LayerName, shape: number[]): { w: number; h: number; count: number } {
  if (shape.length === 3) return { w: shape[1], h: shape[0], count: shape[2] };
  const [w, h] = DENSE[name] ?? [shape[0], 1];
  return { w, h, count: 1 };
}
/** The map each pool reads: pool1 pools conv1, pool2 pools norm2 (the tutorial's order). */
const POOLED_FROM: Partial<Record<LayerName, LayerName>> = { pool1: 'conv1', pool2: 'norm2' };
const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;

/** Channel-major tiles (one h×w tile per channel) from an HWC map. */
function channelTiles(values: Float32Array, h: number, w: number, c: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let k = 0; k < c; k++) {
    for (let p = 0; p < h * w; p++) out[k * h * w + p] = values[p * c + k];
  }
  return out;
}

/**
 * Decodes a user's photo to 32×32 RGB: the central square, scaled down by the browser. Rejects what is not an
 * image or is too large to decode safely, with a message naming the file.
 */
async function photoTo32(file: File): Promise<Uint8Array> {
  if (file.size > MAX_UPLOAD_BYTES) throw new Error(`${file.name} is ${(file.size / 1048576).toFixed(0)} MB; pick an image under 40 MB`);
  let full: ImageBitmap;
  try {
    full = await createImageBitmap(file);
  } catch {
    throw new Error(`${file.name} is not an image this browser can read`);
  }
  const side = Math.min(full.width, full.height);
  const small = await createImageBitmap(full, (full.width - side) / 2, (full.height - side) / 2, side, side, { resizeWidth: 32, resizeHeight: 32, resizeQuality: 'high' });
  full.close();
  const canvas = new OffscreenCanvas(32, 32);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(small, 0, 0);
  small.close();
  const rgba = ctx.getImageData(0, 0, 32, 32).data;
  const rgb = new Uint8Array(32 * 32 * 3);
  for (let i = 0; i < 1024; i++) { rgb[i * 3] = rgba[i * 4]; rgb[i * 3 + 1] = rgba[i * 4 + 1]; rgb[i * 3 + 2] = rgba[i * 4 + 2]; }
  return rgb;
}

/**
 * Feature maps of every layer for one image — a test image or the student's photo — at the live weights or a
 * timeline step, with the max-pool argmax overlay: which cell of the map below won each 3×3 window.
 */
export function FeatureMapsPanel({ trainer, test, classes, snapshot, refresh }: {
  trainer: RemoteTrainer<CifarSnapshot>;
  test: CifarSet | null;
  classes: string[];
  snapshot: CifarSnapshot | null;
  /** Bumped while training so the live maps follow the weights. */
  refresh: number;
}) {
  const [source, setSource] = useState<Source>({ kind: 'test', index: 0 });
  const [layer, setLayer] = useState<LayerName>('conv1');
  const [channel, setChannel] = useState(0);
  const [maps, setMaps] = useState<CifarFeatureMaps | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Kept apart from read errors, so the next live refresh does not clear it. */
  const [uploadError, setUploadError] = useState<string | null>(null);
  const inputRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const argmaxRef = useRef<HTMLCanvasElement>(null);
  const grid = useRef<ImageGrid | null>(null);

  // Memoised: a new subarray each render would restart the read-out below on every render.
  const pixels = useMemo(() => (source.kind === 'upload' ? source.pixels : test ? test.pixels.subarray(source.index * 3072, (source.index + 1) * 3072) : null), [source, test]);
  const image = useMemo(() => {
    if (!pixels) return null;
    const out = new Float32Array(CROP_VALUES);
    prepareImage(pixels, 0, CENTRAL, out, 0);
    return out;
  }, [pixels]);

  useEffect(() => {
    if (!image) return;
    let live = true;
    trainer.read<CifarFeatureMaps>('features', { image, conv: snapshot ?? undefined }).then(
      (m) => { if (live) { setMaps(m); setError(null); } },
      (err: unknown) => { if (live) setError(err instanceof Error ? err.message : String(err)); },
    );
    return () => { live = false; };
  }, [trainer, image, snapshot, refresh]);

  // The input photo, drawn at 32×32 with the 24×24 crop the network sees outlined.
  useEffect(() => {
    const host = inputRef.current;
    if (!host || !pixels) return;
    const tiles = createRgbTiles(host, { side: 32, columns: 1, scale: 4, label: 'The chosen image (32×32); the network sees its central 24×24' });
    tiles.update({ tiles: Float32Array.from(pixels), count: 1 });
    return () => tiles.destroy();
  }, [pixels]);

  const current = maps?.layers.find((l) => l.name === layer) ?? null;
  useEffect(() => {
    const host = gridRef.current;
    if (!host || !current) return;
    const { w, h } = geometry(layer, current.shape);
    const dense = current.shape.length === 1;
    grid.current = createImageGrid(host, {
      tileWidth: w, tileHeight: h, columns: dense ? 1 : w >= 24 ? 8 : 16, scale: dense ? 14 : Math.max(1, Math.round(48 / w)), colormap: 'magnitude', normalize: 'global',
      label: dense ? `Activations of ${layer}` : `Feature maps of ${layer}`, onTileClick: dense ? undefined : (i) => setChannel(i),
    });
    return () => { grid.current?.destroy(); grid.current = null; };
    // Rebuilt only when the shape changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layer, current?.shape.join('x')]);
  useEffect(() => {
    if (!current || !grid.current) return;
    if (current.shape.length === 1) {
      const active = current.values.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
      grid.current.update({ tiles: current.values, count: 1, description: `${current.values.length} units; ${active} are above zero` });
      return;
    }
    const [h, w, c] = current.shape;
    grid.current.update({ tiles: channelTiles(current.values, h, w, c), count: c, highlight: channel, description: `${c} maps of ${h}×${w}, one per channel; channel ${channel + 1} selected` });
  }, [current, channel]);

  // Argmax overlay: the map a pool reads, one channel, with every window's winner outlined and counted.
  const below = POOLED_FROM[layer] ? maps?.layers.find((l) => l.name === POOLED_FROM[layer]) ?? null : null;
  useEffect(() => {
    const canvas = argmaxRef.current;
    if (!canvas || !below) return;
    const [h, w, c] = below.shape;
    const { argmax } = maxPool2d({ height: h, width: w, depth: c, data: below.values }, { size: 3, stride: 2, padding: 'same' });
    const wins = new Map<number, number>();
    for (let i = channel; i < argmax.length; i += c) wins.set(argmax[i], (wins.get(argmax[i]) ?? 0) + 1);
    const cell = Math.floor(288 / w);
    canvas.width = w * cell;
    canvas.height = h * cell;
    const ctx = context2d(canvas);
    if (!ctx) return;
    let lo = Infinity; let hi = -Infinity;
    for (let p = 0; p < h * w; p++) { const v = below.values[p * c + channel]; lo = Math.min(lo, v); hi = Math.max(hi, v); }
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * c + channel;
        const [r, g, b] = magnitudeLut[colorIndexMagnitude(below.values[i], lo, hi)];
        ctx.fillStyle = `rgb(${r},${g},${b})`;
        ctx.fillRect(x * cell, y * cell, cell, cell);
        const n = wins.get(i);
        if (n) {
          ctx.strokeStyle = '#E69F00';
          ctx.lineWidth = 2;
          ctx.strokeRect(x * cell + 1, y * cell + 1, cell - 2, cell - 2);
          if (n > 1) {
            ctx.fillStyle = '#fff';
            ctx.font = `bold ${Math.floor(cell * 0.6)}px sans-serif`;
            ctx.textAlign = 'center';
            ctx.fillText(String(n), x * cell + cell / 2, y * cell + cell * 0.75);
          }
        }
      }
    }
    const many = [...wins.values()].filter((n) => n > 1).length;
    canvas.setAttribute('aria-label', `${POOLED_FROM[layer]} channel ${channel + 1}: ${wins.size} cells won at least one of the ${argmax.length / c} pooling windows; ${many} won more than one`);
  }, [below, channel, layer]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const px = await photoTo32(file);
      setSource({ kind: 'upload', name: file.name, pixels: px });
      setUploadError(null);
    } catch (err) {
      setUploadError(err instanceof Error ? err.message : String(err));
    }
  };

  const top = maps?.probabilities ? Array.from(maps.probabilities, (p, i) => ({ p, i })).sort((a, b) => b.p - a.p).slice(0, 3) : null;
  const index = source.kind === 'test' ? source.index : null;
  return (
    <section className="panel features-panel" aria-labelledby="cifar-features-title"
      onDragOver={(e) => e.preventDefault()} onDrop={(e) => { e.preventDefault(); void onFile(e.dataTransfer.files[0]); }}>
      <h3 id="cifar-features-title">Feature maps{snapshot ? ` at step ${snapshot.step}` : ''}</h3>
      <div className="feature-source">
        <div ref={inputRef} className="grid-host" />
        <div>
          {index !== null && test ? (
            <p>Test image {index + 1} of {test.count}: <strong>{classes[test.labels[index]]}</strong></p>
          ) : source.kind === 'upload' ? <p>Your photo: {source.name}</p> : null}
          <div className="buttons">
            <button type="button" onClick={() => { setUploadError(null); setSource({ kind: 'test', index: ((index ?? 0) + (test?.count ?? 1000) - 1) % (test?.count ?? 1000) }); }}>Previous image</button>
            <button type="button" onClick={() => { setUploadError(null); setSource({ kind: 'test', index: ((index ?? -1) + 1) % (test?.count ?? 1000) }); }}>Next image</button>
            <label className="file-button">Your photo… <input type="file" accept="image/*" onChange={(e) => void onFile(e.target.files?.[0])} /></label>
          </div>
          {top && (
            <ol className="top3" aria-label="The network's three most likely classes">
              {top.map(({ p, i }) => <li key={i}>{classes[i]} <span className="value">{(p * 100).toFixed(1)}%</span></li>)}
            </ol>
          )}
          {snapshot && <p className="hint">The convolution layers use the weights of step {snapshot.step}; the classes need all layers, so they show only live.</p>}
        </div>
      </div>
      {uploadError && <p className="notice" role="alert">{uploadError}</p>}
      {error && <p className="notice" role="alert">{error}</p>}
      <div className="layer-choice" role="radiogroup" aria-label="Layer">
        {[...SPATIAL, ...(Object.keys(DENSE) as LayerName[])].map((name) => (
          <label key={name}>
            <input type="radio" name="cifar-layer" checked={layer === name} disabled={!!snapshot && !SPATIAL.includes(name)} onChange={() => setLayer(name)} /> {name}
          </label>
        ))}
      </div>
      {current && current.shape.length === 3 && <p className="hint">{layer}: {current.shape.join(' × ')} — {current.shape[2]} maps of {current.shape[0]}×{current.shape[1]}. Click a map to pick channel {channel + 1}.</p>}
      {current && current.shape.length === 1 && <p className="hint">{layer}: {current.shape[0]} units{layer === 'logits' ? ' (the scores before softmax)' : ', ReLU: dark ones are zero'}, drawn {geometry(layer, current.shape).w} to a row.</p>}
      {!current && maps && <p className="hint">{layer} needs the whole network, so it shows only live: move the timeline to the right end.</p>}
      <div ref={gridRef} className="grid-host" />
      {below && (
        <div className="argmax-view">
          <h4>Where each max of {layer} came from: channel {channel + 1} of {POOLED_FROM[layer]}</h4>
          <canvas ref={argmaxRef} role="img" aria-label="argmax overlay" />
          <p className="hint">
            3×3 windows with stride 2 overlap, so one cell can win several windows (the number). In backpropagation the
            gradient of every window a cell won flows back to that cell and is added up; cells that won nothing get zero
            (computed with the pooling lesson&apos;s arithmetic from <code>src/math</code>).
          </p>
        </div>
      )}
    </section>
  );
}
