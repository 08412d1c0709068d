import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { RemoteTrainer } from '../../../src/engine/remoteTrainer';
import { WorkerHost, type TaskFactory, type WorkerBackends } from '../../../src/engine/workerHost';
import type { ToWorker } from '../../../src/engine/workerProtocol';
import { CifarTask, type CifarFilters, type CifarTaskConfig } from '../../../src/model/cifarTask';
import { randomCifarSet } from '../../helpers/cifarData';


const CONFIG: CifarTaskConfig = { seed: 3, batchSize: 4, trainFiles: 1, initialLearningRate: 0.05, decayFactor: 0.1, decaySteps: 1000, averageDecay: 0.9999, distort: true };

/** A second CPU backend under another name (the same kernels), so a test can move training between two. */
function registerSecondCpu(): void {
  if (tf.findBackend('cpu2')) return;
  const Cpu = tf.findBackend('cpu')!.constructor as new () => tf.KernelBackend;
  tf.registerBackend('cpu2', () => new Cpu());
  for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...k, backendName: 'cpu2' });
}

const backends: WorkerBackends = {
  async start(name) {
    await tf.setBackend(name);
    return { backend: tf.getBackend(), notice: null };
  },
  next: (current) => (current === 'cpu' ? 'cpu2' : null),
};

/** The page and the worker ends of one MessageChannel, as openTrainer wires them on a page without workers. */
function connect(tasks: Record<string, TaskFactory>) {
  const channel = new MessageChannel();
  const host = new WorkerHost((m) => channel.port2.postMessage(m), tasks, backends, { checkpointEveryMs: 0 });
  channel.port2.onmessage = (e: MessageEvent<ToWorker>) => void host.handle(e.data);
  const notices: string[] = [];
  const trainer = new RemoteTrainer<CifarFilters>({
    postMessage: (m) => channel.port1.postMessage(m),
    get onmessage() { return channel.port1.onmessage; },
    set onmessage(fn) { channel.port1.onmessage = fn; },
    terminate: () => { host.dispose(); channel.port1.close(); channel.port2.close(); },
  }, { onNotice: (text) => notices.push(text) });
  return { trainer, notices };
}

async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const train = randomCifarSet(40, 1);
const test = randomCifarSet(20, 2);
let opened: RemoteTrainer<CifarFilters> | null = null;

beforeAll(async () => {
  registerSecondCpu();
  await tf.setBackend('cpu');
});
afterEach(() => {
  opened?.dispose();
  opened = null;
});

describe('RemoteTrainer ↔ WorkerHost', () => {
  it('builds the task where it trains, steps, trains, pauses, reads out and resets, with no tensors left behind', async () => {
    const before = tf.memory().numTensors;
    const { trainer } = connect({ cifar10: async (c) => new CifarTask(train, test, c as CifarTaskConfig) });
    opened = trainer;
    const ready = await trainer.init('cifar10', CONFIG, 'cpu', 'http://localhost/', 1);
    expect(ready.backend).toBe('cpu');
    expect(ready.facts.parameters).toBe(1_068_298);
    await until(() => trainer.loss !== null);
    expect(trainer.history[0].step).toBe(0);

    await trainer.step();
    await until(() => trainer.completedSteps === 1);
    expect(trainer.status).toBe('paused');
    expect(Number.isFinite(trainer.loss)).toBe(true);

    trainer.start();
    expect(trainer.status).toBe('running'); // shown at once, before the worker answers
    await until(() => trainer.completedSteps >= 4);
    await trainer.pause();
    expect(trainer.status).toBe('paused');
    const stoppedAt = trainer.completedSteps;
    await new Promise((r) => setTimeout(r, 300));
    expect(trainer.completedSteps).toBe(stoppedAt);
    expect(trainer.history.at(-1)!.step).toBe(stoppedAt);

    const filters = await trainer.read<CifarFilters>('filters');
    expect(filters.conv1).toBeInstanceOf(Float32Array);
    expect(filters.conv1.length).toBe(5 * 5 * 3 * 64);
    await expect(trainer.read('nonsense')).rejects.toThrow(/no read-out "nonsense"/);

    await trainer.reset();
    expect(trainer.completedSteps).toBe(0);
    await until(() => trainer.loss !== null);
    expect(trainer.history.map((p) => p.step)).toEqual([0]);

    trainer.dispose();
    opened = null;
    await new Promise((r) => setTimeout(r, 50));
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('moves to the next backend when a step fails, with the weights it had, and keeps training', async () => {
    let failed = false;
    let taskRef: CifarTask | null = null;
    const failingOnce: TaskFactory = async (c) => {
      const task = new CifarTask(train, test, c as CifarTaskConfig);
      taskRef = task;
      const original = task.trainStep.bind(task);
      task.trainStep = (step: number) => {
        if (step === 2 && !failed && tf.getBackend() === 'cpu') {
          failed = true;
          throw new Error('simulated kernel failure');
        }
        return original(step);
      };
      return task;
    };
    const { trainer, notices } = connect({ cifar10: failingOnce });
    opened = trainer;
    await trainer.init('cifar10', CONFIG, 'cpu', 'http://localhost/', 1);
    trainer.start();
    await until(() => notices.length > 0);
    expect(notices[0]).toMatch(/^cpu failed at step 2 \(simulated kernel failure\); training continues on cpu2 from the weights of step 2\.$/);
    await until(() => trainer.completedSteps >= 4);
    expect(trainer.backend).toBe('cpu2');
    expect(trainer.status).toBe('running');
    await trainer.pause();
    expect(tf.getBackend()).toBe('cpu2');
    const w = await taskRef!.exportWeights();
    expect([...w.values()].every((v) => v.every(Number.isFinite))).toBe(true);
    await tf.setBackend('cpu');
  }, 120_000);

  it('goes back to kept weights at a kept step: readout, curve and the next step continue that run, with no tensors added', async () => {
    const { trainer } = connect({ cifar10: async (c) => new CifarTask(train, test, c as CifarTaskConfig) });
    opened = trainer;
    await trainer.init('cifar10', CONFIG, 'cpu', 'http://localhost/', 1);
    await until(() => trainer.loss !== null);
    // Step 10 keeps gradients (every 10 steps), so going back to 10 and stepping once holds the same tensors.
    for (let i = 0; i < 10; i++) await trainer.step();
    await until(() => trainer.completedSteps === 10 && trainer.history.at(-1)!.step === 10);
    const kept = { step: 10, loss: trainer.loss!, weights: await trainer.read<Record<string, Float32Array>>('weights'), curve: trainer.history.map((p) => ({ step: p.step, loss: p.loss })) };
    await trainer.step();
    await until(() => trainer.history.at(-1)?.step === 11);
    const lossAt11 = trainer.loss!;
    const tensorsAt11 = tf.memory().numTensors;
    await trainer.step();
    await trainer.step();
    await until(() => trainer.completedSteps === 13);

    await trainer.restore(kept.step, kept.loss, kept.weights, kept.curve);
    expect(trainer.completedSteps).toBe(10);
    expect(trainer.loss).toBe(kept.loss);
    expect(trainer.status).toBe('paused');
    expect(trainer.history.map((p) => p.step)).toEqual(kept.curve.map((p) => p.step));
    expect(trainer.snapshots).toEqual([]);
    expect((await trainer.read<CifarFilters>('filters')).step).toBe(10);
    expect(Array.from((await trainer.read<CifarFilters>('filters')).conv1.slice(0, 5))).toEqual(Array.from(kept.weights['conv1/weights'].slice(0, 5)));

    await trainer.step();
    await until(() => trainer.history.at(-1)?.step === 11);
    // The same batch, rate and weights as the kept run's step 11 (plain SGD has no other state): the same loss.
    expect(trainer.completedSteps).toBe(11);
    expect(trainer.loss).toBe(lossAt11);
    expect(tf.memory().numTensors).toBe(tensorsAt11);

    // Weights that do not fit are refused with the reason, and the run stays where it was.
    const broken = { ...kept.weights, 'conv2/weights': new Float32Array(3) };
    await expect(trainer.restore(2, 1, broken, [])).rejects.toThrow(/conv2\/weights: expected 102400 values, got 3/);
    expect(trainer.completedSteps).toBe(11);
    expect(trainer.loss).toBe(lossAt11);
    expect(trainer.history.at(-1)!.step).toBe(11);
    await trainer.step();
    await until(() => trainer.completedSteps === 12);
  }, 120_000);
});
