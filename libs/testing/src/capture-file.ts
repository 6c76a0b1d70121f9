/**
 * Loads an `.ami.jsonl` capture (see test/fixtures/ami-captures/README.md) and sorts every AMI
 * message of each connection into ANSWERS to the generator's actions and LIVE traffic, so that
 * a replay can answer the product's own actions and stream the rest.
 */
import { readFileSync } from 'node:fs';
import { type AmiFrame, bannerEnd, frameFrom, headerValue, splitFrames } from './ami-frames';

export interface CaptureRecord {
  readonly t: number;
  readonly conn: number;
  readonly dir: 'in' | 'out';
  /** Exact bytes: from `b64` when present, else the UTF-8 bytes of `data`. */
  readonly bytes: Buffer;
}

/** The recorded answer to one action: a Response, plus the whole list for list actions. */
export interface RecordedAnswer {
  /** Action name as the generator wrote it (`QueueStatus`). */
  readonly action: string;
  readonly actionId: string;
  readonly conn: number;
  /** Capture time of the Response. */
  readonly t: number;
  readonly frames: readonly AmiFrame[];
}

export interface CaptureConnection {
  readonly conn: number;
  /** The banner line, e.g. `Asterisk Call Manager/11.0.0\r\n`. */
  readonly banner: Buffer;
  /** Capture time of the connection's first `in` record. */
  readonly startT: number;
  /** Broadcast and async events (and stray responses), in arrival order. */
  readonly live: readonly AmiFrame[];
  /** Answers to this connection's `out` actions, in arrival order (Login included). */
  readonly answers: readonly RecordedAnswer[];
  /**
   * Whether this connection is an event stream: it did not log in with `Events: off` and it
   * carried events. An operator's command connection is not, and a replay does not serve it.
   */
  readonly eventStream: boolean;
}

export interface Capture {
  readonly source: string;
  readonly records: readonly CaptureRecord[];
  /** Sorted by `conn`. */
  readonly connections: readonly CaptureConnection[];
  /** Add to a capture `t` to get epoch ms (from the first `Timestamp:` header); undefined without one. */
  readonly epochOffsetMs: number | undefined;
  /** Every answer except Login's, keyed by lower-case action name, sorted by `t`. */
  readonly answersByAction: ReadonlyMap<string, readonly RecordedAnswer[]>;
}

interface RawRecord {
  t: unknown;
  conn: unknown;
  dir: unknown;
  data: unknown;
  b64?: unknown;
}

export function loadCapture(path: string): Capture {
  return parseCapture(readFileSync(path, 'utf8'), path);
}

export function parseCapture(jsonl: string, source = '<inline capture>'): Capture {
  const records = jsonl
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== '')
    .map(({ line, index }) => toRecord(JSON.parse(line) as RawRecord, `${source}:${index + 1}`));
  const connNumbers = [...new Set(records.map((r) => r.conn))].sort((a, b) => a - b);
  const connections = connNumbers.map((conn) =>
    splitConnection(
      conn,
      records.filter((r) => r.conn === conn),
    ),
  );
  return {
    source,
    records,
    connections,
    epochOffsetMs: findEpochOffset(records),
    answersByAction: indexAnswers(connections),
  };
}

function toRecord(raw: RawRecord, where: string): CaptureRecord {
  const { t, conn, dir, data, b64 } = raw;
  if (typeof t !== 'number' || typeof conn !== 'number' || typeof data !== 'string')
    throw new Error(`${where}: a record needs numeric t, conn and string data`);
  if (dir !== 'in' && dir !== 'out') throw new Error(`${where}: dir must be "in" or "out"`);
  const bytes = typeof b64 === 'string' ? Buffer.from(b64, 'base64') : Buffer.from(data, 'utf8');
  return { t, conn, dir, bytes };
}

const TIMESTAMP = /(?:^|\n)Timestamp:[ \t]*(\d+)(?:\.(\d+))?/i;

function findEpochOffset(records: readonly CaptureRecord[]): number | undefined {
  for (const record of records) {
    if (record.dir !== 'in') continue;
    const match = TIMESTAMP.exec(record.bytes.toString('latin1'));
    if (!match) continue;
    const micros = (match[2] ?? '').padEnd(6, '0').slice(0, 6);
    return Number(match[1]) * 1000 + Number(micros) / 1000 - record.t;
  }
  return undefined;
}

/** The actions of this connection's `out` records, in order. */
function actionsSent(records: readonly CaptureRecord[]): AmiFrame[] {
  const actions: AmiFrame[] = [];
  for (const record of records) {
    if (record.dir !== 'out') continue;
    const { frames, rest } = splitFrames(record.bytes);
    const ranges = rest < record.bytes.length ? [...frames, [rest, record.bytes.length]] : frames;
    for (const [start, end] of ranges)
      actions.push(frameFrom(record.bytes.subarray(start, end), record.t));
  }
  return actions;
}

/** ActionID -> action name. */
function actionsById(actions: readonly AmiFrame[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { headers } of actions) {
    const id = headerValue(headers, 'ActionID');
    const action = headerValue(headers, 'Action');
    if (id !== undefined && action !== undefined) names.set(id, action);
  }
  return names;
}

/** A Login with `Events: off` asks Asterisk for no events on this connection. */
function loggedInWithoutEvents(actions: readonly AmiFrame[]): boolean {
  return actions.some(
    ({ headers }) =>
      headerValue(headers, 'Action')?.toLowerCase() === 'login' &&
      headerValue(headers, 'Events')?.trim().toLowerCase() === 'off',
  );
}

/** Cuts the `in` byte stream into messages, each stamped with the t of its last chunk. */
function framesOf(inRecords: readonly CaptureRecord[]): { banner: Buffer; frames: AmiFrame[] } {
  const stream = Buffer.concat(inRecords.map((r) => r.bytes));
  const chunkEnds: number[] = [];
  let offset = 0;
  for (const record of inRecords) chunkEnds.push((offset += record.bytes.length));
  let chunk = 0;
  const timeOfByte = (index: number): number => {
    while (chunkEnds[chunk] <= index) chunk++;
    return inRecords[chunk].t;
  };
  const afterBanner = Math.max(bannerEnd(stream), 0);
  const { frames: ranges, rest } = splitFrames(stream, afterBanner);
  const frames = ranges.map(([start, end]) =>
    frameFrom(stream.subarray(start, end), timeOfByte(end - 1)),
  );
  // An unterminated message at the end (connection cut mid-message) is kept as it was.
  if (stream.subarray(rest).toString('latin1').trim() !== '')
    frames.push(frameFrom(stream.subarray(rest), inRecords[inRecords.length - 1].t));
  return { banner: stream.subarray(0, afterBanner), frames };
}

function splitConnection(conn: number, records: readonly CaptureRecord[]): CaptureConnection {
  const inRecords = records.filter((r) => r.dir === 'in');
  const sent = actionsSent(records);
  const names = actionsById(sent);
  const { banner, frames } = framesOf(inRecords);
  const live: AmiFrame[] = [];
  const answers: RecordedAnswer[] = [];
  const openLists = new Map<string, AmiFrame[]>();
  for (const frame of frames) {
    const id = headerValue(frame.headers, 'ActionID');
    const action = id === undefined ? undefined : names.get(id);
    if (id === undefined || action === undefined) {
      live.push(frame);
      continue;
    }
    const eventList = headerValue(frame.headers, 'EventList')?.toLowerCase();
    const openList = openLists.get(id);
    if (isResponse(frame)) {
      const answerFrames = [frame];
      answers.push({ action, actionId: id, conn, t: frame.t, frames: answerFrames });
      if (eventList === 'start') openLists.set(id, answerFrames);
    } else if (openList) {
      openList.push(frame);
      if (eventList === 'complete') openLists.delete(id);
    } else {
      // e.g. OriginateResponse: an async event of a non-list action, part of the live traffic.
      live.push(frame);
    }
  }
  const eventStream =
    !loggedInWithoutEvents(sent) &&
    live.some((frame) => headerValue(frame.headers, 'Event') !== undefined);
  return { conn, banner, startT: inRecords[0]?.t ?? records[0].t, live, answers, eventStream };
}

/** OriginateResponse events carry a `Response:` header too: an Event line rules them out. */
function isResponse(frame: AmiFrame): boolean {
  return (
    headerValue(frame.headers, 'Response') !== undefined &&
    headerValue(frame.headers, 'Event') === undefined
  );
}

function indexAnswers(connections: readonly CaptureConnection[]): Map<string, RecordedAnswer[]> {
  const byAction = new Map<string, RecordedAnswer[]>();
  for (const answer of connections.flatMap((c) => c.answers)) {
    const key = answer.action.toLowerCase();
    if (key === 'login') continue;
    byAction.set(key, [...(byAction.get(key) ?? []), answer]);
  }
  for (const list of byAction.values()) list.sort((a, b) => a.t - b.t);
  return byAction;
}

/** The Login answer recorded on `conn`, else on any connection. */
export function recordedLoginAnswer(capture: Capture, conn: number): RecordedAnswer | undefined {
  const isLogin = (a: RecordedAnswer): boolean => a.action.toLowerCase() === 'login';
  const own = capture.connections.find((c) => c.conn === conn)?.answers.find(isLogin);
  return own ?? capture.connections.flatMap((c) => c.answers).find(isLogin);
}
