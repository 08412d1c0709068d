import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { isTypingTarget } from '../../app/LessonFrame';
import { fetchBytes } from '../../data/fetchBytes';
import { decodeSquare, grabVideoSquare, ImageInputError, type SquareImage } from '../../data/imageDecode';
import { MOBILENET_INPUT_SIDE } from '../../model/mobilenet';
import { useAppStore } from '../../state/store';
import { SAMPLE_PHOTOS, SAMPLE_PHOTOS_PATH, type SamplePhoto } from './samplePhotos';
import { topK, type Ranked } from './topK';
import { Top5Result, type Shown } from './Top5Result';
import type { ImagenetClassifier } from './useImagenetClassifier';
import { Webcam } from './Webcam';
import type { CurrentPicture } from './currentPicture';

const TOP_K = 5;

/** Resolves after the browser has painted once (so "Classifying…" shows before the main thread is busy). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100); // hidden tabs run no animation frames
    requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(); }, 0));
  });
}

async function samplePicture(photo: SamplePhoto): Promise<{ square: SquareImage; blob: Blob }> {
  const bytes = await fetchBytes(new URL(SAMPLE_PHOTOS_PATH + photo.file, document.baseURI).href, photo.file);
  const blob = new Blob([bytes as BlobPart]);
  return { square: await decodeSquare(blob, photo.file, MOBILENET_INPUT_SIDE), blob };
}

/** The image file among a clipboard's or a drop's items, if any. */
function imageFileOf(items: DataTransferItemList | undefined, files: FileList | undefined): File | null {
  for (const item of Array.from(items ?? [])) {
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile();
  }
  return files?.[0] ?? null;
}

/**
 * The Top-5 panel: sample photos, a file picker, drag-and-drop, paste and the webcam feed one picture at a time to
 * the shipped MobileNet; the panel shows the square it saw, the correct label where known, and the five most
 * probable classes. Bad input (not an image, empty, huge) gives a message and keeps the last result.
 */
export function Top5Panel({ classifier, onPicture, besides }: { classifier: ImagenetClassifier; onPicture?: (picture: CurrentPicture) => void; besides?: ReactNode }) {
  const backend = useAppStore((s) => s.backend.name);
  const [shown, setShown] = useState<Shown | null>(null);
  const [result, setResult] = useState<{ id: number; top: Ranked[]; ms: number } | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const generation = useRef(0);
  const ready = classifier.state === 'ready' ? classifier : null;

  /** Reads a picture, then classifies it; a newer request makes an older one drop its results. */
  const show = useCallback(async (name: string, sample: SamplePhoto | null, read: () => Promise<{ square: SquareImage; blob: Blob | null }>) => {
    if (!ready) return;
    const id = ++generation.current;
    const current = () => id === generation.current;
    setProblem(null);
    setPending(`Reading ${name}…`);
    try {
      const { square: image, blob } = await read();
      if (!current()) return;
      setShown({ id, name, sample, image });
      onPicture?.({ id, name, sample, blob, square: image });
      setResult(null);
      setPending(`Classifying ${name}…`);
      await afterPaint();
      if (!current()) return;
      const probabilities = await ready.net.classify(image.rgb);
      if (!current()) return;
      setResult({ id, top: topK(probabilities, TOP_K), ms: ready.net.lastInferenceMs });
    } catch (err) {
      if (!current()) return;
      const message = err instanceof ImageInputError || (err instanceof Error && err.name === 'DatasetError') ? err.message : `${name} could not be classified: ${err instanceof Error ? err.message : String(err)}`;
      setProblem(message);
    } finally {
      if (current()) setPending(null);
    }
  }, [ready, onPicture]);

  const showSample = useCallback((photo: SamplePhoto) => show(photo.title, photo, () => samplePicture(photo)), [show]);
  const showFile = useCallback((file: File | null | undefined, how: string) => {
    if (!file) { setProblem(`${how} held no file: drop or paste a picture (an image file, not a link to one)`); return; }
    void show(file.name || 'the pasted picture', null, async () => ({ square: await decodeSquare(file, file.name || 'the pasted picture', MOBILENET_INPUT_SIDE), blob: file }));
  }, [show]);

  // The first sample photo, as soon as the network is ready.
  useEffect(() => {
    if (ready && generation.current === 0) void showSample(SAMPLE_PHOTOS[0]);
  }, [ready, showSample]);

  // Ctrl+V anywhere on the page (but not into a text field) pastes a picture.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target) || !ready) return;
      e.preventDefault();
      showFile(imageFileOf(e.clipboardData?.items, e.clipboardData?.files), 'The clipboard');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [ready, showFile]);

  const busy = pending !== null;
  const currentSample = shown?.sample ?? null;
  return (
    <section
      className={`panel top5-panel${dragging ? ' dragging' : ''}`}
      aria-labelledby="top5-title"
      onDragOver={(e) => { e.preventDefault(); if (!dragging) setDragging(true); }}
      onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false); }}
      onDrop={(e) => { e.preventDefault(); setDragging(false); showFile(imageFileOf(e.dataTransfer.items, e.dataTransfer.files), 'The drop'); }}
    >
      <h3 id="top5-title">Top-5 predictions</h3>
      <p className="model-facts">
        Predictions by <strong>MobileNet v1 (α 0.75, 224×224)</strong>, 68.4% top-1 / 88.2% top-5 on ImageNet (TF-Slim&apos;s
        published figures for this checkpoint, which Keras converted);{' '}
        {ready ? <><strong>{ready.net.parameterCount.toLocaleString('en-US')} parameters</strong> counted from the loaded model</> : 'parameters counted once it has loaded'}.
        AlexNet&apos;s own weights (233 MB) are not shipped with the app; once you supply them (step “AlexNet&apos;s weights, filters and feature maps”), AlexNet&apos;s own top-5 appears beside MobileNet&apos;s.
      </p>

      {classifier.state === 'loading' && (
        <p className="loading" role="status" aria-busy="true">Loading MobileNet from this app… {Math.round(classifier.progress * 100)}%</p>
      )}
      {classifier.state === 'error' && <p className="notice" role="alert">MobileNet could not be loaded: {classifier.message}</p>}

      <div className="photo-gallery" role="group" aria-label="Sample photos">
        {SAMPLE_PHOTOS.map((photo) => (
          <button key={photo.file} type="button" aria-label={photo.title} title={photo.title} aria-pressed={currentSample === photo}
            disabled={!ready} onClick={() => void showSample(photo)}>
            <img src={SAMPLE_PHOTOS_PATH + photo.file} alt="" loading="lazy" decoding="async" />
          </button>
        ))}
      </div>

      <div className="sources">
        <label className="file-button">
          Choose a picture…
          <input type="file" accept="image/*" disabled={!ready} onChange={(e) => { showFile(e.target.files?.[0], 'The file picker'); e.target.value = ''; }} />
        </label>
        <Webcam disabled={!ready || busy} onCapture={(video) => void show('Webcam picture', null, async () => ({ square: grabVideoSquare(video, MOBILENET_INPUT_SIDE), blob: null }))} />
        <p className="hint">…or drop a picture on this panel, or paste one with Ctrl+V.</p>
      </div>

      {ready && <p className="status-line" role="status" aria-live="polite">{pending ?? (result ? `Done: ${shown?.sample?.title ?? shown?.name}` : '')}</p>}
      {problem && <p className="notice" role="alert">{problem}{/[.!?]$/.test(problem) ? '' : '.'}{shown ? ` Still showing ${shown.sample?.title ?? shown.name}.` : ''}</p>}

      {ready && shown && (
        <Top5Result
          shown={shown}
          top={result?.id === shown.id ? result.top : null}
          classes={ready.classes}
          inferenceMs={result?.id === shown.id ? result.ms : null}
          backend={backend}
          besides={besides}
        />
      )}
      <p className="hint credits">
        Model: MobileNet v1, Howard et al. (2017), Google, Apache-2.0 (<a href="models/mobilenet_v1_0.75_224/PROVENANCE.md">model provenance</a>).
        Class names: ImageNet ILSVRC-2012, from WordNet (<a href="datasets/PROVENANCE.md">data provenance</a>). Each photo&apos;s credit is under it.
      </p>
    </section>
  );
}
