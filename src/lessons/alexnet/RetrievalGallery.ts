import { CIFAR_SIDE, loadSharedCifarTest } from '../../data/cifar10';
import { fetchBytes } from '../../data/fetchBytes';
import { decodeSquare, type SquareImage } from '../../data/imageDecode';
import { MOBILENET_INPUT_SIDE } from '../../model/mobilenet';
import type { CurrentPicture } from './currentPicture';
import { SAMPLE_PHOTOS, SAMPLE_PHOTOS_PATH, type SamplePhoto } from './samplePhotos';

/** Side of the grey thumbnails compared pixel by pixel (CIFAR-10's own size). */
export const PIXEL_SIDE = 32;

/** One picture the retrieval view can find: a sample photo, a CIFAR-10 test image or one of the student's own. */
export interface GalleryItem {
  kind: 'sample' | 'cifar' | 'upload';
  /** What it shows: the sample photo's title, the CIFAR-10 class, or the file's name. */
  label: string;
  /** `side` × `side` RGB bytes: 224 for photos, 32 for CIFAR-10 images. */
  rgb: Uint8Array;
  side: number;
  /** {@link PIXEL_SIDE}² grey levels in 0–1, for the raw-pixel comparison. */
  pixels: Float32Array;
  sample?: SamplePhoto;
  cifarIndex?: number;
  picture?: CurrentPicture;
}

/**
 * `side` × `side` RGB bytes as a {@link PIXEL_SIDE} × {@link PIXEL_SIDE} grey image in 0–1: luma 0.299 R + 0.587 G
 * + 0.114 B (ITU-R BT.601), each output pixel the mean of the source pixels it covers (box filter; `side` ≥ 32).
 */
export function greyThumbnail(rgb: ArrayLike<number>, side: number, out = PIXEL_SIDE): Float32Array {
  if (rgb.length !== side * side * 3 || side < out) throw new RangeError(`greyThumbnail: expected ${side}×${side}×3 RGB values (side ≥ ${out}), got ${rgb.length}`);
  const grey = new Float32Array(out * out);
  for (let oy = 0; oy < out; oy++) {
    const y0 = Math.floor((oy * side) / out);
    const y1 = Math.floor(((oy + 1) * side) / out);
    for (let ox = 0; ox < out; ox++) {
      const x0 = Math.floor((ox * side) / out);
      const x1 = Math.floor(((ox + 1) * side) / out);
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * side + x) * 3;
          sum += 0.299 * rgb[i] + 0.587 * rgb[i + 1] + 0.114 * rgb[i + 2];
        }
      }
      grey[oy * out + ox] = sum / ((y1 - y0) * (x1 - x0) * 255);
    }
  }
  return grey;
}

/** A sample photo's centre square at 224 × 224, and its file as a blob (so it can become the current picture). */
export async function loadSamplePhoto(photo: SamplePhoto): Promise<{ square: SquareImage; blob: Blob }> {
  const bytes = await fetchBytes(new URL(SAMPLE_PHOTOS_PATH + photo.file, document.baseURI).href, photo.file);
  const blob = new Blob([bytes as BlobPart]);
  return { square: await decodeSquare(blob, photo.file, MOBILENET_INPUT_SIDE), blob };
}

/** The shipped part of the gallery, in a fixed order: the 20 sample photos, then the 1,000 CIFAR-10 test images. */
export interface FixedGallery {
  items: GalleryItem[];
  samples: { photo: SamplePhoto; square: SquareImage; blob: Blob }[];
}

let fixedGallery: Promise<FixedGallery> | null = null;
/** Loaded once per page (a failure is forgotten so a later visit retries). */
export function loadFixedGallery(): Promise<FixedGallery> {
  if (!fixedGallery) {
    fixedGallery = (async () => {
      const [samples, cifar] = await Promise.all([
        Promise.all(SAMPLE_PHOTOS.map(async (photo) => ({ photo, ...(await loadSamplePhoto(photo)) }))),
        loadSharedCifarTest(),
      ]);
      const items: GalleryItem[] = samples.map(({ photo, square }) => ({
        kind: 'sample', label: photo.title, rgb: square.rgb, side: square.side, pixels: greyThumbnail(square.rgb, square.side), sample: photo,
      }));
      const per = CIFAR_SIDE * CIFAR_SIDE * 3;
      for (let i = 0; i < cifar.count; i++) {
        const rgb = cifar.pixels.subarray(i * per, (i + 1) * per);
        items.push({ kind: 'cifar', label: cifar.classes[cifar.labels[i]], rgb, side: CIFAR_SIDE, pixels: greyThumbnail(rgb, CIFAR_SIDE), cifarIndex: i });
      }
      return { items, samples };
    })();
    fixedGallery.catch(() => { fixedGallery = null; });
  }
  return fixedGallery;
}

const uploads: GalleryItem[] = [];

/**
 * Adds a picture the student brought (a file, a drop, a paste or a webcam frame; not a sample photo) to the
 * gallery for the rest of the session. The lesson calls this for every new current picture.
 */
export function rememberPicture(picture: CurrentPicture | null): void {
  if (!picture || picture.sample || uploads.some((u) => u.picture === picture)) return;
  const { rgb, side } = picture.square;
  uploads.push({ kind: 'upload', label: picture.name, rgb, side, pixels: greyThumbnail(rgb, side), picture });
}

/** The student's own pictures of this session, oldest first. */
export function sessionUploads(): readonly GalleryItem[] {
  return uploads;
}
