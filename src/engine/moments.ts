/**
 * Moments: the state of a training run kept in this browser under a name (weights, step, loss, seed and the
 * lesson view it was on), so an instructor can put "after 1 epoch" beside "after 5", or go back to one.
 * Kept in IndexedDB database 'cnnlab-moments' (the saved-networks database 'cnnlab' is left as it is): store
 * 'moments' holds whole records, store 'summaries' the same records without weights, so listing reads no weights.
 */
export interface MomentView {
  /** The lesson step (1-based) that was on screen. */
  lessonStep: number;
  /** The lesson's URL parameters (settings, seed) at the time. */
  params: Record<string, string>;
}

/** URL parameters that belong to the device, not to the run: a moment does not carry them. */
const DEVICE_PARAMS = ['backend'];

/**
 * The view a moment keeps: the lesson step and its settings without the device's parameters, with the seed
 * written out even when the URL had none (so going back reproduces the same start and data order).
 */
export function keptView(view: MomentView, seed: number): MomentView {
  const params = Object.fromEntries(Object.entries(view.params).filter(([k]) => !DEVICE_PARAMS.includes(k)));
  params.seed = String(seed);
  return { lessonStep: view.lessonStep, params };
}

/** The loss read-backs up to the kept step, finite ones only. */
export function keptCurve(curve: readonly { step: number; loss: number }[], step: number): { step: number; loss: number }[] {
  return curve.filter((p) => p.step <= step && Number.isFinite(p.loss)).map((p) => ({ step: p.step, loss: p.loss }));
}

export interface MomentSummary {
  name: string;
  /** Lesson slug, e.g. 'autoencoder'. */
  lesson: string;
  /** Which network, e.g. 'autoencoder-dense', and the layout version of its variables. */
  model: string;
  version: number;
  /** Training batches completed when it was kept. */
  step: number;
  /** Passes through the training set (fractional) at that step. */
  epoch: number;
  /** The readout's loss at that step (null when none had been read yet). */
  loss: number | null;
  seed: number;
  view: MomentView;
  shapes: Record<string, number[]>;
  /** The loss read-backs up to `step` (the loss curve on screen), oldest first. */
  curve?: { step: number; loss: number }[];
  /** Other measured numbers, e.g. { testAccuracy: 0.41 }. */
  metrics?: Record<string, number>;
  savedAt: string;
}

export interface Moment extends MomentSummary {
  weights: Record<string, Float32Array>;
}

const DB = 'cnnlab-moments';
const FULL = 'moments';
const SUMMARIES = 'summaries';

/** Default name of a moment after `step` batches, e.g. "after 240 batches (0.26 epochs)". */
export function defaultMomentName(step: number, epochs: number): string {
  return `after ${step.toLocaleString('en-US')} batch${step === 1 ? '' : 'es'} (${epochs.toFixed(2)} epochs)`;
}

/** The record's key: names are unique within a lesson. */
export function momentKey(lesson: string, name: string): string {
  return `${lesson}/${name}`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Why a value read back from storage is not a usable moment, or null when it is: every field of the right
 * type, a shape for every weight array and values that fill it, all finite.
 */
export function momentProblem(raw: unknown): string | null {
  if (!isRecord(raw)) return 'it is not a moment record';
  if (typeof raw.name !== 'string' || !raw.name.trim()) return 'it has no name';
  if (typeof raw.lesson !== 'string' || typeof raw.model !== 'string') return 'it does not say which lesson and network it belongs to';
  if (!Number.isInteger(raw.version)) return 'it has no layout version';
  if (!Number.isInteger(raw.step) || (raw.step as number) < 0) return 'its step is not a whole number ≥ 0';
  if (typeof raw.epoch !== 'number' || !Number.isFinite(raw.epoch) || raw.epoch < 0) return 'its epoch count is not a number ≥ 0';
  if (raw.loss !== null && (typeof raw.loss !== 'number' || !Number.isFinite(raw.loss))) return 'its loss is not a finite number';
  if (!Number.isInteger(raw.seed)) return 'its seed is not a whole number';
  if (typeof raw.savedAt !== 'string' || Number.isNaN(Date.parse(raw.savedAt))) return 'its time of saving is unreadable';
  const view = raw.view;
  if (!isRecord(view) || !Number.isInteger(view.lessonStep) || (view.lessonStep as number) < 1 || !isRecord(view.params)
    || !Object.values(view.params).every((v) => typeof v === 'string')) return 'its lesson view (step and settings) is unreadable';
  if (raw.metrics !== undefined && (!isRecord(raw.metrics) || !Object.values(raw.metrics).every((v) => typeof v === 'number' && Number.isFinite(v)))) return 'its measurements are not finite numbers';
  if (raw.curve !== undefined && (!Array.isArray(raw.curve) || !raw.curve.every((p) => isRecord(p) && Number.isInteger(p.step) && typeof p.loss === 'number' && Number.isFinite(p.loss)))) return 'its loss curve is unreadable';
  if (!isRecord(raw.shapes) || !isRecord(raw.weights)) return 'it holds no weights';
  const names = Object.keys(raw.shapes);
  if (!names.length) return 'it holds no weights';
  for (const name of names) {
    const shape = raw.shapes[name];
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d > 0)) return `the shape of ${name} is unreadable`;
    const n = (shape as number[]).reduce((a, b) => a * b, 1);
    const w = raw.weights[name];
    if (!(w instanceof Float32Array)) return `it has no values for ${name}`;
    if (w.length !== n) return `its ${name} holds ${w.length} values, its shape ${(shape as number[]).join('×')} needs ${n}`;
    if (!w.every(Number.isFinite)) return `its ${name} contains values that are not finite numbers`;
  }
  for (const name of Object.keys(raw.weights)) if (!(name in raw.shapes)) return `its ${name} has no shape`;
  return null;
}

/** The record without its weights (what the list shows). */
export function summaryOf(m: Moment): MomentSummary {
  const summary: Partial<Moment> = { ...m };
  delete summary.weights;
  return summary as MomentSummary;
}

/** A storage failure in words a student can act on. */
export function storageErrorText(err: unknown): string {
  const name = isRecord(err) || err instanceof Error ? String((err as { name?: unknown }).name ?? '') : '';
  const detail = err instanceof Error || isRecord(err) ? String((err as { message?: unknown }).message ?? '') : String(err);
  if (name === 'QuotaExceededError') return `the browser's storage for this site is full (${detail}); delete some moments or saved networks and try again`;
  if (name === 'SecurityError' || name === 'NotAllowedError' || name === 'InvalidStateError') return `this browser does not let the page keep data (${detail}); a private window or blocked site data can cause this`;
  return detail || 'the browser\'s storage failed';
}

function fail(what: string, err: unknown): Error {
  return new Error(`${what}: ${storageErrorText(err)}`);
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined' || indexedDB === null) {
      reject(new Error('this browser has no IndexedDB, so moments cannot be kept here'));
      return;
    }
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB, 1);
    } catch (err) {
      reject(fail('the browser\'s storage could not be opened', err));
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(FULL)) db.createObjectStore(FULL, { keyPath: 'key' });
      if (!db.objectStoreNames.contains(SUMMARIES)) db.createObjectStore(SUMMARIES, { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(fail('the browser\'s storage could not be opened', req.error));
    req.onblocked = () => reject(new Error('the browser\'s storage is held by another tab of this app; close it and try again'));
  });
}

async function transact<T>(mode: IDBTransactionMode, body: (full: IDBObjectStore, summaries: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = db.transaction([FULL, SUMMARIES], mode);
      } catch (err) {
        reject(fail('the browser\'s storage failed', err));
        return;
      }
      let req: IDBRequest<T> | void;
      try {
        req = body(tx.objectStore(FULL), tx.objectStore(SUMMARIES));
      } catch (err) {
        tx.abort();
        reject(fail('the browser\'s storage refused it', err));
        return;
      }
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = () => reject(fail('the browser\'s storage failed', tx.error));
      tx.onabort = () => reject(fail('the browser\'s storage refused it', tx.error ?? { name: 'QuotaExceededError', message: 'aborted' }));
    });
  } finally {
    db.close();
  }
}

/** Keeps a moment (replacing one of the same name in the same lesson). Invalid records are refused. */
export async function saveMoment(m: Moment): Promise<void> {
  const problem = momentProblem(m);
  if (problem) throw new Error(`this moment cannot be kept: ${problem}`);
  const key = momentKey(m.lesson, m.name);
  await transact('readwrite', (full, summaries) => {
    full.put({ ...m, key });
    summaries.put({ ...summaryOf(m), key });
  });
}

/** This lesson's moments without weights, oldest first. */
export async function listMoments(lesson: string): Promise<MomentSummary[]> {
  const all = (await transact('readonly', (_full, summaries) => summaries.getAll() as IDBRequest<(MomentSummary & { key: string })[]>)) ?? [];
  return all.filter((r) => r.lesson === lesson).map((r) => {
    const s: Partial<MomentSummary & { key: string }> = r;
    delete s.key;
    return s as MomentSummary;
  }).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** The whole record, checked; a damaged one is reported, never returned. */
export async function loadMoment(lesson: string, name: string): Promise<Moment> {
  const raw = await transact('readonly', (full) => full.get(momentKey(lesson, name)) as IDBRequest<(Moment & { key: string }) | undefined>);
  if (!raw) throw new Error(`no moment called “${name}” is kept for this lesson`);
  const problem = momentProblem(raw);
  if (problem) throw new Error(`the moment “${name}” is damaged: ${problem}`);
  const m: Partial<Moment & { key: string }> = raw;
  delete m.key;
  return m as Moment;
}

export async function deleteMoment(lesson: string, name: string): Promise<void> {
  const key = momentKey(lesson, name);
  await transact('readwrite', (full, summaries) => {
    full.delete(key);
    summaries.delete(key);
  });
}
