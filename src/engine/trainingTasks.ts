import type { TaskFactory } from './workerHost';

/**
 * The training tasks a worker can build, by name. Each loads its own data inside the worker (so the page never
 * holds the training set) and is imported only when asked for.
 */
export const TRAINING_TASKS: Record<string, TaskFactory> = {
  async cifar10(config, context) {
    const [{ loadCifarTrain, loadCifarTestSubset }, { CifarTask }] = await Promise.all([import('../data/cifar10'), import('../model/cifarTask')]);
    const c = config as import('../model/cifarTask').CifarTaskConfig;
    const base = new URL('datasets/cifar10/', context.assetBase).href;
    const train = await loadCifarTrain(base, c.trainFiles, { onProgress: (f, text) => context.progress(0.95 * f, text) });
    const test = await loadCifarTestSubset(base);
    context.progress(1, 'data loaded');
    return new CifarTask(train, test, c);
  },
  async race(config, context) {
    const [{ loadRaceData }, { RaceTask }] = await Promise.all([import('../data/raceData'), import('../model/raceTask')]);
    const c = config as import('../model/raceTask').RaceConfig & { dataset: import('../data/raceData').RaceDataset; trainCount: number };
    const data = await loadRaceData(c.dataset, c.trainCount, context.assetBase, { onProgress: (f, text) => context.progress(0.95 * f, text) });
    context.progress(1, 'data loaded');
    return new RaceTask(data, c);
  },
  async dropout(config, context) {
    const [{ loadDropoutData }, { DropoutTask }] = await Promise.all([import('../model/dropoutData'), import('../model/dropoutTask')]);
    const c = config as import('../model/dropoutTask').DropoutConfig & { dataset: import('../model/dropoutData').DropoutDataset; trainCount: number; testCount: number };
    const data = await loadDropoutData(c.dataset, c.trainCount, c.testCount, context.assetBase, { onProgress: (f, text) => context.progress(0.95 * f, text) });
    context.progress(1, 'data loaded');
    return new DropoutTask(data, c);
  },
};
