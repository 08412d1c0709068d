import { useMemo, useState } from 'react';
import { LessonFrame } from '../../app/LessonFrame';
import { ValueGrid } from '../../app/ValueGrid';
import { BackpropControls } from './Controls';
import { ConvBackView } from './ConvBackView';
import { CELL, ForwardView } from './ForwardView';
import { OutputErrors } from './OutputErrors';
import { PoolBackView } from './PoolBackView';
import { runBackprop } from './pipeline';
import { useBackpropSettings } from './settings';
import { BACKPROP_STEPS } from './steps';
import { CheckView, TfCheckLine } from './TfCheck';
import './backprop.css';

/** `#/backprop`: an error picked at the output flows back through pooling and a convolution, checked against tfjs. */
export default function BackpropLesson({ step }: { step: number }) {
  const index = Math.min(Math.max(step, 1), BACKPROP_STEPS.length) - 1;
  const { view, pooling } = BACKPROP_STEPS[index];
  const settings = useBackpropSettings(pooling);
  const key = JSON.stringify(settings);
  const r = useMemo(() => runBackprop(settings), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const [selected, setSelected] = useState({ y: 0, x: 0 });
  const side = r.output.width;
  const outCell = { y: Math.min(selected.y, side - 1), x: Math.min(selected.x, side - 1) };
  const onSelect = (y: number, x: number) => setSelected({ y, x });
  const outputPanel = <OutputErrors r={r} cell={outCell} onSelect={onSelect} />;

  return (
    <LessonFrame title="Backpropagation through pooling and convolution" steps={BACKPROP_STEPS} step={step}>
      <BackpropControls settings={settings} stepPooling={pooling} />
      {view === 'forward' && <ForwardView r={r} />}
      {view === 'error' && (
        <section className="panel" aria-label="The error at the output">
          <div className="bp-row">
            <figure>
              <ValueGrid values={r.output.data} height={side} width={side} cell={CELL} colormap="diverging" showNumbers label={`Output, ${side} by ${side}`} />
              <figcaption>out</figcaption>
            </figure>
            <figure>
              <ValueGrid values={r.dOutput.data} height={side} width={side} cell={CELL} colormap="diverging" showNumbers label="Gradient dJ/dout" />
              <figcaption>∂J/∂out</figcaption>
            </figure>
            <OutputErrors r={r} cell={outCell} onSelect={onSelect} full />
          </div>
        </section>
      )}
      {view === 'pool' && <PoolBackView r={r} outCell={outCell} outputPanel={outputPanel} />}
      {view === 'conv' && <ConvBackView r={r} outputPanel={outputPanel} />}
      {view === 'check' && <CheckView r={r} />}
      {view !== 'check' && <TfCheckLine r={r} />}
    </LessonFrame>
  );
}
