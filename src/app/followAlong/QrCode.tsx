import { useMemo } from 'react';
import { QUIET_ZONE, qrMatrix, qrPath } from './qrMatrix';

/** A QR code of `text` as crisp SVG on white with its 4-module quiet zone; CSS sets its size. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, d } = useMemo(() => {
    const m = qrMatrix(text);
    return { size: m.size + 2 * QUIET_ZONE, d: qrPath(m) };
  }, [text]);
  return (
    <svg className="follow-qr" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" data-modules={size - 2 * QUIET_ZONE}>
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
