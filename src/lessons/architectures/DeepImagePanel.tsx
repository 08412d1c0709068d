import { ARCHITECTURES } from './results';

/** Deep Image: no layer list is drawn (the numbers needed are not reproduced here), only what was claimed and what the organisers ruled. */
export function DeepImagePanel() {
  const entry = ARCHITECTURES.find((a) => a.key === 'deepimage')!;
  return (
    <section className="panel arch-deepimage" aria-labelledby="arch-deepimage-title">
      <h3 id="arch-deepimage-title">Deep Image (Baidu, 2015): claimed, then ruled not comparable</h3>
      <dl className="arch-facts">
        <dt>Paper</dt><dd>{entry.paper}</dd>
        <dt>What was new</dt><dd>{entry.whatWasNew}</dd>
        <dt>Claimed top-5 error</dt>
        <dd>5.98% (arXiv v1, January 2015), then 4.58% (v3, May 2015), on the ILSVRC-2012 test set through the organisers’ server.</dd>
        <dt>Ruling</dt><dd className="caveat">{entry.caveat}</dd>
        <dt>Depth and parameters</dt><dd>Not drawn or counted here: no layer list is reproduced in this lesson, so none is guessed.</dd>
      </dl>
    </section>
  );
}
