/** Annotations over a lesson view: strokes kept as points in CSS pixels from the overlay's top-left corner. */
export type Tool = 'pen' | 'highlighter';

export interface Point {
  x: number;
  y: number;
}

export interface Stroke {
  tool: Tool;
  colour: string;
  points: Point[];
}

/** The colours offered: dark enough to read on white and on the lesson's panels, told apart by name too. */
export const ANNOTATION_COLOURS: readonly { name: string; value: string }[] = [
  { name: 'Red', value: '#d7191c' },
  { name: 'Blue', value: '#1f5bd6' },
  { name: 'Green', value: '#138a36' },
];

/** Line widths in CSS pixels and the highlighter's opacity. */
export const PEN_WIDTH = 3;
export const HIGHLIGHTER_WIDTH = 20;
export const HIGHLIGHTER_ALPHA = 0.35;

/**
 * The strokes drawn over one view (`slug/step`): add, undo, clear, and cleared when the view changes.
 * Plain TypeScript with listeners, so the overlay redraws without React state per point.
 */
export class Annotations {
  private view: string | null = null;
  private done: Stroke[] = [];
  private drawing: Stroke | null = null;
  private readonly listeners = new Set<() => void>();

  /** Finished strokes plus the one being drawn, oldest first. */
  get strokes(): readonly Stroke[] {
    return this.drawing ? [...this.done, this.drawing] : this.done;
  }

  /** How many finished strokes there are (what Undo would remove). */
  get count(): number {
    return this.done.length;
  }

  /** Shows a view; a different view than before starts with no strokes. Returns whether it cleared. */
  showView(key: string): boolean {
    if (key === this.view) return false;
    const had = this.done.length > 0 || this.drawing !== null;
    this.view = key;
    this.done = [];
    this.drawing = null;
    if (had) this.emit();
    return had;
  }

  begin(tool: Tool, colour: string, at: Point): void {
    this.end();
    this.drawing = { tool, colour, points: [{ ...at }] };
    this.emit();
  }

  extend(at: Point): void {
    if (!this.drawing) return;
    const last = this.drawing.points[this.drawing.points.length - 1];
    if (last.x === at.x && last.y === at.y) return;
    this.drawing.points.push({ ...at });
    this.emit();
  }

  /** Finishes the stroke being drawn, if any. */
  end(): void {
    if (!this.drawing) return;
    this.done = [...this.done, this.drawing];
    this.drawing = null;
    this.emit();
  }

  /** Removes the last stroke (finishing one in progress first). */
  undo(): void {
    this.end();
    if (!this.done.length) return;
    this.done = this.done.slice(0, -1);
    this.emit();
  }

  clear(): void {
    if (!this.done.length && !this.drawing) return;
    this.done = [];
    this.drawing = null;
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The app's one set of annotations (there is one lesson view on screen at a time). */
export const annotations = new Annotations();
