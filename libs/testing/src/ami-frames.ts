/**
 * Byte-level AMI message handling shared by the capture loader, the replay server and the raw
 * test client: split a stream into messages, read headers, rewrite an ActionID.
 * Works on Buffers so that a UTF-8 character split across chunks is never decoded half-way.
 */

const LF = 0x0a;
const CR = 0x0d;

export type AmiHeader = readonly [key: string, value: string];

/** One AMI message: its exact bytes (blank line included) and its header lines in order. */
export interface AmiFrame {
  /** Capture time (ms) of the chunk that completed this message. */
  readonly t: number;
  readonly bytes: Buffer;
  /** Keys keep their case; repeated keys are kept (Originate `Variable:` lines). */
  readonly headers: readonly AmiHeader[];
}

export interface FrameSplit {
  /** [start, end) byte ranges of complete messages, each ending with its empty line. */
  readonly frames: ReadonlyArray<readonly [start: number, end: number]>;
  /** Offset of the first byte not yet part of a complete message. */
  readonly rest: number;
}

/** Finds complete messages in `bytes` from `from`: an empty line (CRLF or LF) ends one. */
export function splitFrames(bytes: Buffer, from = 0): FrameSplit {
  const frames: Array<readonly [number, number]> = [];
  let frameStart = from;
  let lineStart = from;
  for (;;) {
    const newline = bytes.indexOf(LF, lineStart);
    if (newline < 0) break;
    const lineLength = newline - lineStart;
    const isEmptyLine = lineLength === 0 || (lineLength === 1 && bytes[lineStart] === CR);
    if (isEmptyLine) {
      // A blank line with nothing before it is noise between messages: skip it.
      if (lineStart > frameStart) frames.push([frameStart, newline + 1]);
      frameStart = newline + 1;
    }
    lineStart = newline + 1;
  }
  return { frames, rest: frameStart };
}

/** Offset just after the first line (the `Asterisk Call Manager/x.y.z` banner), or -1. */
export function bannerEnd(bytes: Buffer): number {
  const newline = bytes.indexOf(LF);
  return newline < 0 ? -1 : newline + 1;
}

export function parseHeaders(bytes: Buffer): AmiHeader[] {
  const headers: AmiHeader[] = [];
  for (const line of bytes.toString('utf8').split(/\r?\n/)) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon < 0) headers.push([line.trim(), '']);
    else headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/** First value of `key`, compared case-insensitively (clients send `Actionid`, `ACTIONID`...). */
export function headerValue(headers: readonly AmiHeader[], key: string): string | undefined {
  const wanted = key.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === wanted)?.[1];
}

export function frameFrom(bytes: Buffer, t: number): AmiFrame {
  return { t, bytes, headers: parseHeaders(bytes) };
}

const ACTION_ID_LINE = /^actionid[ \t]*:/i;

/**
 * Replaces the value of every ActionID line with `actionId`, or drops those lines when the
 * client sent none (as Asterisk does). Every other byte is kept as recorded.
 */
export function withActionId(message: Buffer, actionId: string | undefined): Buffer {
  const parts: Buffer[] = [];
  let lineStart = 0;
  while (lineStart < message.length) {
    const newline = message.indexOf(LF, lineStart);
    const lineEnd = newline < 0 ? message.length : newline + 1;
    const line = message.subarray(lineStart, lineEnd);
    if (ACTION_ID_LINE.test(line.toString('latin1'))) {
      const hasCr = newline > lineStart && message[newline - 1] === CR;
      const eol = newline < 0 ? '' : hasCr ? '\r\n' : '\n';
      if (actionId !== undefined) parts.push(Buffer.from(`ActionID: ${actionId}${eol}`, 'utf8'));
    } else {
      parts.push(line);
    }
    lineStart = lineEnd;
  }
  return Buffer.concat(parts);
}

/** Builds a message the way Asterisk writes one: `Key: value` lines, CRLF, blank line. */
export function amiMessage(headers: ReadonlyArray<readonly [string, string | undefined]>): Buffer {
  const lines = headers.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}\r\n`);
  return Buffer.from(`${lines.join('')}\r\n`, 'utf8');
}

/** Incremental splitter for bytes arriving from a socket. */
export class FrameAccumulator {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    const bytes = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const { frames, rest } = splitFrames(bytes);
    this.pending = bytes.subarray(rest);
    return frames.map(([start, end]) => bytes.subarray(start, end));
  }
}
