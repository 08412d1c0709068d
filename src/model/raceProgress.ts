/**
 * Bookkeeping of one run of the activation race, in plain numbers: its training error rate over a sliding
 * window of the examples it trained on most recently (each counted as the network saw it, before its update),
 * epochs done, its own time, and where the error first fell to the threshold.
 */
export interface RacePoint {
  step: number;
  /** Epochs completed after this step (examples seen / training-set size). */
  epoch: number;
  /** Errors / examples over the window ending at this step. */
  error: number;
  /** Mean loss over the same window. */
  loss: number;
  /** This run's time after this step, ms. */
  ms: number;
}

export interface Crossing { step: number; epoch: number; ms: number }

/** The first point at which the windowed error is at or below `threshold`, once a whole window has been seen. */
export function firstCrossing(points: readonly RacePoint[], threshold: number, firstFullStep: number): Crossing | null {
  for (const p of points) {
    if (p.step >= firstFullStep && p.error <= threshold) return { step: p.step, epoch: p.epoch, ms: p.ms };
  }
  return null;
}

export class RunProgress {
  readonly points: RacePoint[] = [];
  private readonly batches: { examples: number; errors: number; loss: number }[] = [];
  private windowExamplesNow = 0;
  private windowErrors = 0;
  private windowLoss = 0;
  private examples = 0;
  private ms = 0;
  /** First step at which the window held `windowExamples` examples (Infinity until then). */
  firstFullStep = Infinity;
  lastLoss = NaN;

  constructor(readonly trainCount: number, readonly windowExamples: number) {}

  /** Adds one step's batch: its size, errors, mean loss and the time it took. */
  record(step: number, batchSize: number, errors: number, loss: number, ms: number): RacePoint {
    this.examples += batchSize;
    this.ms += ms;
    this.lastLoss = loss;
    this.batches.push({ examples: batchSize, errors, loss });
    this.windowExamplesNow += batchSize;
    this.windowErrors += errors;
    this.windowLoss += loss * batchSize;
    // Drop the oldest batches while the window still holds enough without them.
    while (this.batches.length > 1 && this.windowExamplesNow - this.batches[0].examples >= this.windowExamples) {
      const old = this.batches.shift()!;
      this.windowExamplesNow -= old.examples;
      this.windowErrors -= old.errors;
      this.windowLoss -= old.loss * old.examples;
    }
    if (this.firstFullStep === Infinity && this.windowExamplesNow >= this.windowExamples) this.firstFullStep = step;
    const point: RacePoint = {
      step,
      epoch: this.examples / this.trainCount,
      error: this.windowErrors / this.windowExamplesNow,
      loss: this.windowLoss / this.windowExamplesNow,
      ms: this.ms,
    };
    this.points.push(point);
    return point;
  }

  get epochs(): number { return this.examples / this.trainCount; }
  get latest(): RacePoint | null { return this.points[this.points.length - 1] ?? null; }

  crossing(threshold: number): Crossing | null {
    return firstCrossing(this.points, threshold, this.firstFullStep);
  }
}

/**
 * How many times longer each run took than the fastest to reach the threshold, in epochs (the paper's
 * Figure 1 measure): e.g. relu 1, tanh 6. Runs that have not crossed are null.
 */
export function epochRatios<K extends string>(crossings: Record<K, Crossing | null>, reference: K): Record<K, number | null> {
  const ref = crossings[reference];
  const out = {} as Record<K, number | null>;
  for (const k of Object.keys(crossings) as K[]) {
    const c = crossings[k];
    out[k] = ref && c ? c.epoch / ref.epoch : null;
  }
  return out;
}
