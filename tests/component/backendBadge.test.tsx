// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { BackendBadge } from '../../src/app/BackendBadge';
import { appStore, type BackendState } from '../../src/state/store';

const STARTING: BackendState = { name: null, renderer: null, software: false, notice: null, reason: null, contextLost: false, wasm: null };

function show(patch: Partial<BackendState>) {
  act(() => appStore.getState().setBackend({ ...STARTING, ...patch }));
  return render(<BackendBadge />);
}

afterEach(() => {
  cleanup();
  act(() => appStore.getState().setBackend(STARTING));
});

describe('the header badge on WASM', () => {
  it('shows SIMD and the thread count, with no warning', () => {
    const { container } = show({ name: 'wasm', wasm: { simd: true, threadsSupported: true, multithreaded: true, threads: 3, requestedThreads: 3, isolated: true, cores: 8 } });
    expect(container.textContent).toBe('Backend: wasm · SIMD · 3 threads');
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByText('· SIMD · 3 threads', { exact: false }).getAttribute('title')).toMatch(/XNNPACK's pool runs 3 threads/);
  });
  it('warns, as a note, that without isolation there are no threads and why', () => {
    show({ name: 'wasm', wasm: { simd: true, threadsSupported: false, multithreaded: false, threads: 1, requestedThreads: null, isolated: false, cores: 8 } });
    expect(screen.getByText(/single-threaded/).textContent).toBe(' · SIMD · single-threaded');
    const note = screen.getByRole('note');
    expect(note.textContent).toBe(' ⚠ no threads: the page is not cross-origin isolated (the server sent no COOP/COEP headers); training uses one core');
    expect(note.getAttribute('title')).toMatch(/SharedArrayBuffer, which WebAssembly threads need, only to isolated pages/);
  });
  it('warns that training is slower without SIMD', () => {
    show({ name: 'wasm', wasm: { simd: false, threadsSupported: false, multithreaded: false, threads: 1, requestedThreads: null, isolated: false, cores: 2 } });
    expect(screen.getAllByRole('note').map((n) => n.textContent)).toContainEqual(' ⚠ no SIMD: this browser lacks WebAssembly SIMD, so training is slower');
  });
  it('says nothing about WASM on other backends', () => {
    const { container } = show({ name: 'webgl', renderer: 'ANGLE (NVIDIA)' });
    expect(container.textContent).toBe('Backend: webgl · ANGLE (NVIDIA)');
  });
});
