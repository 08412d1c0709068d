// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useShortcutsAndPresenter } from '../../src/app/Presenter';
import { FollowAlongButton, FollowAlongDialog } from '../../src/app/followAlong/FollowAlong';
import { HOST_STORAGE_KEY } from '../../src/app/followAlong/hostChoice';
import { AnnotateButton, AnnotateOverlay } from '../../src/app/annotate/AnnotateOverlay';
import { appStore } from '../../src/state/store';

function Page({ lesson = true }: { lesson?: boolean }) {
  useShortcutsAndPresenter();
  return (
    <div>
      <FollowAlongButton />
      <AnnotateButton />
      <FollowAlongDialog />
      <input aria-label="learning rate" type="number" />
      {lesson && <div className="lesson-body"><AnnotateOverlay /></div>}
    </div>
  );
}

afterEach(() => {
  cleanup();
  act(() => {
    const s = appStore.getState();
    s.setPresenter(false); s.setFollowAlong(false); s.setAnnotate(false); s.setSeedInUse(null);
  });
  localStorage.clear();
});

const key = (target: Element | Window, k: string) => act(() => { fireEvent.keyDown(target, { key: k }); });

describe('follow along and annotate', () => {
  it('L opens the link dialog and A annotate mode, never while typing; Esc closes the dialog, then annotate, then presenter mode', async () => {
    window.location.hash = '#/autoencoder/3?seed=7';
    act(() => { appStore.getState().setRoute({ slug: 'autoencoder', step: 3, params: { seed: '7' } }); });
    render(<Page />);
    key(screen.getByRole('spinbutton', { name: 'learning rate' }), 'l');
    key(screen.getByRole('spinbutton', { name: 'learning rate' }), 'a');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(appStore.getState().annotate).toBe(false);

    key(document.body, 'p');
    key(document.body, 'a');
    key(document.body, 'L');
    // The dialog's content (with the QR encoder) is its own chunk, loaded when it first opens.
    const dialog = await screen.findByRole('dialog', { name: 'Follow along' });
    expect(dialog.querySelector('[data-follow-link]')?.textContent).toBe(`${window.location.origin}/#/autoencoder/3?seed=7`);
    expect(screen.getByRole('img', { name: /QR code/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Annotate', pressed: true })).toBeTruthy();

    key(document.body, 'Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(appStore.getState().annotate).toBe(true);
    key(document.body, 'Escape');
    expect(appStore.getState().annotate).toBe(false);
    expect(appStore.getState().presenter).toBe(true);
    key(document.body, 'Escape');
    expect(appStore.getState().presenter).toBe(false);
  });

  it('A does nothing where no lesson is on screen', () => {
    render(<Page lesson={false} />);
    key(document.body, 'a');
    expect(appStore.getState().annotate).toBe(false);
  });

  it('a typed host is checked, used for the link, remembered; a bad one gets a message and changes nothing', async () => {
    act(() => {
      appStore.getState().setRoute({ slug: 'cifar10', step: 2, params: {} });
      appStore.getState().setSeedInUse({ slug: 'cifar10', param: 'seed', seed: 4242 });
    });
    render(<Page />);
    fireEvent.click(screen.getByRole('button', { name: 'Follow along' }));
    await screen.findByRole('dialog', { name: 'Follow along' });
    const link = () => document.querySelector('[data-follow-link]')?.textContent;
    expect(link()).toBe(`${window.location.origin}/#/cifar10/2?seed=4242`);
    const field = screen.getByRole('textbox', { name: 'Another address' });
    fireEvent.change(field, { target: { value: 'http://192.168.1.20:4173/cnn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this address' }));
    expect(screen.getByRole('alert').textContent).toMatch(/no path/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(link()).toBe(`${window.location.origin}/#/cifar10/2?seed=4242`);
    fireEvent.change(field, { target: { value: 'http://192.168.1.20:4173' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this address' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(link()).toBe('http://192.168.1.20:4173/#/cifar10/2?seed=4242');
    expect(localStorage.getItem(HOST_STORAGE_KEY)).toBe('http://192.168.1.20:4173');
    // Back to this page's own origin: forgotten.
    fireEvent.click(screen.getByRole('radio', { name: /\(this page\)/ }));
    expect(link()).toBe(`${window.location.origin}/#/cifar10/2?seed=4242`);
    expect(localStorage.getItem(HOST_STORAGE_KEY)).toBeNull();
  });
});
