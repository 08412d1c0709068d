import type { HistoryPoint, TrainerEvent } from './trainer';

/**
 * Messages between a {@link RemoteTrainer} on the page and the training worker (engine/workerHost.ts).
 * Only plain data and typed arrays cross: tensors stay in the worker. Every command carries a sequence
 * number `seq`; the worker's updates echo the last one it handled, so the page can ignore an update that was
 * sent before a command it has since issued (e.g. a "running" sent just before the worker saw Pause).
 */
export type ToWorker =
  | { type: 'init'; seq: number; task: string; config: unknown; backend: string; assetBase: string; threads: number }
  | { type: 'start'; seq: number }
  | { type: 'pause'; seq: number; reason: string | null }
  | { type: 'step'; seq: number }
  | { type: 'reset'; seq: number }
  /** Measures the loss of the current weights again while at step 0 (after loading weights into a reset run). */
  | { type: 'measure'; seq: number }
  /**
   * Puts the run back at a kept state (a moment): the task takes `weights` as its state after `step` steps, the
   * readout shows `loss`, and the loss history starts again from `curve` (the read-backs kept up to `step`).
   */
  | { type: 'restore'; seq: number; step: number; loss: number | null; weights: unknown; curve: { step: number; loss: number }[] }
  | { type: 'slow'; seq: number; delayMs: number }
  | { type: 'configure'; seq: number; patch: unknown }
  /** A named call of the task: a read-out, or an action such as loading weights. */
  | { type: 'read'; seq: number; name: string; args: unknown }
  | { type: 'dispose'; seq: number }
  /** Loses the worker's WebGL context on purpose (WEBGL_lose_context), as a browser test of the fallback. */
  | { type: 'lose-context'; seq: number };

/** What the worker says about its backend once the task is built. */
export interface WorkerReady {
  backend: string;
  /** Why the backend differs from the one asked for, or null. */
  notice: string | null;
  /** Facts the task reports once (e.g. its parameter count). */
  facts: Record<string, unknown>;
}

export type FromWorker<Extra = unknown> =
  | { type: 'update'; seq: number; event: TrainerEvent; trainingMs: number; points: HistoryPoint<Extra>[] }
  | { type: 'snapshot'; seq: number; step: number; data: Extra }
  /** The answer to command `seq`: a result, or an error message. */
  | { type: 'done'; seq: number; result?: unknown; error?: string }
  /** Task-specific numbers read back for history point `step` (e.g. the loss's separate terms). */
  | { type: 'metrics'; seq: number; step: number; values: Record<string, number> }
  /** Loading progress of the task's data (0…1), with a line of text. */
  | { type: 'progress'; seq: number; fraction: number; text: string }
  /** Something the student should read: e.g. training moved to another backend after a failure. */
  | { type: 'notice'; seq: number; text: string; backend: string };

/** The part of a Worker (or MessagePort) the two sides use. */
export interface PortLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
