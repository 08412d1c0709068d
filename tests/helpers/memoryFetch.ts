/**
 * A `fetch` for Node tests serving Blobs from memory by path ('models/alexnet/group1-shard1of59'; a leading './'
 * or '/' is ignored): 200 with Content-Length, or 404. Records every URL asked for in `requested`.
 */
export function memoryFetch(files: ReadonlyMap<string, Blob>): typeof fetch & { requested: string[] } {
  const requested: string[] = [];
  const f = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    init?.signal?.throwIfAborted();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requested.push(url);
    const blob = files.get(url.split(/[?#]/)[0].replace(/^(\.\/|\/)+/, ''));
    if (!blob) return new Response('Not Found', { status: 404, statusText: 'Not Found' });
    return new Response(blob, { status: 200, statusText: 'OK', headers: { 'content-length': String(blob.size) } });
  };
  return Object.assign(f, { requested });
}
