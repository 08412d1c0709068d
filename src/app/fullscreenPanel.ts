/** The class that shows one panel over the whole window (presenter's `F`). */
export const FULLSCREEN_CLASS = 'panel-fullscreen';

function visiblePanel(doc: Document): HTMLElement | null {
  const panels = Array.from(doc.querySelectorAll<HTMLElement>('.lesson-views .panel'));
  const focused = doc.activeElement instanceof HTMLElement ? panels.find((p) => p.contains(doc.activeElement)) : undefined;
  if (focused) return focused;
  // Otherwise the first panel whose top is on screen (or the last one that starts above it).
  let candidate: HTMLElement | null = null;
  for (const p of panels) {
    const top = p.getBoundingClientRect().top;
    if (top >= 0) return candidate && top > (doc.defaultView?.innerHeight ?? 800) / 2 ? candidate : p;
    candidate = p;
  }
  return candidate;
}

export function fullscreenPanel(doc: Document = document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(`.${FULLSCREEN_CLASS}`);
}

/** Closes the full-screen panel; false when none was open. */
export function closeFullscreenPanel(doc: Document = document): boolean {
  const open = fullscreenPanel(doc);
  if (!open) return false;
  open.classList.remove(FULLSCREEN_CLASS);
  doc.body.classList.remove('has-fullscreen-panel');
  return true;
}

/** Shows the panel that has focus (or the one on screen) over the whole window, or closes it if one is open. */
export function toggleFullscreenPanel(doc: Document = document): boolean {
  if (closeFullscreenPanel(doc)) return false;
  const panel = visiblePanel(doc);
  if (!panel) return false;
  panel.classList.add(FULLSCREEN_CLASS);
  doc.body.classList.add('has-fullscreen-panel');
  panel.scrollTop = 0;
  // Charts follow their container's width; tell the ones that listen to the window too.
  doc.defaultView?.dispatchEvent(new Event('resize'));
  return true;
}
