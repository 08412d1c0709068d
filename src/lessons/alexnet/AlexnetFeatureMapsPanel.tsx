import { useEffect, useRef, useState } from 'react';
import type { AlexNet, AlexNetLayerName } from '../../model/alexnet';
import type { MobileNet } from '../../model/mobilenet';
import { createImageGrid } from '../../viz/imageGrid';
import { alexnetInputOf } from './AlexnetPictureInput';
import type { CurrentPicture } from './currentPicture';

/** AlexNet's layers that are maps (height × width × channels), input to output. */
export const ALEXNET_MAP_LAYERS: readonly AlexNetLayerName[] = ['conv1', 'norm1', 'pool1', 'conv2', 'norm2', 'pool2', 'conv3', 'conv4', 'conv5', 'pool5'];

/** One layer's maps for one picture, HWC. */
interface Maps { net: AlexNet | MobileNet; pictureId: number; layer: string; shape: [number, number, number]; values: Float32Array; ms: number }

/** Channel-major tiles (one h×w tile per channel) from an HWC map. */
export function channelTiles(values: Float32Array, h: number, w: number, c: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let k = 0; k < c; k++) {
    for (let p = 0; p < h * w; p++) out[k * h * w + p] = values[p * c + k];
  }
  return out;
}

/** Tile scale and columns so a layer's maps fill about `width` CSS pixels. */
export function tileLayout(side: number, count: number, width = 920): { scale: number; columns: number } {
  const scale = side >= 40 ? 1 : Math.max(1, Math.floor(40 / side));
  const columns = Math.max(1, Math.min(count, Math.floor((width + 2) / (side * scale + 2))));
  return { scale, columns };
}

async function readMaps(alexnet: AlexNet | null, mobilenet: MobileNet | null, picture: CurrentPicture, layer: string): Promise<Maps> {
  const started = performance.now();
  if (alexnet) {
    const input = await alexnetInputOf(picture);
    const out = await alexnet.readLayers(input, [layer as AlexNetLayerName]);
    const [, h, w, c] = out[layer as AlexNetLayerName].shape;
    return { net: alexnet, pictureId: picture.id, layer, shape: [h, w, c], values: out[layer as AlexNetLayerName].data, ms: performance.now() - started };
  }
  const maps = await mobilenet!.featureMaps(picture.square.rgb, layer);
  return { net: mobilenet!, pictureId: picture.id, layer, shape: maps.shape, values: maps.values, ms: performance.now() - started };
}

/**
 * Every channel of one layer's output for the current picture, as small grayscale tiles (white = strongest):
 * AlexNet's conv1 … pool5 when its weights are loaded, MobileNet's ReLU outputs otherwise.
 */
export function AlexnetFeatureMapsPanel({ alexnet, mobilenet, picture }: { alexnet: AlexNet | null; mobilenet: MobileNet | null; picture: CurrentPicture | null }) {
  const [choice, setChoice] = useState<{ alexnet: string; mobilenet: string }>({ alexnet: 'conv1', mobilenet: 'conv1_relu' });
  const [oneScale, setOneScale] = useState(true);
  const [maps, setMaps] = useState<Maps | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const net = alexnet ?? mobilenet;
  const layers = alexnet ? ALEXNET_MAP_LAYERS : mobilenet?.featureMapLayers ?? [];
  const layer = alexnet ? choice.alexnet : choice.mobilenet;

  useEffect(() => {
    if (!picture || (!alexnet && !mobilenet)) return;
    let live = true;
    readMaps(alexnet, mobilenet, picture, alexnet ? choice.alexnet : choice.mobilenet).then(
      (m) => { if (live) { setMaps(m); setProblem(null); } },
      (e: unknown) => { if (live) setProblem(e instanceof Error ? e.message : String(e)); },
    );
    return () => { live = false; };
  }, [alexnet, mobilenet, picture, choice]);

  const current = maps && maps.net === net && maps.layer === layer && maps.pictureId === picture?.id ? maps : null;
  useEffect(() => {
    const host = gridRef.current;
    if (!host || !current) return;
    const [h, w, c] = current.shape;
    const { scale, columns } = tileLayout(w, c, host.clientWidth || undefined);
    const grid = createImageGrid(host, {
      tileWidth: w, tileHeight: h, columns, scale, colormap: 'gray', normalize: oneScale ? 'global' : 'per-tile',
      label: `Feature maps of ${current.layer}`,
    });
    const active = current.values.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
    grid.update({
      tiles: channelTiles(current.values, h, w, c), count: c,
      description: `${c} maps of ${h}×${w} for ${picture?.name ?? 'the picture'}; ${((100 * active) / current.values.length).toFixed(0)}% of the values are above zero`,
    });
    return () => grid.destroy();
  }, [current, oneScale, picture?.name]);

  const name = alexnet ? 'AlexNet' : 'MobileNet';
  return (
    <section className="panel alexnet-maps-panel" aria-labelledby="alexnet-maps-title">
      <h3 id="alexnet-maps-title">Feature maps: {name}{alexnet ? '' : ' (AlexNet not loaded)'}</h3>
      <div className="maps-controls">
        <label>
          Layer{' '}
          <select aria-label="Layer" value={layer} disabled={!net} onChange={(e) => setChoice((c) => (alexnet ? { ...c, alexnet: e.target.value } : { ...c, mobilenet: e.target.value }))}>
            {layers.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        <label><input type="checkbox" checked={oneScale} onChange={(e) => setOneScale(e.target.checked)} /> One grey scale for all maps</label>
      </div>
      {!picture && <p className="hint">Choose a picture in the Top-5 panel: its maps appear here.</p>}
      {problem && <p className="notice" role="alert">The maps could not be computed: {problem}</p>}
      {current ? (
        <p className="maps-shape">
          <strong>{current.layer}</strong> of {name} for <strong>{picture?.sample?.title ?? picture?.name}</strong>:{' '}
          {current.shape.join(' × ')} — {current.shape[2]} maps of {current.shape[0]}×{current.shape[1]}, one per channel
          {' '}({current.ms.toFixed(0)} ms). White is the strongest response{oneScale ? ' in the whole layer' : ' in each map'}, black zero or below.
        </p>
      ) : picture && net && !problem ? <p className="hint" role="status">Computing {layer}…</p> : null}
      <div ref={gridRef} className="grid-host maps-grid" />
    </section>
  );
}
