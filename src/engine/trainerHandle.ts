import type { HistoryPoint, TrainerStatus } from './trainer';

/**
 * What lessons and the shared controls use of a trainer, whether it trains on this thread ({@link Trainer})
 * or in a Web Worker ({@link RemoteTrainer}).
 */
export interface TrainerHandle<Extra = unknown> {
  readonly status: TrainerStatus;
  /** Training batches completed. */
  readonly completedSteps: number;
  readonly loss: number | null;
  readonly pauseReason: string | null;
  /** Milliseconds spent running (pauses excluded). */
  readonly trainingMs: number;
  readonly history: HistoryPoint<Extra>[];
  readonly snapshots: { step: number; data: Extra }[];
  setSlowMode(delayMs: number): void;
  start(): void;
  pause(reason?: string | null): Promise<void>;
  step(): Promise<void>;
  reset(): Promise<void>;
  dispose(): void;
}
