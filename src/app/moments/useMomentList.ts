import { useCallback, useEffect, useState } from 'react';
import { deleteMoment, listMoments, loadMoment, type Moment, type MomentSummary } from '../../engine/moments';
import { errorText } from '../../engine/format';

/** The names chosen as Moment A and Moment B ('' where none is chosen yet). */
export interface MomentChoice { a: string; b: string }

/**
 * The kept moments of one lesson as a panel shows them: the list (read again after every change), the name typed
 * for the next one, the message line, the busy flag, and the two chosen for comparing with their loaded records.
 * `mismatch` names why a loaded record cannot be compared here (null where it can).
 */
export function useMomentList(lesson: string, defaultName: string, mismatch?: (m: Moment) => string | null) {
  const [typed, setTyped] = useState<string | null>(null);
  const [list, setList] = useState<MomentSummary[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<MomentChoice>({ a: '', b: '' });
  const [pair, setPair] = useState<{ a: Moment; b: Moment } | null>(null);
  const name = typed ?? defaultName;

  const refresh = useCallback(() => listMoments(lesson).then(
    (all) => setList(all),
    (err: unknown) => setMessage(`The kept moments could not be read: ${errorText(err)}`),
  ), [lesson]);
  useEffect(() => { void refresh(); }, [refresh]);

  /** Runs `work` with the panel's buttons disabled. */
  const whileBusy = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  /** Keeps a moment under the typed name: `work` keeps it and answers the message to show. */
  const keep = async (work: (key: string) => Promise<string>) => {
    const key = name.trim();
    if (!key) { setMessage('Give the moment a name first.'); return; }
    await whileBusy(async () => {
      try {
        const done = await work(key);
        setTyped(null);
        setMessage(done);
      } catch (err) {
        setMessage(`Nothing was kept: ${errorText(err)}`);
      }
    });
  };

  const remove = async (key: string) => {
    try {
      await deleteMoment(lesson, key);
      if (choice.a === key || choice.b === key) { setPair(null); setChoice((c) => ({ a: c.a === key ? '' : c.a, b: c.b === key ? '' : c.b })); }
      await refresh();
      setMessage(`Deleted “${key}”.`);
    } catch (err) {
      setMessage(`“${key}” was not deleted: ${errorText(err)}`);
    }
  };

  const compare = async (next: MomentChoice) => {
    setChoice(next);
    setPair(null);
    if (!next.a || !next.b) return;
    try {
      const [a, b] = await Promise.all([loadMoment(lesson, next.a), loadMoment(lesson, next.b)]);
      const problem = mismatch ? (mismatch(a) ?? mismatch(b)) : null;
      if (problem) { setMessage(`They cannot be compared: ${problem}.`); return; }
      setPair({ a, b });
      setMessage(null);
    } catch (err) {
      setMessage(`They cannot be compared: ${errorText(err)}`);
    }
  };

  return { list, refresh, name, setTyped, message, setMessage, busy, whileBusy, keep, remove, choice, compare, pair };
}
