import { describe, expect, it } from 'vitest';
import { Annotations } from '../../../src/app/annotate/strokes';
import { canvasSize, MAX_CANVAS_PIXELS } from '../../../src/app/annotate/draw';

function scribble(a: Annotations, tool: 'pen' | 'highlighter', from: number) {
  a.begin(tool, '#d7191c', { x: from, y: from });
  a.extend({ x: from + 10, y: from });
  a.extend({ x: from + 10, y: from }); // a repeated point is not stored twice
  a.extend({ x: from + 10, y: from + 5 });
  a.end();
}

describe('annotations', () => {
  it('keeps strokes as points relative to the overlay, the one in progress included', () => {
    const a = new Annotations();
    a.showView('autoencoder/3');
    a.begin('pen', '#1f5bd6', { x: 4, y: 5 });
    a.extend({ x: 6, y: 7 });
    expect(a.count).toBe(0);
    expect(a.strokes).toEqual([{ tool: 'pen', colour: '#1f5bd6', points: [{ x: 4, y: 5 }, { x: 6, y: 7 }] }]);
    a.end();
    expect(a.count).toBe(1);
    a.extend({ x: 9, y: 9 }); // no stroke in progress: ignored
    expect(a.strokes[0].points).toHaveLength(2);
  });

  it('undo removes the last stroke, clear removes all, and both tell listeners', () => {
    const a = new Annotations();
    let told = 0;
    a.subscribe(() => { told++; });
    a.showView('x/1');
    scribble(a, 'pen', 0);
    scribble(a, 'highlighter', 20);
    scribble(a, 'pen', 40);
    expect(a.strokes.map((s) => s.points[0].x)).toEqual([0, 20, 40]);
    expect(a.strokes[1].points).toHaveLength(3);
    a.undo();
    expect(a.strokes.map((s) => s.points[0].x)).toEqual([0, 20]);
    const before = told;
    a.clear();
    expect(a.strokes).toEqual([]);
    expect(told).toBe(before + 1);
    a.undo(); // nothing to undo: no change, no notice
    a.clear();
    expect(told).toBe(before + 1);
  });

  it('undo during a stroke finishes it and removes it', () => {
    const a = new Annotations();
    a.showView('x/1');
    scribble(a, 'pen', 0);
    a.begin('pen', '#000', { x: 1, y: 1 });
    a.undo();
    expect(a.count).toBe(1);
    expect(a.strokes[0].points[0].x).toBe(0);
  });

  it('a different step or lesson clears the strokes; the same view keeps them', () => {
    const a = new Annotations();
    a.showView('autoencoder/3');
    scribble(a, 'pen', 0);
    expect(a.showView('autoencoder/3')).toBe(false);
    expect(a.count).toBe(1);
    expect(a.showView('autoencoder/4')).toBe(true);
    expect(a.count).toBe(0);
    scribble(a, 'pen', 0);
    a.begin('pen', '#000', { x: 1, y: 1 });
    expect(a.showView('cifar10/4')).toBe(true);
    expect(a.strokes).toEqual([]);
  });
});

describe('overlay canvas size', () => {
  it('uses devicePixelRatio pixels per CSS pixel', () => {
    expect(canvasSize(800, 600, 2)).toEqual({ width: 1600, height: 1200, scale: 2 });
    expect(canvasSize(800, 600, 0.5)).toEqual({ width: 800, height: 600, scale: 1 });
  });
  it('stays under the browsers\' canvas limit on a very tall page', () => {
    const s = canvasSize(1400, 9000, 2);
    expect(s.width * s.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(s.scale).toBeLessThan(2);
    expect(s.scale).toBeGreaterThan(1.1);
  });
});
