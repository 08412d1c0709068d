/**
 * Formats a loss for the status readout: plain decimal notation (never exponent form), four significant
 * digits, e.g. 0.0213 → "0.02130", 1.5 → "1.500". Non-finite values are reported as such, never as "NaN".
 */
export function formatLoss(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'not a number' : 'infinite';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-6 && abs < 1e21) return value.toPrecision(4);
  // toPrecision switches to exponent form below 1e-6; spell it out instead.
  const digits = Math.min(20, Math.ceil(-Math.log10(abs)) + 3);
  return value.toFixed(digits);
}

/** The text of a training view's `role="status"` element: `step <n> · loss <value>`. */
export function statusText(step: number, loss: number | null): string {
  return `step ${step} · loss ${loss === null ? '…' : formatLoss(loss)}`;
}

/** An error's message for a sentence shown to the student (anything thrown, not only Errors). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
