import { useEffect, useRef, useState } from 'react';
import type { LessonNotes } from '../notes/types';
import { isTypingTarget } from './LessonFrame';
import { loadNotes, notesForStep } from './speakerNotesData';
import { linkNotes, openChannel, type NotesCommand, type NotesLink, type ProjectorState } from './speakerNotesSync';
import './speakerNotes.css';

/** How long the notes window waits for a projector's answer before saying that none is open. */
const ANSWER_MS = 1000;

type Link = 'waiting' | 'connected' | 'silent' | 'gone' | 'unsupported';
type Loaded = { slug: string; notes: LessonNotes | null; error: string | null };

function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Keeps in touch with the projector window: its state, whether it answered, and a way to send commands. */
function useProjector(): { state: ProjectorState | null; link: Link; send: (c: NotesCommand) => void } {
  const [state, setState] = useState<ProjectorState | null>(null);
  const [link, setLink] = useState<Link>('waiting');
  const linkRef = useRef<NotesLink | null>(null);
  useEffect(() => {
    const channel = openChannel();
    if (!channel) {
      const t = setTimeout(() => setLink('unsupported'), 0);
      return () => clearTimeout(t);
    }
    let answered = false;
    let slug: string | null = null;
    const notes = linkNotes(channel, {
      state: (s) => { answered = true; slug = s.slug; setState(s); setLink('connected'); },
      gone: (left) => { if (left === slug) setLink('gone'); },
    });
    linkRef.current = notes;
    const timer = setTimeout(() => { if (!answered) setLink('silent'); }, ANSWER_MS);
    return () => { clearTimeout(timer); linkRef.current = null; notes.close(); };
  }, []);
  return { state, link, send: (c) => linkRef.current?.send(c) };
}

/** `#/speaker-notes`: the instructor's second window. It shows notes only; the projector shows only the lesson. */
export default function SpeakerNotesPage() {
  const { state, link, send } = useProjector();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [started, setStarted] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const slug = state?.slug ?? null;
  useEffect(() => {
    if (!slug) return;
    let live = true;
    loadNotes(slug).then(
      (notes) => { if (live) setLoaded({ slug, notes, error: null }); },
      (e: unknown) => { if (live) setLoaded({ slug, notes: null, error: e instanceof Error ? e.message : String(e) }); },
    );
    return () => { live = false; };
  }, [slug]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      if (e.key === 'ArrowRight') { e.preventDefault(); send({ kind: 'next' }); }
      if (e.key === 'ArrowLeft') { e.preventDefault(); send({ kind: 'previous' }); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    document.title = state ? `Notes · ${state.lessonTitle} · ${state.step}/${state.stepTitles.length}` : 'Speaker notes · CNN Lab';
  }, [state]);

  const times = (
    <p className="sn-clock">
      <span>Time <strong>{new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</strong></span>
      <span>Elapsed <strong>{clock(now - started)}</strong></span>
      <button type="button" onClick={() => { const t = Date.now(); setStarted(t); setNow(t); }}>Restart the clock</button>
    </p>
  );

  if (!state || link === 'unsupported') {
    return (
      <div className="speaker-notes">
        <header className="sn-top"><span className="sn-brand">CNN Lab · Speaker notes</span>{times}</header>
        <p className="sn-message" role="alert">
          {link === 'unsupported' && 'Notes windows are not supported here: this browser has no BroadcastChannel.'}
          {link === 'waiting' && 'Looking for the projector window…'}
          {link === 'silent' && 'No projector window answered. Open a lesson in the other window (same browser, same address); these notes follow it.'}
        </p>
      </div>
    );
  }

  const count = state.stepTitles.length;
  const index = Math.min(Math.max(state.step, 1), count) - 1;
  const title = state.stepTitles[index] ?? '';
  const notes = loaded?.slug === state.slug ? loaded.notes : null;
  const current = notes ? notesForStep(notes, index, title) : null;
  const nextTitle = index + 1 < count ? state.stepTitles[index + 1] : null;
  const next = notes && nextTitle ? notesForStep(notes, index + 1, nextTitle).entry : null;
  const t = state.training;
  const settings = Object.entries(state.params).map(([k, v]) => `${k}=${v}`).join(' · ');

  return (
    <div className="speaker-notes">
      <header className="sn-top">
        <span className="sn-brand">CNN Lab · Speaker notes</span>
        {times}
      </header>
      {t && (
        <p className="sn-training" aria-label="Training on the projector">
          Projector training ({t.status}): step {t.step} · loss {t.loss === null ? '—' : t.loss.toFixed(4)}
        </p>
      )}
      {link === 'gone' && <p className="sn-message" role="alert">The projector window left this lesson. Open a lesson there and these notes follow.</p>}
      <main className="sn-main">
        <p className="sn-lesson">{state.lessonTitle}</p>
        <h1><span className="sn-count">Step {index + 1} of {count}:</span> {title}</h1>
        {loaded?.slug === state.slug && loaded.error && <p className="sn-message" role="alert">The notes could not be loaded: {loaded.error}</p>}
        {loaded?.slug === state.slug && !loaded.error && !notes && <p className="sn-message">This lesson has no speaker notes yet.</p>}
        {current?.entry && (
          <>
            {!current.matches && <p className="sn-message">These notes were written for “{current.entry.title}”.</p>}
            <ul className="sn-points">{current.entry.points.map((p) => <li key={p}>{p}</li>)}</ul>
            {current.entry.numbers.length > 0 && (
              <section className="sn-numbers" aria-label="The lecture's numbers">
                <h2>Numbers</h2>
                <dl>{current.entry.numbers.map((n) => <div key={n.value}><dt>{n.value}</dt><dd>{n.source}</dd></div>)}</dl>
              </section>
            )}
          </>
        )}
        <section className="sn-next" aria-label="Next">
          <h2>Next</h2>
          {nextTitle
            ? <p><strong>{index + 2}. {nextTitle}</strong>{next?.points[0] && <><br /><span className="sn-muted">{next.points[0]}</span></>}</p>
            : <p className="sn-muted">This is the last step of the lesson.</p>}
        </section>
        {settings && <p className="sn-muted">Settings in the projector&apos;s address: <code>{settings}</code></p>}
      </main>
      <nav className="sn-nav" aria-label="Drive the projector">
        <button type="button" onClick={() => send({ kind: 'previous' })} disabled={index === 0}>← Previous</button>
        <ol className="sn-outline">
          {state.stepTitles.map((s, i) => (
            <li key={s}>
              <button type="button" aria-current={i === index ? 'step' : undefined} onClick={() => send({ kind: 'goto', step: i + 1 })} title={s} aria-label={`${i + 1}. ${s}`}>{i + 1}</button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => send({ kind: 'next' })} disabled={index === count - 1}>Next →</button>
      </nav>
    </div>
  );
}
