/**
 * Counts characters received since the last end of frame (a blank line: "\n\n" or
 * "\n\r\n", as asterisk-manager's reader sees it) so a frame that never ends can be cut off
 * before the library's reader, which re-scans its buffer per chunk, eats the memory and CPU.
 */
export class FrameSizeGuard {
  private sinceFrameEnd = 0;
  /** Last two characters of the previous chunk: a frame end may straddle chunks. */
  private tail = '';

  constructor(private readonly maxChars: number) {}

  reset(): void {
    this.sinceFrameEnd = 0;
    this.tail = '';
  }

  /** Returns false once the open frame exceeds maxChars. */
  accept(chunk: string): boolean {
    let end = lastFrameEnd(chunk);
    if (end < 0 && this.tail !== '') {
      const joint = this.tail + chunk.slice(0, 2);
      const jointEnd = lastFrameEnd(joint);
      if (jointEnd > this.tail.length) end = jointEnd - this.tail.length;
    }
    this.sinceFrameEnd = end < 0 ? this.sinceFrameEnd + chunk.length : chunk.length - end;
    this.tail = chunk.length >= 2 ? chunk.slice(-2) : (this.tail + chunk).slice(-2);
    return this.sinceFrameEnd <= this.maxChars;
  }
}

/** Index just after the last blank line in `text`, or -1. */
function lastFrameEnd(text: string): number {
  const lf = text.lastIndexOf('\n\n');
  const crlf = text.lastIndexOf('\n\r\n');
  return Math.max(lf < 0 ? -1 : lf + 2, crlf < 0 ? -1 : crlf + 3);
}
