import { MNIST_PIXELS, MNIST_SIDE, mnistBatchToFloat, type MnistSplit } from '../../data/mnist';
import { maskingNoise, type AutoencoderTask } from '../../model/autoencoderTask';
import { deriveSeed, mulberry32 } from '../../model/random';
import { encodeAndReconstruct, readEncoderFilters } from '../../model/autoencoderReadout';
import type { HistoryPoint } from '../../engine/trainer';
import { createCodeView, type CodeView } from '../../viz/codeBars';
import { createImageGrid, type ImageGrid } from '../../viz/imageGrid';
import { createLineChart, SERIES_COLORS, type LineChart, type Point } from '../../viz/lineChart';
import { formatLoss } from '../../engine/format';

/** Test digits shown beside their reconstructions: the first SHOWN_DIGITS of the MNIST test set. */
export const SHOWN_DIGITS = 12;

/** Columns for drawing a code of n units as a near-square grid (16 → 4×4, 100 → 10×10, 400 → 20×20). */
export function codeColumns(n: number): number {
  return Math.ceil(Math.sqrt(n));
}

export interface LiveViewElements {
  originals: HTMLElement;
  /** Row of damaged inputs, shown only while input noise is on. */
  noisy: HTMLElement;
  reconstructions: HTMLElement;
  filters: HTMLElement;
  loss: HTMLElement;
  code: HTMLElement;
}

export interface LossTermsPoint { step: number; reconstruction: number; sparsity: number; weightDecay: number }

/**
 * The autoencoder lesson's live pictures, outside React: test digits and their reconstructions, the learned
 * encoder weights as 28×28 images, the loss curve and the selected digit's code. `refresh()` reads the
 * model back asynchronously; calls that arrive while one is running are merged.
 */
export class AutoencoderLiveViews {
  private readonly originals: ImageGrid;
  private readonly noisy: ImageGrid;
  private readonly reconstructions: ImageGrid;
  private filters: ImageGrid;
  private readonly loss: LineChart;
  private code: CodeView;
  private readonly digits: Float32Array;
  private readonly labels: Uint8Array;
  private selected = 0;
  /** A kept snapshot of the encoder weights shown instead of the live ones (replay), or null for live. */
  private replay: { step: number; filters: Float32Array } | null = null;
  private refreshing: Promise<void> | null = null;
  private again = false;
  private destroyed = false;
  private hiddenSize: number;
  readonly termsHistory: LossTermsPoint[] = [];

  constructor(private readonly el: LiveViewElements, private task: AutoencoderTask, test: MnistSplit, onSelect: (i: number) => void) {
    const indices = Array.from({ length: SHOWN_DIGITS }, (_, i) => i);
    this.digits = mnistBatchToFloat(test.images, indices);
    this.labels = test.labels.subarray(0, SHOWN_DIGITS);
    const gridOpts = { tileWidth: MNIST_SIDE, tileHeight: MNIST_SIDE, columns: SHOWN_DIGITS, scale: 2, colormap: 'gray' as const, normalize: 'fixed' as const, range: [0, 1] as [number, number] };
    this.originals = createImageGrid(el.originals, { ...gridOpts, label: 'Test digits', onTileClick: onSelect, highlight: 0 });
    this.noisy = createImageGrid(el.noisy, { ...gridOpts, label: 'The same digits with input noise' });
    this.reconstructions = createImageGrid(el.reconstructions, { ...gridOpts, label: 'Their reconstructions', onTileClick: onSelect, highlight: 0 });
    this.originals.update({ tiles: this.digits, count: SHOWN_DIGITS, description: `The first ${SHOWN_DIGITS} MNIST test digits: ${Array.from(this.labels).join(', ')}` });
    this.hiddenSize = task.model.config.hiddenSize;
    this.filters = this.makeFilterGrid();
    this.loss = createLineChart(el.loss, {
      xLabel: 'training step (batches of 64)', yLabel: 'loss', logY: true, label: 'Loss curve',
      series: [
        { id: 'total', label: 'total loss', color: SERIES_COLORS[0] },
        { id: 'reconstruction', label: 'reconstruction error', color: SERIES_COLORS[1], dash: '5 3' },
        { id: 'sparsity', label: 'sparsity penalty', color: SERIES_COLORS[2], dash: '2 2' },
        { id: 'weightDecay', label: 'weight decay', color: SERIES_COLORS[3], dash: '8 3' },
      ],
    });
    this.code = this.makeCodeView();
  }

  /** Use a rebuilt task (new hidden size or seed). */
  setTask(task: AutoencoderTask): void {
    this.task = task;
    this.termsHistory.length = 0;
    this.latestHistory = [];
    this.replay = null;
    if (task.model.config.hiddenSize !== this.hiddenSize) {
      this.hiddenSize = task.model.config.hiddenSize;
      this.filters.destroy();
      this.filters = this.makeFilterGrid();
      this.code.destroy();
      this.code = this.makeCodeView();
    }
  }

  /** Shows the learned features as they were at an earlier step (null: back to live). */
  showReplay(snapshot: { step: number; filters: Float32Array } | null): void {
    this.replay = snapshot;
    if (snapshot && snapshot.filters.length === this.hiddenSize * MNIST_PIXELS) this.drawFilters(snapshot.filters, snapshot.step);
    else void this.refresh();
  }

  select(index: number): void {
    this.selected = index;
    this.originals.update({ tiles: this.digits, count: SHOWN_DIGITS, highlight: index });
    void this.refresh();
  }

  /** Redraws everything from the model; overlapping calls are merged into one more pass. */
  refresh(history: HistoryPoint[] = []): Promise<void> {
    this.latestHistory = history.length ? history : this.latestHistory;
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        try {
          await this.draw();
        } catch (err) {
          // The task may have been replaced (and its tensors disposed) mid-read; the next refresh draws the new one.
          if (!this.destroyed) console.warn('Could not redraw the autoencoder views:', err);
        }
      } while (this.again && !this.destroyed);
      this.refreshing = null;
    })();
    return this.refreshing;
  }

  destroy(): void {
    this.destroyed = true;
    for (const w of [this.originals, this.noisy, this.reconstructions, this.filters, this.loss, this.code]) w.destroy();
  }

  private latestHistory: HistoryPoint[] = [];

  private drawFilters(filters: Float32Array, step: number): void {
    this.filters.update({
      tiles: filters, count: this.hiddenSize,
      description: `The ${this.hiddenSize} hidden units' incoming weights at step ${step}, each drawn as a 28 by 28 image: blue positive, red negative, white zero.`,
    });
  }

  private makeCodeView(): CodeView {
    const columns = codeColumns(this.hiddenSize);
    return createCodeView(this.el.code, { columns, cell: Math.max(8, Math.floor(160 / columns)), label: 'Code of the selected digit' });
  }

  private makeFilterGrid(): ImageGrid {
    const columns = Math.ceil(Math.sqrt(this.hiddenSize));
    const scale = this.hiddenSize > 144 ? 1 : 2;
    return createImageGrid(this.el.filters, { tileWidth: MNIST_SIDE, tileHeight: MNIST_SIDE, columns, scale, gap: 2, colormap: 'diverging', normalize: 'per-tile', label: 'Learned encoder weights' });
  }

  private async draw(): Promise<void> {
    const task = this.task;
    const model = task.model;
    // With input noise on, the network is shown what it trains on: damaged digits (a fixed mask, so the row
    // stays still) whose clean versions it must rebuild.
    const noise = model.config.inputNoise;
    const input = noise > 0 ? maskingNoise(this.digits, noise, mulberry32(deriveSeed(model.config.seed, 'display-noise'))) : this.digits;
    const [filters, recon, terms] = await Promise.all([
      readEncoderFilters(model),
      encodeAndReconstruct(model, input, MNIST_PIXELS),
      task.readLossTerms(),
    ]);
    if (this.destroyed || task !== this.task) return;
    const hidden = model.config.hiddenSize;
    const history = this.latestHistory;
    const last = history[history.length - 1];
    // After a Reset the history starts again from step 0: drop the old run's loss terms too.
    if (last && this.termsHistory.length && last.step < this.termsHistory[this.termsHistory.length - 1].step) this.termsHistory.length = 0;
    if (terms && last) {
      const prev = this.termsHistory[this.termsHistory.length - 1];
      if (!prev || prev.step < last.step) this.termsHistory.push({ step: last.step, ...terms });
    }
    if (!this.replay) this.drawFilters(filters, last?.step ?? 0);
    this.el.noisy.hidden = noise <= 0;
    if (noise > 0) this.noisy.update({ tiles: input, count: SHOWN_DIGITS, description: `The test digits with ${Math.round(noise * 100)}% of their pixels set to zero: the input the network sees` });
    this.reconstructions.update({
      tiles: recon.reconstructions, count: SHOWN_DIGITS, highlight: this.selected,
      description: `Reconstructions of the test digits ${Array.from(this.labels).join(', ')} after ${last?.step ?? 0} training steps.`,
    });
    const code = recon.codes.subarray(this.selected * hidden, (this.selected + 1) * hidden);
    this.code.update(code, `The ${hidden}-number code of test digit ${this.labels[this.selected]} (image ${this.selected + 1})`);
    const sparse = model.config.sparse;
    const series: Record<string, Point[]> = { total: history.map((p) => ({ x: p.step, y: p.loss })) };
    series.reconstruction = sparse ? this.termsHistory.map((p) => ({ x: p.step, y: p.reconstruction })) : [];
    series.sparsity = sparse ? this.termsHistory.map((p) => ({ x: p.step, y: p.sparsity })) : [];
    series.weightDecay = sparse ? this.termsHistory.map((p) => ({ x: p.step, y: p.weightDecay })) : [];
    this.loss.update(series);
    this.el.loss.dataset.latest = last ? formatLoss(last.loss) : '';
  }
}
