import type { LessonNotes, StepNotes } from '../notes/types';

/** Each lesson's notes as its own small chunk (`src/notes/<slug>.ts`); nothing of the lessons themselves. */
const NOTE_FILES = import.meta.glob<{ default: LessonNotes }>(['../notes/*.ts', '!../notes/types.ts']);

export function hasNotes(slug: string): boolean {
  return `../notes/${slug}.ts` in NOTE_FILES;
}

/** The lesson's notes, or null when it has none. */
export async function loadNotes(slug: string): Promise<LessonNotes | null> {
  const file = NOTE_FILES[`../notes/${slug}.ts`];
  return file ? (await file()).default : null;
}

/** The notes for a step: by its title, else by its position (then `matches` is false). */
export function notesForStep(notes: LessonNotes, index: number, title: string): { entry: StepNotes | null; matches: boolean } {
  const byTitle = notes.find((n) => n.title === title);
  if (byTitle) return { entry: byTitle, matches: true };
  return { entry: notes[index] ?? null, matches: false };
}
