/** What the registry reads from a WAV header: enough for the duration and a format check. */
export interface WavInfo {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly byteRate: number;
  /** Offset of the first audio byte. */
  readonly dataOffset: number;
  /** Audio bytes as the header states them (0 while MixMonitor is still writing). */
  readonly dataBytes: number;
}

/** Parses a RIFF/WAVE header; undefined when the bytes are not one (or are cut too short). */
export function parseWavHeader(buf: Buffer): WavInfo | undefined {
  if (
    buf.length < 12 ||
    buf.toString('ascii', 0, 4) !== 'RIFF' ||
    buf.toString('ascii', 8, 12) !== 'WAVE'
  )
    return undefined;
  let offset = 12;
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes'> | undefined;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= buf.length) {
      fmt = {
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        byteRate: buf.readUInt32LE(body + 8),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      return fmt && fmt.byteRate > 0 ? { ...fmt, dataOffset: body, dataBytes: size } : undefined;
    }
    offset = body + size + (size % 2);
  }
  return undefined;
}

/** Seconds of audio in a WAV file of `fileSize` bytes (header size field, else what is on disk). */
export function wavDurationSeconds(info: WavInfo, fileSize: number): number {
  const onDisk = Math.max(0, fileSize - info.dataOffset);
  const bytes = info.dataBytes > 0 && info.dataBytes <= onDisk ? info.dataBytes : onDisk;
  return Math.round((bytes / info.byteRate) * 100) / 100;
}
