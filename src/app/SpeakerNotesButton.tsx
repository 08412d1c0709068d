import { useSyncExternalStore } from 'react';
import { dismissNotice, getNotice, openSpeakerNotes, subscribeNotice } from './speakerNotesOpen';
import './speakerNotes.css';

/** The header's "Speaker notes" button (also `N`), and what it says when the window cannot open. */
export function SpeakerNotesButton() {
  const notice = useSyncExternalStore(subscribeNotice, getNotice, getNotice);
  return (
    <>
      <button type="button" onClick={() => openSpeakerNotes()} title="Speaker notes in a second window (N)">Speaker notes</button>
      {notice && (
        <span className="sn-notice" role="alert">
          {notice.kind === 'blocked'
            ? <>The browser blocked the notes window. Allow pop-ups for this site, or open <a href={notice.url} target="cnnlab-speaker-notes">the speaker notes</a> in a new window yourself.</>
            : <>Notes windows are not supported here: this browser has no BroadcastChannel to keep two windows in sync.</>}
          {' '}<button type="button" onClick={dismissNotice}>Dismiss</button>
        </span>
      )}
    </>
  );
}
