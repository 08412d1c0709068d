// Every ready lesson has speaker notes: one entry per step, titles equal to the lesson's and in its order, at least
// two talking points per step, and a source for every number.
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

describe('speaker notes', () => {
  it('the test knows the steps of every ready lesson', () => {
    expect(READY.length).toBeGreaterThan(0);
    expect(READY.filter((slug) => !STEPS[slug])).toEqual([]);
  });

  it.each(READY)('notes for %s: one per step, same titles in order, ≥ 2 points, every number sourced', async (slug) => {
    expect(hasNotes(slug), `src/notes/${slug}.ts exists`).toBe(true);
    const notes = await loadNotes(slug);
    expect(notes).not.toBeNull();
    expect(notes!.map((n) => n.title)).toEqual(STEPS[slug].map((s) => s.title));
    for (const n of notes!) {
      expect(n.points.length, `${slug} · ${n.title}: points`).toBeGreaterThanOrEqual(2);
      for (const p of n.points) expect(p.trim().length, `${slug} · ${n.title}: an empty point`).toBeGreaterThan(10);
      for (const num of n.numbers) {
        expect(num.value.trim(), `${slug} · ${n.title}: a number without a value`).not.toBe('');
        expect(num.source.trim().length, `${slug} · ${n.title}: "${num.value}" has no source`).toBeGreaterThan(3);
      }
    }
  });

  it('has no notes for a lesson that does not exist', async () => {
    expect(hasNotes('types')).toBe(false);
    expect(await loadNotes('no-such-lesson')).toBeNull();
  });
});
