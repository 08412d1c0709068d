import { useEffect, useMemo, useRef, useState } from 'react';
import { ACTIVATION_NAMES, ACTIVATIONS, saturatedIntervals, type ActivationName } from '../../math/activations';
import { createFunctionPlot, type FunctionPlot } from '../../viz/functionPlot';
import { formatValue } from '../../viz/formatValue';
import { fmt } from './network';

const X_DOMAIN: [number, number] = [-6, 6];
/** A unit counts as saturated where |f′| is below this fraction of its largest |f′|. */
const SATURATION_FRACTION = 0.1;
/** Depths for the "gradient after k layers" table. */
const DEPTHS = [1, 2, 5, 10];

function FunctionPanel({ name, at, onHover }: { name: ActivationName; at: number; onHover: (x: number) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<FunctionPlot | null>(null);
  const hoverRef = useRef(onHover);
  useEffect(() => { hoverRef.current = onHover; }, [onHover]);
  useEffect(() => {
    if (!host.current) return;
    const a = ACTIVATIONS[name];
    const sat = saturatedIntervals(a.df, X_DOMAIN[0], X_DOMAIN[1], SATURATION_FRACTION);
    const p = createFunctionPlot(host.current, { title: a.label, f: a.f, df: a.df, xDomain: X_DOMAIN, shaded: sat.intervals, onHover: (x) => hoverRef.current(x) });
    plot.current = p;
    return () => { p.destroy(); plot.current = null; };
  }, [name]);
  useEffect(() => { plot.current?.update(at); }, [at]);
  return <div className="nn-function" ref={host} data-testid={`plot-${name}`} />;
}

/** Step 3: sigmoid, tanh and ReLU with their derivatives, the saturated inputs shaded, values at a chosen x. */
export function TransferExplorer() {
  const [at, setAt] = useState(2);
  const info = useMemo(() => ACTIVATION_NAMES.map((name) => {
    const a = ACTIVATIONS[name];
    return { name, a, sat: saturatedIntervals(a.df, X_DOMAIN[0], X_DOMAIN[1], SATURATION_FRACTION) };
  }), []);
  const rounded = Math.round(at * 100) / 100;
  return (
    <section className="panel nn-transfer" aria-label="Transfer functions">
      <div className="nn-function-row">
        {info.map(({ name }) => <FunctionPanel key={name} name={name} at={rounded} onHover={setAt} />)}
      </div>
      <label className="nn-slider nn-x-slider">
        <span>x = {fmt(rounded)}</span>
        <input type="range" aria-label="input x" min={X_DOMAIN[0]} max={X_DOMAIN[1]} step={0.05} value={rounded} onChange={(e) => setAt(Number(e.target.value))} />
      </label>
      <p className="hint">Shaded: inputs where |f′| &lt; {SATURATION_FRACTION} × its largest value — the unit is saturated (or, for ReLU, off).</p>
      <div className="nn-table-scroll">
      <table className="results nn-values" aria-label={`Values at x = ${fmt(rounded)}`}>
        <thead>
          <tr><th scope="col">function</th><th scope="col">f(x)</th><th scope="col">f′(x)</th><th scope="col">max f′</th><th scope="col">saturated?</th></tr>
        </thead>
        <tbody>
          {info.map(({ name, a, sat }) => {
            const d = a.df(rounded);
            return (
              <tr key={name}>
                <th scope="row">{a.label}</th>
                <td data-testid={`f-${name}`}>{a.f(rounded).toFixed(4)}</td>
                <td data-testid={`df-${name}`}>{d.toFixed(4)}</td>
                <td>{formatValue(sat.maxDerivative)}</td>
                <td>{Math.abs(d) < sat.threshold ? 'yes' : 'no'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      <div className="nn-table-scroll">
      <table className="results nn-depth">
        <caption>Largest factor a gradient can keep after passing k units of one kind (max f′ to the power k)</caption>
        <thead><tr><th scope="col">k layers</th>{info.map(({ name, a }) => <th key={name} scope="col">{a.label}</th>)}</tr></thead>
        <tbody>
          {DEPTHS.map((k) => (
            <tr key={k}><th scope="row">{k}</th>{info.map(({ name, sat }) => <td key={name}>{formatValue(sat.maxDerivative ** k)}</td>)}</tr>
          ))}
          <tr><th scope="row">5, all at this x</th>{info.map(({ name, a }) => <td key={name}>{formatValue(Math.abs(a.df(rounded)) ** 5)}</td>)}</tr>
        </tbody>
      </table>
      </div>
    </section>
  );
}
