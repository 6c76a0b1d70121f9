import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Rec } from './records';
import { Spool } from './spool';
import { SpoolCipher, loadSpoolKey } from './spool-cipher';

const cipher = new SpoolCipher(randomBytes(32));

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
    const spool = new Spool(file, cipher);
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
    const before = new Spool(file, cipher);
    before.append([rec(1), rec(2)]);
    before.close();
    const after = new Spool(file, cipher);
    expect(after).toMatchObject({ active: true, records: 2 });
    expect(after.read(10).recs.map((r) => r.r.id)).toEqual(['leg-1', 'leg-2']);
  });

  it('sets torn or foreign lines aside instead of stalling', () => {
    const spool = new Spool(file, cipher);
    spool.append([rec(1)]);
    spool.flushPending();
    appendFileSync(file, '{"t":"call_leg","r":{"id":"torn\n{"t":"nope","r":{}}\n');
    const restarted = new Spool(file, cipher);
    restarted.append([rec(2)]);
    const read = restarted.read(10);
    expect(read.recs.map((r) => r.r.id)).toEqual(['leg-1', 'leg-2']);
    expect(read.bad).toHaveLength(2);
    restarted.commit(read.end, read.recs.length + read.bad.length);
    expect(restarted.finishIfDrained()).toBe(true);
  });

  it('writes the rejected file for people to read: reason in clear, the record sealed', () => {
    const rejected = path.join(dir, 'rejected.jsonl');
    new Spool(file, cipher).reject(rejected, rec(7), 'invalid input syntax for type date');
    const text = readFileSync(rejected, 'utf8');
    expect(text).not.toContain('13900000000');
    const entry = JSON.parse(text) as { reason: string; sealed: string };
    expect(entry.reason).toContain('date');
    expect(JSON.parse(cipher.open(entry.sealed)!)).toEqual(rec(7));
  });

  it('keeps no customer number in clear on disk; each line is sealed on its own', () => {
    const spool = new Spool(file, cipher);
    spool.append([rec(1), rec(2)]);
    spool.close();
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('13900000000');
    expect(text).not.toContain('leg-1');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a corrupt sealed line costs that line only; a foreign key reads nothing but loses nothing', () => {
    const spool = new Spool(file, cipher);
    spool.append([rec(1), rec(2), rec(3)]);
    spool.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    const flipped =
      lines[1]!.slice(0, 20) + (lines[1]![20] === 'A' ? 'B' : 'A') + lines[1]!.slice(21);
    writeFileSync(file, [lines[0], flipped, lines[2], ''].join('\n'));
    const read = new Spool(file, cipher).read(10);
    expect(read.recs.map((r) => r.r.id)).toEqual(['leg-1', 'leg-3']);
    expect(read.bad).toEqual([flipped]);

    const other = new Spool(file, new SpoolCipher(randomBytes(32))).read(10);
    expect(other.recs).toEqual([]);
    expect(other.bad).toHaveLength(3); // set aside by the writer, recoverable with the right key
  });

  it('drains a clear JSON-lines spool left by a version that did not seal', () => {
    writeFileSync(file.replace('sub/', ''), `${JSON.stringify(rec(9))}\n`);
    const read = new Spool(file.replace('sub/', ''), cipher).read(10);
    expect(read.recs).toEqual([rec(9)]);
  });

  it('takes the key from CTI_SPOOL_KEY (hex or base64), else generates one with mode 0600', () => {
    const keyFile = path.join(dir, 'keys', 'spool.key');
    const hex = randomBytes(32).toString('hex');
    expect(loadSpoolKey(hex, keyFile).toString('hex')).toBe(hex);
    expect(loadSpoolKey(Buffer.from(hex, 'hex').toString('base64'), keyFile).toString('hex')).toBe(
      hex,
    );
    expect(existsSync(keyFile)).toBe(false);
    expect(() => loadSpoolKey('too-short', keyFile)).toThrow(/32 bytes/);

    const generated = loadSpoolKey(undefined, keyFile);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(loadSpoolKey('', keyFile).equals(generated)).toBe(true);
  });
});
