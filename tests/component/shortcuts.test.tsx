// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { PresenterButton, ShortcutsHelp, useShortcutsAndPresenter } from '../../src/app/Presenter';
import { registerTrainingActions } from '../../src/app/trainingActions';
import { appStore } from '../../src/state/store';

/** A page with the shortcuts installed, a registered training view that counts its actions, and some controls. */
function Page({ calls }: { calls: string[] }) {
  useShortcutsAndPresenter();
  const [remove] = useState(() => registerTrainingActions({
    toggle: () => calls.push('toggle'), step: () => calls.push('step'), reset: () => calls.push('reset'),
  }));
  void remove;
  return (
    <div>
      <PresenterButton />
      <ShortcutsHelp />
      <input aria-label="learning rate" type="number" />
      <input aria-label="slider" type="range" />
      <select aria-label="data"><option>a</option></select>
      <div role="grid" aria-label="editable grid" tabIndex={0} />
      <button type="button" onClick={() => calls.push('button click')}>Some button</button>
      <main className="lesson-views"><section className="panel" aria-label="a panel" tabIndex={0}>panel</section></main>
    </div>
  );
}

afterEach(() => {
  cleanup();
  act(() => { appStore.getState().setPresenter(false); appStore.getState().setShortcutsHelp(false); });
  document.documentElement.classList.remove('presenter');
});

const key = (target: Element | Window, k: string, init: KeyboardEventInit = {}) => act(() => { fireEvent.keyDown(target, { key: k, ...init }); });

describe('keyboard shortcuts', () => {
  it('Space, S and R reach the training view; P, ? and F do theirs; Esc closes the panel first, then presenter mode', () => {
    const calls: string[] = [];
    render(<Page calls={calls} />);
    key(document.body, ' ');
    key(document.body, 's');
    key(document.body, 'r');
    expect(calls).toEqual(['toggle', 'step', 'reset']);

    key(document.body, 'p');
    expect(appStore.getState().presenter).toBe(true);
    expect(document.documentElement.classList.contains('presenter')).toBe(true);
    expect(screen.getByRole('button', { name: 'Presenter mode' }).getAttribute('aria-pressed')).toBe('true');

    key(document.body, '?', { shiftKey: true });
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    key(document.body, 'Escape');
    expect(screen.queryByRole('dialog')).toBeNull();

    const panel = screen.getByRole('region', { name: 'a panel' });
    panel.focus();
    key(panel, 'f');
    expect(panel.classList.contains('panel-fullscreen')).toBe(true);
    key(panel, 'Escape');
    expect(panel.classList.contains('panel-fullscreen')).toBe(false);
    expect(appStore.getState().presenter).toBe(true);
    key(document.body, 'Escape');
    expect(appStore.getState().presenter).toBe(false);
    expect(document.documentElement.classList.contains('presenter')).toBe(false);
  });

  it('never fire while an input, slider, select or editable grid has focus, or with a modifier', () => {
    const calls: string[] = [];
    render(<Page calls={calls} />);
    for (const name of ['learning rate', 'slider', 'data', 'editable grid']) {
      const el = name === 'editable grid' ? screen.getByRole('grid') : name === 'data' ? screen.getByRole('combobox') : screen.getByLabelText(name);
      for (const k of [' ', 's', 'r', 'p', 'f']) key(el, k);
    }
    key(document.body, 's', { ctrlKey: true });
    key(document.body, 'p', { metaKey: true });
    key(document.body, 'r', { altKey: true });
    expect(calls).toEqual([]);
    expect(appStore.getState().presenter).toBe(false);
    expect(document.querySelector('.panel-fullscreen')).toBeNull();
  });

  it('Space on a focused button is the button’s own click, not also Train', () => {
    const calls: string[] = [];
    render(<Page calls={calls} />);
    const button = screen.getByRole('button', { name: 'Some button' });
    button.focus();
    key(button, ' ');
    expect(calls).toEqual([]);
  });

  it('the header button toggles presenter mode and leaving restores the page', () => {
    render(<Page calls={[]} />);
    const button = screen.getByRole('button', { name: 'Presenter mode' });
    act(() => button.click());
    expect(document.documentElement.classList.contains('presenter')).toBe(true);
    act(() => button.click());
    expect(document.documentElement.classList.contains('presenter')).toBe(false);
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });
});
