import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import { handleShortcut, SHORTCUTS } from './shortcuts';
import { SpeakerNotesButton } from './SpeakerNotesButton';

/** Installs the app's keyboard shortcuts and mirrors presenter mode onto <html> (the stylesheet does the rest). */
export function useShortcutsAndPresenter(): void {
  const presenter = useAppStore((s) => s.presenter);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { handleShortcut(e); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
  }, [presenter]);
}

/** The header's button: presenter mode on and off (also `P`). */
export function PresenterButton() {
  const presenter = useAppStore((s) => s.presenter);
  const setPresenter = useAppStore((s) => s.setPresenter);
  const setHelp = useAppStore((s) => s.setShortcutsHelp);
  return (
    <span className="presenter-buttons">
      <button type="button" aria-pressed={presenter} onClick={() => setPresenter(!presenter)} title="Presenter mode (P)">Presenter mode</button>
      <SpeakerNotesButton />
      <button type="button" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">?</button>
    </span>
  );
}

/** The `?` list of shortcuts. */
export function ShortcutsHelp() {
  const open = useAppStore((s) => s.shortcutsHelp);
  const setHelp = useAppStore((s) => s.setShortcutsHelp);
  if (!open) return null;
  return (
    <div className="shortcuts-help" role="dialog" aria-modal="false" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => <tr key={s.keys}><th scope="row"><kbd>{s.keys}</kbd></th><td>{s.action}</td></tr>)}
        </tbody>
      </table>
      <p className="hint">Letters work without Ctrl or Alt. None of them fires while you type in a field, move a slider or work in a grid.</p>
      <button type="button" onClick={() => setHelp(false)}>Close</button>
    </div>
  );
}
