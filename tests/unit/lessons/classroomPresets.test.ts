import { describe, expect, it } from 'vitest';
import { matchingPreset, presetQuery, type ClassroomPreset } from '../../../src/app/presets';
import * as ae from '../../../src/lessons/autoencoder/settings';
import * as cifar from '../../../src/lessons/cifar10/settings';

const toy: ClassroomPreset[] = [
  { id: 'a', name: 'A', params: { lr: '0.01', noise: null }, expect: 'a', measured: 'm' },
  { id: 'b', name: 'B', params: { lr: '0.01', noise: '0.5' }, expect: 'b', measured: 'm' },
];
const parseToy = (p: Record<string, string>) => ({ lr: Number(p.lr ?? 0.1), noise: Number(p.noise ?? 0), seed: p.seed ? Number(p.seed) : null });

describe('presetQuery and matchingPreset', () => {
  it('leaves out the parameters a preset removes', () => {
    expect(presetQuery(toy[1])).toEqual({ lr: '0.01', noise: '0.5' });
    expect(presetQuery(toy[0])).toEqual({ lr: '0.01' });
  });
  it('matches by parsed settings, not by spelling, and ignores the seed', () => {
    expect(matchingPreset(toy, parseToy({ lr: '0.010' }), parseToy)?.id).toBe('a');
    expect(matchingPreset(toy, parseToy({ lr: '1e-2', noise: '0.50', seed: '9' }), parseToy)?.id).toBe('b');
    expect(matchingPreset(toy, parseToy({ lr: '0.02' }), parseToy)).toBeNull();
    expect(matchingPreset(toy, parseToy({ lr: '0.01', noise: '0.3' }), parseToy)).toBeNull();
  });
  it('counts the seed when told to', () => {
    expect(matchingPreset(toy, parseToy({ lr: '0.01', seed: '3' }), parseToy, [])).toBeNull();
  });
});

for (const [lesson, mod] of [['autoencoder', ae], ['cifar10', cifar]] as const) {
  describe(`${lesson} presets`, () => {
    const parse = mod.settingsFromParams as (p: Record<string, string>) => Parameters<typeof mod.activePreset>[0];
    const active = mod.activePreset as (s: ReturnType<typeof parse>) => ClassroomPreset | null;
    it('each preset, written into an address, is the one that address shows as pressed', () => {
      for (const p of mod.PRESETS) expect(active(parse({ ...presetQuery(p), seed: '1', backend: 'wasm' }))?.id).toBe(p.id);
    });
    it('have distinct settings, ids and a stated expectation with a time', () => {
      const keys = mod.PRESETS.map((p) => JSON.stringify({ ...parse(presetQuery(p)), seed: null }));
      expect(new Set(keys).size).toBe(mod.PRESETS.length);
      expect(new Set(mod.PRESETS.map((p) => p.id)).size).toBe(mod.PRESETS.length);
      for (const p of mod.PRESETS) {
        expect(p.expect).toMatch(/\b(\d+|one|two|three|five|a) (s|seconds?|minutes?|hours?)\b/);
        expect(p.measured).toMatch(/Seed 1, Chromium on a 2-core machine without a GPU/);
      }
    });
    it('the lesson’s defaults are its classroom preset', () => {
      expect(active(parse({}))?.id).toBe('classroom');
    });
  });
}

describe('lesson-specific matching', () => {
  it('autoencoder: one changed setting leaves the presets', () => {
    expect(ae.activePreset(ae.settingsFromParams({ sparse: '0' }))?.id).toBe('no-sparsity');
    expect(ae.activePreset(ae.settingsFromParams({ noise: '0.5', lr: '0.010' }))?.id).toBe('denoising');
    expect(ae.activePreset(ae.settingsFromParams({ hidden: '64' }))).toBeNull();
    expect(ae.activePreset(ae.settingsFromParams({ lr: '0.005' }))).toBeNull();
  });
  it('cifar10: the tutorial preset needs all five files, batch 128 and the 350-epoch drop', () => {
    expect(cifar.TUTORIAL_DECAY_STEPS).toBe(Math.floor((50_000 / 128) * 350));
    expect(cifar.activePreset(cifar.settingsFromParams({ files: '5', batch: '128', decay: '136718' }))?.id).toBe('tutorial');
    expect(cifar.activePreset(cifar.settingsFromParams({ files: '5', batch: '128' }))).toBeNull();
    expect(cifar.activePreset(cifar.settingsFromParams({ batch: '32' }))).toBeNull();
    expect(cifar.activePreset(cifar.settingsFromParams({ distort: '0' }))).toBeNull();
  });
});
