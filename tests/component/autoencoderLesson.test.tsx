// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as tf from '@tensorflow/tfjs';
import { App } from '../../src/app/App';
import { parseHash } from '../../src/app/route';
import { appStore } from '../../src/state/store';
import { fileFetch } from '../helpers/fileFetch';

const ROOT = process.cwd(); // vitest runs from the repository root
const serveFromDisk = fileFetch(ROOT);

/** The project's real files, served by path as a static server would. */
function diskFetch(missing?: string): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, document.baseURI);
    if (missing && url.pathname.endsWith(missing)) return new Response('Not Found', { status: 404, statusText: 'Not Found' });
    return serveFromDisk(url.pathname, init);
  };
}

function goTo(hash: string) {
  window.history.replaceState(null, '', hash);
  appStore.getState().setRoute(parseHash(hash));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  // jsdom has no canvas: the widgets skip drawing (drawing is tested in Chromium).
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  appStore.getState().setBackend({ name: 'cpu' });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('lecture shell', () => {
  it('the home page lists the outline; an unknown lesson gets a proper page', async () => {
    goTo('#/?seed=3');
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'CNN Lab' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Autoencoder via MATLAB' }).getAttribute('href')).toBe('#/autoencoder?seed=3');
    expect(screen.getByText('Backend: cpu')).toBeTruthy();
    act(() => goTo('#/no-such-lesson?seed=3'));
    expect(await screen.findByRole('heading', { name: /No lesson called “no-such-lesson”/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the outline' }).getAttribute('href')).toBe('#/?seed=3');
  });
});

describe('autoencoder lesson', () => {
  // The missing-file case runs first: a successful load is cached for the page, as in the app.
  it('a missing data file is named in an alert and nothing else breaks', async () => {
    vi.stubGlobal('fetch', diskFetch('t10k-images-idx3-ubyte.gz'));
    goTo('#/autoencoder?backend=cpu');
    render(<App />);
    const alert = await screen.findByRole('alert', {}, { timeout: 30_000 });
    expect(alert.textContent).toMatch(/t10k-images-idx3-ubyte\.gz/);
    expect(alert.textContent).toMatch(/404/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'CNN Lab' })).toBeTruthy();
  }, 60_000);

  it('renders its controls, reachable by role and name, and Step trains one batch', async () => {
    vi.stubGlobal('fetch', diskFetch());
    goTo('#/autoencoder/2?seed=11&backend=cpu');
    render(<App />);
    expect(await screen.findByText('Step 2 of 8', {}, { timeout: 10_000 })).toBeTruthy();
    const status = await screen.findByRole('status', {}, { timeout: 30_000 });
    await waitFor(() => expect(status.textContent).toMatch(/^step 0 · loss \d+\.\d+$/), { timeout: 30_000 });
    for (const name of ['Train', 'Step', 'Reset', 'Run the classification experiment', 'Clear drawing', 'Previous', 'Next']) {
      expect(screen.getByRole('button', { name, exact: true } as never)).toBeTruthy();
    }
    expect(screen.getByRole('slider', { name: /Learning rate/ })).toBeTruthy();
    expect(screen.getByRole('slider', { name: /Hidden units/ })).toBeTruthy();
    expect(screen.getByRole('slider', { name: /Input noise/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Sparsity \+ weight penalty/ })).toBeTruthy();
    expect(screen.getByText(/157,684 parameters \(counted from the model\)/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(screen.getAllByRole('status')[0].textContent).toMatch(/^step 1 · loss \d+\.\d+$/), { timeout: 30_000 });
  }, 60_000);
});
