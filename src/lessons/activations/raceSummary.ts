import { formatLoss } from '../../engine/format';
import { RACE_ACTIVATIONS, type RaceActivation } from '../../model/raceNet';
import type { Crossing } from '../../model/raceTask';

export interface RunSummary {
  /** Training error over the last window, 0–1. */
  error: number;
  /** The latest batch's loss. */
  batchLoss: number;
  epoch: number;
  ms: number;
}

/** One read-back of the race, per run, as the views use it. */
export interface RaceSummary {
  runs: Partial<Record<RaceActivation, RunSummary>>;
  crossings: Record<RaceActivation, Crossing | null>;
}

/** Reads the flat metrics the race task sends (`relu.error`, `tanh.crossEpoch`, …). */
export function summaryFromMetrics(v: Record<string, number>): RaceSummary {
  const runs: RaceSummary['runs'] = {};
  const crossings = {} as Record<RaceActivation, Crossing | null>;
  for (const a of RACE_ACTIVATIONS) {
    if (v[`${a}.epoch`] !== undefined) runs[a] = { error: v[`${a}.error`], batchLoss: v[`${a}.batchLoss`], epoch: v[`${a}.epoch`], ms: v[`${a}.ms`] };
    const e = v[`${a}.crossEpoch`];
    crossings[a] = e !== undefined && e >= 0 ? { epoch: e, step: v[`${a}.crossStep`], ms: v[`${a}.crossMs`] } : null;
  }
  return { runs, crossings };
}


/** The part of the status readout after the ReLU run's loss: ` · tanh 0.9100 · sigmoid 2.290`. */
export function otherLossesText(s: RaceSummary | null): string {
  if (!s) return '';
  return (['tanh', 'sigmoid'] as const).map((a) => {
    const r = s.runs[a];
    return r && Number.isFinite(r.batchLoss) ? ` · ${a} ${formatLoss(r.batchLoss)}` : '';
  }).join('');
}

/** "1 : 1.18 : not reached by epoch 3": epochs to the threshold relative to ReLU's, in the paper's terms. */
export function ratioText(s: RaceSummary | null, epochCap: number): { text: string; complete: boolean } {
  const relu = s?.crossings.relu;
  if (!s || !relu) return { text: 'ReLU has not reached the threshold yet', complete: false };
  const parts = RACE_ACTIVATIONS.map((a) => {
    const c = s.crossings[a];
    if (c) return (c.epoch / relu.epoch).toFixed(2);
    const epoch = s.runs[a]?.epoch ?? 0;
    return epoch >= epochCap ? `not reached by epoch ${epochCap}` : `not yet`;
  });
  return { text: `ReLU : tanh : sigmoid = ${parts.join(' : ')}`, complete: RACE_ACTIVATIONS.every((a) => s.crossings[a]) };
}
