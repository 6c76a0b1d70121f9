import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ConversationAudio } from './conversation-audio';
import { MIXMONITOR_SAMPLE_RATE, pcmBytes, wavHeader } from './wav';

/** Where the simulated MixMonitor leaves its files; the default writes nothing (no folder). */
export interface MixMonitorFiles {
  /** A finished recording of `seconds` under `fileName` (the id-based name Asterisk uses). */
  record(fileName: string, seconds: number): void;
}

export const NO_RECORDING_FILES: MixMonitorFiles = { record: () => undefined };

/** Audio rendered and written per slice: a few seconds, so the simulation keeps its pace. */
const SLICE_SAMPLES = 4 * MIXMONITOR_SAMPLE_RATE;

/**
 * Writes each recording as a complete WAV into one folder: first under a hidden temporary name,
 * then renamed, so a reader never sees a half-written file (it sees none, then the whole one).
 * The audio depends only on the simulator's seed and the file name.
 */
export class RecordingWriter implements MixMonitorFiles {
  /** Files are written one after another, a slice at a time, so the simulation keeps its pace. */
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  written = 0;
  failed = 0;

  constructor(
    private readonly dir: string,
    private readonly seed: number,
  ) {}

  record(fileName: string, seconds: number): void {
    this.queue = this.queue
      .then(() => (this.stopped ? false : this.write(fileName, seconds).then(() => true)))
      .then(
        (done) => void (this.written += done ? 1 : 0),
        () => void (this.failed += 1),
      );
  }

  /** Resolves once every file asked for so far is on disk (or has failed). */
  async flush(): Promise<void> {
    await this.queue;
  }

  /** Finishes the file being written and drops the rest: the PBX is going away. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.queue;
  }

  private async write(fileName: string, seconds: number): Promise<void> {
    const audio = new ConversationAudio(audioSeed(this.seed, fileName), seconds);
    const temp = join(this.dir, `.${fileName}.partial`);
    const file = await open(temp, 'w');
    try {
      await file.write(wavHeader(audio.sampleCount * 2));
      for (let from = 0; from < audio.sampleCount; from += SLICE_SAMPLES) {
        await new Promise<void>((r) => setImmediate(r)); // let timers and sockets run first
        await file.write(pcmBytes(audio.render(from, from + SLICE_SAMPLES)));
      }
    } catch (error) {
      await file.close();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await file.close();
    await rename(temp, join(this.dir, fileName));
  }
}

/** FNV-1a of the file name mixed with the seed: one audio stream per recording. */
function audioSeed(seed: number, fileName: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < fileName.length; i += 1)
    h = Math.imul(h ^ fileName.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
