/**
 * Keeps a training history bounded: when it grows past `max` points, every second point of its older half is
 * dropped, so memory stays bounded while the shape of the curve (and every recent point) survives. In place.
 */
export function thinHistory<T>(history: T[], max: number): void {
  if (history.length <= max) return;
  const half = Math.floor(history.length / 2);
  const thinned = history.slice(0, half).filter((_, i) => i % 2 === 0);
  history.splice(0, half, ...thinned);
}
