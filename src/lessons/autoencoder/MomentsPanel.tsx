import { defaultMomentName, loadMoment, saveMoment, type Moment } from '../../engine/moments';
import { formatLoss } from '../../engine/format';
import { useAppStore } from '../../state/store';
import { GoToMomentButton, KeepMomentForm, MomentChooser, MomentList, MomentMessage, MomentsSection, ReplaceLiveRunConfirm } from '../../app/moments/MomentPieces';
import { useMomentGoTo } from '../../app/moments/useMomentGoTo';
import { useMomentList } from '../../app/moments/useMomentList';
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

  const going = useMomentGoTo({
    list, step, whileBusy, setMessage, goTo,
    problem: (m) => momentMismatch(m, hiddenSize),
    load: (key) => loadMoment(MOMENT_LESSON, key),
    keepLive: async () => (await keep(defaultName)).name,
    afterword: () => 'Train goes on from there.',
  });

  return (
    <MomentsSection title="Moments: keep this run, compare two">
      <KeepMomentForm name={moments.name} onName={moments.setTyped} onKeep={() => void save()} busy={busy} />
      <p className="hint">Kept in this browser (IndexedDB): the weights, the step and loss, the seed, the settings and the lesson step.</p>
      <MomentList
        list={list}
        busy={busy}
        onDelete={(key) => void whileBusy(() => moments.remove(key))}
        details={(m) => `step ${m.step.toLocaleString('en-US')}, ${m.epoch.toFixed(2)} epochs, loss ${m.loss === null ? '–' : formatLoss(m.loss)}, ${momentHiddenSize(m)} hidden units, seed ${m.seed}`}
        actions={(m) => <GoToMomentButton name={m.name} busy={busy} onClick={() => going.ask(m.name)} />}
        below={(m) => going.confirming === m.name && (
          <ReplaceLiveRunConfirm name={m.name} step={step} onKeepFirst={() => void going.go(m.name, true)} onReplace={() => void going.go(m.name, false)} onCancel={going.cancel} />
        )}
      />
      <MomentChooser list={list} choice={moments.choice} onChoose={(next) => void moments.compare(next)} />
      <MomentMessage message={moments.message} />
      {pair && <MomentCompare a={pair.a} b={pair.b} digits={digits} labels={labels} />}
    </MomentsSection>
  );
}
