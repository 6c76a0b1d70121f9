import { existsSync } from 'node:fs';
import { type Fields } from './ami/frame';
import { type AmiTestClient, type ReceivedFrame } from './test-support/ami-test-client';
import {
  CAPTURES_DIR,
  captureFiles,
  eventShapes,
  readCaptureFrames,
} from './test-support/capture-reader';
import { fastDay, recordRun } from './test-support/record-run';

/**
 * THE DIALECT TEST. For every event type that both real Asterisk (the four captures) and the
 * simulator produce, the simulator's key lists (keys in order, ChanVariable ignored) must be
 * among the real ones, and both must use the same set of keys.
 */
describe('dialect: simulator events have the fields of real Asterisk 22.10.1 events', () => {
  let real: Map<string, Set<string>>;
  let simulated: Map<string, Set<string>>;
  let responses: Fields[];
  let captured: Fields[];

  beforeAll(async () => {
    if (!existsSync(CAPTURES_DIR)) throw new Error(`captures not found in ${CAPTURES_DIR}`);
    captured = captureFiles().flatMap((file) => readCaptureFrames(file));
    real = eventShapes(captured);
    let joins = 0;
    // Poll the list actions now and then during the day, so their items are compared too.
    const poll = (frame: ReceivedFrame, client: AmiTestClient): void => {
      if (frame.get('Event') !== 'QueueCallerJoin' || ++joins % 8 !== 0) return;
      for (const action of [
        'QueueStatus',
        'QueueSummary',
        'CoreShowChannels',
        'Status',
        'CoreSettings',
      ]) {
        client.send(action);
      }
    };
    // A finite speed (two simulated hours per wall second) lets the polls land all over the day.
    const run = await recordRun(fastDay({ seed: 7, speed: 7200 }), poll);
    simulated = eventShapes(run.frames.map((f) => f.fields));
    responses = run.frames.filter((f) => f.fields[0]?.[0] === 'Response').map((f) => f.fields);
  });

  it('compares a broad set of event types', () => {
    const shared = [...simulated.keys()].filter((type) => real.has(type)).sort();
    // Printed so a reader of the test output sees exactly what was compared.
    const variants = shared.reduce((n, type) => n + (simulated.get(type)?.size ?? 0), 0);
    process.stdout.write(
      `dialect: ${shared.length} event types (${variants} key lists) compared: ${shared.join(', ')}\n`,
    );
    const notSimulated = [...real.keys()].filter((type) => !simulated.has(type)).sort();
    process.stdout.write(`dialect: real-only types (not simulated): ${notSimulated.join(', ')}\n`);
    const onlySimulated = [...simulated.keys()].filter((type) => !real.has(type));
    process.stdout.write(
      `dialect: simulator-only types: ${onlySimulated.join(', ') || '(none)'}\n`,
    );
    expect(shared.length).toBeGreaterThanOrEqual(40);
  });

  it('uses, per event type, only key lists that real Asterisk sends', () => {
    const mismatches: string[] = [];
    for (const [type, shapes] of simulated) {
      const realShapes = real.get(type);
      if (!realShapes) continue;
      for (const shape of shapes) if (!realShapes.has(shape)) mismatches.push(`${type}: ${shape}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('produces every field-set variant real Asterisk shows for the type (e.g. DialBegin with and without a calling channel)', () => {
    const missing: string[] = [];
    for (const [type, shapes] of simulated) {
      for (const shape of real.get(type) ?? [])
        if (!shapes.has(shape)) missing.push(`${type}: ${shape}`);
    }
    expect(missing).toEqual([]);
  });

  it('uses the same set of keys per event type as real Asterisk', () => {
    const keySet = (shapes: Set<string>): string =>
      [...new Set([...shapes].flatMap((s) => s.split(',')))].sort().join(',');
    const differences: string[] = [];
    for (const [type, shapes] of simulated) {
      const realShapes = real.get(type);
      if (realShapes && keySet(shapes) !== keySet(realShapes)) differences.push(type);
    }
    expect(differences).toEqual([]);
  });

  it('answers the captured actions with the captured response shapes', () => {
    const realResponses = new Set(
      captured.filter((f) => f[0]?.[0] === 'Response').map((f) => f.map(([k]) => k).join(',')),
    );
    const odd = [...new Set(responses.map((f) => f.map(([k]) => k).join(',')))].filter(
      (s) => !realResponses.has(s),
    );
    // Ping's answer (Ping, Timestamp) is the one shape the captures never show.
    expect(odd.filter((shape) => !shape.includes('Ping'))).toEqual([]);
  });
});
