import { INIT_RULE, RACE_ACTIVATIONS } from '../../model/raceNet';
import type { RaceSettings } from './settings';
import { ratioText, type RaceSummary } from './raceSummary';
import { RUN_STYLE } from './raceViews';

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** Where each run stands against the threshold, the measured ratio of epochs, and the paper's figure beside it. */
export function RaceResult({ summary, settings }: { summary: RaceSummary | null; settings: RaceSettings }) {
  const pct = Math.round(settings.threshold * 100);
  const ratio = ratioText(summary, settings.epochCap);
  const relu = summary?.crossings.relu ?? null;
  return (
    <section className="panel race-result" aria-label="Race result">
      <h3>Epochs to {pct}% training error</h3>
      <table className="race-table">
        <thead>
          <tr><th scope="col">run</th><th scope="col">initial conv weights</th><th scope="col">ε</th><th scope="col">training error now</th><th scope="col">epochs done</th><th scope="col">reached {pct}% at epoch</th><th scope="col">its time then</th><th scope="col">epochs ÷ ReLU&apos;s</th></tr>
        </thead>
        <tbody>
          {RACE_ACTIVATIONS.map((a) => {
            const run = summary?.runs[a];
            const c = summary?.crossings[a] ?? null;
            const capped = run && run.epoch >= settings.epochCap;
            return (
              <tr key={a}>
                <th scope="row"><span className="swatch" style={{ background: RUN_STYLE[a].color }} aria-hidden="true" /> {RUN_STYLE[a].label}</th>
                <td>{INIT_RULE[a]}</td>
                <td>{settings.learningRates[a]}</td>
                <td>{run ? `${(run.error * 100).toFixed(1)}%` : '…'}</td>
                <td>{run ? run.epoch.toFixed(2) : '0'}</td>
                <td>{c ? c.epoch.toFixed(2) : capped ? `not reached by epoch ${settings.epochCap}` : 'not yet'}</td>
                <td>{c ? seconds(c.ms) : '—'}</td>
                <td>{c && relu ? `${(c.epoch / relu.epoch).toFixed(2)}×` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className={`race-ratio${ratio.complete ? ' complete' : ''}`} aria-live="polite"><strong>Measured:</strong> {ratio.text}{relu ? ` (epochs to ${pct}%)` : ''}</p>
      <p className="race-paper">
        <strong>The paper:</strong> ReLU : tanh ≈ 1 : 6 — a four-layer convolutional network with ReLUs reached 25% training error on
        CIFAR-10 six times faster than the same network with tanh units, each with its own best learning rate and no regularisation
        (Krizhevsky, Sutskever &amp; Hinton 2012, Figure 1). It did not try sigmoid.
      </p>
      <p className="hint">
        Training error is counted on the last 2,000 training images each run saw, as it saw them (before
        learning from them), so it needs no extra passes. A run has reached the threshold once that window is full and its error is at or below it.
      </p>
    </section>
  );
}
