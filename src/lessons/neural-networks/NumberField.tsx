import { useState } from 'react';

/**
 * A number input that keeps what is typed (so "−" or "0." can be typed on the way to a number) and reports
 * each finite value. While the text is not a number it is marked invalid and the last number stays in use; on
 * leaving the field the text goes back to that number. Remount it (change its key) to show a value set from outside.
 */
export function NumberField({ label, value, onChange, step = 0.1, min, max }: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  step?: number;
  min?: number;
  max?: number;
}) {
  const [text, setText] = useState(() => String(value));
  const invalid = text.trim() === '' || !Number.isFinite(Number(text));
  return (
    <input className="nn-number" type="number" aria-label={label} step={step} min={min} max={max} value={text}
      aria-invalid={invalid || undefined} title={invalid ? `${label}: not a number, still using ${value}` : label}
      onBlur={() => { if (invalid) setText(String(value)); }}
      onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(v)) onChange(min !== undefined || max !== undefined ? Math.min(max ?? v, Math.max(min ?? v, v)) : v);
      }} />
  );
}
