/**
 * Speaker notes across two windows of the same origin, over one BroadcastChannel. The projector window (a lesson
 * is open) posts where it is: lesson, step, step titles, URL parameters and the latest training readout; it answers
 * a notes window's "hello" with the same, and obeys its commands (previous, next, go to step n). The notes window
 * only listens and sends commands. Plain TypeScript: no React, no DOM beyond the channel.
 */

export const PRESENTER_CHANNEL = 'cnnlab-presenter';
/** The notes window's route, `#/speaker-notes`; never a lesson slug. */
export const SPEAKER_NOTES_SLUG = 'speaker-notes';

export interface TrainingReadout {
  /** Which training view (the store's key), e.g. the autoencoder's or the race's. */
  view: string;
  status: string;
  step: number;
  loss: number | null;
}

/** Where the projector is. */
export interface ProjectorState {
  slug: string;
  lessonTitle: string;
  /** 1-based. */
  step: number;
  stepTitles: string[];
  params: Record<string, string>;
  training: TrainingReadout | null;
}

export type NotesCommand = { kind: 'previous' } | { kind: 'next' } | { kind: 'goto'; step: number };

export type PresenterMessage =
  | { type: 'hello' }
  | { type: 'state'; state: ProjectorState }
  /** The projector left its lesson (or closed). */
  | { type: 'gone'; slug: string }
  | { type: 'command'; slug: string; command: NotesCommand };

/** A channel the way both sides use it; a real BroadcastChannel in the browser and in Node. */
export interface Channel {
  postMessage(message: PresenterMessage): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

export function broadcastSupported(): boolean {
  return typeof BroadcastChannel === 'function';
}

export function openChannel(): Channel | null {
  return broadcastSupported() ? (new BroadcastChannel(PRESENTER_CHANNEL) as unknown as Channel) : null;
}

function isMessage(data: unknown): data is PresenterMessage {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}

/** The step a command asks for, kept inside 1…count; null when it would not move. */
export function commandTarget(command: NotesCommand, current: number, count: number): number | null {
  const wanted = command.kind === 'previous' ? current - 1 : command.kind === 'next' ? current + 1 : Math.round(command.step);
  if (!Number.isFinite(wanted)) return null;
  const target = Math.min(Math.max(wanted, 1), count);
  return target === current ? null : target;
}

export interface ProjectorLink {
  /** Posts the new state (call on every change of step, parameters or training readout). */
  update(state: ProjectorState): void;
  /** Says goodbye and closes the channel (once; later calls do nothing). */
  close(): void;
}

/** The projector's side: posts `state` now and on each update, answers hellos, passes commands for its lesson on. */
export function linkProjector(channel: Channel, state: ProjectorState, onStep: (step: number) => void): ProjectorLink {
  let current = state;
  let closed = false;
  const post = () => { if (!closed) channel.postMessage({ type: 'state', state: current }); };
  channel.onmessage = (event) => {
    const msg: unknown = event.data;
    if (!isMessage(msg)) return;
    if (msg.type === 'hello') post();
    else if (msg.type === 'command' && msg.slug === current.slug) {
      const target = commandTarget(msg.command, current.step, current.stepTitles.length);
      if (target !== null) onStep(target);
    }
  };
  post();
  return {
    update(next) { current = next; post(); },
    close() {
      if (closed) return;
      closed = true;
      channel.postMessage({ type: 'gone', slug: current.slug });
      channel.onmessage = null;
      channel.close();
    },
  };
}

export interface NotesLink {
  send(command: NotesCommand): void;
  close(): void;
}

/** The notes window's side: says hello, then reports every state or goodbye the projector posts. */
export function linkNotes(
  channel: Channel,
  on: { state: (state: ProjectorState) => void; gone: (slug: string) => void },
): NotesLink {
  let slug: string | null = null;
  let closed = false;
  channel.onmessage = (event) => {
    const msg: unknown = event.data;
    if (!isMessage(msg)) return;
    if (msg.type === 'state') { slug = msg.state.slug; on.state(msg.state); }
    else if (msg.type === 'gone') on.gone(msg.slug);
  };
  channel.postMessage({ type: 'hello' });
  return {
    send(command) { if (slug && !closed) channel.postMessage({ type: 'command', slug, command }); },
    close() {
      if (closed) return;
      closed = true;
      channel.onmessage = null;
      channel.close();
    },
  };
}
