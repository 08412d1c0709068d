import { useEffect, useRef, useState, useSyncExternalStore, type PointerEvent as ReactPointerEvent } from 'react';
import { useAppStore } from '../../state/store';
import { canvasSize, drawStrokes } from './draw';
import { ANNOTATION_COLOURS, annotations, type Point, type Tool } from './strokes';
import './annotate.css';

const subscribe = (l: () => void) => annotations.subscribe(l);
const strokeCount = () => annotations.count;

/** The header's button: annotate mode on and off (also `A`). */
export function AnnotateButton() {
  const on = useAppStore((s) => s.annotate);
  const setOn = useAppStore((s) => s.setAnnotate);
  return <button type="button" className="annotate-toggle" aria-pressed={on} onClick={() => setOn(!on)} title="Draw over the lesson with a pen or highlighter (A)">Annotate</button>;
}

/**
 * A transparent canvas over the lesson (mounted in `.lesson-body`). In annotate mode it takes mouse, touch and
 * pen input and shows a tool bar; otherwise the drawing stays visible and every click goes through to the lesson.
 * Strokes belong to the current step: changing the step or the lesson clears them.
 */
export function AnnotateOverlay() {
  const on = useAppStore((s) => s.annotate);
  const setOn = useAppStore((s) => s.setAnnotate);
  const slug = useAppStore((s) => s.route.slug);
  const step = useAppStore((s) => s.route.step);
  const count = useSyncExternalStore(subscribe, strokeCount);
  const [tool, setTool] = useState<Tool>('pen');
  const [colour, setColour] = useState(ANNOTATION_COLOURS[0].value);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawingPointer = useRef<number | null>(null);

  useEffect(() => { annotations.showView(`${slug}/${step}`); }, [slug, step]);

  // Size the canvas to the lesson (device pixels) and redraw on resize, zoom and every change of the strokes.
  useEffect(() => {
    const canvas = canvasRef.current;
    const host = canvas?.parentElement;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !host || !ctx) return;
    let scale = 1;
    let frame = 0;
    const redraw = () => { frame = 0; drawStrokes(ctx, annotations.strokes, scale); };
    const schedule = () => { if (!frame) frame = requestAnimationFrame(redraw); };
    const resize = () => {
      const size = canvasSize(host.clientWidth, host.clientHeight, window.devicePixelRatio || 1);
      if (canvas.width !== size.width || canvas.height !== size.height) { canvas.width = size.width; canvas.height = size.height; }
      scale = size.scale;
      redraw();
    };
    resize();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(host);
    window.addEventListener('resize', resize);
    const stop = annotations.subscribe(schedule);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', resize);
      stop();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  const pointAt = (el: HTMLElement, e: { clientX: number; clientY: number }): Point => {
    const rect = el.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const onDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (!on || (e.pointerType === 'mouse' && e.button !== 0) || drawingPointer.current !== null) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawingPointer.current = e.pointerId;
    annotations.begin(tool, colour, pointAt(e.currentTarget, e));
  };
  const onMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.pointerId !== drawingPointer.current) return;
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const c of events.length ? events : [e.nativeEvent]) annotations.extend(pointAt(e.currentTarget, c));
  };
  const onUp = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.pointerId !== drawingPointer.current) return;
    drawingPointer.current = null;
    annotations.end();
  };

  return (
    <>
      <canvas
        ref={canvasRef}
        className={on ? 'annotate-canvas annotate-on' : 'annotate-canvas'}
        aria-hidden="true"
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
        onLostPointerCapture={onUp}
      />
      {on && (
        <div className="annotate-toolbar" role="toolbar" aria-label="Annotation tools">
          <button type="button" aria-pressed={tool === 'pen'} onClick={() => setTool('pen')}>Pen</button>
          <button type="button" aria-pressed={tool === 'highlighter'} onClick={() => setTool('highlighter')}>Highlighter</button>
          <span className="annotate-colours">
            {ANNOTATION_COLOURS.map((c) => (
              <button key={c.value} type="button" aria-pressed={colour === c.value} aria-label={c.name} title={c.name} onClick={() => setColour(c.value)}>
                <span className="annotate-swatch" style={{ background: c.value }} />
              </button>
            ))}
          </span>
          <button type="button" onClick={() => annotations.undo()} disabled={count === 0}>Undo</button>
          <button type="button" onClick={() => annotations.clear()} disabled={count === 0}>Clear</button>
          <button type="button" onClick={() => setOn(false)} title="Leave annotate mode (A or Esc)">Done</button>
        </div>
      )}
    </>
  );
}
