/**
 * Ways to re-cut a byte stream into socket writes, so parser tests see messages split at
 * arbitrary offsets (inside `\r\n\r\n`, inside UTF-8 characters). Chunks are views, not copies.
 */

export type Chunker = (bytes: Buffer) => Buffer[];

/** Cuts at the given absolute offsets (unsorted, duplicates and out-of-range ones ignored). */
export function cutAt(offsets: readonly number[]): Chunker {
  return (bytes) => {
    const cuts = [...new Set(offsets)]
      .filter((o) => Number.isInteger(o) && o > 0 && o < bytes.length)
      .sort((a, b) => a - b);
    const chunks: Buffer[] = [];
    let start = 0;
    for (const cut of [...cuts, bytes.length]) {
      chunks.push(bytes.subarray(start, cut));
      start = cut;
    }
    return bytes.length === 0 ? [] : chunks;
  };
}

/** Chunks of 1..maxChunk bytes, the same sizes on every call for the same seed. */
export function randomCuts(seed: number, maxChunk: number): Chunker {
  if (!Number.isInteger(maxChunk) || maxChunk < 1) throw new Error('maxChunk must be >= 1');
  return (bytes) => {
    const next = mulberry32(seed);
    const chunks: Buffer[] = [];
    for (let start = 0; start < bytes.length;) {
      const size = 1 + Math.floor(next() * maxChunk);
      chunks.push(bytes.subarray(start, start + size));
      start += size;
    }
    return chunks;
  };
}

export const byteByByte: Chunker = (bytes) =>
  Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));

/** Small deterministic PRNG (mulberry32): floats in [0, 1); no Math.random so runs replay. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
