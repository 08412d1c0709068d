import { unzlibSync } from 'fflate';
import { DatasetError } from './datasetError';

/**
 * A small PNG decoder for the dataset sprites where no browser is at hand (Node scripts, unit tests): 8-bit
 * greyscale, RGB or RGBA, not interlaced — what the shipped CIFAR-10 sprites use. The browser path decodes
 * with createImageBitmap instead. Returns RGBA bytes like a canvas's ImageData.
 */
export function decodePngRgba(bytes: Uint8Array, file = 'PNG'): { width: number; height: number; rgba: Uint8ClampedArray } {
  const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new DatasetError(file, 'is not a PNG file (bad signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Uint8Array[] = [];
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (data.length !== length) throw new DatasetError(file, `is cut short inside its ${type} chunk`);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const depth = data[8];
      colourType = data[9];
      if (depth !== 8 || data[12] !== 0 || ![0, 2, 6].includes(colourType)) {
        throw new DatasetError(file, `uses a PNG format this decoder does not read (bit depth ${depth}, colour type ${colourType}, interlace ${data[12]})`);
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (!width || !height || !idat.length) throw new DatasetError(file, 'has no image data');
  const joined = new Uint8Array(idat.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of idat) { joined.set(c, o); o += c.length; }
  let raw: Uint8Array;
  try {
    raw = unzlibSync(joined);
  } catch (err) {
    throw new DatasetError(file, `has corrupt image data (${err instanceof Error ? err.message : String(err)})`);
  }
  const channels = colourType === 0 ? 1 : colourType === 2 ? 3 : 4;
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new DatasetError(file, 'has less image data than its size says');
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    const prev = out - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[prev + x] : 0;
      const c = y > 0 && x >= channels ? pixels[prev + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new DatasetError(file, `has an unknown row filter ${filter}`);
      pixels[out + x] = v & 255;
    }
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, p = 0; i < width * height; i++, p += channels) {
    rgba[i * 4] = pixels[p];
    rgba[i * 4 + 1] = pixels[p + (channels >= 3 ? 1 : 0)];
    rgba[i * 4 + 2] = pixels[p + (channels >= 3 ? 2 : 0)];
    rgba[i * 4 + 3] = channels === 4 ? pixels[p + 3] : 255;
  }
  return { width, height, rgba };
}
