import { fetchBytes } from '../../data/fetchBytes';
import { DatasetError } from '../../data/datasetError';
import { sha256Hex } from '../../data/sha256';
import { CIFAR_VARIABLES } from '../../model/cifar10Net';
import { incompatibility } from '../../engine/savedModels';
import { CIFAR_MODEL_ID, CIFAR_MODEL_VERSION, CIFAR_SHAPES } from './SavePanel';

/** What `public/models/cifar10/model.json` says about the shipped checkpoint (written by scripts/train-cifar.mjs). */
export interface PretrainedInfo {
  model: string;
  version: number;
  weightsFile: string;
  sha256: string;
  weights: string;
  step: number;
  epochs: number;
  batchSize: number;
  testAccuracy: { images: number; raw: number; averaged: number };
  trainingHours: number;
  machine: string;
  command: string;
}

export const PRETRAINED_DIR = 'models/cifar10/';

/** The shipped checkpoint's description, or null when the project ships none. */
export async function pretrainedInfo(): Promise<PretrainedInfo | null> {
  try {
    const bytes = await fetchBytes(new URL(`${PRETRAINED_DIR}model.json`, document.baseURI).href, 'model.json');
    return JSON.parse(new TextDecoder().decode(bytes)) as PretrainedInfo;
  } catch {
    return null;
  }
}

/** The shipped weights, checked (checksum, model, layout, sizes) before they are used. */
export async function loadPretrained(info: PretrainedInfo): Promise<Record<string, Float32Array>> {
  const file = info.weightsFile;
  const bytes = await fetchBytes(new URL(`${PRETRAINED_DIR}${file}`, document.baseURI).href, file);
  const hash = await sha256Hex(bytes);
  if (hash !== null && hash !== info.sha256) throw new DatasetError(file, `failed its checksum (expected sha256 ${info.sha256}, got ${hash})`);
  if (bytes.length % 4) throw new DatasetError(file, 'is not a whole number of float32 values');
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const weights: Record<string, Float32Array> = {};
  let at = 0;
  for (const v of CIFAR_VARIABLES) {
    const n = v.shape.reduce((a, b) => a * b, 1);
    weights[v.name] = floats.slice(at, at + n);
    at += n;
  }
  if (at !== floats.length) throw new DatasetError(file, `holds ${floats.length} values; the network has ${at}`);
  const problem = incompatibility({ model: info.model, version: info.version, shapes: CIFAR_SHAPES, weights }, { model: CIFAR_MODEL_ID, version: CIFAR_MODEL_VERSION, shapes: CIFAR_SHAPES });
  if (problem) throw new DatasetError(file, `cannot be used: ${problem}`);
  return weights;
}
