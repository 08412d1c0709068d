import { useEffect, useMemo, useRef, useState } from 'react';
import { AUGMENT_CROP_SIDE, AUGMENT_SOURCE_SIDE, augmentationFactor, cropRgb, randomCropPairs, resizeRgbSquare, type CropBox } from '../../data/alexnetAugment';
import { fetchBytes } from '../../data/fetchBytes';
import { decodeSquare } from '../../data/imageDecode';
import { deriveSeed, mulberry32 } from '../../model/random';
import { SERIES_COLORS } from '../../viz/lineChart';
import type { CurrentPicture } from './currentPicture';
import { SAMPLE_PHOTOS, SAMPLE_PHOTOS_PATH } from './samplePhotos';
import { drawRgb } from '../../viz/drawRgb';

/** Random positions shown at once; each comes with its reflection. */
const PAIRS = 6;

interface Source { name: string; rgb: Uint8Array; note: string | null }

/** The current picture at 256×256: its file decoded again at that size, a webcam frame enlarged, or the first sample photo. */
async function loadSource(picture: CurrentPicture | null): Promise<Source> {
  if (picture?.blob) return { name: picture.name, rgb: (await decodeSquare(picture.blob, picture.name, AUGMENT_SOURCE_SIDE)).rgb, note: null };
  if (picture) {
    return { name: picture.name, rgb: resizeRgbSquare(picture.square.rgb, picture.square.side, AUGMENT_SOURCE_SIDE), note: `A webcam frame is kept at ${picture.square.side}×${picture.square.side} only, so it is enlarged to 256×256 here.` };
  }
  const photo = SAMPLE_PHOTOS[0];
  const bytes = await fetchBytes(new URL(SAMPLE_PHOTOS_PATH + photo.file, document.baseURI).href, photo.file);
  return { name: photo.title, rgb: (await decodeSquare(new Blob([bytes as BlobPart]), photo.file, AUGMENT_SOURCE_SIDE)).rgb, note: `No picture chosen yet (step 1), so this is the sample photo “${photo.title}” (${photo.credit}).` };
}

function CropTile({ rgb, box, index }: { rgb: Uint8Array; box: CropBox; index: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => drawRgb(ref.current, cropRgb(rgb, AUGMENT_SOURCE_SIDE, box), AUGMENT_CROP_SIDE), [rgb, box]);
  const caption = `${index + 1}${box.flip ? ' reflected' : ''} · (${box.x}, ${box.y})`;
  return (
    <figure className="crop-tile" style={{ borderColor: SERIES_COLORS[index % SERIES_COLORS.length] }}>
      <canvas ref={ref} role="img" aria-label={`Crop ${caption}`} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/**
 * AlexNet's data augmentation on the lesson's current picture: the picture at 256×256 with the boxes of random
 * 224×224 crops, and each crop beside its horizontal reflection. The crops are seeded; "New crops" draws others.
 */
export function AugmentationPanel({ picture }: { picture: CurrentPicture | null }) {
  const [source, setSource] = useState<Source | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draw, setDraw] = useState(1);
  const sourceRef = useRef<HTMLCanvasElement>(null);
  const { perAxis, positions, reflections, factor, exactPerAxis, exactFactor } = augmentationFactor();
  const boxes = useMemo(() => randomCropPairs(PAIRS, mulberry32(deriveSeed(draw, 'alexnet/crops'))), [draw]);

  useEffect(() => {
    let live = true;
    loadSource(picture).then((s) => { if (live) { setSource(s); setError(null); } }, (err: unknown) => { if (live) setError(err instanceof Error ? err.message : String(err)); });
    return () => { live = false; };
  }, [picture]);

  useEffect(() => { if (source) drawRgb(sourceRef.current, source.rgb, AUGMENT_SOURCE_SIDE); }, [source]);

  const n = (v: number) => v.toLocaleString('en-US');
  return (
    <section className="panel augmentation-panel" aria-label="Data augmentation">
      <h3>Data augmentation: random 224×224 crops and their reflections</h3>
      <p className="augment-count">
        A 224×224 window fits in a 256×256 image at {perAxis} × {perAxis} = <strong>{n(positions)} positions</strong> (256 − 224 = {perAxis} on each
        axis), and each crop also comes left–right reflected: {n(positions)} × {reflections} = <strong>{n(factor)} training examples</strong> from
        every image — the paper&apos;s &ldquo;factor of 2048&rdquo;. Counting both ends, a corner can sit at 0 … {perAxis}, so there are really{' '}
        {exactPerAxis} × {exactPerAxis} × {reflections} = {n(exactFactor)} distinct patches; the crops drawn below use all {exactPerAxis} offsets.
      </p>
      {error && <p className="notice" role="alert">{error}</p>}
      {source && (
        <div className="augment-layout">
          <figure className="augment-source">
            <div className="augment-stack">
              <canvas ref={sourceRef} role="img" aria-label={`${source.name} at 256×256 with ${PAIRS} crop boxes`} />
              <svg viewBox={`0 0 ${AUGMENT_SOURCE_SIDE} ${AUGMENT_SOURCE_SIDE}`} aria-hidden="true">
                {boxes.filter((b) => !b.flip).map((b, i) => (
                  <g key={i} className="crop-box">
                    <rect x={b.x + 0.5} y={b.y + 0.5} width={AUGMENT_CROP_SIDE - 1} height={AUGMENT_CROP_SIDE - 1} stroke={SERIES_COLORS[i % SERIES_COLORS.length]} />
                    <text x={b.x + 3} y={b.y + 12} fill={SERIES_COLORS[i % SERIES_COLORS.length]}>{i + 1}</text>
                  </g>
                ))}
              </svg>
            </div>
            <figcaption>{source.name}, 256×256{source.note && <><br /><span className="hint">{source.note}</span></>}</figcaption>
            <button type="button" onClick={() => setDraw((d) => d + 1)}>New crops</button>
          </figure>
          <div className="crop-grid" aria-label="Crops and their reflections">
            {boxes.map((b, i) => <CropTile key={`${draw}-${i}`} rgb={source.rgb} box={b} index={Math.floor(i / 2)} />)}
          </div>
        </div>
      )}
      {!source && !error && <p className="hint">Decoding the picture at 256×256…</p>}
      <p className="hint">
        At test time the paper did not pick one random crop: it averaged the network&apos;s answers over ten patches, the four corner crops and
        the centre crop, each with its reflection.
      </p>
    </section>
  );
}
