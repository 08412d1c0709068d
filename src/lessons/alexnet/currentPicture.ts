import type { SquareImage } from '../../data/imageDecode';
import type { SamplePhoto } from './samplePhotos';
import type { ImagenetClassifier } from './useImagenetClassifier';
import type { AlexnetWeights } from './AlexnetWeightsState';

/**
 * The picture the lesson is looking at, chosen in the Top-5 panel (a sample photo, a file, a drop, a paste or a
 * webcam frame) and shared by every other panel: filters, feature maps, retrieval, augmentation. `blob` is the
 * original file, so a panel can decode it at the size it needs (`decodeSquare(blob, name, side)`); a webcam
 * frame has none, only its 224×224 square.
 */
export interface CurrentPicture {
  /** Bumped for every new picture. */
  id: number;
  name: string;
  sample: SamplePhoto | null;
  blob: Blob | null;
  /** The centre square at MobileNet's 224×224. */
  square: SquareImage;
}

/** What each view of the lesson receives. */
export interface AlexnetContext {
  classifier: ImagenetClassifier;
  picture: CurrentPicture | null;
  setPicture: (picture: CurrentPicture) => void;
  /** AlexNet's own weights, when the student has supplied them: `alexnet.net` is the loaded network or null. */
  alexnet: AlexnetWeights;
}
