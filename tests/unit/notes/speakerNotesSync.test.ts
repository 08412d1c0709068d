// The projector and the notes window over two real BroadcastChannel instances (Node's), as two windows would use them.
import { afterEach, describe, expect, it } from 'vitest';
import {
  commandTarget, linkNotes, linkProjector, openChannel, type Channel, type NotesLink, type ProjectorLink, type ProjectorState,
} from '../../../src/app/speakerNotesSync';

const STATE: ProjectorState = {
  slug: 'convolution', lessonTitle: 'Convolution', step: 1,
  stepTitles: ['One', 'Two', 'Three'], params: { backend: 'wasm' }, training: null,
};

const open: { close(): void }[] = [];
afterEach(() => { while (open.length) open.pop()!.close(); });

function channel(): Channel {
  const c = openChannel();
  if (!c) throw new Error('Node has BroadcastChannel');
  return c;
}

/** Resolves with the next value a callback list receives. */
function waiter<T>() {
  const queue: T[] = [];
  let wake: (() => void) | null = null;
  return {
    push: (v: T) => { queue.push(v); wake?.(); },
    next: async (): Promise<T> => {
      while (!queue.length) await new Promise<void>((r) => { wake = r; setTimeout(r, 50); });
      return queue.shift()!;
    },
    get length() { return queue.length; },
  };
}

describe('speaker notes sync', () => {
  it('answers a notes window\'s hello with the current state, then reports every update', async () => {
    const steps = waiter<number>();
    const projector: ProjectorLink = linkProjector(channel(), STATE, (s) => steps.push(s));
    open.push(projector);
    const states = waiter<ProjectorState>();
    const notes: NotesLink = linkNotes(channel(), { state: (s) => states.push(s), gone: () => {} });
    open.push(notes);
    const first = await states.next();
    expect(first).toEqual(STATE);
    projector.update({ ...STATE, step: 2, training: { view: 'x', status: 'running', step: 40, loss: 0.5 } });
    const second = await states.next();
    expect(second.step).toBe(2);
    expect(second.training).toEqual({ view: 'x', status: 'running', step: 40, loss: 0.5 });
  });

  it('passes the notes window\'s commands on as steps inside the lesson', async () => {
    const steps = waiter<number>();
    let state = { ...STATE, step: 2 };
    const projector = linkProjector(channel(), state, (s) => { steps.push(s); state = { ...state, step: s }; projector.update(state); });
    open.push(projector);
    const states = waiter<ProjectorState>();
    const notes = linkNotes(channel(), { state: (s) => states.push(s), gone: () => {} });
    open.push(notes);
    await states.next();
    notes.send({ kind: 'next' });
    expect(await steps.next()).toBe(3);
    notes.send({ kind: 'next' }); // already on the last step: nothing
    notes.send({ kind: 'goto', step: 1 });
    expect(await steps.next()).toBe(1);
    notes.send({ kind: 'previous' }); // already on the first: nothing
    notes.send({ kind: 'goto', step: 99 });
    expect(await steps.next()).toBe(3);
    expect(steps.length).toBe(0);
  });

  it('ignores commands meant for another lesson and says goodbye when the lesson closes', async () => {
    const steps = waiter<number>();
    const projector = linkProjector(channel(), STATE, (s) => steps.push(s));
    const other = channel();
    open.push(other);
    other.postMessage({ type: 'command', slug: 'pooling', command: { kind: 'next' } });
    other.postMessage({ type: 'command', slug: 'convolution', command: { kind: 'next' } });
    expect(await steps.next()).toBe(2);
    const gone = waiter<string>();
    const notes = linkNotes(channel(), { state: () => {}, gone: (slug) => gone.push(slug) });
    open.push(notes);
    projector.close();
    expect(await gone.next()).toBe('convolution');
  });

  it('keeps a requested step inside 1…count', () => {
    expect(commandTarget({ kind: 'next' }, 3, 3)).toBeNull();
    expect(commandTarget({ kind: 'previous' }, 1, 3)).toBeNull();
    expect(commandTarget({ kind: 'goto', step: 0 }, 2, 3)).toBe(1);
    expect(commandTarget({ kind: 'goto', step: Number.NaN }, 2, 3)).toBeNull();
    expect(commandTarget({ kind: 'goto', step: 2.6 }, 1, 3)).toBe(3);
  });
});
