import { describe, expect, it } from 'vitest';
import { otherLossesText, ratioText, summaryFromMetrics } from '../../../src/lessons/activations/raceSummary';
import { matchingPreset, presetParams, PRESETS, settingsFromParams } from '../../../src/lessons/activations/settings';

const METRICS = {
  'relu.epoch': 1.5, 'relu.error': 0.05, 'relu.batchLoss': 0.52, 'relu.ms': 9000, 'relu.crossEpoch': 0.65, 'relu.crossStep': 51, 'relu.crossMs': 7100,
  'tanh.epoch': 1.5, 'tanh.error': 0.09, 'tanh.batchLoss': 0.91, 'tanh.ms': 9500, 'tanh.crossEpoch': 1.29, 'tanh.crossStep': 101, 'tanh.crossMs': 15000,
  'sigmoid.epoch': 1.5, 'sigmoid.error': 0.88, 'sigmoid.batchLoss': 2.29, 'sigmoid.ms': 9800, 'sigmoid.crossEpoch': -1, 'sigmoid.crossStep': -1, 'sigmoid.crossMs': -1,
};

describe('race summary', () => {
  it('reads the flat metrics into runs and crossings', () => {
    const s = summaryFromMetrics(METRICS);
    expect(s.crossings.relu).toEqual({ epoch: 0.65, step: 51, ms: 7100 });
    expect(s.crossings.sigmoid).toBeNull();
    expect(s.runs.tanh!.error).toBe(0.09);
  });

  it('writes the other runs’ losses after the ReLU loss in the readout', () => {
    expect(otherLossesText(summaryFromMetrics(METRICS))).toBe(' · tanh 0.9100 · sigmoid 2.290');
    expect(otherLossesText(null)).toBe('');
  });

  it('gives the ratio of epochs to ReLU’s, and says when a run missed the cap', () => {
    const s = summaryFromMetrics(METRICS);
    expect(ratioText(s, 3)).toEqual({ text: 'ReLU : tanh : sigmoid = 1.00 : 1.98 : not yet', complete: false });
    expect(ratioText(summaryFromMetrics({ ...METRICS, 'sigmoid.epoch': 3 }), 3).text).toBe('ReLU : tanh : sigmoid = 1.00 : 1.98 : not reached by epoch 3');
    expect(ratioText(summaryFromMetrics({ ...METRICS, 'relu.crossEpoch': -1 }), 3).text).toBe('ReLU has not reached the threshold yet');
  });
});

describe('race settings', () => {
  it('default to the classroom preset and round-trip every preset through the URL', () => {
    expect(matchingPreset(settingsFromParams({}))?.id).toBe('classroom');
    for (const p of PRESETS) expect(matchingPreset(settingsFromParams(presetParams(p)))?.id).toBe(p.id);
  });

  it('ignore malformed values', () => {
    const s = settingsFromParams({ data: 'imagenet', n: 'many', thr: '200', batch: '7', lrrelu: '-1' });
    expect(s.dataset).toBe('mnist');
    expect(s.trainCount).toBe(10_000);
    expect(s.threshold).toBe(0.1);
    expect(s.batchSize).toBe(128);
    expect(s.learningRates.relu).toBe(0.01);
  });
});
