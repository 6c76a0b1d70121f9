/**
 * Builds small `.ami.jsonl` captures in tests (reconnects, split UTF-8, odd line endings)
 * without touching the shared capture files.
 */

export interface CaptureLine {
  readonly t: number;
  readonly conn: number;
  readonly dir: 'in' | 'out';
  /** Bytes that are not valid UTF-8 on their own are stored with `b64`, like the recorder does. */
  readonly data: string | Buffer;
}

export function captureJsonl(lines: readonly CaptureLine[]): string {
  return lines.map((line) => JSON.stringify(toJson(line))).join('\n') + '\n';
}

function toJson({ t, conn, dir, data }: CaptureLine): Record<string, unknown> {
  if (typeof data === 'string') return { t, conn, dir, data };
  const text = data.toString('utf8');
  const lossless = Buffer.from(text, 'utf8').equals(data);
  return lossless
    ? { t, conn, dir, data: text }
    : { t, conn, dir, data: text, b64: data.toString('base64') };
}

/** `Key: value` lines joined with CRLF, ended by the blank line. */
export function amiText(...headers: ReadonlyArray<readonly [string, string]>): string {
  return `${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}
