import { describe, expect, it } from 'vitest';
import { chooseDefaultBackend } from '../../../src/engine/backend';

describe('the default backend, chosen by measurement', () => {
  it('takes WASM where WebGL renders in software', () => {
    const c = chooseDefaultBackend({ webglSoftware: true, webglMs: null, wasmAvailable: true, wasmMs: null });
    expect(c.name).toBe('wasm');
    expect(c.reason).toMatch(/software/);
  });
  it('keeps WebGL in software when WASM cannot start', () => {
    expect(chooseDefaultBackend({ webglSoftware: true, webglMs: null, wasmAvailable: false, wasmMs: null })).toEqual({ name: 'webgl', reason: 'WASM could not start' });
  });
  it('follows the probe on a hardware GPU', () => {
    const gpu = chooseDefaultBackend({ webglSoftware: false, webglMs: 1.5, wasmAvailable: true, wasmMs: 6.2 });
    expect(gpu.name).toBe('webgl');
    expect(gpu.reason).toContain('1.5 vs 6.2 ms');
    const slowGpu = chooseDefaultBackend({ webglSoftware: false, webglMs: 9, wasmAvailable: true, wasmMs: 3 });
    expect(slowGpu.name).toBe('wasm');
    expect(slowGpu.reason).toContain('3.0 vs 9.0 ms');
  });
  it('falls back to WebGL when a probe failed', () => {
    expect(chooseDefaultBackend({ webglSoftware: false, webglMs: null, wasmAvailable: true, wasmMs: 2 }).name).toBe('webgl');
  });
});
