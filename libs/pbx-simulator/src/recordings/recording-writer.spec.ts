import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationAudio } from './conversation-audio';
import { RecordingWriter } from './recording-writer';

describe('the simulated MixMonitor files', () => {
  const dirs: string[] = [];
  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-wav-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes the same bytes for the same seed and name, other audio for another call', async () => {
    const [a, b] = [folder(), folder()];
    for (const dir of [a, b]) {
      const writer = new RecordingWriter(dir, 7);
      writer.record('1796699938.200.wav', 9.5);
      writer.record('1796699938.204.wav', 9.5);
      await writer.flush();
      expect(writer.written).toBe(2);
    }
    expect(readdirSync(a).sort()).toEqual(['1796699938.200.wav', '1796699938.204.wav']);
    const first = readFileSync(join(a, '1796699938.200.wav'));
    expect(first.length).toBe(44 + 9.5 * 8000 * 2);
    expect(readFileSync(join(b, '1796699938.200.wav')).equals(first)).toBe(true);
    expect(readFileSync(join(a, '1796699938.204.wav')).equals(first)).toBe(false);
  });

  it('renders the same samples whatever the slicing', () => {
    const audio = new ConversationAudio(3, 10);
    const whole = audio.render(0, audio.sampleCount);
    const sliced = new Int16Array(audio.sampleCount);
    sliced.set(audio.render(0, 12_345));
    sliced.set(audio.render(12_345, audio.sampleCount), 12_345);
    expect(Buffer.from(sliced.buffer).equals(Buffer.from(whole.buffer))).toBe(true);
  });

  it('sounds like turns of speech: loud syllables, quiet gaps, never clipped or silent', () => {
    const audio = new ConversationAudio(9, 60);
    const samples = audio.render(0, audio.sampleCount);
    const windows = 60 * 10; // 100 ms each
    const rms = Array.from({ length: windows }, (_, w) => {
      let sum = 0;
      for (let i = w * 800; i < (w + 1) * 800; i += 1) sum += samples[i] ** 2;
      return Math.sqrt(sum / 800);
    });
    const voiced = rms.filter((r) => r > 1000).length / windows;
    const quiet = rms.filter((r) => r < 100).length / windows;
    expect(voiced).toBeGreaterThan(0.3);
    expect(quiet).toBeGreaterThan(0.1);
    expect(samples.reduce((peak, v) => Math.max(peak, Math.abs(v)), 0)).toBeLessThan(32767);
  });
});
