import { useEffect, useRef, type ReactNode } from 'react';
import type { ImagenetClass } from '../../data/imagenet';
import type { SquareImage } from '../../data/imageDecode';
import type { SamplePhoto } from './samplePhotos';
import type { Ranked } from './topK';
import { drawRgb } from '../../viz/drawRgb';

/** A classified picture: where it came from and what it is, if known. */
export interface Shown {
  id: number;
  name: string;
  sample: SamplePhoto | null;
  image: SquareImage;
}

/** 1-based rank of the first correct class among `top`, or null. */
export function firstHit(top: Ranked[], correct: readonly number[]): number | null {
  const at = top.findIndex((r) => correct.includes(r.index));
  return at < 0 ? null : at + 1;
}

/** Percent with one decimal, and "<0.1%" instead of a misleading 0.0%. */
/** Five classes with probability bars, correct ones marked, as the lecture's top-5 slide draws them. */
export function Top5Bars({ label, top, classes, correct }: { label: string; top: Ranked[]; classes: ImagenetClass[]; correct: readonly number[] }) {
  return (
    <ol className="top5-bars" aria-label={label}>
      {top.map((r) => {
        const right = correct.includes(r.index);
        return (
          <li key={r.index} className={right ? 'correct' : undefined}>
            <span className="label">{classes[r.index]?.name ?? `class ${r.index}`} <span className="index">{r.index}</span>{right && <span className="mark"> ✓ correct</span>}</span>
            <span className="bar-track"><span className="bar" style={{ width: `${Math.max(0.5, r.probability * 100)}%` }} /></span>
            <span className="value">{percent(r.probability)}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function percent(p: number): string {
  return p > 0 && p < 0.0005 ? '<0.1%' : `${(p * 100).toFixed(1)}%`;
}

function Verdict({ top, sample }: { top: Ranked[]; sample: SamplePhoto | null }) {
  if (!sample) return <p className="verdict">Your own picture: no label is known, so judge the five yourself.</p>;
  if (sample.correct.length === 0) {
    return <p className="verdict">ImageNet has no class for this photo, so every answer counts as wrong: the network must still share 100% among its 1,000 classes.</p>;
  }
  const hit = firstHit(top, sample.correct);
  return (
    <p className="verdict">
      Top-1: <strong className={hit === 1 ? 'right' : 'wrong'}>{hit === 1 ? '✓ correct' : '✗ wrong'}</strong>
      {' · '}Top-5: <strong className={hit ? 'right' : 'wrong'}>{hit ? `✓ correct (rank ${hit})` : '✗ wrong (no correct class among the five)'}</strong>
    </p>
  );
}

/** The picture the network saw (the 224×224 square), its correct label, and the five most probable classes as bars. */
export function Top5Result({ shown, top, classes, inferenceMs, backend, besides }: {
  shown: Shown;
  top: Ranked[] | null;
  classes: ImagenetClass[];
  inferenceMs: number | null;
  backend: string | null;
  /** Another network's answer for the same picture, drawn beside these bars (AlexNet's, when loaded). */
  besides?: ReactNode;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { image, sample } = shown;

  useEffect(() => drawRgb(canvasRef.current, image.rgb, image.side), [image]);

  const { width, height, crop } = image;
  const cropWords = width === height ? `the whole ${width}×${height} picture` : `the centre ${crop.side}×${crop.side} square of the ${width}×${height} picture`;
  const correct = sample?.correct ?? [];
  return (
    <div className="top5-result">
      <figure className="seen">
        <canvas ref={canvasRef} role="img" aria-label={`What MobileNet sees: ${shown.name}, ${cropWords}, scaled to ${image.side}×${image.side}`} />
        <figcaption>
          <strong>{sample ? sample.title : shown.name}</strong>
          <span className="truth">Correct label: {sample ? sample.truth : 'not known (your picture)'}</span>
          <span className="hint">What the network sees: {cropWords}, scaled to {image.side}×{image.side}{sample ? ` · photo: ${sample.credit}` : ''}</span>
        </figcaption>
      </figure>
      <div className="top5">
        {besides && <h4>MobileNet v1</h4>}
        {top ? (
          <>
            <Top5Bars label="MobileNet's five most probable classes" top={top} classes={classes} correct={correct} />
            <Verdict top={top} sample={sample} />
            {inferenceMs !== null && (
              <p className="hint timing">
                Classified in {inferenceMs.toFixed(0)} ms on {backend ?? 'the current backend'} (picture decoded, cropped and scaled in {image.decodeMs.toFixed(0)} ms).
              </p>
            )}
          </>
        ) : (
          <p className="hint">Classifying…</p>
        )}
      </div>
      {besides}
    </div>
  );
}
