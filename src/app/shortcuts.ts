import { appStore } from '../state/store';
import { closeFullscreenPanel, toggleFullscreenPanel } from './fullscreenPanel';
import { isTypingTarget } from './LessonFrame';
import { openSpeakerNotes } from './speakerNotesOpen';
import { SPEAKER_NOTES_SLUG } from './speakerNotesSync';
import { activeTrainingActions } from './trainingActions';

/** The live-demo keys, as the `?` help lists them (←/→ are handled by the lesson frame). */
export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'Space', action: 'Train / Pause' },
  { keys: 'S', action: 'Step: one batch' },
  { keys: 'R', action: 'Reset the network' },
  { keys: '← / →', action: 'Previous / next step of the lesson' },
  { keys: 'P', action: 'Presenter mode on / off' },
  { keys: 'F', action: 'Show the panel in focus (or on screen) full-screen' },
  { keys: 'N', action: 'Speaker notes in a second window' },
  { keys: 'L', action: 'Follow along: QR code and link of this view' },
  { keys: 'A', action: 'Annotate: pen and highlighter over the lesson on / off' },
  { keys: 'Esc', action: 'Close the full-screen panel or a dialog, leave annotate mode, then presenter mode' },
  { keys: '?', action: 'Show / hide this list' },
];

/** Elements whose own Space action (click, toggle) must not also start training. */
function spaceHasOwnAction(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return !!target.closest('button, a[href], summary, [role="button"], [role="checkbox"], [role="radio"], [role="tab"], [role="option"]');
}

/** Inside an editable grid or a focusable plot, letters and arrows belong to it. */
function inWidget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('[role="grid"], [role="application"]');
}

/**
 * Handles one keydown for the whole app. Letters work without modifiers; nothing fires while typing in an input,
 * a slider, a select or an editable grid, or when a widget already handled the key. Returns whether it acted.
 */
export function handleShortcut(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return false;
  if (isTypingTarget(e.target)) return false;
  const state = appStore.getState();
  if (e.key === 'Escape') {
    if (closeFullscreenPanel()) return done(e);
    if (state.shortcutsHelp) { state.setShortcutsHelp(false); return done(e); }
    if (state.followAlong) { state.setFollowAlong(false); return done(e); }
    if (state.annotate) { state.setAnnotate(false); return done(e); }
    if (state.presenter) { state.setPresenter(false); return done(e); }
    return false;
  }
  if (e.key === '?') { state.setShortcutsHelp(!state.shortcutsHelp); return done(e); }
  if (inWidget(e.target)) return false;
  const training = activeTrainingActions();
  switch (e.key) {
    case ' ':
      if (spaceHasOwnAction(e.target) || !training) return false;
      training.toggle();
      return done(e);
    case 's': case 'S':
      if (!training) return false;
      training.step();
      return done(e);
    case 'r': case 'R':
      if (!training) return false;
      training.reset();
      return done(e);
    case 'p': case 'P':
      state.setPresenter(!state.presenter);
      return done(e);
    case 'n': case 'N':
      if (state.route.slug === SPEAKER_NOTES_SLUG) return false;
      openSpeakerNotes();
      return done(e);
    case 'f': case 'F':
      toggleFullscreenPanel();
      return done(e);
    case 'l': case 'L':
      state.setFollowAlong(!state.followAlong);
      return done(e);
    case 'a': case 'A':
      // Only over a lesson (its frame hosts the drawing canvas).
      if (!state.annotate && !document.querySelector('.annotate-canvas')) return false;
      state.setAnnotate(!state.annotate);
      return done(e);
    default:
      return false;
  }
}

function done(e: KeyboardEvent): boolean {
  e.preventDefault();
  return true;
}
