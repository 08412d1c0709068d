import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ILSVRC2010_RESULTS } from '../../../src/lessons/alexnet/Ilsvrc2010Panel';
import { SAMPLE_PHOTOS, SAMPLE_PHOTOS_PATH } from '../../../src/lessons/alexnet/samplePhotos';
import { firstHit, percent } from '../../../src/lessons/alexnet/Top5Result';
import { topK } from '../../../src/lessons/alexnet/topK';

const classes = JSON.parse(readFileSync('datasets/imagenet/imagenet_classes.json', 'utf8')) as { name: string }[];

describe('topK', () => {
  it('returns the k largest, largest first, ties to the lower index', () => {
    expect(topK([0.1, 0.5, 0.2, 0.5, 0.05], 3)).toEqual([
      { index: 1, probability: 0.5 }, { index: 3, probability: 0.5 }, { index: 2, probability: 0.2 },
    ]);
    expect(topK([3, 1], 5).map((r) => r.index)).toEqual([0, 1]);
    expect(topK([1, 2], 0)).toEqual([]);
    expect(topK([Number.NaN, 0.3, 0.1], 2).map((r) => r.index)).toEqual([1, 2]);
  });

  it('agrees with a full sort on random data', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const p = Float32Array.from({ length: 1000 }, rand);
    const sorted = Array.from(p, (probability, index) => ({ index, probability })).sort((a, b) => b.probability - a.probability || a.index - b.index);
    expect(topK(p, 5)).toEqual(sorted.slice(0, 5));
  });
});

describe('sample photos table', () => {
  it('names shipped files and valid, distinct class indices', () => {
    expect(SAMPLE_PHOTOS).toHaveLength(20);
    for (const photo of SAMPLE_PHOTOS) {
      expect(existsSync(`${SAMPLE_PHOTOS_PATH}${photo.file}`), photo.file).toBe(true);
      expect(new Set(photo.correct).size).toBe(photo.correct.length);
      expect(photo.correct.every((i) => Number.isInteger(i) && i >= 0 && i < 1000)).toBe(true);
      if (photo.correct.length === 0) expect(photo.truth).toMatch(/^no (exact )?ImageNet class/);
    }
  });

  it('says the class names that the indices have', () => {
    const cat = SAMPLE_PHOTOS.find((p) => p.file === 'skimage_chelsea_cat.png')!;
    expect(cat.correct).toEqual([281, 282, 283, 284, 285]);
    expect(cat.correct.map((i) => classes[i].name)).toEqual(['tabby', 'tiger cat', 'Persian cat', 'Siamese cat', 'Egyptian cat']);
    // Every "name index" pair written in a truth text matches the class list (ranges such as 151–268 aside).
    let pairs = 0;
    for (const photo of SAMPLE_PHOTOS) {
      for (const [, name, index] of photo.truth.matchAll(/([a-z][a-z ’'-]*?) (\d{1,3})(?![\d–])/gi)) {
        const words = name.split(' ');
        const tail = classes[Number(index)].name.toLowerCase();
        expect(words.slice(-tail.split(' ').length).join(' ').toLowerCase().replace('’', "'"), `${photo.file}: ${name} ${index}`).toBe(tail);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(30);
  });
});

describe('top-5 helpers and the ILSVRC-2010 table', () => {
  it('finds the first correct rank', () => {
    const top = [{ index: 8, probability: 0.4 }, { index: 22, probability: 0.2 }];
    expect(firstHit(top, [22])).toBe(2);
    expect(firstHit(top, [])).toBeNull();
    expect(percent(0.3456)).toBe('34.6%');
    expect(percent(0.0001)).toBe('<0.1%');
  });

  it('holds Table 1 of Krizhevsky et al. (2012)', () => {
    expect(ILSVRC2010_RESULTS.map((r) => [r.model, r.top1, r.top5])).toEqual([
      ['Sparse coding [2]', 47.1, 28.2], ['SIFT + FVs [24]', 45.7, 25.7], ['CNN', 37.5, 17.0],
    ]);
  });
});
