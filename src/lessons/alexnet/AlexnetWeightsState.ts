import { useCallback, useEffect, useRef, useState } from 'react';
import {
  forgetCachedWeights, readCachedWeights, readCachedWeightsInfo, writeCachedWeights, type CachedWeightsInfo,
} from '../../engine/alexnetCache';
import type { AlexNet } from '../../model/alexnet';
import { AlexNetWeightsError, alexnetFromBuffer, type NamedBlob } from '../../model/alexnetWeights';
import { downloadWeights, readWeightFiles, type WeightBytes } from './AlexnetWeightsSource';

/** Bytes of TensorSpace's 59 shards (58 × 4,194,304 + 591,276), shown before the manifest is read. */
export const ALEXNET_WEIGHT_BYTES = 243_860_908;

export type CacheStatus =
  | { kind: 'checking' }
  | { kind: 'none' }
  | { kind: 'present'; info: CachedWeightsInfo }
  | { kind: 'unavailable'; message: string };

export interface WeightsProgress {
  source: string;
  fromCache: boolean;
  loadedBytes: number;
  totalBytes: number;
  /** The file the last bytes came from (none for the cache). */
  file: string | null;
  /** All bytes are in: the network is being built from them. */
  building: boolean;
}

export interface AlexnetWeightsStatus {
  /** The loaded network, or null; owned by the lesson (disposed when it unmounts or is replaced). */
  net: AlexNet | null;
  loaded: { source: string; fromCache: boolean; seconds: number } | null;
  loading: WeightsProgress | null;
  /** Why the last load failed (what was loaded before stays loaded). */
  problem: string | null;
  cache: CacheStatus;
  /** Bytes written so far while the weights are being kept in IndexedDB. */
  caching: { doneBytes: number; totalBytes: number } | null;
  /** The result of the last write to, or removal from, the cache. */
  cacheNote: { text: string; bad: boolean } | null;
}

export interface AlexnetWeights extends AlexnetWeightsStatus {
  loadFiles(files: readonly NamedBlob[], source: string): void;
  loadUrl(url: string): void;
  loadCache(): void;
  cancel(): void;
  forgetCache(): void;
}

const INITIAL: AlexnetWeightsStatus = { net: null, loaded: null, loading: null, problem: null, cache: { kind: 'checking' }, caching: null, cacheNote: null };

/** A load failure as a sentence for the student; says that nothing else changed. */
export function describeLoadFailure(error: unknown, source: string): string {
  if (error instanceof DOMException && error.name === 'AbortError') return 'Loading was cancelled';
  if (error instanceof AlexNetWeightsError) {
    // Where the error's own message does not say what kind of problem it is, a lead says so.
    const lead: Partial<Record<AlexNetWeightsError['kind'], string>> = {
      'manifest': 'No usable weights manifest',
      'missing-tensor': 'These are not AlexNet\'s weights',
      'shape': 'These are not AlexNet\'s weights',
      'dtype': 'These are not AlexNet\'s weights',
      'buffer': 'The weights do not match their manifest',
    };
    return lead[error.kind] ? `${lead[error.kind]}: ${error.message}` : error.message;
  }
  const text = error instanceof Error ? error.message : String(error);
  return `AlexNet could not be built from ${source}: ${text}`;
}

/** Milliseconds between two progress re-renders. */
const PROGRESS_EVERY_MS = 100;

/** Resolves after the browser has painted once (a hidden tab runs no animation frames, so at most 100 ms). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(); }, 0));
  });
}

/**
 * AlexNet's weights for the whole lesson: loaded from files, a URL or this browser's IndexedDB cache (read
 * automatically when the lesson opens), with progress, Cancel and the cache's state. A failed load changes
 * nothing else; a new network replaces and disposes the old one; unmounting disposes it.
 */
export function useAlexnetWeights(): AlexnetWeights {
  const [status, setStatus] = useState<AlexnetWeightsStatus>(INITIAL);
  const netRef = useRef<AlexNet | null>(null);
  const loadRef = useRef<{ id: number; controller: AbortController } | null>(null);
  const generation = useRef(0);
  const live = useRef(true);
  const patch = useCallback((p: Partial<AlexnetWeightsStatus>) => { if (live.current) setStatus((s) => ({ ...s, ...p })); }, []);

  const refreshCache = useCallback(async () => {
    try {
      const info = await readCachedWeightsInfo();
      patch({ cache: info ? { kind: 'present', info } : { kind: 'none' } });
      return info;
    } catch (e) {
      patch({ cache: { kind: 'unavailable', message: e instanceof Error ? e.message : String(e) } });
      return null;
    }
  }, [patch]);

  const keepInCache = useCallback(async (loaded: WeightBytes, source: string) => {
    const started = performance.now();
    let last = 0;
    patch({ caching: { doneBytes: 0, totalBytes: loaded.buffer.byteLength }, cacheNote: null });
    try {
      const info = await writeCachedWeights(loaded.manifest, loaded.buffer, source, {
        onProgress: (p) => { const now = performance.now(); if (now - last > PROGRESS_EVERY_MS) { last = now; patch({ caching: p }); } },
      });
      patch({ caching: null, cache: { kind: 'present', info }, cacheNote: { text: `Kept in this browser's storage in ${((performance.now() - started) / 1000).toFixed(1)} s: next time they load from there.`, bad: false } });
    } catch (e) {
      patch({ caching: null, cacheNote: { text: `The weights are loaded, but this browser could not keep them (${e instanceof Error ? e.message : String(e)}). They stay loaded until you leave the page; next time supply them again.`, bad: true } });
      await forgetCachedWeights().catch(() => undefined);
      void refreshCache();
    }
  }, [patch, refreshCache]);

  /** Runs one load; a newer one, Cancel or unmounting makes it drop (and dispose) what it built. */
  const run = useCallback(async (source: string, fromCache: boolean, load: (signal: AbortSignal, onProgress: (loadedBytes: number, totalBytes: number, file: string | null) => void) => Promise<WeightBytes>) => {
    loadRef.current?.controller.abort();
    const id = ++generation.current;
    const controller = new AbortController();
    loadRef.current = { id, controller };
    const current = () => live.current && generation.current === id;
    patch({ loading: { source, fromCache, loadedBytes: 0, totalBytes: ALEXNET_WEIGHT_BYTES, file: null, building: false }, problem: null });
    const started = performance.now();
    let last = 0;
    try {
      const bytes = await load(controller.signal, (loadedBytes, totalBytes, file) => {
        const now = performance.now();
        if (!current() || (now - last < PROGRESS_EVERY_MS && loadedBytes < totalBytes)) return;
        last = now;
        patch({ loading: { source, fromCache, loadedBytes, totalBytes, file, building: false } });
      });
      if (!current()) return;
      const total = bytes.buffer.byteLength;
      patch({ loading: { source, fromCache, loadedBytes: total, totalBytes: total, file: null, building: true } });
      await afterPaint();
      if (!current()) return;
      // Synchronous: 61 million values copied into the backend's memory.
      const net = alexnetFromBuffer(bytes.manifest, bytes.buffer);
      const old = netRef.current;
      netRef.current = net;
      old?.dispose();
      patch({ net, loading: null, loaded: { source, fromCache, seconds: (performance.now() - started) / 1000 } });
      if (!fromCache) void keepInCache(bytes, source);
    } catch (e) {
      if (!current()) return;
      const problem = fromCache && !(e instanceof DOMException && e.name === 'AbortError')
        ? `The cached weights could not be used (${e instanceof Error ? e.message : String(e)}). Forget them and supply the files again`
        : describeLoadFailure(e, source);
      patch({ loading: null, problem });
    } finally {
      if (loadRef.current?.id === id) loadRef.current = null;
    }
  }, [patch, keepInCache]);

  const loadFiles = useCallback((files: readonly NamedBlob[], source: string) => {
    void run(source, false, (signal, onProgress) => readWeightFiles(files, { signal, onProgress: (p) => onProgress(p.loadedBytes, p.totalBytes, p.file) }));
  }, [run]);

  const loadUrl = useCallback((url: string) => {
    void run(url, false, (signal, onProgress) => downloadWeights(url, { signal, onProgress: (p) => onProgress(p.loadedBytes, p.totalBytes, p.file) }));
  }, [run]);

  const loadCache = useCallback(() => {
    void run('this browser\'s cache', true, async (signal, onProgress) => {
      const cached = await readCachedWeights({ signal, onProgress: (p) => onProgress(p.doneBytes, p.totalBytes, null) });
      if (!cached) throw new Error('nothing is cached');
      return { manifest: cached.manifest, buffer: cached.buffer };
    });
  }, [run]);

  const cancel = useCallback(() => { loadRef.current?.controller.abort(new DOMException('Loading was cancelled', 'AbortError')); }, []);

  const forgetCache = useCallback(() => {
    forgetCachedWeights().then(
      () => patch({ cacheNote: { text: `The cached weights were removed from this browser${netRef.current ? ' (the loaded network stays until you leave the page)' : ''}.`, bad: false } }),
      (e: unknown) => patch({ cacheNote: { text: `The cache could not be removed: ${e instanceof Error ? e.message : String(e)}`, bad: true } }),
    ).finally(() => void refreshCache());
  }, [patch, refreshCache]);

  // On opening the lesson: look at the cache and, if it holds the weights, load them from there.
  useEffect(() => {
    live.current = true;
    void refreshCache().then((info) => { if (info && live.current && !netRef.current && !loadRef.current) loadCache(); });
    return () => {
      live.current = false;
      loadRef.current?.controller.abort();
      loadRef.current = null;
      netRef.current?.dispose();
      netRef.current = null;
    };
  }, [refreshCache, loadCache]);

  return { ...status, loadFiles, loadUrl, loadCache, cancel, forgetCache };
}

/** "243.9 MB" from bytes (decimal megabytes, as download sizes are quoted). */
export function formatMb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
