import fc from 'fast-check';
import type { AmiMessage } from './ami-message';
import { AmiHarness } from './testing/ami-harness';
import { delay, frame, type Header, waitFor } from './testing/fake-ami-server';

/** Chunk boundaries must not matter: TCP may cut anywhere, also inside CRLFCRLF or a UTF-8 character. */

const valueText = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', '=', ': ', '/', '-', '张', '敏', 'é', '😀', '\t'),
  maxLength: 12,
});
const headerKey = fc.oneof(
  fc.constantFrom(
    'Channel',
    'CallerIDName',
    'ChanVariable',
    'DestChanVariable',
    'Variable',
    'Output',
    'Queue',
  ),
  fc
    .stringMatching(/^[A-Z][A-Za-z0-9]{0,10}$/)
    .filter((k) => !/^(event|actionid|response)/i.test(k)),
);
const amiFrame = fc
  .tuple(
    fc.constantFrom(
      'Newchannel',
      'VarSet',
      'DialBegin',
      'QueueMemberStatus',
      'UserEvent',
      'Status',
    ),
    fc.array(fc.tuple(headerKey, valueText), { maxLength: 8 }),
  )
  .map(([name, headers]): Header[] => [['Event', name], ...headers]);

/** Offsets inside CRLFCRLF and inside multi-byte characters: the cuts most likely to hurt. */
function awkwardOffsets(bytes: Buffer): number[] {
  const offsets: number[] = [];
  for (let i = 1; i < bytes.length; i++) {
    const insideUtf8 = (bytes[i]! & 0xc0) === 0x80;
    const insideBlankLine = bytes[i - 1] === 0x0d || bytes[i - 1] === 0x0a;
    if (insideUtf8 || insideBlankLine) offsets.push(i);
  }
  return offsets;
}

function cut(bytes: Buffer, offsets: number[]): Buffer[] {
  const sorted = [...new Set(offsets)]
    .filter((o) => o > 0 && o < bytes.length)
    .sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const offset of sorted) {
    chunks.push(bytes.subarray(from, offset));
    from = offset;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

const withoutTime = (m: AmiMessage) => ({ name: m.name, fields: m.fields, repeated: m.repeated });

describe('AMI framing across arbitrary TCP chunking (property)', () => {
  let harness: AmiHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('yields the same messages whether a batch arrives in one write or cut at arbitrary byte offsets', async () => {
    const h = (harness = await AmiHarness.up());
    let batch = 0;

    /** Writes the chunks with a pause between them so the client reads them separately. */
    async function deliver(chunks: Buffer[]): Promise<AmiMessage[]> {
      const marker = `batch-${++batch}`;
      const from = h.events.length;
      const end = Buffer.from(
        frame([
          ['Event', 'EndOfBatch'],
          ['Batch', marker],
        ]),
      );
      for (const chunk of [...chunks, end]) {
        h.server.lastSession.write(chunk);
        await delay(1);
      }
      await waitFor(
        () => h.events.some((e, i) => i >= from && e.fields.batch === marker),
        2000,
        marker,
      );
      return h.events.slice(from).filter((e) => e.name !== 'EndOfBatch');
    }

    await fc.assert(
      fc.asyncProperty(
        fc.array(amiFrame, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (frames, arbitraryCuts, awkwardPicks) => {
          const bytes = Buffer.from(frames.map(frame).join(''), 'utf8');
          const awkward = awkwardOffsets(bytes);
          const offsets = [
            ...arbitraryCuts.map((n) => n % bytes.length),
            ...awkwardPicks.map((n) => awkward[n % awkward.length] ?? 0),
          ];

          const whole = await deliver([bytes]);
          const chunked = await deliver(cut(bytes, offsets));

          expect(whole.map((m) => m.name)).toEqual(frames.map((f) => f[0]?.[1]));
          expect(chunked.map(withoutTime)).toEqual(whole.map(withoutTime));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('decodes a character split across three chunks', async () => {
    harness = await AmiHarness.up();
    const bytes = Buffer.from('Event: Newchannel\r\nCallerIDName: 张敏\r\n\r\n', 'utf8');
    const zhang = bytes.indexOf(Buffer.from('张'));
    for (const chunk of cut(bytes, [zhang + 1, zhang + 2, bytes.length - 2])) {
      harness.server.lastSession.write(chunk);
      await delay(2);
    }
    await harness.waitForEvent('Newchannel');
    expect(harness.events.find((e) => e.name === 'Newchannel')?.fields.calleridname).toBe('张敏');
  });
});
