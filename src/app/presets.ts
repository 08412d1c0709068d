/**
 * Classroom presets: named settings that show a lesson's point within a measured time. Pure TypeScript (no
 * React), so lessons' settings modules and Node tests use it unchanged.
 */
export interface ClassroomPreset {
  id: string;
  /** The button's name. */
  name: string;
  /** The URL parameters the preset sets; null removes a parameter, so the lesson's default applies. */
  params: Record<string, string | null>;
  /** What the class should see, and when: one or two sentences an instructor can read out. */
  expect: string;
  /** How the times were measured (settings, machine, load, the numbers seen), shown on request. */
  measured: string;
}

/** The parameters a preset leaves in the URL: its own non-null ones. */
export function presetQuery(p: ClassroomPreset): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.params)) if (v !== null) out[k] = v;
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/**
 * The preset whose settings these are, or null. Each preset's parameters go through the lesson's own parser,
 * so `lr=0.010` matches a preset's `lr=0.01`, and an absent parameter matches a preset that removes it.
 * Keys in `ignore` (the seed, by default) do not count.
 */
export function matchingPreset<S extends object>(
  presets: readonly ClassroomPreset[],
  current: S,
  parse: (params: Record<string, string>) => S,
  ignore: readonly (keyof S)[] = ['seed' as keyof S],
): ClassroomPreset | null {
  return presets.find((p) => {
    const wanted = parse(presetQuery(p));
    return (Object.keys(current) as (keyof S)[]).every((k) => ignore.includes(k) || same(current[k], wanted[k]));
  }) ?? null;
}
