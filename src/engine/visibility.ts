import type { TrainerHandle } from './trainerHandle';

export const HIDDEN_TAB_REASON = 'Training paused because this tab was hidden. Press Train to continue.';

/**
 * Browsers stop requestAnimationFrame in hidden tabs, so a loop that waits for frames would hang there
 * silently. Pause instead, with a reason the view shows when the student comes back.
 * Returns a function that removes the listener.
 */
export function pauseWhenHidden(trainers: () => TrainerHandle<unknown>[], doc: Document | undefined = globalThis.document): () => void {
  if (!doc) return () => {};
  const onChange = () => {
    if (doc.visibilityState !== 'hidden') return;
    for (const t of trainers()) if (t.status === 'running') void t.pause(HIDDEN_TAB_REASON);
  };
  doc.addEventListener('visibilitychange', onChange);
  return () => doc.removeEventListener('visibilitychange', onChange);
}
