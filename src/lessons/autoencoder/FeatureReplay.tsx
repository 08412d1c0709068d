import { useEffect, useId, useState } from 'react';
import type { TrainerHandle } from '../../engine/trainerHandle';
import { useAppStore } from '../../state/store';
import { MAIN_VIEW_ID } from './settings';

type Snapshot = { step: number; data: Float32Array };

/**
 * A slider over the Trainer's kept snapshots of the encoder weights: drag left to see the features as they
 * were at earlier steps, right to the end for live. A reset (which clears the snapshots) returns to live.
 */
export function FeatureReplay({ trainer, onShow }: { trainer: TrainerHandle<Float32Array> | null; onShow: (snap: { step: number; filters: Float32Array } | null) => void }) {
  const id = useId();
  // Re-render when the trainer reports (a new snapshot may have been kept).
  useAppStore((s) => s.training[MAIN_VIEW_ID]?.step ?? 0);
  const [selected, setSelected] = useState<Snapshot | null>(null); // null = live
  const snapshots = trainer?.snapshots ?? [];
  const count = snapshots.length;
  const index = selected ? snapshots.indexOf(selected) : -1;
  const stale = selected !== null && index < 0;

  useEffect(() => {
    if (stale) onShow(null);
  }, [stale, onShow]);

  if (count < 2) return null;
  const position = index < 0 ? count : index;
  const label = position === count ? 'live' : `step ${snapshots[position].step}`;
  return (
    <div className="setting replay">
      <label htmlFor={id}>Replay the features: <span className="value">{label}</span></label>
      <input id={id} type="range" min={0} max={count} step={1} value={position} aria-valuetext={label}
        onChange={(e) => {
          const i = Number(e.target.value);
          const snap = i >= count ? null : snapshots[i];
          setSelected(snap);
          onShow(snap ? { step: snap.step, filters: snap.data } : null);
        }} />
    </div>
  );
}
