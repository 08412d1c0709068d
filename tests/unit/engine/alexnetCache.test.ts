import { describe, expect, it } from 'vitest';
import { CACHE_CHUNK_BYTES, chunkRanges, joinChunks, WeightsCacheError } from '../../../src/engine/alexnetCache';

describe('the AlexNet weights cache: chunking', () => {
  it('cuts TensorSpace\'s 243,860,908 bytes into 15 chunks of 16 MiB, the last one shorter', () => {
    const ranges = chunkRanges(243_860_908);
    expect(CACHE_CHUNK_BYTES).toBe(16 * 1024 * 1024);
    expect(ranges).toHaveLength(15);
    expect(ranges[0]).toEqual([0, CACHE_CHUNK_BYTES]);
    expect(ranges[14]).toEqual([14 * CACHE_CHUNK_BYTES, 243_860_908]);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1]);
  });

  it('handles exact multiples, tiny buffers and nothing', () => {
    expect(chunkRanges(20, 10)).toEqual([[0, 10], [10, 20]]);
    expect(chunkRanges(3, 10)).toEqual([[0, 3]]);
    expect(chunkRanges(0, 10)).toEqual([]);
    expect(() => chunkRanges(-1)).toThrow(RangeError);
    expect(() => chunkRanges(10, 0)).toThrow(RangeError);
  });

  it('puts the chunks back together byte for byte', () => {
    const bytes = Uint8Array.from({ length: 25 }, (_, i) => (i * 7) % 256);
    const chunks = chunkRanges(25, 10).map(([a, b]) => bytes.buffer.slice(a, b));
    expect(chunks.map((c) => c.byteLength)).toEqual([10, 10, 5]);
    expect(Array.from(new Uint8Array(joinChunks(chunks, 25, 10)))).toEqual(Array.from(bytes));
  });

  it('refuses a missing, short or surplus chunk, naming it', () => {
    const chunk = (n: number) => new ArrayBuffer(n);
    expect(() => joinChunks([chunk(10), undefined, chunk(5)], 25, 10)).toThrow(/chunk 2 of 3 in the cache is missing/);
    expect(() => joinChunks([chunk(10), chunk(9), chunk(5)], 25, 10)).toThrow(/chunk 2 of 3 in the cache is 9 bytes, not 10/);
    expect(() => joinChunks([chunk(10), chunk(10)], 25, 10)).toThrow(WeightsCacheError);
    expect(() => joinChunks([chunk(10), chunk(10), chunk(5), chunk(1)], 25, 10)).toThrow(/holds 4 chunks of the weights; 3 are needed/);
  });
});
