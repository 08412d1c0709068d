import { loadMnist, type LoadProgress, type MnistData } from './mnist';

/**
 * MNIST is downloaded once per page: lessons share the same promise, so leaving the lesson and coming
 * back does not download it again. A failed load is forgotten so "Try again" starts afresh.
 */
let pending: Promise<MnistData> | null = null;
const listeners = new Set<(p: LoadProgress) => void>();
let lastProgress: LoadProgress | null = null;

export function mnistUrl(): string {
  return new URL('datasets/mnist/', document.baseURI).href;
}

export function loadSharedMnist(onProgress: (p: LoadProgress) => void): { promise: Promise<MnistData>; unsubscribe: () => void } {
  listeners.add(onProgress);
  if (lastProgress) onProgress(lastProgress);
  if (!pending) {
    lastProgress = null;
    pending = loadMnist({
      baseUrl: mnistUrl(),
      includeTrain: true,
      onProgress: (p) => {
        lastProgress = p;
        for (const l of listeners) l(p);
      },
    });
    pending.catch(() => { pending = null; lastProgress = null; });
  }
  return { promise: pending, unsubscribe: () => listeners.delete(onProgress) };
}

let pendingTest: Promise<MnistData['test']> | null = null;

/** Only the 10,000 test digits (1.6 MB): reuses a full load when one exists, else downloads just the test files. */
export function loadSharedMnistTest(): Promise<MnistData['test']> {
  if (pending) return pending.then((d) => d.test);
  if (!pendingTest) {
    pendingTest = loadMnist({ baseUrl: mnistUrl(), includeTrain: false }).then((d) => d.test);
    pendingTest.catch(() => { pendingTest = null; });
  }
  return pendingTest;
}
