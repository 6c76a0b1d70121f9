/** MixMonitor's `wav` format: RIFF WAVE, 8 kHz, 16-bit signed little-endian PCM, mono. */
export const MIXMONITOR_SAMPLE_RATE = 8000;
export const WAV_HEADER_BYTES = 44;

/** The 44-byte header of a mono 16-bit PCM WAV holding `dataBytes` of audio. */
export function wavHeader(dataBytes: number, sampleRate = MIXMONITOR_SAMPLE_RATE): Buffer {
  const buf = Buffer.alloc(WAV_HEADER_BYTES);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(WAV_HEADER_BYTES - 8 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  return buf;
}

/** Samples as little-endian 16-bit PCM bytes, whatever the machine's byte order. */
export function pcmBytes(samples: Int16Array): Buffer {
  const buf = Buffer.alloc(samples.length * 2);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  for (let i = 0; i < samples.length; i += 1) view.setInt16(i * 2, samples[i], true);
  return buf;
}
