/**
 * Speaker notes: what an instructor says at each step of a lesson, shown in a second window (never on the
 * projector). One file per lesson, `src/notes/<slug>.ts`, default-exporting one entry per step, in order.
 */
export interface StepNotes {
  /** Equal to the lesson step's title (a unit test checks the order and the titles). */
  title: string;
  /** What to say or do at this step: 2–5 short points in our own words, with what to click and what the class should see. */
  points: string[];
  /** The lecture's numbers for this step, each with where it comes from (slide, paper, or "computed by the app"). */
  numbers: { value: string; source: string }[];
}

export type LessonNotes = StepNotes[];
