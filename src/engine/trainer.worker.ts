import { WorkerHost } from './workerHost';
import { workerBackends } from './workerBackends';
import { TRAINING_TASKS } from './trainingTasks';
import type { ToWorker } from './workerProtocol';

/** The training worker: a {@link WorkerHost} answering the page's {@link RemoteTrainer}. */
const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const host = new WorkerHost((m) => scope.postMessage(m), TRAINING_TASKS, workerBackends);
scope.onmessage = (e) => void host.handle(e.data);
