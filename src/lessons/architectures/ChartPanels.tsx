import { useMemo } from 'react';
import type { ChartPoint, ScatterOptions } from './charts';
import { countParameters, countWeightLayers, describeNetwork, NETWORK_SPECS, OVERFEAT } from './networks';
import { ARCHITECTURES } from './results';
import { ScatterChart } from './useScatterChart';

const ERROR_OPTIONS: ScatterOptions = {
  label: 'ILSVRC top-5 test error by year, lower is better',
  xLabel: 'ILSVRC year', yLabel: 'top-5 test error (%)',
  xDomain: [2011.6, 2015.5], yDomain: [0, 18], xTicks: [2012, 2013, 2014, 2015], xFormat: (v) => String(v), line: true,
};

/** Top-5 test error of each headline entry by ILSVRC year; Deep Image's claim as an open circle. */
export function ErrorChartPanel() {
  const points = useMemo<ChartPoint[]>(() => ARCHITECTURES.filter((a) => a.headline && a.year).map((a) => ({
    x: a.year!, y: a.headline!.value, hollow: Boolean(a.caveat),
    label: `${a.name.split(' /')[0]} ${a.headline!.value}%${a.caveat ? ' (claimed, not comparable)' : ''}`,
    dy: a.key === 'googlenet' ? 12 : a.key === 'vgg' ? -6 : 0,
    joined: ['alexnet', 'zfnet', 'googlenet'].includes(a.key),
  })), []);
  return (
    <section className="panel" aria-labelledby="arch-error-title">
      <h3 id="arch-error-title">Top-5 error on the ILSVRC test set, by year</h3>
      <ScatterChart options={ERROR_OPTIONS} points={points} />
      <p className="hint">
        The dashed line joins the winners (AlexNet, Clarifai, GoogLeNet). Each point is the entry named in the comparison table (ensembles, as submitted): AlexNet 2012 with extra data; Clarifai 2013;
        OverFeat 2013; VGG 2014 (7 nets); GoogLeNet 2014 (7 models). Network-in-Network published no ImageNet error. The open circle is
        Deep Image’s claim, which the ILSVRC organisers ruled not directly comparable. Sources in the table.
      </p>
    </section>
  );
}

const PARAMS_OPTIONS: ScatterOptions = {
  label: 'Parameters against depth, both computed from the layer lists',
  xLabel: 'layers with weights (computed)', yLabel: 'parameters (computed)',
  xDomain: [6, 24], yDomain: [4e6, 2.5e8], logY: true, xTicks: [8, 12, 16, 19, 22],
  yTicks: [5e6, 1e7, 2e7, 5e7, 1e8, 2e8],
  yFormat: (v) => (v >= 1e6 ? `${Math.round(v / 1e6)} M` : String(v)),
};

/** Parameters (log scale) against depth for every drawn network: deeper is not bigger. */
export function ParamsChartPanel() {
  const points = useMemo<ChartPoint[]>(() => Object.values(NETWORK_SPECS).map((n) => ({
    x: countWeightLayers(n), y: countParameters(n), label: `${n.name.replace(' (fast)', '').replace(' (Clarifai)', '')} ${(countParameters(n) / 1e6).toFixed(1)} M`,
    dy: n.id === 'zfnet' ? -8 : n.id === 'alexnet' ? 10 : n.id === 'vgg19' ? 14 : n.id === 'nin' ? -10 : n.id === 'vgg16' ? -16 : 0,
    anchor: n.id === 'googlenet' ? 'end' as const : 'start' as const,
  })), []);
  return (
    <section className="panel" aria-labelledby="arch-params-title">
      <h3 id="arch-params-title">Parameters against depth (log scale; both computed)</h3>
      <ScatterChart options={PARAMS_OPTIONS} points={points} />
      <p className="hint">
        Fully connected layers hold most of the weights: OverFeat’s 3,072-unit fc6 alone has {describeNetwork(OVERFEAT).find((r) => r.spec.name === 'fc6')!.parameters.toLocaleString('en-US')}.
        Network-in-Network and GoogLeNet replace them with global average pooling and are deeper yet far smaller.
      </p>
    </section>
  );
}
