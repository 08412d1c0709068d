import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../src/data/datasetError';
import { IMAGENET_CLASS_COUNT, loadImagenetClasses, parseImagenetClasses } from '../../../src/data/imagenet';
import { fileFetch } from '../../helpers/fileFetch';

const fetchFn = fileFetch('.');

describe('ImageNet class names (datasets/imagenet/)', () => {
  it('loads 1,000 classes in the standard order, checked against SHA256SUMS', async () => {
    const classes = await loadImagenetClasses('datasets/imagenet/', fetchFn);
    expect(classes).toHaveLength(IMAGENET_CLASS_COUNT);
    expect(classes.every((c, i) => c.index === i)).toBe(true);
    expect(classes[0]).toMatchObject({ name: 'tench', wnid: 'n01440764' });
    expect(classes[999]).toMatchObject({ name: 'toilet tissue', wnid: 'n15075141' });
    expect(classes[281].name).toBe('tabby');
    expect(classes[340].name).toBe('zebra');
  });

  it('has exactly two repeated short names: crane (134 bird, 517 machine) and maillot (638, 639)', async () => {
    const classes = await loadImagenetClasses('datasets/imagenet/', fetchFn);
    const byName = new Map<string, number[]>();
    for (const c of classes) byName.set(c.name, [...(byName.get(c.name) ?? []), c.index]);
    const repeated = [...byName].filter(([, at]) => at.length > 1);
    expect(Object.fromEntries(repeated)).toEqual({ crane: [134, 517], maillot: [638, 639] });
    expect(classes[134].wnid).not.toBe(classes[517].wnid);
  });

  it('rejects a list of the wrong length or out of order, naming the file', () => {
    const one = { index: 0, wnid: 'n01440764', name: 'tench', synonyms: ['tench'] };
    expect(() => parseImagenetClasses([one])).toThrow(/imagenet_classes\.json: lists 1 classes, expected 1000/);
    const shuffled = Array.from({ length: 1000 }, (_, i) => ({ index: i, wnid: `n${String(99999999 - i).padStart(8, '0')}`, name: `c${i}`, synonyms: [] }));
    expect(() => parseImagenetClasses(shuffled)).toThrow(DatasetError);
    expect(() => parseImagenetClasses({})).toThrow(/not a JSON array/);
  });
});
