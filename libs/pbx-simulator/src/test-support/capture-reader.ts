import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURES_DIR } from '@cti/testing';
import { type Fields } from '../ami/frame';

export { CAPTURES_DIR };

interface CaptureRecord {
  conn: number;
  dir: 'in' | 'out';
  data: string;
  b64?: string;
}

/** Every frame Asterisk sent in one capture (banner removed), in order. */
export function readCaptureFrames(file: string): Fields[] {
  const streams = new Map<number, Buffer[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as CaptureRecord;
    if (record.dir !== 'in') continue;
    const bytes = record.b64 ? Buffer.from(record.b64, 'base64') : Buffer.from(record.data, 'utf8');
    const list = streams.get(record.conn) ?? [];
    list.push(bytes);
    streams.set(record.conn, list);
  }
  const frames: Fields[] = [];
  for (const chunks of streams.values()) {
    let text = Buffer.concat(chunks).toString('utf8');
    if (text.startsWith('Asterisk Call Manager/')) text = text.slice(text.indexOf('\r\n') + 2);
    for (const block of text.split('\r\n\r\n')) {
      if (block === '') continue;
      frames.push(
        block.split('\r\n').map((l): [string, string] => {
          const i = l.indexOf(': ');
          return i < 0 ? [l.replace(/:$/, ''), ''] : [l.slice(0, i), l.slice(i + 2)];
        }),
      );
    }
  }
  return frames;
}

export function captureFiles(dir = CAPTURES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ami.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Shapes of events: event type -> distinct ordered key lists (ChanVariable lines ignored, as
 * they depend on `channelvars` rather than on the event type).
 */
export function eventShapes(frames: readonly Fields[]): Map<string, Set<string>> {
  const shapes = new Map<string, Set<string>>();
  for (const fields of frames) {
    if (fields[0]?.[0] !== 'Event') continue;
    const keys = fields.map(([k]) => k).filter((k) => !/ChanVariable$/.test(k));
    const set = shapes.get(fields[0][1]) ?? new Set<string>();
    set.add(keys.join(','));
    shapes.set(fields[0][1], set);
  }
  return shapes;
}
