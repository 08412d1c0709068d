import { DROPOUT_RUNS, type DropoutRun } from '../../model/dropoutTask';
import { createLineChart, SERIES_COLORS, type LineChart, type LineSeries, type Point } from '../../viz/lineChart';

/** Each run's colour; train accuracy is drawn solid, test accuracy dashed. */
export const RUN_STYLE: Record<DropoutRun, { label: string; color: string }> = {
  plain: { label: 'no dropout', color: SERIES_COLORS[1] },
  dropout: { label: 'dropout 0.5', color: SERIES_COLORS[0] },
};

const ACCURACY_SERIES: LineSeries[] = DROPOUT_RUNS.flatMap((r) => [
  { id: `${r}.trainAccuracy`, label: `${RUN_STYLE[r].label}: train`, color: RUN_STYLE[r].color },
  { id: `${r}.testAccuracy`, label: `${RUN_STYLE[r].label}: test`, color: RUN_STYLE[r].color, dash: '6 4' },
]);
const GAP_SERIES: LineSeries[] = DROPOUT_RUNS.map((r) => ({ id: `${r}.gap`, label: RUN_STYLE[r].label, color: RUN_STYLE[r].color }));

/** The latest measurement of both runs, from the metrics the worker sent. */
export interface DropoutMeasurement { epoch: number; trainAccuracy: Record<DropoutRun, number>; testAccuracy: Record<DropoutRun, number>; gap: Record<DropoutRun, number> }

/** Measurements among the metrics, in order (a read-back carries one when a measurement was due). */
export function measurementsOf(metrics: readonly { values: Record<string, number> }[]): DropoutMeasurement[] {
  const out: DropoutMeasurement[] = [];
  for (const { values: v } of metrics) {
    if (v.evalEpoch === undefined) continue;
    const pick = (k: string) => ({ plain: v[`plain.${k}`], dropout: v[`dropout.${k}`] });
    out.push({ epoch: v.evalEpoch, trainAccuracy: pick('trainAccuracy'), testAccuracy: pick('testAccuracy'), gap: pick('gap') });
  }
  return out;
}

/** Train and test accuracy of both runs against epochs, and each run's gap (train − test) against epochs. */
export class DropoutViews {
  private readonly accuracy: LineChart;
  private readonly gap: LineChart;

  constructor(els: { accuracy: HTMLElement; gap: HTMLElement }) {
    this.accuracy = createLineChart(els.accuracy, { xLabel: 'epochs', yLabel: 'accuracy', yDomain: [0, 1], series: ACCURACY_SERIES, height: 300, label: 'Train and test accuracy of both runs against epochs' });
    this.gap = createLineChart(els.gap, { xLabel: 'epochs', yLabel: 'train − test accuracy', series: GAP_SERIES, height: 240, label: 'Gap between train and test accuracy against epochs' });
  }

  update(measurements: readonly DropoutMeasurement[]): void {
    const acc: Record<string, Point[]> = {};
    const gap: Record<string, Point[]> = {};
    for (const r of DROPOUT_RUNS) {
      acc[`${r}.trainAccuracy`] = measurements.map((m) => ({ x: m.epoch, y: m.trainAccuracy[r] }));
      acc[`${r}.testAccuracy`] = measurements.map((m) => ({ x: m.epoch, y: m.testAccuracy[r] }));
      gap[`${r}.gap`] = measurements.map((m) => ({ x: m.epoch, y: m.gap[r] }));
    }
    this.accuracy.update(acc);
    this.gap.update(gap);
  }

  destroy(): void {
    this.accuracy.destroy();
    this.gap.destroy();
  }
}
