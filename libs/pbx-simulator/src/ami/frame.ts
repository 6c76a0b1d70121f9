/** Ordered key/value pairs: AMI keys may repeat and their order is part of the dialect. */
export type Fields = Array<[string, string]>;

/** `Key: Value\r\n` lines ended by an empty line, as Asterisk writes them. */
export function formatFrame(fields: Fields): string {
  let out = '';
  for (const [key, value] of fields) out += `${key}: ${value}\r\n`;
  return `${out}\r\n`;
}

/** `<epoch>.<6 digits>` from epoch microseconds, the form of the `Timestamp:` header. */
export function formatEpochMicros(us: number): string {
  const whole = Math.floor(us / 1e6);
  const micros = Math.floor(us - whole * 1e6);
  return `${whole}.${String(micros).padStart(6, '0')}`;
}

/** An action received from a client: keys are matched case-insensitively, first one wins. */
export class ActionFrame {
  constructor(readonly fields: Fields) {}

  get(key: string): string | undefined {
    const wanted = key.toLowerCase();
    for (const [k, v] of this.fields) if (k.toLowerCase() === wanted) return v;
    return undefined;
  }

  getAll(key: string): string[] {
    const wanted = key.toLowerCase();
    return this.fields.filter(([k]) => k.toLowerCase() === wanted).map(([, v]) => v);
  }

  get action(): string {
    return (this.get('Action') ?? '').trim();
  }

  get actionId(): string | undefined {
    return this.get('ActionID');
  }
}

/**
 * Incremental reader for client input. Like Asterisk's `get_input`, it accepts CRLF or a bare LF
 * as line end; a line that is empty once `\r` is stripped ends the frame.
 */
export class FrameReader {
  private pending = '';
  private lines: string[] = [];
  private readonly decoder = new TextDecoder('utf-8');

  /** Feeds raw bytes; returns the frames completed by them. */
  push(chunk: Uint8Array): ActionFrame[] {
    this.pending += this.decoder.decode(chunk, { stream: true });
    const frames: ActionFrame[] = [];
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      const line = this.pending.slice(0, newline).replace(/\r$/, '');
      this.pending = this.pending.slice(newline + 1);
      if (line.length === 0) {
        if (this.lines.length > 0) frames.push(new ActionFrame(this.lines.map(splitHeader)));
        this.lines = [];
      } else {
        this.lines.push(line);
      }
      newline = this.pending.indexOf('\n');
    }
    return frames;
  }
}

function splitHeader(line: string): [string, string] {
  const colon = line.indexOf(':');
  if (colon < 0) return [line.trim(), ''];
  return [line.slice(0, colon).trim(), line.slice(colon + 1).replace(/^ /, '')];
}
