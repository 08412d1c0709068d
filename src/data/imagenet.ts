import { DatasetError } from './datasetError';
import { DatasetNotFoundError, fetchBytes } from './fetchBytes';
import { parseSha256Sums, sha256Hex } from './sha256';

/** One ILSVRC-2012 class: its output index, WordNet id, short name and WordNet synonyms. */
export interface ImagenetClass {
  index: number;
  wnid: string;
  name: string;
  synonyms: string[];
}

export const IMAGENET_CLASS_COUNT = 1000;
export const IMAGENET_FILES = { classes: 'imagenet_classes.json', checksums: 'SHA256SUMS' } as const;

/**
 * Checks a parsed `imagenet_classes.json`: an array of exactly 1,000 `{index, wnid, name, synonyms}` with
 * `index` equal to the position, in the standard ILSVRC-2012 order (sorted by WordNet id: 0 tench n01440764 …
 * 999 toilet tissue n15075141), the order in which ImageNet networks emit their 1,000 probabilities.
 * Two short names repeat (crane 134/517, maillot 638/639), so classes are told apart by index, never by name.
 */
export function parseImagenetClasses(json: unknown, file: string = IMAGENET_FILES.classes): ImagenetClass[] {
  if (!Array.isArray(json)) throw new DatasetError(file, 'is not a JSON array of classes');
  if (json.length !== IMAGENET_CLASS_COUNT) throw new DatasetError(file, `lists ${json.length} classes, expected ${IMAGENET_CLASS_COUNT}`);
  let previousWnid = '';
  return json.map((entry: unknown, i): ImagenetClass => {
    const e = entry as Partial<ImagenetClass> | null;
    if (!e || e.index !== i || typeof e.wnid !== 'string' || typeof e.name !== 'string' || !Array.isArray(e.synonyms)) {
      throw new DatasetError(file, `entry ${i} is not {index: ${i}, wnid, name, synonyms}`);
    }
    if (!/^n\d{8}$/.test(e.wnid) || e.wnid <= previousWnid) throw new DatasetError(file, `entry ${i} (${e.wnid}) is out of the standard sorted-wnid order`);
    previousWnid = e.wnid;
    return { index: i, wnid: e.wnid, name: e.name, synonyms: e.synonyms.map(String) };
  });
}

/**
 * The 1,000 ImageNet classes from the project's `datasets/imagenet/`, checked against its SHA256SUMS where the
 * browser offers Web Crypto. Every problem is a {@link DatasetError} naming the file.
 */
export async function loadImagenetClasses(baseUrl: string, fetchFn?: typeof fetch): Promise<ImagenetClass[]> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const file = IMAGENET_FILES.classes;
  const [bytes, sums] = await Promise.all([
    fetchBytes(base + file, file, { fetchFn }),
    fetchBytes(base + IMAGENET_FILES.checksums, IMAGENET_FILES.checksums, { fetchFn }).then(
      (b) => parseSha256Sums(new TextDecoder().decode(b)),
      (err: unknown) => { if (err instanceof DatasetNotFoundError) return null; throw err; },
    ),
  ]);
  const expected = sums?.get(file);
  if (expected) {
    const actual = await sha256Hex(bytes);
    if (actual !== null && actual !== expected) throw new DatasetError(file, `failed its checksum (expected sha256 ${expected}, got ${actual})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DatasetError(file, 'is not valid JSON');
  }
  return parseImagenetClasses(json, file);
}

let pending: Promise<ImagenetClass[]> | null = null;
/** Loaded once per page from `<page>/datasets/imagenet/`; a failure is forgotten so a later visit retries. */
export function loadSharedImagenetClasses(): Promise<ImagenetClass[]> {
  if (!pending) {
    pending = loadImagenetClasses(new URL('datasets/imagenet/', document.baseURI).href);
    pending.catch(() => { pending = null; });
  }
  return pending;
}
