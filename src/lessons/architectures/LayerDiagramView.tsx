import { useEffect, useRef } from 'react';
import { createLayerDiagram, type DiagramLayer, type LayerDiagram } from '../../viz/layerDiagram';
import './layerDiagram.css';

/**
 * React host of `createLayerDiagram`: React owns the scrolling container, the widget owns the SVG inside it.
 * `highlighted` marks a block from outside (a hovered table row); `onHighlight` reports hovered/focused blocks.
 */
export function LayerDiagramView({ layers, label, highlighted = null, onHighlight }: {
  layers: DiagramLayer[];
  label: string;
  highlighted?: string | null;
  onHighlight?: (id: string | null) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const diagram = useRef<LayerDiagram | null>(null);
  const callback = useRef(onHighlight);
  useEffect(() => { callback.current = onHighlight; }, [onHighlight]);

  useEffect(() => {
    if (!host.current) return;
    const d = createLayerDiagram(host.current, { layers, label, onHighlight: (id) => callback.current?.(id) });
    diagram.current = d;
    return () => { d.destroy(); diagram.current = null; };
  }, [layers, label]);

  useEffect(() => { diagram.current?.highlight(highlighted); }, [highlighted, layers]);

  return <div className="layer-diagram-host" ref={host} />;
}
