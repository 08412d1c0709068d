import { useCallback, useMemo } from 'react';
import { updateParams } from '../../app/navigation';
import { useAppStore } from '../../state/store';
import { ALEXNET_MOMENTUM, logisticLossAndGrad, quadraticGrad, quadraticLoss, type Quadratic } from '../../math/gradientDescent';
import { sampleGrid } from '../../viz/contourPlot';
import { formatValue } from '../../viz/formatValue';
import { useClassifierStore } from './classifierStore';
import { DescentPanel } from './DescentPanel';
import { readLearningRate } from './descent';

/** The ill-conditioned bowl: curvature 25 times larger along y than along x. */
export const BOWL: Quadratic = { a: 1, b: 25 };
const BOWL_X: [number, number] = [-9, 9];
const BOWL_Y: [number, number] = [-6, 6];
const BOWL_AXES: [string, string] = ['x', 'y'];
const BOWL_START = [-8, 4];
const BOWL_LR = 0.03;
const WEIGHTS_DOMAIN: [number, number] = [-6, 6];
const WEIGHT_AXES: [string, string] = ['w1', 'w2'];
const CLASSIFIER_LR = 0.5;
const GRID_CELLS = 60;

/** Step 4: gradient descent on the step-2 classifier's loss and on an ill-conditioned quadratic, plain or with momentum. */
export function DescentExplorer() {
  const params = useAppStore((s) => s.route.params);
  const momentum = params.momentum === '1';
  const lr = readLearningRate(params.lr, CLASSIFIER_LR);
  const qlr = readLearningRate(params.qlr, BOWL_LR);
  const points = useClassifierStore((s) => s.points);
  const binary = useClassifierStore((s) => s.binary);
  const bias = binary.b;

  const twoClass = useMemo(() => points.filter((p) => p.label < 2), [points]);
  const classifierLoss = useCallback((w: number[]) => logisticLossAndGrad(twoClass, w, bias).loss, [twoClass, bias]);
  const classifierGrad = useCallback((w: number[]) => logisticLossAndGrad(twoClass, w, bias).gradW, [twoClass, bias]);
  const classifierGrid = useMemo(() => sampleGrid((a, c) => classifierLoss([a, c]), WEIGHTS_DOMAIN, WEIGHTS_DOMAIN, GRID_CELLS, GRID_CELLS), [classifierLoss]);
  const classifierMarkers = useMemo(() => [{ x: binary.w[0], y: binary.w[1], label: 'step 2' }], [binary]);
  const classifierStart = useMemo(() => [binary.w[0], binary.w[1]], [binary]);

  const bowlLoss = useCallback((p: number[]) => quadraticLoss(p, BOWL), []);
  const bowlGrad = useCallback((p: number[]) => quadraticGrad(p, BOWL), []);
  const bowlGrid = useMemo(() => sampleGrid((x, y) => quadraticLoss([x, y], BOWL), BOWL_X, BOWL_Y, GRID_CELLS, GRID_CELLS), []);
  const bowlMarkers = useMemo(() => [{ x: 0, y: 0, label: 'minimum' }], []);

  return (
    <div className="nn-descent-wrap">
      <fieldset className="mode-toggle nn-momentum">
        <legend>Update rule (both plots)</legend>
        <label><input type="radio" name="nn-momentum" checked={!momentum} onChange={() => updateParams({ momentum: null })} /> plain: w ← w − ε·∇L</label>
        <label><input type="radio" name="nn-momentum" checked={momentum} onChange={() => updateParams({ momentum: '1' })} /> momentum (the lecture&apos;s rule, μ = {ALEXNET_MOMENTUM.momentum}, weight decay {ALEXNET_MOMENTUM.weightDecay})</label>
      </fieldset>
      <div className="nn-descent-grid">
        <DescentPanel title="(a) The step-2 classifier's loss over w1, w2" id="classifier" loss={classifierLoss} grad={classifierGrad} grid={classifierGrid}
          xDomain={WEIGHTS_DOMAIN} yDomain={WEIGHTS_DOMAIN} axes={WEIGHT_AXES} vectorName="w" defaultStart={classifierStart} markers={classifierMarkers}
          lr={lr} onLr={(v) => updateParams({ lr: String(v) })} momentum={momentum} />
        <DescentPanel title={`(b) A narrow valley: L = ½(${BOWL.a}·x² + ${BOWL.b}·y²)`} id="valley" loss={bowlLoss} grad={bowlGrad} grid={bowlGrid}
          xDomain={BOWL_X} yDomain={BOWL_Y} axes={BOWL_AXES} vectorName="p" defaultStart={BOWL_START} markers={bowlMarkers}
          lr={qlr} onLr={(v) => updateParams({ qlr: String(v) })} momentum={momentum} />
      </div>
      <p className="hint">
        (a) uses the {twoClass.length} class-A and class-B points of step 2 with b fixed at {formatValue(bias)}; change them there and this surface changes.
        {' '}Plain gradient descent on (b) is stable only for ε &lt; 2/{BOWL.b} = {formatValue(2 / BOWL.b)} (the steep direction&apos;s curvature is {BOWL.b});
        with momentum μ = {ALEXNET_MOMENTUM.momentum} and weight decay λ = {ALEXNET_MOMENTUM.weightDecay}, for ε &lt; 2(1 + μ)/({BOWL.b} + λ) = {formatValue((2 * (1 + ALEXNET_MOMENTUM.momentum)) / (BOWL.b + ALEXNET_MOMENTUM.weightDecay))}.
      </p>
    </div>
  );
}
