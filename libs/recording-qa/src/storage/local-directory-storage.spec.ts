import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageKeyRejected } from '../ports/recording-storage.port';
import {
  sampleBytes,
  sampleRecordings,
  sha256Of,
  tempStorageWithSamples,
} from '../testing/sample-recordings';
import { LocalDirectoryStorage } from './local-directory-storage';
import { parseWavHeader, wavDurationSeconds } from './wav-info';

describe('LocalDirectoryStorage', () => {
  const temp = tempStorageWithSamples();
  const storage = new LocalDirectoryStorage(temp.root);
  afterAll(() => temp.cleanup());

  it('stats, hashes, reads ranges and heads of the real sample WAVs', async () => {
    for (const s of sampleRecordings()) {
      const bytes = sampleBytes(s.file);
      expect(await storage.stat(s.file)).toMatchObject({ exists: true, size: bytes.length });
      expect(await storage.sha256(s.file)).toBe(sha256Of(bytes));
      const chunks: Buffer[] = [];
      for await (const c of await storage.open(s.file, { start: 100, end: 1099 }))
        chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(bytes.subarray(100, 1100))).toBe(true);
      const info = parseWavHeader(await storage.head(s.file, 512))!;
      expect(info).toMatchObject({
        sampleRate: 8000,
        channels: 1,
        bitsPerSample: 16,
        byteRate: 16000,
      });
      expect(wavDurationSeconds(info, bytes.length)).toBeCloseTo(s.duration_s, 2);
    }
  });

  it.each([
    '../etc/passwd',
    '/etc/passwd',
    'a/../../etc/passwd',
    '..',
    '.',
    '',
    'x\0.wav',
    '..\\..\\etc\\passwd',
    '%2e%2e/%2e%2e/etc/passwd',
    'dir//x.wav',
    '.hidden.wav',
  ])('refuses the key %j', async (key) => {
    await expect(storage.stat(key)).rejects.toBeInstanceOf(StorageKeyRejected);
    await expect(storage.open(key)).rejects.toBeInstanceOf(StorageKeyRejected);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(StorageKeyRejected);
  });

  it('refuses a symlink that leads out of the root', async () => {
    symlinkSync('/etc/hostname', join(temp.root, 'escape.wav'));
    await expect(storage.stat('escape.wav')).rejects.toBeInstanceOf(StorageKeyRejected);
    await expect(storage.sha256('escape.wav')).rejects.toBeInstanceOf(StorageKeyRejected);
  });

  it('reports missing files and directories as absent, deletes files once', async () => {
    mkdirSync(join(temp.root, '2026-11-27'));
    expect(await storage.stat('2026-11-27')).toEqual({ exists: false, size: 0, mtimeMs: 0 });
    expect(await storage.stat('nope.wav')).toEqual({ exists: false, size: 0, mtimeMs: 0 });
    writeFileSync(join(temp.root, '2026-11-27', 'gone.wav'), 'x');
    expect(await storage.delete('2026-11-27/gone.wav')).toBe(true);
    expect(await storage.delete('2026-11-27/gone.wav')).toBe(false);
  });

  it('parses only real WAV headers', () => {
    expect(parseWavHeader(Buffer.from('not a wav file at all'))).toBeUndefined();
    const header = sampleBytes(sampleRecordings()[0]!.file).subarray(0, 44);
    expect(wavDurationSeconds(parseWavHeader(header)!, 44)).toBe(0);
  });
});
