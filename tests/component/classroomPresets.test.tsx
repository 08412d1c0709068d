// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ClassroomPresets } from '../../src/app/ClassroomPresets';
import { appStore, useAppStore } from '../../src/state/store';
import { PRESETS, activePreset, settingsFromParams } from '../../src/lessons/autoencoder/settings';

/** What the autoencoder's settings panel does: the pressed preset follows the address. */
function Panel({ onApply }: { onApply?: () => void }) {
  const params = useAppStore((s) => s.route.params);
  return <ClassroomPresets presets={PRESETS} active={activePreset(settingsFromParams(params))} onApply={onApply} />;
}

afterEach(() => {
  cleanup();
  act(() => appStore.getState().setRoute({ slug: 'home', step: 1, params: {} }));
});

describe('ClassroomPresets', () => {
  it('presses the preset the address holds and says what to expect', () => {
    act(() => appStore.getState().setRoute({ slug: 'autoencoder', step: 1, params: { seed: '1', sparse: '0' } }));
    render(<Panel />);
    const group = screen.getByRole('group', { name: 'Classroom presets' });
    expect(group.querySelectorAll('button')).toHaveLength(PRESETS.length);
    const pressed = screen.getAllByRole('button', { pressed: true });
    expect(pressed.map((b) => b.textContent)).toEqual([PRESETS.find((p) => p.id === 'no-sparsity')!.name]);
    expect(screen.getByText(/What the class should see, and when/).parentElement?.textContent).toContain(PRESETS.find((p) => p.id === 'no-sparsity')!.expect);
  });

  it('writes a preset into the address (keeping the seed), then calls onApply', () => {
    act(() => appStore.getState().setRoute({ slug: 'autoencoder', step: 1, params: { seed: '4', lr: '0.003', sparse: '0' } }));
    const onApply = vi.fn();
    render(<Panel onApply={onApply} />);
    expect(screen.queryAllByRole('button', { pressed: true })).toHaveLength(0);
    expect(screen.getByText(/match no preset/)).toBeTruthy();
    const denoising = PRESETS.find((p) => p.id === 'denoising')!;
    fireEvent.click(screen.getByRole('button', { name: denoising.name }));
    expect(appStore.getState().route.params).toEqual({ seed: '4', lr: '0.01', hidden: '100', noise: '0.5' });
    expect(window.location.hash).toBe('#/autoencoder?seed=4&lr=0.01&hidden=100&noise=0.5');
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: denoising.name }).getAttribute('aria-pressed')).toBe('true');
  });
});
