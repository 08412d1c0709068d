import { useId, type ReactNode } from 'react';
import type { MomentSummary } from '../../engine/moments';
import type { MomentChoice } from './useMomentList';
import './moments.css';

/** The moments panel of a lesson: a section named by its heading. */
export function MomentsSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel moments-panel" data-panel="moments" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
    </section>
  );
}

/** The "Keep as" name field and the "Keep this moment" button. */
export function KeepMomentForm({ name, onName, onKeep, busy }: {
  name: string;
  onName: (name: string) => void;
  onKeep: () => void;
  busy: boolean;
}) {
  const id = useId();
  return (
    <div className="buttons">
      <label htmlFor={`${id}-name`}>Keep as</label>
      <input id={`${id}-name`} type="text" value={name} onChange={(e) => onName(e.target.value)} size={32} />
      <button type="button" onClick={onKeep} disabled={busy}>Keep this moment</button>
    </div>
  );
}

/**
 * The kept moments, each with its facts (`details`), the lesson's own buttons (`actions`), Delete, and anything the
 * lesson shows under it (`below`). Nothing at all while none is kept.
 */
export function MomentList({ list, busy, onDelete, details, actions, below }: {
  list: MomentSummary[];
  busy: boolean;
  onDelete: (name: string) => void;
  details: (m: MomentSummary) => ReactNode;
  actions?: (m: MomentSummary) => ReactNode;
  below?: (m: MomentSummary) => ReactNode;
}) {
  if (list.length === 0) return null;
  return (
    <ul className="moment-list">
      {list.map((m) => (
        <li key={m.name}>
          <span className="moment-name">{m.name}</span>{' '}
          <span className="hint">({details(m)})</span>{' '}
          {actions && <>{actions(m)}{' '}</>}
          <button type="button" disabled={busy} aria-label={`Delete ${m.name}`} onClick={() => onDelete(m.name)}>Delete</button>
          {below?.(m)}
        </li>
      ))}
    </ul>
  );
}

/** A moment's "Go to" button (named "Go to <name>"). */
export function GoToMomentButton({ name, busy, onClick }: { name: string; busy: boolean; onClick: () => void }) {
  return <button type="button" disabled={busy} aria-label={`Go to ${name}`} onClick={onClick}>Go to</button>;
}

/** Asked before a Go to replaces a live run that is not kept: keep it first, replace it, or cancel. */
export function ReplaceLiveRunConfirm({ name, step, onKeepFirst, onReplace, onCancel }: {
  name: string;
  step: number;
  onKeepFirst: () => void;
  onReplace: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="moment-confirm" role="group" aria-label="The live run will be replaced">
      <p>Going to “{name}” replaces the live run (step {step.toLocaleString('en-US')}), which is not kept.</p>
      <button type="button" onClick={onKeepFirst}>Keep the live run, then go</button>{' '}
      <button type="button" onClick={onReplace}>Replace it</button>{' '}
      <button type="button" onClick={onCancel}>Cancel</button>
    </div>
  );
}

/** The Moment A / Moment B selects, then any further choices of the lesson (`children`). Nothing while none is kept. */
export function MomentChooser({ list, choice, onChoose, children }: {
  list: MomentSummary[];
  choice: MomentChoice;
  onChoose: (next: MomentChoice) => void;
  children?: ReactNode;
}) {
  if (list.length === 0) return null;
  return (
    <div className="moment-choose">
      {(['a', 'b'] as const).map((side) => (
        <label key={side}>
          Moment {side.toUpperCase()}{' '}
          <select value={choice[side]} onChange={(e) => onChoose({ ...choice, [side]: e.target.value })}>
            <option value="">choose…</option>
            {list.map((m) => <option key={m.name} value={m.name}>{m.name}</option>)}
          </select>
        </label>
      ))}
      {children}
    </div>
  );
}

/** The panel's message line, read out politely by screen readers. */
export function MomentMessage({ message }: { message: string | null }) {
  return message ? <p className="notice" aria-live="polite">{message}</p> : null;
}
