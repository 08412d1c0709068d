/**
 * Trained networks saved in the browser (IndexedDB), so a student can stop and come back, or keep a network
 * to compare with. A record holds the weights as Float32Arrays with their shapes, which model and version of
 * it they belong to, and the step they reached. Loading checks all of that before anything is replaced.
 */
export interface SavedModel {
  /** Key: the name the student gave it. */
  name: string;
  /** Which network, e.g. 'cifar10-tutorial'. */
  model: string;
  /** Layout version of that network's variables. */
  version: number;
  savedAt: string;
  step: number;
  seed: number;
  shapes: Record<string, number[]>;
  weights: Record<string, Float32Array>;
  /** e.g. the test accuracy measured before saving. */
  note?: string;
}

export interface SavedSummary { name: string; savedAt: string; step: number; note?: string }

const DB = 'cnnlab';
const STORE = 'models';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') { reject(new Error('this browser has no IndexedDB, so networks cannot be saved here')); return; }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => { if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'name' }); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(`the browser's storage could not be opened (${req.error?.message ?? 'unknown error'})`));
  });
}

async function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = body(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(new Error(`the browser's storage failed (${tx.error?.message ?? 'unknown error'})`));
      tx.onabort = () => reject(new Error(`the browser's storage refused it (${tx.error?.message ?? 'quota exceeded?'})`));
    });
  } finally {
    db.close();
  }
}

export function saveModel(record: SavedModel): Promise<unknown> {
  return run('readwrite', (s) => s.put(record));
}

export async function listModels(model: string): Promise<SavedSummary[]> {
  const all = await run('readonly', (s) => s.getAll() as IDBRequest<SavedModel[]>);
  return all.filter((r) => r.model === model).map(({ name, savedAt, step, note }) => ({ name, savedAt, step, note })).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function loadModel(name: string): Promise<SavedModel> {
  const r = await run('readonly', (s) => s.get(name) as IDBRequest<SavedModel | undefined>);
  if (!r) throw new Error(`no saved network is called "${name}"`);
  return r;
}

export function deleteModel(name: string): Promise<unknown> {
  return run('readwrite', (s) => s.delete(name));
}

/**
 * Why a saved record cannot be loaded into this network, or null when it can: another model, another version
 * of it, a variable missing or of another shape, or values that do not match their shape.
 */
export function incompatibility(record: Pick<SavedModel, 'model' | 'version' | 'shapes' | 'weights'>, expected: { model: string; version: number; shapes: Record<string, number[]> }): string | null {
  if (record.model !== expected.model) return `it is a ${record.model} network, not ${expected.model}`;
  if (record.version !== expected.version) return `it was saved by version ${record.version} of this network's layout; this page uses version ${expected.version}`;
  for (const [name, shape] of Object.entries(expected.shapes)) {
    const got = record.shapes[name];
    if (!got) return `it has no variable ${name}`;
    if (got.join('×') !== shape.join('×')) return `its ${name} is ${got.join('×')}, expected ${shape.join('×')}`;
    const n = shape.reduce((a, b) => a * b, 1);
    const w = record.weights[name];
    if (!(w instanceof Float32Array) || w.length !== n) return `its ${name} holds ${w?.length ?? 'no'} values, expected ${n}`;
    if (!w.every(Number.isFinite)) return `its ${name} contains values that are not finite numbers`;
  }
  return null;
}
