import { broadcastSupported, SPEAKER_NOTES_SLUG } from './speakerNotesSync';

/** What the last attempt to open the notes window has to tell the user (null: nothing). */
export interface OpenNotice { kind: 'blocked' | 'unsupported'; url: string }

let notice: OpenNotice | null = null;
const listeners = new Set<() => void>();

function setNotice(next: OpenNotice | null): void {
  notice = next;
  for (const l of listeners) l();
}

export function subscribeNotice(listener: () => void): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}
export const getNotice = (): OpenNotice | null => notice;
export const dismissNotice = (): void => setNotice(null);

/** The notes window's address: this page's origin and path, route `#/speaker-notes`. */
export function speakerNotesUrl(loc: Location = window.location): string {
  return `${loc.origin}${loc.pathname}#/${SPEAKER_NOTES_SLUG}`;
}

/** Opens (or brings back) the speaker-notes window; says so when the browser blocks it or cannot keep it in sync. */
export function openSpeakerNotes(win: Window = window): 'opened' | 'blocked' | 'unsupported' {
  const url = speakerNotesUrl(win.location);
  if (!broadcastSupported()) {
    setNotice({ kind: 'unsupported', url });
    return 'unsupported';
  }
  const opened = win.open(url, 'cnnlab-speaker-notes', 'popup,width=960,height=760');
  if (!opened) {
    setNotice({ kind: 'blocked', url });
    return 'blocked';
  }
  opened.focus();
  setNotice(null);
  return 'opened';
}
