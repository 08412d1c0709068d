import type { RemoteTrainer } from '../../engine/remoteTrainer';
import { RACE_ACTIVATIONS, RACE_LAYERS, type RaceActivation } from '../../model/raceNet';
import type { Crossing } from '../../model/raceProgress';
import { createLineChart, SERIES_COLORS, type ChartMarks, type LineChart, type LineSeries, type Point } from '../../viz/lineChart';

/** Colours and dashes of the three runs (the paper drew ReLU solid and tanh dashed). */
export const RUN_STYLE: Record<RaceActivation, { label: string; color: string; dash?: string }> = {
  relu: { label: 'ReLU', color: SERIES_COLORS[0] },
  tanh: { label: 'tanh', color: SERIES_COLORS[1], dash: '7 4' },
  sigmoid: { label: 'sigmoid', color: SERIES_COLORS[2], dash: '2 3' },
};

const RUN_SERIES: LineSeries[] = RACE_ACTIVATIONS.map((a) => ({ id: a, ...RUN_STYLE[a] }));

export interface RaceViewElements {
  errorByEpoch: HTMLElement;
  errorByTime: HTMLElement;
  loss: HTMLElement;
  gradients: Record<(typeof RACE_LAYERS)[number], HTMLElement>;
}

/**
 * The race's charts, drawn from the numbers the worker sends with each read-back: training error against
 * epochs and against time with the threshold and each run's crossing, the windowed loss, and each layer's RMS
 * weight gradient per run.
 */
export class RaceViews {
  private readonly errorByEpoch: LineChart;
  private readonly errorByTime: LineChart;
  private readonly loss: LineChart;
  private readonly gradients: LineChart[];

  constructor(els: RaceViewElements, timeLabel: string) {
    const errorOpts = { yLabel: 'training error', yDomain: [0, 1] as [number, number], series: RUN_SERIES, height: 260 };
    this.errorByEpoch = createLineChart(els.errorByEpoch, { ...errorOpts, xLabel: 'epochs', label: 'Training error rate against epochs' });
    this.errorByTime = createLineChart(els.errorByTime, { ...errorOpts, xLabel: timeLabel, label: 'Training error rate against time' });
    this.loss = createLineChart(els.loss, { xLabel: 'epochs', yLabel: 'loss', logY: true, series: RUN_SERIES, height: 220, label: 'Training loss against epochs' });
    this.gradients = RACE_LAYERS.map((layer) => createLineChart(els.gradients[layer], {
      xLabel: 'epochs', yLabel: `RMS ∂L/∂w, ${layer}`, logY: true, series: RUN_SERIES, height: 200, label: `Size of the gradient of ${layer}'s weights`,
    }));
  }

  /**
   * Redraws every chart from the trainer's metrics. With `ownTime` the time axis is each run's own compute
   * time (WASM and CPU run a step to its end); otherwise the race's clock, which the three runs share.
   */
  refresh(trainer: RemoteTrainer<unknown>, threshold: number, crossings: Record<RaceActivation, Crossing | null>, ownTime: boolean): void {
    const byEpoch: Record<string, Point[]> = {};
    const byTime: Record<string, Point[]> = {};
    const loss: Record<string, Point[]> = {};
    const grads: Record<string, Point[]>[] = RACE_LAYERS.map(() => ({}));
    const raceMs = ownTime ? null : new Map(trainer.history.map((p) => [p.step, p.trainingMs]));
    for (const a of RACE_ACTIVATIONS) {
      byEpoch[a] = [];
      byTime[a] = [];
      loss[a] = [];
      grads.forEach((g) => { g[a] = []; });
    }
    for (const m of trainer.metrics) {
      const v = m.values;
      for (const a of RACE_ACTIVATIONS) {
        const epoch = v[`${a}.epoch`];
        if (epoch === undefined) continue;
        byEpoch[a].push({ x: epoch, y: v[`${a}.error`] });
        const ms = raceMs ? raceMs.get(m.step) : v[`${a}.ms`];
        if (ms !== undefined) byTime[a].push({ x: ms / 1000, y: v[`${a}.error`] });
        loss[a].push({ x: epoch, y: v[`${a}.loss`] });
        RACE_LAYERS.forEach((l, i) => grads[i][a].push({ x: epoch, y: v[`${a}.grad.${l}`] }));
      }
    }
    const line = { y: threshold, label: `threshold ${Math.round(threshold * 100)}%` };
    const epochMarks: ChartMarks = { hLines: [line], points: [] };
    const timeMarks: ChartMarks = { hLines: [line], points: [] };
    for (const a of RACE_ACTIVATIONS) {
      const c = crossings[a];
      if (!c) continue;
      const style = RUN_STYLE[a];
      epochMarks.points!.push({ x: c.epoch, y: threshold, color: style.color, label: `${style.label} ${c.epoch.toFixed(2)}` });
      const ms = raceMs ? raceMs.get(c.step) ?? nearestMs(raceMs, c.step) : c.ms;
      if (ms !== undefined) timeMarks.points!.push({ x: ms / 1000, y: threshold, color: style.color, label: `${style.label} ${(ms / 1000).toFixed(0)} s` });
    }
    this.errorByEpoch.update(byEpoch, epochMarks);
    this.errorByTime.update(byTime, timeMarks);
    this.loss.update(loss);
    this.gradients.forEach((c, i) => c.update(grads[i]));
  }

  destroy(): void {
    for (const c of [this.errorByEpoch, this.errorByTime, this.loss, ...this.gradients]) c.destroy();
  }
}

/** The race clock at the first read-back at or after `step` (read-backs do not fall on every step). */
function nearestMs(raceMs: Map<number, number>, step: number): number | undefined {
  let best: number | undefined;
  let bestStep = Infinity;
  for (const [s, ms] of raceMs) if (s >= step && s < bestStep) { bestStep = s; best = ms; }
  return best;
}
