import { useEffect, useRef, useState } from 'react';
import { MNIST_PIXELS, MNIST_SIDE } from '../../data/mnist';
import type { AutoencoderTask } from '../../model/autoencoderTask';
import { encodeAndReconstruct } from '../../model/autoencoderReadout';
import { createDrawPad, type DrawPad } from '../../viz/drawPad';
import { createImageGrid, type ImageGrid } from '../../viz/imageGrid';
import { createCodeView, type CodeView } from '../../viz/codeBars';

/** Draw a digit and see what the current network makes of it: its 28×28 input, reconstruction and code. */
export function DrawPanel({ task }: { task: AutoencoderTask | null }) {
  const padHost = useRef<HTMLDivElement>(null);
  const seenHost = useRef<HTMLDivElement>(null);
  const codeHost = useRef<HTMLDivElement>(null);
  const pad = useRef<DrawPad | null>(null);
  const taskRef = useRef(task);
  const [hasInk, setHasInk] = useState(false);

  useEffect(() => {
    taskRef.current = task;
  }, [task]);

  useEffect(() => {
    const seen: ImageGrid = createImageGrid(seenHost.current!, { tileWidth: MNIST_SIDE, tileHeight: MNIST_SIDE, columns: 2, scale: 4, colormap: 'gray', normalize: 'fixed', range: [0, 1], label: 'Your digit as the network sees it (left) and its reconstruction (right)' });
    let code: CodeView | null = null;
    let codeSize = 0;
    let busy = false;
    let queued: Float32Array | null = null;
    const show = async (input: Float32Array) => {
      const t = taskRef.current;
      if (!t) return;
      if (busy) { queued = input; return; }
      busy = true;
      try {
        const out = await encodeAndReconstruct(t.model, input, MNIST_PIXELS);
        const both = new Float32Array(2 * MNIST_PIXELS);
        both.set(input, 0);
        both.set(out.reconstructions, MNIST_PIXELS);
        seen.update({ tiles: both, count: 2, description: 'Your drawing reduced to 28 by 28 pixels, and the autoencoder\u2019s reconstruction of it' });
        if (!code || codeSize !== out.codes.length) {
          code?.destroy();
          codeSize = out.codes.length;
          code = createCodeView(codeHost.current!, { columns: 10, cell: 14, label: 'Code of your digit' });
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
    pad.current = createDrawPad(padHost.current!, {
      size: 196,
      label: 'Drawing pad: draw a digit with the mouse, a pen or a finger',
      onChange: (input) => {
        setHasInk(input.some((v) => v > 0));
        void show(input);
      },
    });
    return () => {
      pad.current?.destroy();
      pad.current = null;
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
          <div ref={codeHost} className="grid-host" />
        </div>
      </div>
      <button type="button" onClick={() => pad.current?.clear()} disabled={!hasInk}>Clear drawing</button>
      <p className="hint">Your strokes are scaled to a 20-pixel box and centred by their centre of mass, as MNIST digits were.</p>
    </section>
  );
}
