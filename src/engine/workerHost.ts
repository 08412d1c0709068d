import { Trainer, type HistoryPoint, type TrainTask, type TrainerEvent } from './trainer';
import type { FromWorker, ToWorker, WorkerReady } from './workerProtocol';

/**
 * The training side of a worker: builds a task by name, runs one {@link Trainer} over it, and answers the
 * page's commands (engine/workerProtocol.ts). Plain TypeScript with no worker globals, so Node tests drive it
 * over a MessageChannel exactly as the page drives the real worker.
 *
 * When a step fails (a kernel error, a lost WebGL context), the host moves to the next backend, puts back the
 * newest weights it can get (read from the failed backend if it still answers, else the last checkpoint),
 * says so, and carries on training.
 */

/** A lesson's training task as the worker runs it: a {@link TrainTask} plus the read-outs its views ask for. */
export interface WorkerTask<Snapshot = unknown> extends TrainTask {
  /** Numbers known once the task is built (parameter count, data size…). */
  facts?(): Record<string, unknown>;
  /** Settings that apply from the next step. */
  configure?(patch: unknown): void;
  /** A named read-out for the views: plain data and typed arrays, copied (never the backend's own arrays). */
  read?(name: string, args: unknown): Promise<unknown>;
  /** Kept every `everySteps` steps and sent to the page (filters for the replay slider…). */
  snapshot?: { everySteps: number; maxKept?: number; take(): Promise<Snapshot> };
  /** Extra numbers for the newest history point (read at the loss read-back cadence). */
  metrics?(): Promise<Record<string, number>>;
  /** Copies of the weights, to survive a backend failure. */
  exportWeights?(): Promise<unknown>;
  /** Puts weights back (on the current backend), e.g. after moving to another backend. */
  importWeights?(weights: unknown): void;
  /**
   * Takes kept weights as its state after `step` training steps (its own step counters follow), so the next
   * step is step `step`. Throws, changing nothing, when the weights do not fit.
   */
  restoreAt?(weights: unknown, step: number): void;
  dispose(): void;
}

export interface TaskContext {
  /** Base URL of the app's assets (datasets, wasm binaries), absolute. */
  assetBase: string;
  progress(fraction: number, text: string): void;
}

export type TaskFactory = (config: unknown, context: TaskContext) => Promise<WorkerTask>;

export interface WorkerBackends {
  /** Starts a backend (falling back as it must); returns the one running and why it differs, if it does. */
  start(name: string, options: { assetBase: string; threads: number }): Promise<{ backend: string; notice: string | null }>;
  /** The backend to move to when `current` fails mid-training, or null when there is none left. */
  next(current: string): string | null;
  /** Loses the current WebGL context on purpose (tests); false where there is none. */
  loseContext?(): boolean;
  /** Calls `onLost` when the current backend's WebGL context is lost; returns a remover. */
  watchContext?(onLost: () => void): () => void;
}

export interface HostOptions {
  /** Milliseconds between two weight checkpoints kept for recovery (default 15 s). */
  checkpointEveryMs?: number;
  /** How the worker's loop yields between steps (default: a zero-delay timeout, so commands get through). */
  nextFrame?: () => Promise<void>;
  frameBudgetMs?: number;
}

const FAILURE = /^training stopped: |GPU context was lost/;
/** How long a failed backend may take to hand back its weights before the checkpoint is used instead. */
const READ_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); });
  });
}

export class WorkerHost {
  private task: WorkerTask | null = null;
  private trainer: Trainer<unknown> | null = null;
  private seq = 0;
  private sentStep = -1;
  private backend = '';
  private assetBase = '';
  private threads = 1;
  private checkpoint: { step: number; weights: unknown } | null = null;
  private lastCheckpointAt = -Infinity;
  private recovering = false;
  private stopWatch: (() => void) | null = null;
  private metricsInFlight = false;
  /** The page asked to train (Train, not yet Pause/Step/Reset): after a recovery the loop starts again. */
  private wantRunning = false;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly tasks: Record<string, TaskFactory>,
    private readonly backends: WorkerBackends,
    private readonly options: HostOptions = {},
  ) {}

  /** Handles one command from the page. Commands are answered in order with `done`. */
  async handle(msg: ToWorker): Promise<void> {
    this.seq = Math.max(this.seq, msg.seq);
    try {
      const result = await this.run(msg);
      this.post({ type: 'done', seq: msg.seq, result });
    } catch (err) {
      this.post({ type: 'done', seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private async run(msg: ToWorker): Promise<unknown> {
    if (msg.type === 'init') return this.init(msg);
    if (msg.type === 'dispose') { this.dispose(); return undefined; }
    const trainer = this.trainer;
    const task = this.task;
    if (!trainer || !task) throw new Error('the worker has no task yet');
    switch (msg.type) {
      case 'start': this.wantRunning = true; trainer.start(); return undefined;
      case 'pause': this.wantRunning = false; await trainer.pause(msg.reason); return undefined;
      case 'step': this.wantRunning = false; await trainer.step(); return undefined;
      case 'reset':
        this.wantRunning = false;
        this.sentStep = -1;
        this.lastSnapshotSent = -1;
        this.checkpoint = null;
        await trainer.reset();
        return undefined;
      case 'measure':
        // Step 0 is measured again (new weights): its point and snapshot replace the ones already sent.
        this.sentStep = -1;
        this.lastSnapshotSent = -1;
        await trainer.measureInitialLoss();
        return undefined;
      case 'restore': {
        if (!task.restoreAt) throw new Error('this task cannot go back to kept weights');
        const restoreAt = task.restoreAt.bind(task);
        // The weights are checked first (restore applies them before it changes anything); then, as after a
        // Reset, everything is sent again from the restored curve so the page's charts redraw from it.
        this.wantRunning = false;
        this.checkpoint = null;
        const [sent, snap] = [this.sentStep, this.lastSnapshotSent];
        this.sentStep = -1;
        this.lastSnapshotSent = -1;
        try {
          trainer.restore(msg.step, msg.loss, () => restoreAt(msg.weights, msg.step), msg.curve);
        } catch (err) {
          [this.sentStep, this.lastSnapshotSent] = [sent, snap];
          throw err;
        }
        return undefined;
      }
      case 'slow': trainer.setSlowMode(msg.delayMs); return undefined;
      case 'configure': task.configure?.(msg.patch); return undefined;
      case 'read':
        if (!task.read) throw new Error(`this task has no read-outs (asked for "${msg.name}")`);
        return task.read(msg.name, msg.args);
      case 'lose-context':
        if (!this.backends.loseContext?.()) throw new Error('there is no WebGL context to lose');
        return undefined;
    }
  }

  private async init(msg: Extract<ToWorker, { type: 'init' }>): Promise<WorkerReady> {
    if (this.task) throw new Error('the worker already has a task');
    const factory = this.tasks[msg.task];
    if (!factory) throw new Error(`no training task named "${msg.task}"`);
    this.assetBase = msg.assetBase;
    this.threads = msg.threads;
    const started = await this.backends.start(msg.backend, { assetBase: msg.assetBase, threads: msg.threads });
    this.backend = started.backend;
    this.watch();
    const task = await factory(msg.config, {
      assetBase: msg.assetBase,
      progress: (fraction, text) => this.post({ type: 'progress', seq: this.seq, fraction, text }),
    });
    this.task = task;
    this.trainer = new Trainer<unknown>({
      task,
      snapshot: task.snapshot && {
        everySteps: task.snapshot.everySteps,
        maxKept: task.snapshot.maxKept,
        take: () => task.snapshot!.take(),
      },
      onUpdate: (event) => this.onUpdate(event),
      nextFrame: this.options.nextFrame ?? (() => new Promise((r) => setTimeout(r, 0))),
      frameBudgetMs: this.options.frameBudgetMs ?? 30,
      maxStepsPerFrame: 64,
    });
    await this.trainer.measureInitialLoss();
    return { backend: this.backend, notice: started.notice, facts: task.facts?.() ?? {} };
  }

  private onUpdate(event: TrainerEvent): void {
    const trainer = this.trainer!;
    const points: HistoryPoint<unknown>[] = trainer.history.filter((p) => p.step > this.sentStep);
    if (points.length) this.sentStep = points[points.length - 1].step;
    this.post({ type: 'update', seq: this.seq, event, trainingMs: trainer.trainingMs, points });
    const snaps = trainer.snapshots;
    const newest = snaps[snaps.length - 1];
    if (newest && newest.step !== this.lastSnapshotSent) {
      this.lastSnapshotSent = newest.step;
      this.post({ type: 'snapshot', seq: this.seq, step: newest.step, data: newest.data });
    }
    if (points.length) {
      void this.sendMetrics(points[points.length - 1].step);
      void this.maybeCheckpoint(event.step);
    }
    if (event.status === 'paused' && event.pauseReason && FAILURE.test(event.pauseReason)) void this.recover(event);
  }

  private lastSnapshotSent = -1;

  private async sendMetrics(step: number): Promise<void> {
    const task = this.task;
    if (!task?.metrics || this.metricsInFlight) return;
    this.metricsInFlight = true;
    const seq = this.seq; // a Reset that arrives during the read must make these stale
    try {
      const values = await task.metrics();
      this.post({ type: 'metrics', seq, step, values });
    } catch {
      // A metric that cannot be read is left out; the loss itself still arrives.
    } finally {
      this.metricsInFlight = false;
    }
  }

  private async maybeCheckpoint(step: number): Promise<void> {
    const task = this.task;
    const every = this.options.checkpointEveryMs ?? 15_000;
    if (!task?.exportWeights || performance.now() - this.lastCheckpointAt < every) return;
    this.lastCheckpointAt = performance.now();
    try {
      this.checkpoint = { step, weights: await task.exportWeights() };
    } catch {
      // The backend may be failing right now; the previous checkpoint stays.
    }
  }

  /** Moves training to the next backend after a failure, with the newest weights it can get. */
  private async recover(event: TrainerEvent): Promise<void> {
    const task = this.task;
    const trainer = this.trainer;
    const next = this.backends.next(this.backend);
    if (this.recovering || !task || !trainer || !next || !task.exportWeights || !task.importWeights) return;
    this.recovering = true;
    const failed = this.backend;
    try {
      let weights: unknown = null;
      let fromStep = event.step;
      // A lost context has lost its data too (reads hang or return zeros): use the last checkpoint. After a
      // kernel error the backend still answers, so read the newest weights, giving up after a few seconds.
      const contextLost = /GPU context was lost/.test(event.pauseReason ?? '');
      try {
        if (contextLost) throw new Error('context lost');
        weights = await withTimeout(task.exportWeights(), READ_TIMEOUT_MS);
      } catch {
        weights = this.checkpoint?.weights ?? null;
        fromStep = this.checkpoint?.step ?? 0;
      }
      this.stopWatch?.();
      const started = await this.backends.start(next, { assetBase: this.assetBase, threads: this.threads });
      this.backend = started.backend;
      this.watch();
      if (weights !== null) task.importWeights(weights);
      const why = event.pauseReason?.replace(/^training stopped: /, '') ?? 'it failed';
      const text = weights === null
        ? `${failed} failed at step ${event.step} (${why}); no weights could be saved, so training restarts on ${this.backend}.`
        : `${failed} failed at step ${event.step} (${why}); training continues on ${this.backend} from the weights of step ${fromStep}.`;
      this.post({ type: 'notice', seq: this.seq, text, backend: this.backend });
      if (weights === null) {
        this.sentStep = -1;
        this.lastSnapshotSent = -1;
        this.checkpoint = null;
        await trainer.reset();
      }
      else if (this.wantRunning) trainer.start();
    } catch (err) {
      this.post({ type: 'notice', seq: this.seq, text: `${failed} failed and moving to ${next} failed too (${err instanceof Error ? err.message : String(err)}).`, backend: this.backend });
    } finally {
      this.recovering = false;
    }
  }

  private watch(): void {
    this.stopWatch = this.backends.watchContext?.(() => void this.trainer?.pause('The GPU context was lost.')) ?? null;
  }

  dispose(): void {
    this.stopWatch?.();
    this.trainer?.dispose();
    this.task?.dispose();
    this.trainer = null;
    this.task = null;
  }
}
