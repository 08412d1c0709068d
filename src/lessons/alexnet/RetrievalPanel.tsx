import { useEffect, useMemo, useState } from 'react';
import { decodeSquare, ImageInputError } from '../../data/imageDecode';
import { nearestNeighbours } from '../../math/nearest';
import type { AlexNet } from '../../model/alexnet';
import { MOBILENET_INPUT_SIDE } from '../../model/mobilenet';
import { useAppStore } from '../../state/store';
import type { CurrentPicture } from './currentPicture';
import { alexnetExtractor, galleryFeatures, itemFeatures, mobilenetExtractor, type FeatureProgress } from './RetrievalFeatures';
import { loadFixedGallery, PIXEL_SIDE, rememberPicture, sessionUploads, type FixedGallery, type GalleryItem } from './RetrievalGallery';
import { NeighbourList, RetrievalThumb, type Found } from './RetrievalList';
import { SAMPLE_PHOTOS, SAMPLE_PHOTOS_PATH } from './samplePhotos';
import type { ImagenetClassifier } from './useImagenetClassifier';

const NEIGHBOURS = 8;
/** Progress is shown at most this often (one re-render per batch would cost more than the batch on WebGL). */
const PROGRESS_EVERY_MS = 200;
/** Ids of pictures chosen here; far from the Top-5 panel's, which count up from 1. */
let nextPictureId = 1_000_000;

/** The query and its neighbours among all gallery items (shipped ones first, then the student's own). */
function searchAll(query: CurrentPicture, gallery: FixedGallery): { items: GalleryItem[]; queryIndex: number } {
  rememberPicture(query); // idempotent; the lesson does it too, but after this panel's effects
  const items = [...gallery.items, ...sessionUploads()];
  const queryIndex = items.findIndex((item) => (query.sample ? item.sample === query.sample : item.picture === query));
  return { items, queryIndex };
}

/**
 * Retrieval with the top hidden layer (Krizhevsky et al. 2012, Fig. 4 right): the current picture's nearest
 * neighbours by Euclidean distance between last-hidden-layer feature vectors, among the 20 sample photos, the
 * 1,000 shipped CIFAR-10 test images and the student's own pictures of this session; and, for contrast, by raw
 * pixels (32×32 grey). The gallery's vectors are computed once per network in small batches with paints between.
 */
export function RetrievalPanel({ classifier, picture, onPicture, alexnet = null }: {
  classifier: ImagenetClassifier;
  picture: CurrentPicture | null;
  onPicture: (picture: CurrentPicture) => void;
  /** AlexNet with the student's loaded weights, when there is one: its fc7 can be chosen instead of MobileNet. */
  alexnet?: AlexNet | null;
}) {
  const backend = useAppStore((s) => s.backend.name);
  const net = classifier.state === 'ready' ? classifier.net : null;
  const [gallery, setGallery] = useState<FixedGallery | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [wantAlexnet, setWantAlexnet] = useState(false);
  const [progress, setProgress] = useState<(FeatureProgress & { key: string }) | null>(null);
  const [vectors, setVectors] = useState<{ key: string; rows: Float32Array[] } | null>(null);
  const [found, setFound] = useState<{ picture: CurrentPicture; key: string; list: Found[] } | null>(null);

  const extractor = useMemo(() => (alexnet && wantAlexnet ? alexnetExtractor(alexnet) : net ? mobilenetExtractor(net) : null), [alexnet, wantAlexnet, net]);

  useEffect(() => {
    let live = true;
    loadFixedGallery().then(
      (g) => { if (live) setGallery(g); },
      (err: unknown) => { if (live) setProblem(`The gallery could not be loaded: ${err instanceof Error ? err.message : String(err)}`); },
    );
    return () => { live = false; };
  }, []);

  // Arriving here first, before any picture was chosen: search with the first sample photo.
  useEffect(() => {
    if (picture || !gallery) return;
    const { photo, square, blob } = gallery.samples[0];
    onPicture({ id: nextPictureId++, name: photo.title, sample: photo, blob, square });
  }, [picture, gallery, onPicture]);

  // The gallery's feature vectors for the chosen network (cached for the session; resumes if interrupted).
  useEffect(() => {
    if (!extractor || !gallery) return;
    let live = true;
    let shownAt = -Infinity;
    galleryFeatures(extractor, gallery.items, (p) => {
      if (!live || (p.done < p.total && performance.now() - shownAt < PROGRESS_EVERY_MS)) return;
      shownAt = performance.now();
      setProgress({ ...p, key: extractor.key });
    }, () => !live).then(
      (rows) => { if (live && rows) setVectors({ key: extractor.key, rows }); },
      (err: unknown) => { if (live) setProblem(`${extractor.name}'s features could not be computed: ${err instanceof Error ? err.message : String(err)}`); },
    );
    return () => { live = false; };
  }, [extractor, gallery]);

  // Nearest by features, once the gallery's vectors are there (the student's own pictures are computed on demand).
  useEffect(() => {
    if (!picture || !gallery || !extractor || vectors?.key !== extractor.key) return;
    let live = true;
    const { items, queryIndex } = searchAll(picture, gallery);
    const own = items.slice(vectors.rows.length);
    Promise.all(own.map((item) => itemFeatures(extractor, item))).then(
      (ownRows) => {
        if (!live) return;
        const rows = [...vectors.rows, ...ownRows];
        const list = nearestNeighbours(rows[queryIndex], rows, NEIGHBOURS, (i) => i === queryIndex).map((n) => ({ item: items[n.index], distance: n.distance }));
        setFound({ picture, key: extractor.key, list });
      },
      (err: unknown) => { if (live) setProblem(`Your picture's features could not be computed: ${err instanceof Error ? err.message : String(err)}`); },
    );
    return () => { live = false; };
  }, [picture, gallery, extractor, vectors]);

  // Nearest by raw pixels: cheap, so at once.
  const byPixels = useMemo(() => {
    if (!picture || !gallery) return null;
    const { items, queryIndex } = searchAll(picture, gallery);
    const rows = items.map((item) => item.pixels);
    return nearestNeighbours(rows[queryIndex], rows, NEIGHBOURS, (i) => i === queryIndex).map((n) => ({ item: items[n.index], distance: n.distance }));
  }, [picture, gallery]);

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      const square = await decodeSquare(file, file.name, MOBILENET_INPUT_SIDE);
      onPicture({ id: nextPictureId++, name: file.name, sample: null, blob: file, square });
    } catch (err) {
      setProblem(err instanceof ImageInputError ? err.message : `${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const total = gallery ? gallery.items.length : 0;
  const own = sessionUploads().length;
  const current = progress?.key === extractor?.key ? progress : null;
  const computing = extractor && gallery && vectors?.key !== extractor.key;
  const featureList = found && found.picture === picture && found.key === extractor?.key ? found.list : null;
  const query = picture && gallery ? searchAll(picture, gallery) : null;
  const queryItem = query && query.queryIndex >= 0 ? query.items[query.queryIndex] : null;

  return (
    <section className="panel retrieval-panel" aria-labelledby="retrieval-title">
      <h3 id="retrieval-title">Retrieval with the top hidden layer</h3>
      <p className="model-facts">
        Gallery: the {SAMPLE_PHOTOS.length} sample photos, the first <strong>1,000 CIFAR-10 test images</strong> — tiny, only 32×32
        pixels, scaled up to 224×224 for the network — and {own === 0 ? 'any picture of your own you use in this lesson' : `${own} picture${own === 1 ? '' : 's'} of your own from this session`}.
        The picture searched with is left out of its own results.
      </p>
      {alexnet && (
        <div className="feature-choice" role="radiogroup" aria-label="Features from">
          <label><input type="radio" name="retrieval-net" checked={!wantAlexnet} onChange={() => setWantAlexnet(false)} /> MobileNet (768 values)</label>
          <label><input type="radio" name="retrieval-net" checked={wantAlexnet} onChange={() => setWantAlexnet(true)} /> AlexNet fc7, your loaded weights (4,096 values; slow without a GPU)</label>
        </div>
      )}

      <div className="photo-gallery query-chooser" role="group" aria-label="Picture to search with">
        {SAMPLE_PHOTOS.map((photo, i) => (
          <button key={photo.file} type="button" aria-label={photo.title} title={photo.title} aria-pressed={picture?.sample === photo} disabled={!gallery}
            onClick={() => { if (gallery) onPicture({ id: nextPictureId++, name: photo.title, sample: photo, blob: gallery.samples[i].blob, square: gallery.samples[i].square }); }}>
            <img src={SAMPLE_PHOTOS_PATH + photo.file} alt="" loading="lazy" decoding="async" />
          </button>
        ))}
      </div>
      <label className="file-button">
        Search with your own picture…
        <input type="file" accept="image/*" onChange={(e) => { void chooseFile(e.target.files?.[0]); e.target.value = ''; }} />
      </label>

      {classifier.state === 'loading' && <p className="loading" role="status" aria-busy="true">Loading MobileNet… {Math.round(classifier.progress * 100)}%</p>}
      {classifier.state === 'error' && <p className="notice" role="alert">MobileNet could not be loaded: {classifier.message}</p>}
      {!gallery && !problem && <p className="loading" role="status" aria-busy="true">Loading the gallery (sample photos and CIFAR-10 test images)…</p>}
      {extractor && gallery && (
        <p className="status-line" role="status">
          {computing
            ? <>Computing {extractor.name}&apos;s features of the gallery: {current ? current.done.toLocaleString('en-US') : 0} of {total.toLocaleString('en-US')} images{current ? ` (${(current.ms / 1000).toFixed(0)} s)` : ''}…{' '}
              <progress max={total} value={current?.done ?? 0} aria-label="Gallery features computed" /></>
            : <>{extractor.name} features of {total.toLocaleString('en-US')} gallery images: computed in {((current?.ms ?? 0) / 1000).toFixed(1)} s{backend ? ` on ${backend}` : ''} (batches of up to {current?.largestBatch ?? '–'}), kept for this session.</>}
        </p>
      )}
      {problem && <p className="notice" role="alert">{problem}</p>}

      {queryItem && (
        <div className="retrieval-results">
          <figure className="retrieval-query">
            <RetrievalThumb item={queryItem} />
            <figcaption><strong>{queryItem.label}</strong><span className="hint">the picture searched with</span></figcaption>
          </figure>
          {featureList
            ? <NeighbourList title={`Nearest in ${extractor?.name}'s last hidden layer`} label="Nearest by features" found={featureList} digits={2} />
            : <div className="neighbour-list pending"><h4>Nearest in {extractor?.name ?? 'the network'}&apos;s last hidden layer</h4><p className="hint">{computing ? 'Waiting for the gallery’s features…' : 'Searching…'}</p></div>}
          {byPixels && <NeighbourList title={`Nearest by raw pixels (${PIXEL_SIDE}×${PIXEL_SIDE} grey)`} label="Nearest by pixels" found={byPixels} digits={2} />}
        </div>
      )}
      <p className="hint">
        Distances are Euclidean: between {extractor ? `${extractor.dims.toLocaleString('en-US')}-value feature vectors (${extractor.layer})` : 'feature vectors'} on the left,
        between {PIXEL_SIDE * PIXEL_SIDE}-value grey images (0–1 per pixel) on the right.
      </p>
      <p className="hint credits">
        CIFAR-10: Krizhevsky (2009), the first 1,000 test images; sample photos credited in the Top-5 step (<a href="datasets/PROVENANCE.md">data provenance</a>).
        Model: MobileNet v1, Howard et al. (2017), Google, Apache-2.0.
      </p>
    </section>
  );
}
