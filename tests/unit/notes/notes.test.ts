// Every ready lesson has speaker notes: one entry per step, titles equal to the lesson's and in its order, 2–5 short
// talking points per step, a source for every number, and no run of eight words copied from the lecture.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LessonStep } from '../../../src/app/LessonFrame';
import { ALL_LESSONS } from '../../../src/app/lessons';
import { hasNotes, loadNotes } from '../../../src/app/speakerNotesData';
import { ACTIVATION_STEPS } from '../../../src/lessons/activations/steps';
import { ALEXNET_STEPS } from '../../../src/lessons/alexnet/steps';
import { ARCHITECTURES_STEPS } from '../../../src/lessons/architectures/steps';
import { AUTOENCODER_STEPS } from '../../../src/lessons/autoencoder/steps';
import { BACKPROP_STEPS } from '../../../src/lessons/backprop/steps';
import { CIFAR_STEPS } from '../../../src/lessons/cifar10/steps';
import { CONVOLUTION_STEPS } from '../../../src/lessons/convolution/steps';
import { LIBRARIES_STEPS } from '../../../src/lessons/libraries/steps';
import { NEURAL_NETWORKS_STEPS } from '../../../src/lessons/neural-networks/steps';
import { POOLING_STEPS } from '../../../src/lessons/pooling/steps';

/** Each built lesson's steps, as LessonFrame shows them. A ready lesson missing here fails the first test. */
const STEPS: Record<string, LessonStep[]> = {
  'neural-networks': NEURAL_NETWORKS_STEPS,
  libraries: LIBRARIES_STEPS,
  convolution: CONVOLUTION_STEPS,
  pooling: POOLING_STEPS,
  backprop: BACKPROP_STEPS,
  cifar10: CIFAR_STEPS,
  autoencoder: AUTOENCODER_STEPS,
  activations: ACTIVATION_STEPS,
  alexnet: ALEXNET_STEPS,
  architectures: ARCHITECTURES_STEPS,
};

const READY = ALL_LESSONS.filter((l) => l.ready).map((l) => l.slug);

/** A point must read at a glance on a second screen. */
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
const lectureRuns = existsSync(LECTURE) ? runsOf(readFileSync(LECTURE, 'utf8'), COPY_RUN) : null;

describe('speaker notes', () => {
  it('the test knows the steps of every ready lesson', () => {
    expect(READY.length).toBeGreaterThan(0);
    expect(READY.filter((slug) => !STEPS[slug])).toEqual([]);
  });

  it.each(READY)('notes for %s: one per step, same titles in order, 2–5 short points in our own words, every number sourced', async (slug) => {
    expect(hasNotes(slug), `src/notes/${slug}.ts exists`).toBe(true);
    const notes = await loadNotes(slug);
    expect(notes).not.toBeNull();
    expect(notes!.map((n) => n.title)).toEqual(STEPS[slug].map((s) => s.title));
    for (const n of notes!) {
      expect(n.points.length, `${slug} · ${n.title}: points`).toBeGreaterThanOrEqual(2);
      expect(n.points.length, `${slug} · ${n.title}: points`).toBeLessThanOrEqual(5);
      for (const p of n.points) {
        expect(p.trim().length, `${slug} · ${n.title}: an empty point`).toBeGreaterThan(10);
        expect(p.length, `${slug} · ${n.title}: a long point: ${p}`).toBeLessThanOrEqual(MAX_POINT_CHARS);
        if (lectureRuns) expect([...runsOf(p, COPY_RUN)].filter((r) => lectureRuns.has(r)), `${slug}: copied from the lecture: ${p}`).toEqual([]);
      }
      for (const num of n.numbers) {
        expect(num.value.trim(), `${slug} · ${n.title}: a number without a value`).not.toBe('');
        expect(num.source.trim().length, `${slug} · ${n.title}: "${num.value}" has no source`).toBeGreaterThan(3);
        if (lectureRuns) expect([...runsOf(num.value, COPY_RUN)].filter((r) => lectureRuns.has(r)), `${slug}: copied from the lecture: ${num.value}`).toEqual([]);
      }
    }
  });

  it('has no notes for a lesson that does not exist', async () => {
    expect(hasNotes('types')).toBe(false);
    expect(await loadNotes('no-such-lesson')).toBeNull();
  });
});
