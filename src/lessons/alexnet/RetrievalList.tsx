import { useEffect, useRef } from 'react';
import type { GalleryItem } from './RetrievalGallery';
import { drawRgb } from '../../viz/drawRgb';

/** A gallery item at its own resolution, scaled by CSS (CIFAR-10's 32×32 pixels stay visible as blocks). */
export function RetrievalThumb({ item, className = '' }: { item: GalleryItem; className?: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => drawRgb(canvasRef.current, item.rgb, item.side), [item]);
  return <canvas ref={canvasRef} className={`${className}${item.kind === 'cifar' ? ' tiny' : ''}`} role="img" aria-label={`${describe(item)}: ${item.label}`} />;
}

/** Where an item comes from, in a few words. */
export function describe(item: GalleryItem): string {
  if (item.kind === 'cifar') return `CIFAR-10 test image ${item.cifarIndex} (32×32)`;
  if (item.kind === 'sample') return 'sample photo';
  return 'your picture';
}

export interface Found {
  item: GalleryItem;
  distance: number;
}

/** One ranked list of neighbours: thumbnail, label, where it comes from, and the distance. */
export function NeighbourList({ title, label, found, digits }: { title: string; label: string; found: Found[]; digits: number }) {
  return (
    <div className="neighbour-list">
      <h4>{title}</h4>
      <ol aria-label={label}>
        {found.map(({ item, distance }, rank) => (
          <li key={`${item.kind}-${item.cifarIndex ?? item.label}-${rank}`} className={item.kind}>
            <RetrievalThumb item={item} />
            <span className="label">{item.label}</span>
            <span className="source">{item.kind === 'cifar' ? 'CIFAR-10, 32×32' : describe(item)}</span>
            <span className="distance">d = {distance.toFixed(digits)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
