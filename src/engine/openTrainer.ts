import * as tf from '@tensorflow/tfjs';
import { chooseWasmThreadCount } from './backend';
import { RemoteTrainer, type RemoteTrainerOptions } from './remoteTrainer';
import { TRAINING_TASKS } from './trainingTasks';
import { workerBackends } from './workerBackends';
import { WorkerHost } from './workerHost';
import type { PortLike, ToWorker, WorkerReady } from './workerProtocol';
import { errorText } from './format';

export interface OpenedTrainer<Extra> {
  trainer: RemoteTrainer<Extra>;
  ready: WorkerReady;
  /** True when training runs in a Web Worker; false when it had to run on the page. */
  inWorker: boolean;
  /** Why training runs on the page, or null. */
  note: string | null;
}

declare global {
  interface Window { __cnnlabTrainers?: Record<string, RemoteTrainer<unknown>> }
}

/** With `testhooks=1` in the address, browser tests reach open trainers (e.g. to lose the worker's WebGL context). */
function exposeForTests(task: string, trainer: RemoteTrainer<unknown>): void {
  if (typeof window === 'undefined' || !/[?&]testhooks=1(&|$)/.test(window.location.hash)) return;
  window.__cnnlabTrainers = { ...window.__cnnlabTrainers, [task]: trainer };
}


/**
 * Opens a trainer for a named task (engine/trainingTasks.ts) in a Web Worker, on the given backend, so the
 * page keeps painting while it trains. Where a worker cannot run (no Worker, or it fails to start), the same
 * host runs on the page instead, and `note` says so.
 */
export async function openTrainer<Extra>(task: string, config: unknown, backend: string, opts: RemoteTrainerOptions<Extra> = {}): Promise<OpenedTrainer<Extra>> {
  const assetBase = new URL('./', document.baseURI).href;
  // All cores but one (the page's) where the page is cross-origin isolated; the worker uses it only then.
  const threads = chooseWasmThreadCount(navigator.hardwareConcurrency, globalThis.crossOriginIsolated === true) ?? 1;
  let note: string;
  if (typeof Worker === 'undefined') {
    note = 'This browser has no Web Workers, so training runs on the page: it may stutter while a step runs.';
  } else {
    let worker: Worker | null = null;
    let trainer: RemoteTrainer<Extra> | null = null;
    try {
      worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: `train-${task}` });
      trainer = new RemoteTrainer<Extra>(worker, opts);
      const failed = new Promise<never>((_, reject) => {
        worker!.addEventListener('error', (e) => reject(new Error(e.message || 'the worker script failed to load')));
      });
      const ready = await Promise.race([trainer.init(task, config, backend, assetBase, threads), failed]);
      exposeForTests(task, trainer as RemoteTrainer<unknown>);
      return { trainer, ready, inWorker: true, note: null };
    } catch (err) {
      trainer?.dispose();
      worker?.terminate();
      note = `Training runs on the page because the worker failed (${errorText(err)}): the page may stutter while a step runs.`;
    }
  }
  const channel = new MessageChannel();
  const host = new WorkerHost((m) => channel.port2.postMessage(m), TRAINING_TASKS, workerBackends, { nextFrame: () => tf.nextFrame(), frameBudgetMs: 12 });
  channel.port2.onmessage = (e: MessageEvent<ToWorker>) => void host.handle(e.data);
  const port: PortLike & { terminate: () => void } = {
    postMessage: (m) => channel.port1.postMessage(m),
    get onmessage() { return channel.port1.onmessage; },
    set onmessage(fn) { channel.port1.onmessage = fn; },
    terminate: () => {
      host.dispose();
      channel.port1.close();
      channel.port2.close();
    },
  };
  const trainer = new RemoteTrainer<Extra>(port, opts);
  const ready = await trainer.init(task, config, backend, assetBase, threads);
  exposeForTests(task, trainer as RemoteTrainer<unknown>);
  return { trainer, ready, inWorker: false, note };
}
