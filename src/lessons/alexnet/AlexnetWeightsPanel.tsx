import { useState } from 'react';
import { formatMb, type AlexnetWeights } from './AlexnetWeightsState';

/** The folder the files came from (webkitRelativePath's first part), if they came from a folder picker. */
function folderOf(files: readonly File[]): string | null {
  const path = files.find((f) => f.webkitRelativePath)?.webkitRelativePath;
  return path ? path.split('/')[0] : null;
}

/** A date as "28 Nov 2025, 14:16" in the reader's locale. */
function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Where AlexNet's own weights come from: files or a folder from the student's disk, a URL, or this browser's
 * cache. Shows the progress in MB, what is loaded, what is cached, and every failure as a message that changes
 * nothing else (MobileNet keeps working).
 */
export function AlexnetWeightsPanel({ weights }: { weights: AlexnetWeights }) {
  const [url, setUrl] = useState('');
  const { net, loaded, loading, problem, cache, caching, cacheNote } = weights;
  const busy = loading !== null;

  const onFiles = (list: FileList | null, input: HTMLInputElement) => {
    const files = Array.from(list ?? []);
    input.value = '';
    if (files.length === 0) return;
    const folder = folderOf(files);
    weights.loadFiles(files, folder ? `the folder ${folder} on your disk` : `${files.length} files from your disk`);
  };

  const onUrl = () => {
    const text = url.trim();
    if (!text) return;
    // A folder URL means its weights_manifest.json.
    weights.loadUrl(/\/$/.test(text) ? `${text}weights_manifest.json` : text);
  };

  return (
    <section className="panel alexnet-weights-panel" aria-labelledby="alexnet-weights-title">
      <h3 id="alexnet-weights-title">AlexNet&apos;s own weights</h3>
      <p className="model-facts">
        The app does not ship AlexNet&apos;s 61 million weights (233 MB). Supply the files of{' '}
        <strong>TensorSpace&apos;s conversion of Caffe&apos;s bvlc_alexnet</strong> (tensorspace-team/tensorspace,
        folder <code>examples/alexnet/alexnet/</code>, Apache-2.0): the 59 files <code>group1-shard1of59</code> …{' '}
        <code>group1-shard59of59</code> and <code>weights_manifest.json</code> (or a <code>model.json</code> that holds it).
      </p>

      <div className="weights-sources">
        <label className="file-button">
          Choose the 60 files…
          <input type="file" multiple disabled={busy} aria-label="Choose AlexNet's weight files" onChange={(e) => onFiles(e.target.files, e.target)} />
        </label>
        <label className="file-button">
          Choose their folder…
          <input type="file" multiple disabled={busy} aria-label="Choose the folder of AlexNet's weights"
            ref={(el) => { el?.setAttribute('webkitdirectory', ''); }} onChange={(e) => onFiles(e.target.files, e.target)} />
        </label>
        <form className="weights-url" onSubmit={(e) => { e.preventDefault(); onUrl(); }}>
          <label>
            or a URL of the manifest:{' '}
            <input type="url" value={url} placeholder="https://…/weights_manifest.json" disabled={busy} onChange={(e) => setUrl(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || url.trim() === ''}>Download</button>
        </form>
      </div>
      <p className="hint">
        Only a URL you type here makes the page download anything from outside this app; the server must allow
        cross-origin requests (CORS).
      </p>

      {loading && (
        <div className="weights-progress" role="status" aria-live="polite">
          <label>
            {loading.building ? `All ${formatMb(loading.totalBytes)} are in: building the network…`
              : <>{loading.fromCache ? 'Reading the weights from this browser\'s cache' : `Loading the weights from ${loading.source}`}:{' '}
                {formatMb(loading.loadedBytes)} of {formatMb(loading.totalBytes)}{loading.file ? ` (${loading.file})` : ''}</>}
            <progress max={loading.totalBytes} value={loading.loadedBytes} aria-label="AlexNet's weights loaded" />
          </label>
          <button type="button" onClick={weights.cancel}>Cancel</button>
        </div>
      )}
      {!loading && net && loaded && (
        <p className="weights-loaded" role="status">
          <strong>AlexNet is loaded</strong> from {loaded.source} in {loaded.seconds.toFixed(1)} s:{' '}
          {net.parameterCount().toLocaleString('en-US')} parameters, counted from the built network.
        </p>
      )}
      {!loading && !net && !problem && cache.kind !== 'checking' && <p className="hint">No AlexNet loaded: the other panels use MobileNet.</p>}
      {problem && (
        <p className="notice" role="alert">
          {problem}{/[.!?]$/.test(problem) ? '' : '.'}{' '}
          {net ? 'The AlexNet loaded before is still in use.' : 'Nothing else changed: MobileNet keeps working.'}
        </p>
      )}

      <div className="weights-cache">
        {cache.kind === 'checking' && <p className="hint">Looking in this browser&apos;s cache…</p>}
        {cache.kind === 'none' && !caching && <p className="hint">Nothing cached in this browser yet: weights you load are kept here for the next visit.</p>}
        {cache.kind === 'present' && (
          <p className="cache-line">
            Cached: {formatMb(cache.info.totalBytes)}, from {cache.info.source}, {when(cache.info.savedAt)}.{' '}
            <button type="button" disabled={busy} onClick={weights.loadCache}>Load from cache</button>{' '}
            <button type="button" disabled={busy || caching !== null} onClick={weights.forgetCache}>Forget the cached weights</button>
          </p>
        )}
        {cache.kind === 'unavailable' && (
          <p className="notice" role="alert">
            This browser&apos;s storage (IndexedDB) is not available: {cache.message}. The weights can still be loaded,
            but not kept for the next visit.
          </p>
        )}
        {caching && (
          <p className="hint" role="status">
            Keeping the weights in this browser&apos;s storage: {formatMb(caching.doneBytes)} of {formatMb(caching.totalBytes)}…
          </p>
        )}
        {cacheNote && <p className={cacheNote.bad ? 'notice' : 'hint'} role={cacheNote.bad ? 'alert' : undefined}>{cacheNote.text}</p>}
      </div>
    </section>
  );
}
