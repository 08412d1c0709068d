import { countParameters, countWeightLayers, NETWORK_SPECS, VGG19 } from './networks';
import { ARCHITECTURES, type Top5Claim } from './results';

const fmt = (n: number) => n.toLocaleString('en-US');

function Claim({ claim }: { claim: Top5Claim }) {
  return (
    <span className="claim">
      <strong>{claim.value}%</strong> {claim.set}, {claim.how} <cite>({claim.source})</cite>
    </span>
  );
}

/** Step 1: the seven networks side by side: computed depth and parameters beside the published ones, top-5 errors with sources. */
export function ComparisonTable() {
  return (
    <section className="panel arch-compare" aria-labelledby="arch-compare-title">
      <h3 id="arch-compare-title">Seven ImageNet networks, 2012–2015</h3>
      <div className="arch-table-scroll">
      <table className="results arch-table">
        <caption>
          <strong>Computed</strong>: depth (layers with weights) and parameters (weights + biases), counted from each layer list drawn in
          this lesson. <strong>Cited</strong>: everything else, from the paper or ILSVRC results named. Top-5 errors: “test” = ILSVRC test set, “val” = validation set.
        </caption>
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col">Depth: computed · published</th>
            <th scope="col">Parameters: computed · published</th>
            <th scope="col">ILSVRC top-5 error (cited)</th>
            <th scope="col">What was new</th>
          </tr>
        </thead>
        <tbody>
          {ARCHITECTURES.map((a) => {
            const spec = a.spec ? NETWORK_SPECS[a.spec] : null;
            const vgg = a.key === 'vgg';
            return (
              <tr key={a.key} data-network={a.key}>
                <th scope="row">{a.name}<span className="row-note">{a.paper}</span></th>
                <td>
                  {spec ? <span className="computed">{countWeightLayers(spec)}{vgg ? ` / ${countWeightLayers(VGG19)}` : ''}</span> : <span className="none">no layer list</span>}
                  {' · '}{a.publishedDepth ?? <span className="none">not published</span>}
                </td>
                <td>
                  {spec ? <span className="computed">{fmt(countParameters(spec))}{vgg ? ` / ${fmt(countParameters(VGG19))}` : ''}</span> : <span className="none">no layer list</span>}
                  {' · '}{a.publishedParameters ?? <span className="none">not published</span>}
                </td>
                <td className="errors">
                  {a.headline ? <Claim claim={a.headline} /> : <span className="none">not published</span>}
                  {a.others.map((c) => <Claim key={`${c.value}-${c.how}`} claim={c} />)}
                  {a.caveat && <span className="caveat">{a.caveat}</span>}
                </td>
                <td className="new">{a.whatWasNew}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </section>
  );
}
