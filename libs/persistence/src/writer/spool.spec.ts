import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Rec } from './records';
import { Spool } from './spool';

const rec = (i: number): Rec => ({
  t: 'call_leg',
  r: { id: `leg-${i}`, customer_number: '电话 13900000000' },
});

describe('Spool (append-only JSON lines)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'spool-'));
    file = path.join(dir, 'sub', 'records.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back in order in batches, commits, and deletes the file once drained', () => {
    const spool = new Spool(file);
    spool.append(Array.from({ length: 2_500 }, (_, i) => rec(i)));
    expect(spool.records).toBe(2_500);
    const first = spool.read(1_000);
    expect(first.recs.map((r) => r.r.id)).toEqual(
      Array.from({ length: 1_000 }, (_, i) => `leg-${i}`),
    );
    // Not committed: the same records come again (a failed batch is retried from the spool).
    expect(spool.read(1_000).recs[0]!.r.id).toBe('leg-0');
    spool.commit(first.end, first.recs.length);
    spool.append([rec(2_500)]);
    const rest: string[] = [];
    for (let read = spool.read(700); read.recs.length > 0; read = spool.read(700)) {
      rest.push(...read.recs.map((r) => String(r.r.id)));
      spool.commit(read.end, read.recs.length);
    }
    expect(rest).toEqual(Array.from({ length: 1_501 }, (_, i) => `leg-${i + 1_000}`));
    expect(spool.finishIfDrained()).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(spool).toMatchObject({ active: false, records: 0, bytes: 0 });
  });

  it('survives a restart: a new Spool on the same file resumes it', () => {
    const before = new Spool(file);
    before.append([rec(1), rec(2)]);
    before.close();
    const after = new Spool(file);
    expect(after).toMatchObject({ active: true, records: 2 });
    expect(after.read(10).recs.map((r) => r.r.id)).toEqual(['leg-1', 'leg-2']);
  });

  it('sets torn or foreign lines aside instead of stalling', () => {
    const spool = new Spool(file);
    spool.append([rec(1)]);
    spool.flushPending();
    appendFileSync(file, '{"t":"call_leg","r":{"id":"torn\n{"t":"nope","r":{}}\n');
    const restarted = new Spool(file);
    restarted.append([rec(2)]);
    const read = restarted.read(10);
    expect(read.recs.map((r) => r.r.id)).toEqual(['leg-1', 'leg-2']);
    expect(read.bad).toHaveLength(2);
    restarted.commit(read.end, read.recs.length + read.bad.length);
    expect(restarted.finishIfDrained()).toBe(true);
  });

  it('writes the rejected file for people to read', () => {
    Spool.reject(path.join(dir, 'rejected.jsonl'), rec(7), 'invalid input syntax for type date');
    expect(JSON.parse(readFileSync(path.join(dir, 'rejected.jsonl'), 'utf8'))).toMatchObject({
      rec: rec(7),
      reason: expect.stringContaining('date'),
    });
  });
});
