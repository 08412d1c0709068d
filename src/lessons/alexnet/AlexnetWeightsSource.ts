import {
  AlexNetWeightsError, MANIFEST_FILE_NAMES, baseName, fetchShards, locateAlexNetTensors, parseWeightsManifest,
  readShardsFromFiles, type NamedBlob, type ShardReadOptions, type WeightsManifest,
} from '../../model/alexnetWeights';

/**
 * The bytes half of `loadAlexNetFromFiles` / `loadAlexNetFromUrl` (src/model/alexnetWeights.ts): the checked
 * manifest and the concatenated shards, without building the network, so the page can show "Building…" and paint
 * once before the synchronous build of 61 million parameters.
 */
export interface WeightBytes { manifest: WeightsManifest; buffer: ArrayBuffer }

function parseManifest(text: string, file: string): WeightsManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AlexNetWeightsError('manifest', `${file} is not valid JSON`, file);
  }
  const manifest = parseWeightsManifest(json);
  locateAlexNetTensors(manifest);
  return manifest;
}

/** The chosen files' manifest (model.json or weights_manifest.json) and shards, every shard checked. */
export async function readWeightFiles(files: readonly NamedBlob[], opts: ShardReadOptions): Promise<WeightBytes> {
  const file = MANIFEST_FILE_NAMES.map((n) => files.find((f) => baseName(f.name) === n)).find((f) => f !== undefined);
  if (!file) throw new AlexNetWeightsError('manifest', `None of the chosen files is ${MANIFEST_FILE_NAMES.join(' or ')}`);
  const manifest = parseManifest(await file.text(), baseName(file.name));
  return { manifest, buffer: await readShardsFromFiles(manifest, files, opts) };
}

/** The manifest at `manifestUrl` and the shards from its folder. */
export async function downloadWeights(manifestUrl: string, opts: ShardReadOptions): Promise<WeightBytes> {
  const file = baseName(manifestUrl);
  let response: Response;
  try {
    response = await fetch(manifestUrl, { signal: opts.signal });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw new AlexNetWeightsError('http', `Could not download ${file} from ${manifestUrl}: ${(e as Error).message} (is the address right, and does the server allow cross-origin requests?)`, file);
  }
  if (!response.ok) throw new AlexNetWeightsError('http', `${file} could not be downloaded from ${manifestUrl}: HTTP ${response.status}`, file);
  const manifest = parseManifest(await response.text(), file);
  const folder = manifestUrl.split(/[?#]/)[0].replace(/[^/]*$/, '');
  return { manifest, buffer: await fetchShards(folder, manifest, opts) };
}
