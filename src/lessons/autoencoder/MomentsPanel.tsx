import { useState } from 'react';
import { defaultMomentName, loadMoment, saveMoment, type Moment } from '../../engine/moments';
import { formatLoss } from '../../engine/format';
import { useAppStore } from '../../state/store';
import { KeepMomentForm, MomentChooser, MomentList, MomentMessage, MomentsSection } from '../../app/moments/MomentPieces';
import { useMomentList } from '../../app/moments/useMomentList';
import { errorText } from '../../engine/format';
import { MomentCompare } from './MomentCompare';
import { MOMENT_LESSON, momentHiddenSize, momentMismatch } from './momentRecord';
import { MAIN_VIEW_ID } from './settings';

export interface MomentsPanelProps {
  /** Reads the live run into a record under `name` (weights, step, loss, seed, view). */
  capture: (name: string) => Promise<Moment>;
  /** Puts a kept moment into the live run (weights, step, lesson step and settings). */
  goTo: (m: Moment) => Promise<void>;
  hiddenSize: number;
  epochsAfter: (steps: number) => number;
  digits: Float32Array;
  labels: Uint8Array;
}

/**
 * Moments of this lesson: keep the live run under a name, list the kept ones, compare two side by side, or go
 * back to one (which replaces the live run, so the panel offers to keep the live run first).
 */
export function MomentsPanel({ capture, goTo, hiddenSize, epochsAfter, digits, labels }: MomentsPanelProps) {
  const step = useAppStore((s) => s.training[MAIN_VIEW_ID]?.step ?? 0);
  const defaultName = defaultMomentName(step, epochsAfter(step));
  const moments = useMomentList(MOMENT_LESSON, defaultName);
  const { list, refresh, setMessage, busy, whileBusy, pair } = moments;
  const [confirming, setConfirming] = useState<string | null>(null);

  const keep = async (key: string): Promise<Moment> => {
    const m = await capture(key);
    await saveMoment(m);
    await refresh();
    return m;
  };

  const save = () => moments.keep(async (key) => {
    const existed = list.some((m) => m.name === key);
    const m = await keep(key);
    return `Kept “${key}” (step ${m.step.toLocaleString('en-US')}) in this browser${existed ? ', replacing the earlier one of that name' : ''}.`;
  });

  /** Goes to a moment; `keepFirst` keeps the live run as a moment under its default name before it is replaced. */
  const go = async (key: string, keepFirst: boolean) => {
    setConfirming(null);
    await whileBusy(async () => {
      try {
        const summary = list.find((m) => m.name === key);
        const mismatch = summary ? momentMismatch(summary, hiddenSize) : null;
        if (mismatch) { setMessage(`${mismatch}. Nothing was changed.`); return; }
        const m = await loadMoment(MOMENT_LESSON, key);
        let kept = '';
        if (keepFirst) kept = (await keep(defaultName)).name;
        await goTo(m);
        const replaced = step > 0 ? ` The run at step ${step.toLocaleString('en-US')} was replaced${kept ? ` (kept as “${kept}”)` : ''}.` : '';
        setMessage(`Back at “${m.name}”: step ${m.step.toLocaleString('en-US')}, its weights, settings and lesson step.${replaced} Train goes on from there.`);
      } catch (err) {
        setMessage(`Nothing was changed: ${errorText(err)}`);
      }
    });
  };

  /** The live run would be lost if it has trained and is not already kept at this step. */
  const wouldLose = step > 0 && !list.some((m) => m.step === step);

  return (
    <MomentsSection title="Moments: keep this run, compare two">
      <KeepMomentForm name={moments.name} onName={moments.setTyped} onKeep={() => void save()} busy={busy} />
      <p className="hint">Kept in this browser (IndexedDB): the weights, the step and loss, the seed, the settings and the lesson step.</p>
      <MomentList
        list={list}
        busy={busy}
        onDelete={(key) => void whileBusy(() => moments.remove(key))}
        details={(m) => `step ${m.step.toLocaleString('en-US')}, ${m.epoch.toFixed(2)} epochs, loss ${m.loss === null ? '–' : formatLoss(m.loss)}, ${momentHiddenSize(m)} hidden units, seed ${m.seed}`}
        actions={(m) => <button type="button" disabled={busy} aria-label={`Go to ${m.name}`} onClick={() => (wouldLose ? setConfirming(m.name) : void go(m.name, false))}>Go to</button>}
        below={(m) => confirming === m.name && (
          <div className="moment-confirm" role="group" aria-label="The live run will be replaced">
            <p>Going to “{m.name}” replaces the live run (step {step.toLocaleString('en-US')}), which is not kept.</p>
            <button type="button" onClick={() => void go(m.name, true)}>Keep the live run, then go</button>{' '}
            <button type="button" onClick={() => void go(m.name, false)}>Replace it</button>{' '}
            <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
          </div>
        )}
      />
      <MomentChooser list={list} choice={moments.choice} onChoose={(next) => void moments.compare(next)} />
      <MomentMessage message={moments.message} />
      {pair && <MomentCompare a={pair.a} b={pair.b} digits={digits} labels={labels} />}
    </MomentsSection>
  );
}
