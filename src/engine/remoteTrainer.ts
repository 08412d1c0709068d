import { thinHistory } from './history';
import type { HistoryPoint, TrainerEvent, TrainerStatus } from './trainer';
import type { TrainerHandle } from './trainerHandle';
import type { FromWorker, PortLike, ToWorker, WorkerReady } from './workerProtocol';

export interface RemoteTrainerOptions<Extra> {
  /** After every change of status and every read-back the worker reports (at most a few times a second). */
  onUpdate?: (event: TrainerEvent) => void;
  onSnapshot?: (step: number, data: Extra) => void;
  /** Something the student should read, e.g. training moved to another backend. */
  onNotice?: (text: string, backend: string) => void;
  onProgress?: (fraction: number, text: string) => void;
  onMetrics?: (step: number, values: Record<string, number>) => void;
  maxHistory?: number;
  maxSnapshots?: number;
}

type Command = ToWorker extends infer T ? T extends { seq: number } ? Omit<T, 'seq'> : never : never;

/**
 * The page's side of a trainer that runs in a Web Worker (engine/workerHost.ts): the same controls as
 * {@link Trainer} (start, pause, step, reset, slow mode, history, snapshots), plus named read-outs. It mirrors
 * the worker's status from its updates and answers Train and Pause at once on screen; an update the worker
 * sent before it saw the newest command is not allowed to undo it.
 */
export class RemoteTrainer<Extra = unknown> implements TrainerHandle<Extra> {
  private seq = 0;
  /** Sequence number of the newest command that changes the status (start, pause, step, reset). */
  private statusSeq = 0;
  private resetSeq = 0;
  /** Sequence number of a Go to whose first update is still to come (its update replaces snapshots and metrics). */
  private restoreSeq = 0;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private statusValue: TrainerStatus = 'idle';
  private stepCount = 0;
  private lossValue: number | null = null;
  private reason: string | null = null;
  private trainingMsAtUpdate = 0;
  private updateAt = 0;
  private disposed = false;
  readonly history: HistoryPoint<Extra>[] = [];
  readonly snapshots: { step: number; data: Extra }[] = [];
  /** Task-specific numbers per read-back step (e.g. loss terms, learning rate). */
  readonly metrics: { step: number; values: Record<string, number> }[] = [];
  backend = '';

  constructor(private readonly port: PortLike & { terminate?: () => void }, private readonly opts: RemoteTrainerOptions<Extra> = {}) {
    port.onmessage = (e: MessageEvent) => this.receive(e.data as FromWorker<Extra>);
  }

  get status(): TrainerStatus { return this.statusValue; }
  get completedSteps(): number { return this.stepCount; }
  get loss(): number | null { return this.lossValue; }
  get pauseReason(): string | null { return this.reason; }
  get trainingMs(): number {
    return this.trainingMsAtUpdate + (this.statusValue === 'running' ? performance.now() - this.updateAt : 0);
  }

  /** Builds the task in the worker (loading its data there) and reports the backend it runs on. */
  async init(task: string, config: unknown, backend: string, assetBase: string, threads: number): Promise<WorkerReady> {
    const ready = (await this.send({ type: 'init', task, config, backend, assetBase, threads })) as WorkerReady;
    this.backend = ready.backend;
    return ready;
  }

  setSlowMode(delayMs: number): void { void this.send({ type: 'slow', delayMs }).catch(() => {}); }

  start(): void {
    if (this.disposed || this.statusValue === 'running') return;
    this.statusSeq = this.seq + 1;
    this.setLocal('running', null);
    void this.send({ type: 'start' }).catch(() => {});
  }

  async pause(reason: string | null = null): Promise<void> {
    if (this.disposed || this.statusValue !== 'running') return;
    this.statusSeq = this.seq + 1;
    this.setLocal('paused', reason);
    await this.send({ type: 'pause', reason }).catch(() => {});
  }

  async step(): Promise<void> {
    if (this.disposed) return;
    this.statusSeq = this.seq + 1;
    if (this.statusValue === 'running') this.setLocal('paused', null);
    await this.send({ type: 'step' }).catch(() => {});
  }

  async reset(): Promise<void> {
    if (this.disposed) return;
    this.statusSeq = this.seq + 1;
    this.resetSeq = this.statusSeq;
    this.history.length = 0;
    this.snapshots.length = 0;
    this.metrics.length = 0;
    this.stepCount = 0;
    this.lossValue = null;
    this.trainingMsAtUpdate = 0;
    this.setLocal('idle', null);
    await this.send({ type: 'reset' }).catch(() => {});
  }

  /**
   * Puts the worker's run back at a kept state: `weights` as the state after `step` steps, `loss` in the readout,
   * the loss history from `curve`. Training continues from there. Until the worker answers, what is on screen
   * stays; if the worker refuses the weights (it says why), the live run is left as it was.
   */
  async restore(step: number, loss: number | null, weights: unknown, curve: readonly { step: number; loss: number }[]): Promise<void> {
    if (this.disposed) throw new Error('the trainer was closed');
    const seq = this.seq + 1;
    // Updates sent before the worker saw this command belong to the replaced run.
    this.statusSeq = seq;
    this.resetSeq = seq;
    this.restoreSeq = seq;
    try {
      await this.send({ type: 'restore', step, loss, weights, curve: curve.map((p) => ({ step: p.step, loss: p.loss })) });
    } finally {
      this.restoreSeq = 0;
    }
  }

  /** Settings that apply from the worker's next step. */
  configure(patch: unknown): Promise<void> {
    return this.send({ type: 'configure', patch }).then(() => undefined);
  }

  /** A named read-out of the task (typed arrays and numbers), answered between two training steps. */
  read<T>(name: string, args: unknown = null): Promise<T> {
    return this.send({ type: 'read', name, args }) as Promise<T>;
  }

  /** Measures the loss again at step 0 (after loading weights into a reset run). */
  measure(): Promise<unknown> { return this.send({ type: 'measure' }); }

  /** Loses the worker's WebGL context on purpose (the browser test of the fallback). */
  loseContext(): Promise<unknown> { return this.send({ type: 'lose-context' }); }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.statusValue = 'idle';
    try {
      this.port.postMessage({ type: 'dispose', seq: ++this.seq } satisfies ToWorker);
    } finally {
      this.port.terminate?.();
      for (const p of this.pending.values()) p.reject(new Error('the trainer was closed'));
      this.pending.clear();
    }
  }

  private send(command: Command): Promise<unknown> {
    if (this.disposed) return Promise.reject(new Error('the trainer was closed'));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.port.postMessage({ ...command, seq } as ToWorker);
    });
  }

  private setLocal(status: TrainerStatus, reason: string | null): void {
    if (this.statusValue === 'running' && status !== 'running') this.trainingMsAtUpdate = this.trainingMs;
    this.updateAt = performance.now();
    this.statusValue = status;
    this.reason = reason;
    this.emit();
  }

  private receive(msg: FromWorker<Extra>): void {
    if (this.disposed) return;
    switch (msg.type) {
      case 'done': {
        const p = this.pending.get(msg.seq);
        this.pending.delete(msg.seq);
        if (msg.error !== undefined) p?.reject(new Error(msg.error));
        else p?.resolve(msg.result);
        return;
      }
      case 'update': {
        if (msg.seq < this.resetSeq) return; // from before a Reset
        if (msg.seq === this.restoreSeq) {
          // The restored run's first update: the replaced run's snapshots and metrics go, its history is replaced below.
          this.restoreSeq = 0;
          this.history.length = 0;
          this.snapshots.length = 0;
          this.metrics.length = 0;
        }
        // A step sent again (step 0 measured anew after loading weights) replaces what was there.
        if (msg.points.length) {
          const from = msg.points[0].step;
          while (this.history.length && this.history[this.history.length - 1].step >= from) this.history.pop();
        }
        for (const point of msg.points) this.history.push(point);
        thinHistory(this.history, this.opts.maxHistory ?? 5000);
        if (msg.seq >= this.statusSeq) {
          this.statusValue = msg.event.status;
          this.reason = msg.event.pauseReason;
        }
        this.stepCount = msg.event.step;
        this.lossValue = msg.event.loss;
        this.trainingMsAtUpdate = msg.trainingMs;
        this.updateAt = performance.now();
        this.emit();
        return;
      }
      case 'snapshot':
        if (msg.seq < this.resetSeq) return;
        while (this.snapshots.length && this.snapshots[this.snapshots.length - 1].step >= msg.step) this.snapshots.pop();
        this.snapshots.push({ step: msg.step, data: msg.data });
        // Thinned evenly (every other one of the older half), so a timeline still spans the whole run.
        thinHistory(this.snapshots, this.opts.maxSnapshots ?? 50);
        this.opts.onSnapshot?.(msg.step, msg.data);
        return;
      case 'metrics':
        if (msg.seq < this.resetSeq) return;
        this.metrics.push({ step: msg.step, values: msg.values });
        thinHistory(this.metrics, this.opts.maxHistory ?? 5000);
        this.opts.onMetrics?.(msg.step, msg.values);
        return;
      case 'progress':
        this.opts.onProgress?.(msg.fraction, msg.text);
        return;
      case 'notice':
        this.backend = msg.backend;
        this.opts.onNotice?.(msg.text, msg.backend);
        return;
    }
  }

  private emit(): void {
    this.opts.onUpdate?.({ status: this.statusValue, step: this.stepCount, loss: this.lossValue, pauseReason: this.reason });
  }
}
