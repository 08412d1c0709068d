import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LessonStep } from '../../../src/app/LessonFrame';
import type { LessonNotes } from '../../../src/notes/types';
import { ACTIVATION_STEPS } from '../../../src/lessons/activations/steps';
import { ALEXNET_STEPS } from '../../../src/lessons/alexnet/steps';
import { ARCHITECTURES_STEPS } from '../../../src/lessons/architectures/steps';
import { AUTOENCODER_STEPS } from '../../../src/lessons/autoencoder/steps';
import { CIFAR_STEPS } from '../../../src/lessons/cifar10/steps';
import activations from '../../../src/notes/activations';
import alexnet from '../../../src/notes/alexnet';
import architectures from '../../../src/notes/architectures';
import autoencoder from '../../../src/notes/autoencoder';
import cifar10 from '../../../src/notes/cifar10';

/** The five lessons whose notes this file checks, each beside the steps it must follow. */
const LESSONS: { slug: string; steps: LessonStep[]; notes: LessonNotes }[] = [
  { slug: 'cifar10', steps: CIFAR_STEPS, notes: cifar10 },
  { slug: 'autoencoder', steps: AUTOENCODER_STEPS, notes: autoencoder },
  { slug: 'activations', steps: ACTIVATION_STEPS, notes: activations },
  { slug: 'alexnet', steps: ALEXNET_STEPS, notes: alexnet },
  { slug: 'architectures', steps: ARCHITECTURES_STEPS, notes: architectures },
];

/** A point must read at a glance on a second screen: about 200 characters, with a little slack. */
const MAX_POINT_CHARS = 220;
/** Eight words in a row shared with the lecture count as copied text. */
const COPY_RUN = 8;

const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);

function runsOf(text: string, n: number): Set<string> {
  const w = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(' '));
  return runs;
}

/** The lecture lives outside the repository (the project's shared folder); without it the copy check is skipped. */
const LECTURE = process.env.LECTURE_MD ?? '/work/shared/lecture/introduction-of-deep-learning.md';
const HAVE_LECTURE = existsSync(LECTURE);
const lectureRuns = HAVE_LECTURE ? runsOf(readFileSync(LECTURE, 'utf8'), COPY_RUN) : new Set<string>();

describe.each(LESSONS.map((l) => [l.slug, l] as const))('speaker notes for #/%s', (_slug, { steps, notes }) => {
  it('has one entry per lesson step, with the step titles in order', () => {
    expect(notes.map((n) => n.title)).toEqual(steps.map((s) => s.title));
  });

  it('gives 2–5 short, non-empty talking points per step', () => {
    for (const n of notes) {
      expect(n.points.length, n.title).toBeGreaterThanOrEqual(2);
      expect(n.points.length, n.title).toBeLessThanOrEqual(5);
      for (const p of n.points) {
        expect(p.trim().length, p).toBeGreaterThan(0);
        expect(p.length, p).toBeLessThanOrEqual(MAX_POINT_CHARS);
      }
    }
  });

  it('names a source for every number', () => {
    for (const n of notes) {
      for (const num of n.numbers) {
        expect(num.value.trim().length, `${n.title}: a number with no value`).toBeGreaterThan(0);
        expect(num.source.trim().length, `${n.title}: ${num.value}`).toBeGreaterThan(0);
      }
    }
  });

  it.skipIf(!HAVE_LECTURE)('puts the lecture in its own words (no run of eight words copied from it)', () => {
    for (const n of notes) {
      for (const text of [...n.points, ...n.numbers.map((num) => num.value)]) {
        const copied = [...runsOf(text, COPY_RUN)].filter((r) => lectureRuns.has(r));
        expect(copied, text).toEqual([]);
      }
    }
  });
});

describe.skipIf(!HAVE_LECTURE)('the copy check itself', () => {
  it('finds a sentence taken from the lecture', () => {
    const sentence = 'Max-pooling outputs the maximum value for each sub-region of the map';
    expect([...runsOf(sentence, COPY_RUN)].some((r) => lectureRuns.has(r))).toBe(true);
  });
});
