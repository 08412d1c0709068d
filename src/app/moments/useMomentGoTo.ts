import { useState } from 'react';
import type { Moment, MomentSummary, MomentView } from '../../engine/moments';
import { errorText } from '../../engine/format';

/**
 * The URL parameters of a kept view on this device: the moment's settings and seed, with this device's backend
 * (a moment does not carry one).
 */
export function momentRouteParams(view: MomentView, current: Record<string, string>): Record<string, string> {
  const params = { ...view.params };
  if (current.backend) params.backend = current.backend;
  else delete params.backend;
  return params;
}

/**
 * "Go to" a kept moment, shared by the lessons' moments panels: when the live run has trained and is not kept
 * at its step, the panel asks first (keep the live run, then go / replace it / cancel). `problem` names why a
 * moment cannot be put into this run (nothing changes then); `goTo` puts it in and may answer its own message
 * (e.g. when the run must be rebuilt first); `afterword` ends the message of a finished Go to.
 */
export function useMomentGoTo({ list, step, whileBusy, setMessage, problem, load, keepLive, goTo, afterword }: {
  list: MomentSummary[];
  /** The live run's step. */
  step: number;
  whileBusy: (work: () => Promise<void>) => Promise<void>;
  setMessage: (message: string) => void;
  problem: (m: MomentSummary) => string | null;
  load: (name: string) => Promise<Moment>;
  /** Keeps the live run as a moment; answers the name it was kept under. */
  keepLive: () => Promise<string>;
  goTo: (m: Moment) => Promise<string | void>;
  afterword: (m: Moment) => string;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  /** The live run would be lost if it has trained and is not already kept at this step. */
  const wouldLose = step > 0 && !list.some((m) => m.step === step);

  /** Goes to a moment; `keepFirst` keeps the live run as a moment under its default name before it is replaced. */
  const go = async (key: string, keepFirst: boolean) => {
    setConfirming(null);
    await whileBusy(async () => {
      try {
        const summary = list.find((m) => m.name === key);
        const mismatch = summary ? problem(summary) : null;
        if (mismatch) { setMessage(`${mismatch}. Nothing was changed.`); return; }
        const m = await load(key);
        const kept = keepFirst ? await keepLive() : '';
        const answer = await goTo(m);
        const replaced = step > 0 ? ` The run at step ${step.toLocaleString('en-US')} was replaced${kept ? ` (kept as “${kept}”)` : ''}.` : '';
        setMessage(answer ? `${answer}${replaced}` : `Back at “${m.name}”: step ${m.step.toLocaleString('en-US')}, its weights, settings and lesson step.${replaced} ${afterword(m)}`);
      } catch (err) {
        setMessage(`Nothing was changed: ${errorText(err)}`);
      }
    });
  };

  /** The Go to button: asks first when the live run would be lost. */
  const ask = (key: string) => (wouldLose ? setConfirming(key) : void go(key, false));

  return { confirming, ask, go, cancel: () => setConfirming(null) };
}
