import { useEffect, useState } from 'react';
import type { TrainerHandle } from '../engine/trainerHandle';
import { statusText } from '../engine/format';
import { pauseWhenHidden } from '../engine/visibility';
import { appStore, useAppStore } from '../state/store';
import { registerTrainingActions } from './trainingActions';

/**
 * Connects a Trainer to the store under `viewId` (numbers only), pauses it when the tab is hidden or the
 * GPU context is lost, and clears the entry when the view unmounts.
 */
export function useTrainerBinding(viewId: string, trainer: TrainerHandle<unknown> | null): void {
  useEffect(() => {
    if (!trainer) return;
    const stopHidden = pauseWhenHidden(() => [trainer]);
    const stopLost = appStore.subscribe((s, prev) => {
      if (s.backend.contextLost && !prev.backend.contextLost) void trainer.pause('The GPU context was lost.');
    });
    return () => {
      stopHidden();
      stopLost();
      appStore.getState().clearTraining(viewId);
    };
  }, [viewId, trainer]);
}

/** Pause between two steps in slow motion: about three steps a second, slow enough to follow each update. */
const SLOW_MOTION_MS = 300;

/**
 * The controls and readout every training view shares: buttons `Train` (reads `Pause` while training),
 * `Step` and `Reset`, and one `role="status"` element reading `step <n> · loss <value>`.
 */
export function TrainingControls({ viewId, trainer, disabled = false, readoutSuffix = '', children }: {
  viewId: string;
  trainer: TrainerHandle<unknown> | null;
  disabled?: boolean;
  /** Appended to the readout, e.g. the other runs' losses in a race (` · tanh 0.91 · sigmoid 2.29`). */
  readoutSuffix?: string;
  children?: React.ReactNode;
}) {
  const event = useAppStore((s) => s.training[viewId]);
  const [slow, setSlow] = useState(false);
  // Also applies to a trainer rebuilt while slow motion is on.
  useEffect(() => trainer?.setSlowMode(slow ? SLOW_MOTION_MS : 0), [trainer, slow]);
  const running = event?.status === 'running';
  const off = disabled || !trainer;
  // Space, S and R reach the training view on screen (src/app/shortcuts.ts).
  useEffect(() => {
    if (!trainer || disabled) return;
    return registerTrainingActions({
      toggle: () => (trainer.status === 'running' ? void trainer.pause() : trainer.start()),
      step: () => void trainer.step(),
      reset: () => void trainer.reset(),
    });
  }, [trainer, disabled]);
  return (
    <div className="training-controls">
      <div className="buttons">
        <button type="button" className="primary" disabled={off} onClick={() => (running ? void trainer?.pause() : trainer?.start())}>
          {running ? 'Pause' : 'Train'}
        </button>
        <button type="button" disabled={off} onClick={() => void trainer?.step()}>Step</button>
        <button type="button" disabled={off} onClick={() => void trainer?.reset()}>Reset</button>
        <label className="slow-motion">
          <input type="checkbox" disabled={off} checked={slow} onChange={(e) => setSlow(e.target.checked)} />
          {' '}Slow motion
        </label>
        {children}
      </div>
      <div role="status" className="status-readout">{statusText(event?.step ?? 0, event?.loss ?? null)}{readoutSuffix}</div>
      {event?.pauseReason && <p className="pause-reason" role="alert">{event.pauseReason}</p>}
    </div>
  );
}
