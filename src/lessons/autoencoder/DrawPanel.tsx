import { useEffect, useRef, useState } from 'react';
import { MNIST_PIXELS, MNIST_SIDE } from '../../data/mnist';
import type { AutoencoderTask } from '../../model/autoencoderTask';
import { encodeAndReconstruct } from '../../model/autoencoderReadout';
import { createDrawPad, type DrawPad } from '../../viz/drawPad';
import { createImageGrid, type ImageGrid } from '../../viz/imageGrid';
import { createCodeView, type CodeView } from '../../viz/codeBars';
import { appStore } from '../../state/store';
import { MAIN_VIEW_ID } from './settings';
import { codeColumns } from './liveViews';

/** Least time between two re-runs of the drawing through a network that is training. */
const REDRAW_DRAWING_MS = 600;

/** Draw a digit and see what the current network makes of it: its 28×28 input, reconstruction and code. */
export function DrawPanel({ task }: { task: AutoencoderTask | null }) {
  const padHost = useRef<HTMLDivElement>(null);
  const seenHost = useRef<HTMLDivElement>(null);
  const codeHost = useRef<HTMLDivElement>(null);
  const pad = useRef<DrawPad | null>(null);
  const taskRef = useRef(task);
  const lastInput = useRef<Float32Array | null>(null);
  const showRef = useRef<((input: Float32Array) => Promise<void>) | null>(null);
  const [hasInk, setHasInk] = useState(false);

  // A rebuilt network (new size or seed) and a training network both change what the drawing turns into.
  useEffect(() => {
    taskRef.current = task;
    if (lastInput.current) void showRef.current?.(lastInput.current);
  }, [task]);
  useEffect(() => {
    let last = 0;
    return appStore.subscribe((s, prev) => {
      const now = performance.now();
      if (s.training[MAIN_VIEW_ID] === prev.training[MAIN_VIEW_ID] || now - last < REDRAW_DRAWING_MS || !lastInput.current) return;
      last = now;
      void showRef.current?.(lastInput.current);
    });
  }, []);

  useEffect(() => {
    const seen: ImageGrid = createImageGrid(seenHost.current!, { tileWidth: MNIST_SIDE, tileHeight: MNIST_SIDE, columns: 2, scale: 4, colormap: 'gray', normalize: 'fixed', range: [0, 1], label: 'Your digit as the network sees it (left) and its reconstruction (right)' });
    seen.update({ tiles: new Float32Array(2 * MNIST_PIXELS), count: 2, description: 'Nothing drawn yet' });
    let code: CodeView | null = null;
    let codeSize = 0;
    let busy = false;
    let destroyed = false;
    let queued: Float32Array | null = null;
    const show = async (input: Float32Array) => {
      const t = taskRef.current;
      if (!t || destroyed) return;
      if (busy) { queued = input; return; }
      busy = true;
      try {
        const out = await encodeAndReconstruct(t.model, input, MNIST_PIXELS);
        if (destroyed) return;
        const both = new Float32Array(2 * MNIST_PIXELS);
        both.set(input, 0);
        both.set(out.reconstructions, MNIST_PIXELS);
        seen.update({ tiles: both, count: 2, description: 'Your drawing reduced to 28 by 28 pixels, and the autoencoder\u2019s reconstruction of it' });
        if (!code || codeSize !== out.codes.length) {
          code?.destroy();
          codeSize = out.codes.length;
          code = createCodeView(codeHost.current!, { columns: codeColumns(codeSize), cell: Math.max(6, Math.floor(140 / codeColumns(codeSize))), label: 'Code of your digit' });
        }
        code.update(out.codes, `The ${out.codes.length}-number code of your drawing`);
      } catch {
        // The network was rebuilt while reading; the next stroke shows the new one.
      } finally {
        busy = false;
        const next = queued;
        queued = null;
        if (next) void show(next);
      }
    };
    showRef.current = show;
    pad.current = createDrawPad(padHost.current!, {
      size: 196,
      label: 'Drawing pad: draw a digit with the mouse, a pen or a finger',
      onChange: (input) => {
        const ink = input.some((v) => v > 0);
        lastInput.current = ink ? input : null;
        setHasInk(ink);
        void show(input);
      },
    });
    return () => {
      destroyed = true;
      pad.current?.destroy();
      pad.current = null;
      showRef.current = null;
      seen.destroy();
      code?.destroy();
    };
  }, []);

  return (
    <section className="panel draw-panel" data-panel="draw" aria-labelledby="ae-draw-title">
      <h3 id="ae-draw-title">Draw a digit</h3>
      <div className="draw-row">
        <div ref={padHost} className="pad-host" />
        <div>
          <div ref={seenHost} className="grid-host" />
          <p className="caption">as the network sees it · its reconstruction</p>
          <div ref={codeHost} className="grid-host" />
          {hasInk && <p className="caption">its code</p>}
        </div>
      </div>
      <button type="button" onClick={() => pad.current?.clear()} disabled={!hasInk}>Clear drawing</button>
      <p className="hint">Your strokes are scaled to a 20-pixel box and centred by their centre of mass, as MNIST digits were.</p>
    </section>
  );
}
