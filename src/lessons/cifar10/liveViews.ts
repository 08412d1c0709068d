import { createLineChart, SERIES_COLORS, type LineChart, type Point } from '../../viz/lineChart';
import { createRgbTiles, type RgbTiles } from '../../viz/rgbTiles';
import type { RemoteTrainer } from '../../engine/remoteTrainer';
import type { CifarPreview, CifarSnapshot } from '../../model/cifarTask';

/** Decay of the smoothed loss curve, as the tutorial's `_add_loss_summaries` (an exponential moving average, 0.9). */
export const LOSS_AVERAGE_DECAY = 0.9;

/** Moving average of a curve's points (each read-back is one update). */
export function smoothed(points: Point[], decay: number): Point[] {
  let avg: number | null = null;
  return points.map((p) => {
    avg = avg === null ? p.y : decay * avg + (1 - decay) * p.y;
    return { x: p.x, y: avg };
  });
}

export interface CifarViewElements { loss: HTMLElement; learningRate: HTMLElement; preview: HTMLElement }

/** The pictures of the CIFAR-10 lab, fed with copies the worker sends (never tensors). */
export class CifarLiveViews {
  private lossChart: LineChart;
  private lrChart: LineChart;
  private previewTiles: RgbTiles;

  constructor(els: CifarViewElements, private classes: string[]) {
    this.lossChart = createLineChart(els.loss, {
      xLabel: 'step (batches)',
      yLabel: 'loss',
      label: 'Training loss of the CIFAR-10 network',
      series: [
        { id: 'total', label: 'total loss', color: SERIES_COLORS[0] },
        { id: 'average', label: 'total, moving average (0.9)', color: SERIES_COLORS[6], dash: '5 3' },
        { id: 'crossEntropy', label: 'cross-entropy', color: SERIES_COLORS[1] },
        { id: 'weightDecay', label: 'weight decay (L2)', color: SERIES_COLORS[2] },
      ],
    });
    this.lrChart = createLineChart(els.learningRate, {
      xLabel: 'step (batches)',
      yLabel: 'learning rate',
      logY: true,
      height: 140,
      label: 'Learning rate of the staircase schedule',
      series: [{ id: 'lr', label: 'learning rate', color: SERIES_COLORS[3] }],
    });
    this.previewTiles = createRgbTiles(els.preview, { side: 24, columns: 8, scale: 3, gap: 4, label: 'The distorted 24×24 crops the network trains on next' });
  }

  refreshCharts(trainer: RemoteTrainer<CifarSnapshot>): void {
    const total = trainer.history.map((p) => ({ x: p.step, y: p.loss }));
    const ce: Point[] = [];
    const wd: Point[] = [];
    const lr: Point[] = [];
    for (const m of trainer.metrics) {
      if (m.values.learningRate !== undefined) lr.push({ x: m.step, y: m.values.learningRate });
      if (m.values.crossEntropy !== undefined) ce.push({ x: m.step, y: m.values.crossEntropy });
      if (m.values.weightDecay !== undefined) wd.push({ x: m.step, y: m.values.weightDecay });
    }
    this.lossChart.update({ total, average: smoothed(total, LOSS_AVERAGE_DECAY), crossEntropy: ce, weightDecay: wd });
    this.lrChart.update({ lr });
  }

  showPreview(p: CifarPreview): void {
    const n = p.labels.length;
    this.previewTiles.update({ tiles: p.images, count: n, description: `the next ${n} training crops: ${Array.from(p.labels, (l) => this.classes[l] ?? l).join(', ')}` });
  }

  destroy(): void {
    this.lossChart.destroy();
    this.lrChart.destroy();
    this.previewTiles.destroy();
  }
}
