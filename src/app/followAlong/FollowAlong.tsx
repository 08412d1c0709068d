import { lazy, Suspense } from 'react';
import { useAppStore } from '../../state/store';
import './followAlong.css';

const FollowAlongPanel = lazy(() => import('./FollowAlongPanel'));

/** The header's button: the follow-along dialog on and off (also `L`). */
export function FollowAlongButton() {
  const open = useAppStore((s) => s.followAlong);
  const setOpen = useAppStore((s) => s.setFollowAlong);
  return (
    <button type="button" className="follow-toggle" aria-pressed={open} onClick={() => setOpen(!open)} title="A QR code of this view for students' devices (L)">Follow along</button>
  );
}

/** The current view's link, as a QR code and as text, for students to open on their own devices. */
export function FollowAlongDialog() {
  const open = useAppStore((s) => s.followAlong);
  if (!open) return null;
  return <Suspense fallback={null}><FollowAlongPanel /></Suspense>;
}
