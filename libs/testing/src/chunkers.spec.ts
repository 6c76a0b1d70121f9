import { byteByByte, cutAt, randomCuts } from './chunkers';

const bytes = Buffer.from('Event: QueueMemberAdded\r\nMemberName: Zhang Min 张敏\r\n\r\n', 'utf8');

describe('chunkers', () => {
  it('cutAt cuts at the given offsets only', () => {
    const chunks = cutAt([30, 3, 3, 0, 999])(bytes);
    expect(chunks.map((c) => c.length)).toEqual([3, 27, bytes.length - 30]);
    expect(Buffer.concat(chunks)).toEqual(bytes);
  });

  it('randomCuts is deterministic per seed and bounded by maxChunk', () => {
    const chunker = randomCuts(42, 5);
    const sizes = chunker(bytes).map((c) => c.length);
    expect(chunker(bytes).map((c) => c.length)).toEqual(sizes);
    expect(randomCuts(43, 5)(bytes).map((c) => c.length)).not.toEqual(sizes);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    expect(Buffer.concat(chunker(bytes))).toEqual(bytes);
  });

  it('byteByByte gives one-byte chunks', () => {
    const chunks = byteByByte(bytes);
    expect(chunks).toHaveLength(bytes.length);
    expect(Buffer.concat(chunks)).toEqual(bytes);
  });

  it('rejects a maxChunk below 1', () => {
    expect(() => randomCuts(1, 0)).toThrow();
  });
});
