import * as tf from '@tensorflow/tfjs';
import { thinHistory } from './history';
import type { TrainerHandle } from './trainerHandle';
import { errorText } from './format';

/** What a lesson plugs into the Trainer: one batch of training, and how to start over. */
export interface TrainTask {
  /** Runs exactly one training batch (step = batches completed before it) and returns its loss. The Trainer owns and disposes the returned tensor. */
  trainStep(step: number): tf.Scalar;
  /** Loss of the current weights on a fixed batch, without training: the readout before step 1. */
  evaluateLoss?(): tf.Scalar;
  /** Re-initialise weights and optimizer state (disposing the old ones). */
  reset(): void;
  /**
   * Checked after each step of a running loop: a reason to stop (the run reached its goal or its cap) pauses
   * the loop with that reason; null keeps it going. A task says each reason once, so Train continues past it.
   */
  finished?(): string | null;
}

export type TrainerStatus = 'idle' | 'running' | 'paused';

export interface HistoryPoint<Extra = unknown> {
  step: number;
  loss: number;
  /** Milliseconds of training (running time, pauses excluded) when this point was read back. */
  trainingMs: number;
  extra?: Extra;
}

export interface TrainerEvent {
  status: TrainerStatus;
  step: number;
  /** Latest loss read back, or null when none is known yet. */
  loss: number | null;
  /** Why the loop paused when it paused on its own (hidden tab, NaN loss, backend error), else null. */
  pauseReason: string | null;
}

export interface TrainerOptions<Extra> {
  task: TrainTask;
  /** Minimum time between two read-backs of the loss; the status updates at most this often. */
  readbackIntervalMs?: number;
  /** Called after every read-back and every change of status. Must not hold on to tensors. */
  onUpdate?: (event: TrainerEvent) => void;
  /** Extra things the lesson keeps in the history every `snapshotEverySteps` (e.g. filter copies). */
  snapshot?: { everySteps: number; take: () => Promise<Extra>; maxKept?: number };
  /** Waits between two steps so the page can paint; defaults to `tf.nextFrame` (requestAnimationFrame). */
  nextFrame?: () => Promise<void>;
  /**
   * Keep stepping until this many ms have passed since the last frame, then yield to the page (default 12:
   * the page still paints at 60 frames/s). 0 = exactly one step per frame.
   */
  frameBudgetMs?: number;
  /** Most steps run between two frames, so queued GPU work cannot pile up (default 8). */
  maxStepsPerFrame?: number;
  /** Current time in ms; defaults to performance.now. */
  now?: () => number;
  /** Longest history kept (oldest points are thinned, never the newest). */
  maxHistory?: number;
}

const DEFAULT_READBACK_MS = 250;
const DEFAULT_MAX_HISTORY = 5000;
const DEFAULT_FRAME_BUDGET_MS = 12;

const DEFAULT_MAX_STEPS_PER_FRAME = 8;

/**
 * The one training loop every lesson uses (after tensorflow/playground's Player and GAN Lab's loop):
 * start / pause / step / reset, a generation counter so a stale loop never writes, an async loss read-back
 * at most every `readbackIntervalMs` (no dataSync on the hot path), `await nextFrame()` between steps,
 * an optional slow mode, and a history of read-back points for later replay.
 */
export class Trainer<Extra = unknown> implements TrainerHandle<Extra> {
  private readonly task: TrainTask;
  private readonly opts: TrainerOptions<Extra>;
  /** Bumped by start, pause, step, reset and dispose: a loop whose number is stale stops. */
  private generation = 0;
  /** Bumped by reset and dispose only: a loss or step that began before a reset never writes after it. */
  private resetId = 0;
  private pendingLossResetId = 0;
  private statusValue: TrainerStatus = 'idle';
  private stepCount = 0;
  private lossValue: number | null = null;
  private pendingLoss: tf.Scalar | null = null;
  private pendingLossStep = 0;
  private lastReadStep = -1;
  private readbackInFlight: Promise<void> | null = null;
  private lastReadbackAt = -Infinity;
  private runningSince: number | null = null;
  private trainingMsBefore = 0;
  private pauseReasonValue: string | null = null;
  private slowDelayMs = 0;
  private disposed = false;
  readonly history: HistoryPoint<Extra>[] = [];
  readonly snapshots: { step: number; data: Extra }[] = [];

  constructor(options: TrainerOptions<Extra>) {
    this.task = options.task;
    this.opts = options;
  }

  get status(): TrainerStatus { return this.statusValue; }
  /** Training batches completed. */
  get completedSteps(): number { return this.stepCount; }
  get loss(): number | null { return this.lossValue; }
  get pauseReason(): string | null { return this.pauseReasonValue; }
  /** Milliseconds spent running (pauses excluded). */
  get trainingMs(): number {
    return this.trainingMsBefore + (this.runningSince === null ? 0 : this.now() - this.runningSince);
  }

  /** Slow mode: wait this many ms between steps (0 = full speed). */
  setSlowMode(delayMs: number): void { this.slowDelayMs = Math.max(0, delayMs); }

  /** Starts (or resumes) the loop. Does nothing while already running. */
  start(): void {
    if (this.disposed || this.statusValue === 'running') return;
    this.generation++;
    this.statusValue = 'running';
    this.pauseReasonValue = null;
    this.runningSince = this.now();
    this.emit();
    void this.loop(this.generation);
  }

  /** Stops the loop after the current step; the latest loss is read back so the readout is current. */
  pause(reason: string | null = null): Promise<void> {
    if (this.statusValue !== 'running') return Promise.resolve();
    this.generation++;
    this.stopClock();
    this.statusValue = 'paused';
    this.pauseReasonValue = reason;
    this.emit();
    // The loop may be reading an earlier loss right now; wait for it, then read the newest one.
    return (this.readbackInFlight ?? Promise.resolve()).then(() => this.readback());
  }

  /** Exactly one training batch (pausing first if running), then a read-back. */
  async step(): Promise<void> {
    if (this.disposed) return;
    const resetAtCall = this.resetId;
    if (this.statusValue === 'running') await this.pause();
    // A Reset or a Train that came in while pausing wins: this Step no longer applies.
    if (resetAtCall !== this.resetId || this.disposed || this.statusValue === 'running') return;
    const gen = ++this.generation;
    this.pauseReasonValue = null;
    const t0 = this.now();
    if (!this.runOneStep(gen)) return;
    this.trainingMsBefore += this.now() - t0;
    if (this.statusValue === 'idle') this.statusValue = 'paused';
    await this.readback();
  }

  /** Cancels any loop, re-initialises the task, clears history, and reports the fresh loss at step 0. */
  async reset(): Promise<void> {
    if (this.disposed) return;
    this.generation++;
    const resetId = ++this.resetId;
    this.statusValue = 'idle';
    this.stepCount = 0;
    this.lossValue = null;
    this.pauseReasonValue = null;
    this.runningSince = null;
    this.trainingMsBefore = 0;
    this.lastReadbackAt = -Infinity;
    this.lastReadStep = -1;
    this.dropPendingLoss();
    this.history.length = 0;
    this.snapshots.length = 0;
    this.task.reset();
    this.emit();
    await this.measureInitialLoss(resetId);
  }

  /**
   * Cancels any loop and puts the run back at a kept state: `apply` sets the task's weights, the step count
   * becomes `step` and the readout shows `loss` (the value read back when that state was kept). History and
   * snapshots start again from there (with `curve`, the loss read-backs kept up to that step, if given);
   * Train continues with the batches that follow `step`.
   */
  restore(step: number, loss: number | null, apply: () => void, curve: readonly { step: number; loss: number }[] = []): void {
    if (this.disposed) return;
    // First, so a task that refuses the state (and throws) leaves this trainer as it was. Nothing awaits in
    // between, so no step of the loop can run after the weights changed.
    apply();
    this.generation++;
    this.resetId++;
    this.dropPendingLoss();
    this.runningSince = null;
    this.trainingMsBefore = 0;
    this.lastReadbackAt = -Infinity;
    this.history.length = 0;
    this.snapshots.length = 0;
    this.stepCount = step;
    this.lastReadStep = step;
    this.lossValue = loss;
    this.pauseReasonValue = null;
    this.statusValue = step > 0 ? 'paused' : 'idle';
    for (const p of curve) if (p.step < step && Number.isFinite(p.loss)) this.history.push({ step: p.step, loss: p.loss, trainingMs: 0 });
    if (loss !== null) this.history.push({ step, loss, trainingMs: 0 });
    this.emit();
  }

  /** Reads the loss of the untrained weights (if the task can) so the readout shows it at step 0. */
  async measureInitialLoss(resetId = this.resetId): Promise<void> {
    if (!this.task.evaluateLoss || this.stepCount !== 0) return;
    let value: number;
    try {
      const lossTensor = this.task.evaluateLoss();
      try {
        value = (await lossTensor.data())[0];
      } finally {
        lossTensor.dispose();
      }
    } catch (err) {
      if (resetId === this.resetId && !this.disposed) this.failWith(this.generation, `measuring the loss failed: ${errorText(err)}`);
      return;
    }
    if (resetId !== this.resetId || this.disposed || this.stepCount !== 0) return;
    this.lossValue = value;
    // Measured again at step 0 (the objective or the weights changed): the new value replaces the old one.
    this.history.length = 0;
    this.snapshots.length = 0;
    this.history.push({ step: 0, loss: value, trainingMs: 0 });
    await this.maybeSnapshot(0);
    if (resetId !== this.resetId || this.disposed) return;
    this.emit();
  }

  /** Stops for good and frees the pending tensor. The task itself belongs to its owner. */
  dispose(): void {
    this.generation++;
    this.resetId++;
    this.disposed = true;
    this.statusValue = 'idle';
    this.dropPendingLoss();
  }

  private async loop(gen: number): Promise<void> {
    const nextFrame = this.opts.nextFrame ?? (() => tf.nextFrame());
    const interval = this.opts.readbackIntervalMs ?? DEFAULT_READBACK_MS;
    const budget = this.opts.frameBudgetMs ?? DEFAULT_FRAME_BUDGET_MS;
    const maxPerFrame = this.opts.maxStepsPerFrame ?? DEFAULT_MAX_STEPS_PER_FRAME;
    let frameStart = this.now();
    let stepsThisFrame = 0;
    while (gen === this.generation) {
      if (!this.runOneStep(gen)) return;
      stepsThisFrame++;
      const done = this.task.finished?.() ?? null;
      if (done) {
        void this.pause(done);
        return;
      }
      if (this.now() - this.lastReadbackAt >= interval) {
        await this.readback();
        if (gen !== this.generation) return;
      }
      if (this.slowDelayMs > 0) await new Promise((r) => setTimeout(r, this.slowDelayMs));
      // Several steps per frame while they are quick (WASM, CPU): a frame wait per step caps training at 60 steps/s.
      const withinBudget = this.slowDelayMs === 0 && stepsThisFrame < maxPerFrame && this.now() - frameStart < budget;
      if (!withinBudget) {
        await nextFrame();
        frameStart = this.now();
        stepsThisFrame = 0;
      }
    }
  }

  /** One tidied batch; a failure (e.g. a lost GPU context) pauses with the reason instead of throwing. */
  private runOneStep(gen: number): boolean {
    let lossTensor: tf.Scalar;
    try {
      lossTensor = this.task.trainStep(this.stepCount);
    } catch (err) {
      this.failWith(gen, `training stopped: ${errorText(err)}`);
      return false;
    }
    this.stepCount++;
    this.dropPendingLoss();
    this.pendingLoss = lossTensor;
    this.pendingLossStep = this.stepCount;
    this.pendingLossResetId = this.resetId;
    return true;
  }

  /** Reads the latest step's loss; a value from before a reset is dropped, one from before a pause is kept. */
  private readback(): Promise<void> {
    const run = this.readbackNow().finally(() => {
      if (this.readbackInFlight === run) this.readbackInFlight = null;
    });
    this.readbackInFlight = run;
    return run;
  }

  private async readbackNow(): Promise<void> {
    const lossTensor = this.pendingLoss;
    if (!lossTensor) return;
    const step = this.pendingLossStep;
    const resetId = this.pendingLossResetId;
    this.pendingLoss = null;
    this.lastReadbackAt = this.now();
    let value: number;
    try {
      value = (await lossTensor.data())[0];
    } catch (err) {
      lossTensor.dispose();
      // A read that began before a Reset must not stop the fresh trainer.
      if (resetId === this.resetId && !this.disposed) this.failWith(this.generation, `reading the loss failed: ${errorText(err)}`);
      return;
    }
    lossTensor.dispose();
    if (this.disposed || resetId !== this.resetId) return;
    if (step < this.lastReadStep) return; // an older read-back finished after a newer one
    this.lastReadStep = step;
    if (!Number.isFinite(value)) {
      this.failWith(this.generation, 'the loss became infinite or not a number; the learning rate is probably too high. Lower it and press Reset.');
      return;
    }
    this.lossValue = value;
    this.pushHistory({ step, loss: value, trainingMs: this.trainingMs });
    await this.maybeSnapshot(step);
    if (resetId !== this.resetId || this.disposed) return;
    this.emit();
  }

  private async maybeSnapshot(step: number): Promise<void> {
    const snap = this.opts.snapshot;
    if (!snap) return;
    const last = this.snapshots[this.snapshots.length - 1];
    if (last && step - last.step < snap.everySteps) return;
    const resetId = this.resetId;
    let data: Extra;
    try {
      data = await snap.take();
    } catch (err) {
      if (resetId === this.resetId && !this.disposed) this.failWith(this.generation, `keeping a snapshot failed: ${errorText(err)}`);
      return;
    }
    if (resetId !== this.resetId || this.disposed) return;
    this.snapshots.push({ step, data });
    const maxKept = snap.maxKept ?? 50;
    if (this.snapshots.length > maxKept) this.snapshots.splice(1, 1); // keep the first for comparison
  }

  private pushHistory(point: HistoryPoint<Extra>): void {
    this.history.push(point);
    thinHistory(this.history, this.opts.maxHistory ?? DEFAULT_MAX_HISTORY);
  }


  private failWith(gen: number, reason: string): void {
    if (gen !== this.generation && this.statusValue !== 'running') return;
    this.generation++;
    this.stopClock();
    this.statusValue = 'paused';
    this.pauseReasonValue = reason;
    this.dropPendingLoss();
    this.emit();
  }

  private stopClock(): void {
    if (this.runningSince !== null) this.trainingMsBefore += this.now() - this.runningSince;
    this.runningSince = null;
  }

  private dropPendingLoss(): void {
    this.pendingLoss?.dispose();
    this.pendingLoss = null;
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : performance.now();
  }

  private emit(): void {
    this.opts.onUpdate?.({ status: this.statusValue, step: this.stepCount, loss: this.lossValue, pauseReason: this.pauseReasonValue });
  }
}
