// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { LessonFrame, type LessonStep } from '../../src/app/LessonFrame';
import { syncRouteWithHash } from '../../src/app/navigation';
import { useAppStore } from '../../src/state/store';

const STEPS: LessonStep[] = [
  { title: 'First idea', body: <p>one</p> },
  { title: 'Second idea', body: <p>two</p> },
  { title: 'Third idea', body: <p>three</p> },
];

/** A lesson whose step follows the address, as in the app. */
function Lesson() {
  const step = useAppStore((s) => s.route.step);
  return (
    <LessonFrame title="A lesson" steps={STEPS} step={step}>
      <input aria-label="learning rate" type="range" />
    </LessonFrame>
  );
}

let stop: () => void = () => {};
beforeEach(() => {
  window.location.hash = '#/demo?seed=3';
  stop = syncRouteWithHash();
});
afterEach(() => { cleanup(); stop(); });

/** jsdom fires hashchange asynchronously; wait for the store to follow. */
async function press(target: Element, key: string, init: KeyboardEventInit = {}) {
  await act(async () => {
    fireEvent.keyDown(target, { key, ...init });
    await new Promise((r) => setTimeout(r, 20));
  });
}

describe('← / → move through the lesson', () => {
  it('→ goes to the next step and ← back, keeping the seed; the ends stop', async () => {
    render(<Lesson />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('First idea');
    await press(document.body, 'ArrowLeft');
    expect(window.location.hash).toBe('#/demo?seed=3');
    await press(document.body, 'ArrowRight');
    expect(window.location.hash).toBe('#/demo/2?seed=3');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Second idea');
    await press(document.body, 'ArrowRight');
    await press(document.body, 'ArrowRight');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Third idea');
    expect(window.location.hash).toBe('#/demo/3?seed=3');
    await press(document.body, 'ArrowLeft');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Second idea');
  });

  it('do nothing while a slider has focus or with a modifier', async () => {
    render(<Lesson />);
    const slider = screen.getByLabelText('learning rate');
    slider.focus();
    await press(slider, 'ArrowRight');
    await press(document.body, 'ArrowRight', { altKey: true });
    expect(window.location.hash).toBe('#/demo?seed=3');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('First idea');
  });
});
