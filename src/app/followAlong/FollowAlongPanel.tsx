import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../state/store';
import { checkHost, followLink } from './followLink';
import { fetchLanOrigins, rememberedHost, rememberHost } from './hostChoice';
import { QrCode } from './QrCode';

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The dialog's content; its own chunk (with the QR encoder), loaded the first time the dialog opens. */
export default function FollowAlongPanel() {
  const setOpen = useAppStore((s) => s.setFollowAlong);
  const route = useAppStore((s) => s.route);
  const seed = useAppStore((s) => s.seedInUse);
  const origin = window.location.origin;
  const [chosen, setChosen] = useState<string | null>(() => rememberedHost(localStore()));
  const [lan, setLan] = useState<string[] | null>(null);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [copyNote, setCopyNote] = useState('');
  const dialogRef = useRef<HTMLDivElement>(null);
  const linkRef = useRef<HTMLElement>(null);

  useEffect(() => {
    dialogRef.current?.focus();
    let live = true;
    fetchLanOrigins(document.baseURI, window.location.protocol).then((found) => { if (live) setLan(found); });
    return () => { live = false; };
  }, []);

  const host = chosen ?? origin;
  const link = followLink(host, window.location.pathname, route, seed);
  const choices = [origin, ...(lan ?? []).filter((h) => h !== origin)];
  if (chosen && !choices.includes(chosen)) choices.push(chosen);
  const loopbackOnly = /^(localhost|127\.|\[::1\])/.test(window.location.host) && lan !== null && lan.length === 0;

  const choose = (h: string) => {
    const next = h === origin ? null : h;
    setChosen(next);
    rememberHost(localStore(), next);
    setCopyNote('');
  };
  const applyTyped = () => {
    const check = checkHost(typed);
    if (!check.ok) { setTypedError(check.message); return; }
    setTypedError(null);
    setTyped('');
    choose(check.host);
  };
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setCopyNote('Link copied.');
    } catch {
      const el = linkRef.current;
      if (el) window.getSelection()?.selectAllChildren(el);
      setCopyNote('This browser did not let the page copy. The link is selected: press Ctrl+C (⌘C on a Mac).');
    }
  };

  return (
    <div
      ref={dialogRef}
      className="follow-along"
      role="dialog"
      aria-modal="false"
      aria-labelledby="follow-title"
      tabIndex={-1}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); setOpen(false); } }}
    >
      <div className="follow-qr-column"><QrCode text={link} label="QR code of the link shown beside it" /></div>
      <div className="follow-info">
        <h2 id="follow-title">Follow along</h2>
        <p className="follow-lead">Scan to open this view, with the same step, seed and settings, on your own device.</p>
        <p className="follow-link"><code ref={linkRef} data-follow-link="">{link}</code></p>
        <p className="follow-copy">
          <button type="button" onClick={() => { void copy(); }}>Copy link</button>
          <span aria-live="polite" className="follow-copy-note">{copyNote}</span>
        </p>
        <fieldset className="follow-hosts">
          <legend>Address students open</legend>
          {choices.map((h) => (
            <label key={h}>
              <input type="radio" name="follow-host" checked={h === host} onChange={() => choose(h)} />{' '}
              <code>{h}</code> {h === origin ? '(this page)' : (lan ?? []).includes(h) ? '(this machine on the network)' : '(typed)'}
            </label>
          ))}
          {lan === null && <p className="hint">Asking the server for its network addresses…</p>}
          {loopbackOnly && (
            <p className="hint">
              This page is served to this computer only, so other devices cannot open {origin}. Serve it on the network
              with <code>npm run start:lan</code>, or type an address students can reach.
            </p>
          )}
          <form className="follow-typed" onSubmit={(e) => { e.preventDefault(); applyTyped(); }}>
            <label>
              Another address{' '}
              <input
                type="text"
                inputMode="url"
                spellCheck={false}
                placeholder="http://192.168.1.20:4173"
                value={typed}
                aria-invalid={typedError ? true : undefined}
                aria-describedby={typedError ? 'follow-host-error' : undefined}
                onChange={(e) => setTyped(e.target.value)}
              />
            </label>{' '}
            <button type="submit">Use this address</button>
            {typedError && <p id="follow-host-error" className="follow-error" role="alert">{typedError}</p>}
          </form>
        </fieldset>
        <button type="button" className="follow-close" onClick={() => setOpen(false)}>Close</button>
      </div>
    </div>
  );
}
