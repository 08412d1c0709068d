import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALEXNET_BGR_MEANS, alexnetInputToRgba, preprocessForAlexNet, resizeAndCropRgba } from '../../../src/model/alexnetInput';
import { SHARED_ALEXNET_DIR } from '../../helpers/alexnetTensorSpaceManifest';

const MACAW = `${SHARED_ALEXNET_DIR}/macaw_input.json`;

describe('AlexNet input preprocessing', () => {
  it('turns RGBA into BGR with the ImageNet channel means subtracted', () => {
    const rgba = new Uint8ClampedArray(227 * 227 * 4);
    rgba.set([200, 100, 50, 7], 0);
    const v = preprocessForAlexNet(rgba, 227, 227);
    expect([v.height, v.width, v.depth]).toEqual([227, 227, 3]);
    expect(Array.from(v.data.slice(0, 3))).toEqual([50 - 103.939, 100 - 116.779, 200 - 123.68].map(Math.fround));
    expect(Array.from(v.data.slice(3, 6))).toEqual(ALEXNET_BGR_MEANS.map((m) => Math.fround(-m)));
    expect(Array.from(alexnetInputToRgba(v).slice(0, 4))).toEqual([200, 100, 50, 255]);
    expect(() => preprocessForAlexNet(new Uint8ClampedArray(4 * 224 * 224), 224, 224)).toThrow(/must be 227×227, got 224×224/);
  });

  it('reproduces TensorSpace\'s macaw input from its pixels', () => {
    const macaw = JSON.parse(readFileSync(MACAW, 'utf8')) as number[];
    expect(macaw).toHaveLength(154_587);
    // Each channel's values are whole pixels minus one constant: the fractional parts are .061, .221 and .320.
    for (let c = 0; c < 3; c++) {
      for (let i = c; i < macaw.length; i += 3 * 97) expect(Math.abs(macaw[i] + ALEXNET_BGR_MEANS[c] - Math.round(macaw[i] + ALEXNET_BGR_MEANS[c]))).toBeLessThan(1e-3);
    }
    const rgba = alexnetInputToRgba({ height: 227, width: 227, depth: 3, data: new Float32Array(macaw) });
    const v = preprocessForAlexNet(rgba, 227, 227);
    let worst = 0;
    for (let i = 0; i < macaw.length; i++) worst = Math.max(worst, Math.abs(v.data[i] - macaw[i]));
    expect(worst).toBeLessThan(1e-4);
  });

  it('scales the shorter side to 227 and keeps the centred square', () => {
    // 454×908 (portrait): left half red, right half blue; a green band across the middle rows.
    const w = 454, h = 908;
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const o = (y * w + x) * 4;
        const band = y >= 444 && y < 464;
        rgba.set(band ? [0, 255, 0, 255] : x < w / 2 ? [255, 0, 0, 255] : [0, 0, 255, 255], o);
      }
    }
    const out = resizeAndCropRgba(rgba, w, h);
    expect(out).toHaveLength(227 * 227 * 4);
    const px = (x: number, y: number) => Array.from(out.slice((y * 227 + x) * 4, (y * 227 + x) * 4 + 4));
    expect(px(10, 10)).toEqual([255, 0, 0, 255]);
    expect(px(216, 10)).toEqual([0, 0, 255, 255]);
    expect(px(10, 113)).toEqual([0, 255, 0, 255]); // the band: rows 444–463, halved to 222–231, less the crop's top 113 → 109–118
    const same = resizeAndCropRgba(rgba.slice(0, 227 * 227 * 4), 227, 227);
    const original = rgba.slice(0, 227 * 227 * 4).map((v, i) => (i % 4 === 3 ? 255 : v));
    expect(same.findIndex((v, i) => v !== original[i])).toBe(-1);
  });
});
