import { decodeSquare } from '../../data/imageDecode';
import type { Volume } from '../../math/volume';
import { ALEXNET_INPUT_SIZE } from '../../model/alexnetLayers';
import { preprocessForAlexNet, resizeAndCropRgba } from '../../model/alexnetInput';
import type { CurrentPicture } from './currentPicture';

/** RGB bytes (3 per pixel) as RGBA (alpha 255). */
export function rgbToRgba(rgb: ArrayLike<number>): Uint8ClampedArray {
  const out = new Uint8ClampedArray((rgb.length / 3) * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    out[j] = rgb[i]; out[j + 1] = rgb[i + 1]; out[j + 2] = rgb[i + 2]; out[j + 3] = 255;
  }
  return out;
}

/**
 * The current picture as AlexNet's input, the way TensorSpace feeds it: the centre square of the original file
 * scaled by the browser to 227×227, then BGR with the channel means subtracted. A webcam frame has no file, so
 * its 224×224 square is scaled up to 227.
 */
export async function alexnetInputOf(picture: CurrentPicture): Promise<Volume> {
  const side = ALEXNET_INPUT_SIZE;
  const rgba = picture.blob
    ? rgbToRgba((await decodeSquare(picture.blob, picture.name, side)).rgb)
    : resizeAndCropRgba(rgbToRgba(picture.square.rgb), picture.square.side, picture.square.side, side);
  return preprocessForAlexNet(rgba, side, side);
}
