import { describe, expect, it } from 'vitest';
import { chooseWasmThreadCount, summariseWasm, type WasmInfo } from '../../../src/engine/backend';

describe('the WASM thread count asked for', () => {
  it('is every logical core but one where the page is cross-origin isolated', () => {
    expect(chooseWasmThreadCount(8, true)).toBe(7);
    expect(chooseWasmThreadCount(4, true)).toBe(3);
    expect(chooseWasmThreadCount(2, true)).toBe(1);
  });
  it('is at least 1, also when the browser reports no or odd core counts', () => {
    expect(chooseWasmThreadCount(1, true)).toBe(1);
    expect(chooseWasmThreadCount(0, true)).toBe(1);
    expect(chooseWasmThreadCount(undefined, true)).toBe(1);
    expect(chooseWasmThreadCount(Number.NaN, true)).toBe(1);
    expect(chooseWasmThreadCount(6.5, true)).toBe(5);
  });
  it('is not set without isolation (the single-threaded binary runs then)', () => {
    expect(chooseWasmThreadCount(8, false)).toBeNull();
  });
});

const THREADED: WasmInfo = { simd: true, threadsSupported: true, multithreaded: true, threads: 4, requestedThreads: 7, isolated: true, cores: 8 };

describe('the header words for the WASM backend', () => {
  it('names SIMD and the thread count, with no warning, when both run', () => {
    const s = summariseWasm(THREADED);
    expect(s.features).toBe('SIMD · 4 threads');
    expect(s.warnings).toEqual([]);
    expect(s.detail).toContain('asked for 7');
    expect(s.detail).toContain('half of the 8 logical cores');
  });
  it('says why a threaded pool has one thread', () => {
    const s = summariseWasm({ ...THREADED, threads: 1, requestedThreads: 1, cores: 2 });
    expect(s.features).toBe('SIMD · 1 thread (tfjs takes half of 2 cores)');
    expect(s.warnings).toEqual([]);
    expect(summariseWasm({ ...THREADED, threads: 1, requestedThreads: 1, cores: 1 }).features).toBe('SIMD · 1 thread');
  });
  it('blames the missing headers when the page is not isolated', () => {
    const s = summariseWasm({ ...THREADED, threadsSupported: false, multithreaded: false, threads: 1, requestedThreads: null, isolated: false });
    expect(s.features).toBe('SIMD · single-threaded');
    expect(s.warnings).toEqual([
      'no threads: the page is not cross-origin isolated (the server sent no COOP/COEP headers); training uses one core',
    ]);
    expect(s.detail).toMatch(/SharedArrayBuffer/);
  });
  it('blames the browser when it is isolated yet has no WASM threads', () => {
    const s = summariseWasm({ ...THREADED, threadsSupported: false, multithreaded: false, threads: 1 });
    expect(s.warnings).toEqual(['no threads: this browser has no WebAssembly threads; training uses one core']);
  });
  it('says plainly that training is slower without SIMD (tfjs then has no threaded binary either)', () => {
    const s = summariseWasm({ ...THREADED, simd: false, multithreaded: false, threads: 1 });
    expect(s.features).toBe('single-threaded');
    expect(s.warnings).toEqual([
      'no SIMD: this browser lacks WebAssembly SIMD, so training is slower',
      'no threads: tfjs ships threads only in its SIMD binary; training uses one core',
    ]);
  });
});
