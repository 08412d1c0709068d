// @vitest-environment jsdom
// The notes window and the projector's lesson frame, each rendered for real and joined by real BroadcastChannels.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { LessonFrame } from '../../src/app/LessonFrame';
import SpeakerNotesPage from '../../src/app/SpeakerNotesPage';
import { SpeakerNotesButton } from '../../src/app/SpeakerNotesButton';
import { linkNotes, linkProjector, openChannel, type ProjectorState } from '../../src/app/speakerNotesSync';
import { syncRouteWithHash } from '../../src/app/navigation';
import { handleShortcut } from '../../src/app/shortcuts';
import { appStore } from '../../src/state/store';
import { CONVOLUTION_STEPS } from '../../src/lessons/convolution/steps';
import convolutionNotes from '../../src/notes/convolution';

const closers: (() => void)[] = [];
afterEach(() => { cleanup(); while (closers.length) closers.pop()!(); });

const TITLES = CONVOLUTION_STEPS.map((s) => s.title);
const state = (step: number): ProjectorState => ({
  slug: 'convolution', lessonTitle: 'Convolution: local, shared, sliding', step, stepTitles: TITLES, params: {}, training: null,
});

describe('speaker notes window', () => {
  it('shows the projector\'s step, its points and numbers, the next step, and drives the projector', async () => {
    const asked: number[] = [];
    const channel = openChannel()!;
    const projector = linkProjector(channel, state(1), (s) => { asked.push(s); projector.update(state(s)); });
    closers.push(() => projector.close());
    render(<SpeakerNotesPage />);
    await screen.findByRole('heading', { level: 1, name: `Step 1 of 8: ${TITLES[0]}` });
    for (const p of convolutionNotes[0].points) expect(await screen.findByText(p)).toBeTruthy();
    expect(screen.getByText(convolutionNotes[0].numbers[0].value)).toBeTruthy();
    expect(screen.getByText(`2. ${TITLES[1]}`)).toBeTruthy();
    expect(screen.getByText(convolutionNotes[1].points[0])).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Next →' }));
    await screen.findByRole('heading', { level: 1, name: `Step 2 of 8: ${TITLES[1]}` });
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    await screen.findByRole('heading', { level: 1, name: `Step 3 of 8: ${TITLES[2]}` });
    fireEvent.click(screen.getByRole('button', { name: `8. ${TITLES[7]}` }));
    await screen.findByRole('heading', { level: 1, name: `Step 8 of 8: ${TITLES[7]}` });
    expect(screen.getByText('This is the last step of the lesson.')).toBeTruthy();
    expect(asked).toEqual([2, 3, 8]);

    projector.update({ ...state(8), training: { view: 'main', status: 'running', step: 120, loss: 0.0423 } });
    await screen.findByText('Projector training (running): step 120 · loss 0.0423');
    projector.close();
    await screen.findByText(/The projector window left this lesson/);
  });

  it('says so when no projector answers', async () => {
    render(<SpeakerNotesPage />);
    expect(screen.getByText('Looking for the projector window…')).toBeTruthy();
    await screen.findByText(/No projector window answered\. Open a lesson in the other window/, undefined, { timeout: 3000 });
  });
});

describe('projector side', () => {
  it('the lesson frame reports its step and follows the notes window\'s commands', async () => {
    window.location.hash = '#/convolution?backend=wasm';
    const stop = syncRouteWithHash(window);
    closers.push(stop);
    const { rerender } = render(<LessonFrame title="Convolution" steps={CONVOLUTION_STEPS} step={appStore.getState().route.step}><p>views</p></LessonFrame>);
    const seen: ProjectorState[] = [];
    const notes = linkNotes(openChannel()!, { state: (s) => seen.push(s), gone: () => {} });
    closers.push(() => notes.close());
    await act(async () => { await new Promise((r) => setTimeout(r, 100)); });
    expect(seen.at(-1)).toMatchObject({ slug: 'convolution', step: 1, lessonTitle: 'Convolution', stepTitles: TITLES, params: { backend: 'wasm' } });
    notes.send({ kind: 'next' });
    await act(async () => { await new Promise((r) => setTimeout(r, 100)); });
    expect(window.location.hash).toBe('#/convolution/2?backend=wasm');
    rerender(<LessonFrame title="Convolution" steps={CONVOLUTION_STEPS} step={appStore.getState().route.step}><p>views</p></LessonFrame>);
    await act(async () => { await new Promise((r) => setTimeout(r, 100)); });
    expect(seen.at(-1)?.step).toBe(2);
    act(() => appStore.getState().setTraining('view-a', { status: 'running', step: 7, loss: 1.25, pauseReason: null }));
    await act(async () => { await new Promise((r) => setTimeout(r, 100)); });
    expect(seen.at(-1)?.training).toEqual({ view: 'view-a', status: 'running', step: 7, loss: 1.25 });
    act(() => appStore.getState().clearTraining('view-a'));
  });

  it('the header button says when the browser blocks the window', () => {
    const realOpen = window.open;
    window.open = () => null;
    closers.push(() => { window.open = realOpen; });
    render(<SpeakerNotesButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Speaker notes' }));
    expect(screen.getByRole('alert').textContent).toMatch(/The browser blocked the notes window/);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('N opens the notes window at #/speaker-notes, never while typing', () => {
    const calls: unknown[][] = [];
    const realOpen = window.open;
    window.open = (...args: unknown[]) => { calls.push(args); return { focus() {} } as Window; };
    closers.push(() => { window.open = realOpen; });
    window.addEventListener('keydown', handleShortcut);
    closers.push(() => window.removeEventListener('keydown', handleShortcut));
    render(<input aria-label="a field" />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'a field' }), { key: 'n' });
    expect(calls).toEqual([]);
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(calls).toHaveLength(1);
    expect(String(calls[0][0])).toMatch(/#\/speaker-notes$/);
    expect(calls[0][1]).toBe('cnnlab-speaker-notes');
  });
});
