import { useCallback, useEffect, useId, useState } from 'react';
import { defaultMomentName, deleteMoment, listMoments, loadMoment, saveMoment, type Moment, type MomentSummary } from '../../engine/moments';
import { formatLoss } from '../../engine/format';
import { useAppStore } from '../../state/store';
import { MomentCompare } from './MomentCompare';
import { MOMENT_LESSON, momentHiddenSize, momentMismatch } from './momentRecord';
import { MAIN_VIEW_ID } from './settings';
import './moments.css';

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

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
  const id = useId();
  const step = useAppStore((s) => s.training[MAIN_VIEW_ID]?.step ?? 0);
  const [typed, setTyped] = useState<string | null>(null);
  const [list, setList] = useState<MomentSummary[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<{ a: string; b: string }>({ a: '', b: '' });
  const [pair, setPair] = useState<{ a: Moment; b: Moment } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const defaultName = defaultMomentName(step, epochsAfter(step));
  const name = typed ?? defaultName;

  const refresh = useCallback(() => listMoments(MOMENT_LESSON).then(
    (all) => setList(all),
    (err: unknown) => setMessage(`The kept moments could not be read: ${errorText(err)}`),
  ), []);
  useEffect(() => { void refresh(); }, [refresh]);

  const keep = async (key: string): Promise<Moment> => {
    const m = await capture(key);
    await saveMoment(m);
    await refresh();
    return m;
  };

  const save = async () => {
    const key = name.trim();
    if (!key) { setMessage('Give the moment a name first.'); return; }
    setBusy(true);
    try {
      const existed = list.some((m) => m.name === key);
      const m = await keep(key);
      setTyped(null);
      setMessage(`Kept “${key}” (step ${m.step.toLocaleString('en-US')}) in this browser${existed ? ', replacing the earlier one of that name' : ''}.`);
    } catch (err) {
      setMessage(`Nothing was kept: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (key: string) => {
    setBusy(true);
    try {
      await deleteMoment(MOMENT_LESSON, key);
      if (choice.a === key || choice.b === key) { setPair(null); setChoice((c) => ({ a: c.a === key ? '' : c.a, b: c.b === key ? '' : c.b })); }
      await refresh();
      setMessage(`Deleted “${key}”.`);
    } catch (err) {
      setMessage(`“${key}” was not deleted: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const compare = async (next: { a: string; b: string }) => {
    setChoice(next);
    setPair(null);
    if (!next.a || !next.b) return;
    try {
      const [a, b] = await Promise.all([loadMoment(MOMENT_LESSON, next.a), loadMoment(MOMENT_LESSON, next.b)]);
      setPair({ a, b });
      setMessage(null);
    } catch (err) {
      setMessage(`They cannot be compared: ${errorText(err)}`);
    }
  };

  /** Goes to a moment; `keepFirst` keeps the live run as a moment under its default name before it is replaced. */
  const go = async (key: string, keepFirst: boolean) => {
    setConfirming(null);
    setBusy(true);
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
    } finally {
      setBusy(false);
    }
  };

  /** The live run would be lost if it has trained and is not already kept at this step. */
  const wouldLose = step > 0 && !list.some((m) => m.step === step);

  return (
    <section className="panel moments-panel" data-panel="moments" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Moments: keep this run, compare two</h3>
      <div className="buttons">
        <label htmlFor={`${id}-name`}>Keep as</label>
        <input id={`${id}-name`} type="text" value={name} onChange={(e) => setTyped(e.target.value)} size={32} />
        <button type="button" onClick={() => void save()} disabled={busy}>Keep this moment</button>
      </div>
      <p className="hint">Kept in this browser (IndexedDB): the weights, the step and loss, the seed, the settings and the lesson step.</p>
      {list.length > 0 && (
        <ul className="moment-list">
          {list.map((m) => (
            <li key={m.name}>
              <span className="moment-name">{m.name}</span>{' '}
              <span className="hint">(step {m.step.toLocaleString('en-US')}, {m.epoch.toFixed(2)} epochs, loss {m.loss === null ? '–' : formatLoss(m.loss)}, {momentHiddenSize(m)} hidden units, seed {m.seed})</span>{' '}
              <button type="button" disabled={busy} aria-label={`Go to ${m.name}`} onClick={() => (wouldLose ? setConfirming(m.name) : void go(m.name, false))}>Go to</button>{' '}
              <button type="button" disabled={busy} aria-label={`Delete ${m.name}`} onClick={() => void remove(m.name)}>Delete</button>
              {confirming === m.name && (
                <div className="moment-confirm" role="group" aria-label="The live run will be replaced">
                  <p>Going to “{m.name}” replaces the live run (step {step.toLocaleString('en-US')}), which is not kept.</p>
                  <button type="button" onClick={() => void go(m.name, true)}>Keep the live run, then go</button>{' '}
                  <button type="button" onClick={() => void go(m.name, false)}>Replace it</button>{' '}
                  <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 && (
        <div className="moment-choose">
          {(['a', 'b'] as const).map((side) => (
            <label key={side}>
              Moment {side.toUpperCase()}{' '}
              <select value={choice[side]} onChange={(e) => void compare({ ...choice, [side]: e.target.value })}>
                <option value="">choose…</option>
                {list.map((m) => <option key={m.name} value={m.name}>{m.name}</option>)}
              </select>
            </label>
          ))}
        </div>
      )}
      {message && <p className="notice" aria-live="polite">{message}</p>}
      {pair && <MomentCompare a={pair.a} b={pair.b} digits={digits} labels={labels} />}
    </section>
  );
}
