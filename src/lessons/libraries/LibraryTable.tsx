import { LIBRARIES } from './libraries';

function List({ items, none }: { items: string[]; none: string }) {
  if (!items.length) return <span className="lib-none">{none}</span>;
  return <ul>{items.map((i) => <li key={i}>{i}</li>)}</ul>;
}

/** Step 1: the six libraries side by side, the lecture's pros and cons, and what changed since, with sources. */
export function LibraryTable() {
  return (
    <section className="panel lib-table-panel lib-wide" aria-labelledby="lib-table-title">
      <h3 id="lib-table-title">The lecture’s six libraries (early 2017)</h3>
      <table className="lib-table">
        <thead>
          <tr>
            <th scope="col">Library</th>
            <th scope="col">Language · maintained by</th>
            <th scope="col">GPU</th>
            <th scope="col">Pretrained models</th>
            <th scope="col">Level of abstraction</th>
            <th scope="col">Lecture: pros</th>
            <th scope="col">Lecture: cons</th>
            <th scope="col">Since the lecture (2017)</th>
          </tr>
        </thead>
        <tbody>
          {LIBRARIES.map((lib) => (
            <tr key={lib.name}>
              <th scope="row">
                <span className="lib-name">{lib.name}</span>
                <span className="lib-kind">{lib.kind}</span>
              </th>
              <td data-label="Language · maintained by">{lib.language} · <span className="lib-maintainer">{lib.maintainer}</span></td>
              <td data-label="GPU">{lib.gpu}</td>
              <td data-label="Pretrained models">{lib.pretrained}</td>
              <td data-label="Level of abstraction">{lib.abstraction}</td>
              <td data-label="Lecture: pros" className="lib-pros"><List items={lib.lecturePros} none="—" /></td>
              <td data-label="Lecture: cons" className="lib-cons"><List items={lib.lectureCons} none="none listed" /></td>
              <td data-label="Since the lecture (2017)" className="lib-since">{lib.since ?? <span className="lib-none">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Pros and cons are the lecture’s own (X. Zhang, “Introduction of Deep Learning”, February 2017); the other
        columns add well-documented facts, sourced below. Where the lecture lists no disadvantage, none is invented here.
      </p>
      <details className="lib-sources" open>
        <summary>Sources</summary>
        <dl>
          {LIBRARIES.map((lib) => (
            <div key={lib.name}>
              <dt>{lib.name}</dt>
              {lib.sources.map((s) => (
                <dd key={s.label}><a href={s.href} target="_blank" rel="noreferrer">{s.label}</a></dd>
              ))}
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
