import { useEffect, useRef } from 'react';
import { createScatterChart, type ChartPoint, type ScatterOptions } from './charts';

/** React host of `createScatterChart`: built on mount, points pushed with `update`, removed on unmount. */
export function ScatterChart({ options, points }: { options: ScatterOptions; points: ChartPoint[] }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof createScatterChart> | null>(null);
  useEffect(() => {
    if (!host.current) return;
    const c = createScatterChart(host.current, options);
    chart.current = c;
    return () => { c.destroy(); chart.current = null; };
  }, [options]);
  useEffect(() => { chart.current?.update(points); }, [options, points]);
  return <div className="chart-host arch-chart" ref={host} />;
}
