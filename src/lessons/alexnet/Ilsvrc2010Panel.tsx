/** Table 1 of Krizhevsky, Sutskever & Hinton (2012): error rates on the ILSVRC-2010 test set. */
export const ILSVRC2010_RESULTS = [
  { model: 'Sparse coding [2]', top1: 47.1, top5: 28.2, note: 'best entry of the ILSVRC-2010 competition' },
  { model: 'SIFT + FVs [24]', top1: 45.7, top5: 25.7, note: 'best result published after it' },
  { model: 'CNN', top1: 37.5, top5: 17.0, note: 'AlexNet' },
] as const;

/** Bars are drawn on a 0–50% scale so the three rows compare at a glance. */
const SCALE_MAX = 50;

function ErrorCell({ value, kind, own }: { value: number; kind: 'top1' | 'top5'; own: boolean }) {
  return (
    <td className={`error-cell ${kind}${own ? ' own' : ''}`}>
      <span className="value">{value.toFixed(1)}%</span>
      <span className="bar-track" aria-hidden="true"><span className="bar" style={{ width: `${(value / SCALE_MAX) * 100}%` }} /></span>
    </td>
  );
}

/** The lecture's results slide: the table, with each error rate drawn as a bar (lower is better). */
export function Ilsvrc2010Panel() {
  return (
    <section className="panel ilsvrc-panel" aria-labelledby="ilsvrc-title">
      <h3 id="ilsvrc-title">ILSVRC-2010 test set: error rates (lower is better)</h3>
      <table className="results ilsvrc-table">
        <caption>
          Krizhevsky, Sutskever &amp; Hinton (2012), <cite>ImageNet classification with deep convolutional neural
          networks</cite>, NIPS, Table 1. The first two rows are the best results achieved by others (italics in the paper).
          Bars run from 0 to {SCALE_MAX}%.
        </caption>
        <thead>
          <tr><th scope="col">Model</th><th scope="col">Top-1 error</th><th scope="col">Top-5 error</th></tr>
        </thead>
        <tbody>
          {ILSVRC2010_RESULTS.map((r) => {
            const own = r.model === 'CNN';
            return (
              <tr key={r.model} className={own ? 'own' : 'others'}>
                <th scope="row">{own ? <strong>{r.model}</strong> : <em>{r.model}</em>}<span className="row-note">{r.note}</span></th>
                <ErrorCell value={r.top1} kind="top1" own={own} />
                <ErrorCell value={r.top5} kind="top5" own={own} />
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">
        Top-5 error fell from 28.2% to 17.0% ({(28.2 - 17.0).toFixed(1)} points); top-1 from 47.1% to 37.5% ({(47.1 - 37.5).toFixed(1)} points).
      </p>
    </section>
  );
}
