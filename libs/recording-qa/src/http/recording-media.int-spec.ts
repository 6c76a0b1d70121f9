import { appendFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordingMediaService } from '../media/recording-media.service';
import { sampleBytes, sampleRecordings } from '../testing/sample-recordings';
import { type QaTestApp, sampleId, startQaTestApp } from '../testing/qa-test-app';

/*
 * Listening over real HTTP: Range answers byte-exact against the real MixMonitor WAVs, every
 * served range audited, access by role and team (404 for what one may not see), traversal
 * attempts refused, tampered files refused with an alert, grants for the browser's <audio>.
 */
describe('recording streaming (HTTP Range, access, audit, integrity)', () => {
  let t: QaTestApp;
  let admin: string;
  const IN = sampleId('1795818552.70.wav'); // agent 1007, north
  const OUT = sampleId('1795818709.2.wav'); // agent 1002, south

  beforeAll(async () => {
    t = await startQaTestApp();
    admin = t.token('admin1', 'admin');
  });
  afterAll(() => t.stop());

  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${t.url}${path}`, {
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    });

  it('streams every sample WAV whole and in ranges, byte for byte', async () => {
    for (const s of sampleRecordings()) {
      const bytes = sampleBytes(s.file);
      const id = sampleId(s.file);
      const whole = await get(`/api/qa/recordings/${id}/audio`, admin);
      expect(whole.status).toBe(200);
      expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      expect(whole.headers.get('content-type')).toBe('audio/wav');
      expect(whole.headers.get('cache-control')).toBe('no-store');
      const size = bytes.length;
      const cases: [string, number, number][] = [
        ['bytes=0-', 0, size - 1],
        ['bytes=0-0', 0, 0],
        ['bytes=44-16043', 44, 16043],
        [`bytes=${size - 1}-`, size - 1, size - 1],
        ['bytes=-500', size - 500, size - 1],
        [`bytes=1000-${size + 5000}`, 1000, size - 1],
      ];
      for (const [range, start, end] of cases) {
        const res = await get(`/api/qa/recordings/${id}/audio`, admin, { Range: range });
        expect(res.status).toBe(206);
        expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
        expect(res.headers.get('content-length')).toBe(String(end - start + 1));
        expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(start, end + 1))).toBe(
          true,
        );
      }
    }
  });

  it.each([
    'bytes=999999999-',
    'bytes=0-1,5-9',
    'bytes=abc',
    'bytes=10-5',
    'items=0-5',
    'bytes=-0',
    'bytes=0-1, 0-1, 0-1',
  ])('answers 416 with the size for the range %j', async (range) => {
    const res = await get(`/api/qa/recordings/${IN}/audio`, admin, { Range: range });
    expect(res.status).toBe(416);
    const size = sampleBytes('1795818552.70.wav').length;
    expect(res.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(await res.json()).toEqual({
      code: 'QA_RANGE_NOT_SATISFIABLE',
      message: 'range not satisfiable',
      details: { size },
    });
  });

  it('audits every served byte range, with who, what and the exact range', async () => {
    const before = t.audit.entries.length;
    const ranges = ['bytes=0-99', 'bytes=100-199', 'bytes=-44'];
    for (const r of ranges)
      await (
        await get(`/api/qa/recordings/${IN}/audio`, t.token('sup1', 'supervisor'), { Range: r })
      ).arrayBuffer();
    await (
      await get(`/api/qa/recordings/${IN}/download`, t.token('sup1', 'supervisor'))
    ).arrayBuffer();
    const size = sampleBytes('1795818552.70.wav').length;
    expect(
      t.audit.entries.slice(before).map((e) => [e.actor, e.action, e.target, e.details?.range]),
    ).toEqual([
      ['sup1', 'recording.stream', IN, 'bytes 0-99/' + size],
      ['sup1', 'recording.stream', IN, 'bytes 100-199/' + size],
      ['sup1', 'recording.stream', IN, `bytes ${size - 44}-${size - 1}/${size}`],
      ['sup1', 'recording.download', IN, `bytes 0-${size - 1}/${size}`],
    ]);
  });

  it('serves downloads as attachments with a server-made name', async () => {
    const res = await get(`/api/qa/recordings/${OUT}/download`, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="recording-${OUT}.wav"`,
    );
    await res.arrayBuffer();
  });

  it('answers 404 for another team, another agent, an unassigned reviewer, and an unknown id, and audits the denial', async () => {
    const denied = [
      t.token('tl-south', 'team_leader', { team: 'south' }), // IN is north
      t.token('sup-south', 'supervisor', { team: 'south' }),
      t.token('u1001', 'agent', { agent: '1001' }), // IN is 1007's call
      t.token('qa9', 'qa'), // nothing assigned
    ];
    for (const token of denied) {
      const res = await get(`/api/qa/recordings/${IN}/audio`, token, { Range: 'bytes=0-9' });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        code: 'QA_NOT_FOUND',
        message: 'recording not found',
      });
    }
    const unknown = await get('/api/qa/recordings/1700000000.1/audio', admin);
    expect(unknown.status).toBe(404);
    const denials = t.audit.entries.filter(
      (e) => e.action === 'recording.denied' && e.target === IN,
    );
    expect(denials.map((e) => e.actor)).toEqual(['tl-south', 'sup-south', 'u1001', 'qa9']);
  });

  it('lets agents hear their own calls, team leaders their team, QA what is assigned to them', async () => {
    const ok = async (token: string, id: string) => {
      const res = await get(`/api/qa/recordings/${id}/audio`, token, { Range: 'bytes=0-3' });
      expect(res.status).toBe(206);
      expect(Buffer.from(await res.arrayBuffer()).toString('ascii')).toBe('RIFF');
    };
    await ok(t.token('u1007', 'agent', { agent: '1007' }), IN);
    await ok(t.token('tl-north', 'team_leader', { team: 'north' }), IN);
    await t.qa.addDraw(
      {
        id: 'd1',
        weekId: 'w',
        shiftId: 's',
        seed: 's',
        inputs: {},
        inputsSha256: '',
        draw: { weekId: 'w', shiftId: 's', seed: 's', picks: [], agents: [] },
        createdAt: 1,
        createdBy: 'x',
      },
      [
        {
          id: 'a1',
          drawId: 'd1',
          recordingId: OUT,
          agentId: '1002',
          reviewerId: 'qa7',
          calibration: false,
          status: 'open',
          createdAt: 1,
        },
      ],
    );
    await ok(t.token('qa7', 'qa'), OUT);
    expect((await get(`/api/qa/recordings/${IN}/audio`, t.token('qa7', 'qa'))).status).toBe(404);
  });

  it.each([
    '/api/qa/recordings/..%2F..%2F..%2Fetc%2Fpasswd/audio',
    '/api/qa/recordings/%2e%2e/audio',
    '/api/qa/recordings/..%5C..%5Cwindows/audio',
    '/api/qa/recordings/1795818552.70.wav%00/audio',
    '/api/qa/recordings/%2Fetc%2Fpasswd/audio',
    '/api/qa/recordings/....%2F%2F/download',
    '/api/qa/recordings/1795818552.70%2F..%2F1795818709.2/audio',
  ])('refuses the traversal attempt %s with 400 or 404', async (path) => {
    const res = await get(path, admin);
    expect([400, 404]).toContain(res.status);
    const text = await res.text();
    expect(text).not.toContain('root:');
    expect(text).not.toContain(t.root);
  });

  it('refuses the traversal attempt through the normalised path and the grant parameter', async () => {
    for (const path of [
      '/api/qa/media/..%2F..%2Fetc%2Fpasswd',
      '/api/qa/media/%2e%2e%2f1795818552.70.wav',
    ]) {
      const res = await get(path, admin);
      expect([400, 403, 404]).toContain(res.status);
    }
  });

  it('refuses without a token (401), with a bad or expired token (401), for a role not allowed (403)', async () => {
    expect((await get(`/api/qa/recordings/${IN}/audio`)).status).toBe(401);
    expect((await get(`/api/qa/recordings/${IN}/audio`, 'not.a.jwt')).status).toBe(401);
    expect(
      (await get(`/api/qa/recordings/${IN}/audio`, t.token('a', 'admin', { expSeconds: -10 })))
        .status,
    ).toBe(401);
    expect(
      (await get(`/api/qa/recordings/${IN}/download`, t.token('u1007', 'agent', { agent: '1007' })))
        .status,
    ).toBe(403);
    expect((await get(`/api/qa/recordings/${IN}/audio?token=${admin}`)).status).toBe(401);
  });

  it('refuses to serve a tampered file (500), raises an alert and audits the refusal', async () => {
    const id = sampleId('1795818523.22.wav');
    const path = join(t.root, '1795818523.22.wav');
    const entry = (await t.repo.get(id))!;
    const bytes = sampleBytes('1795818523.22.wav');
    const evil = Buffer.from(bytes);
    evil.write('EVIL', 2000, 'ascii');
    writeFileSync(path, evil);
    utimesSync(path, new Date(entry.mtimeMs!), new Date(entry.mtimeMs!));
    const res = await get(`/api/qa/recordings/${id}/audio`, admin, { Range: 'bytes=0-' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      code: 'QA_RECORDING_INTEGRITY_FAILED',
      message: 'recording failed its integrity check',
    });
    expect(t.alerts.raised.at(-1)).toMatchObject({
      kind: 'recording-integrity-failed',
      recordingId: id,
    });
    expect(t.audit.entries.at(-1)).toMatchObject({
      action: 'recording.refused',
      target: id,
      details: { code: 'QA_RECORDING_INTEGRITY_FAILED' },
    });
    // Flagged now: it stays refused even once restored (a person must look at it).
    writeFileSync(path, bytes);
    expect((await get(`/api/qa/recordings/${id}/audio`, admin)).status).toBe(500);
    appendFileSync(path, '');
  });

  it('fails closed when the audit trail cannot be written (503, no bytes)', async () => {
    t.audit.failing = true;
    const res = await get(`/api/qa/recordings/${IN}/audio`, admin, { Range: 'bytes=0-9' });
    t.audit.failing = false;
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      code: 'QA_AUDIT_UNAVAILABLE',
      message: 'audit trail unavailable',
    });
  });

  it('plays through a short-lived grant bound to its cookie, never with the URL alone', async () => {
    const agent = t.token('u1007', 'agent', { agent: '1007' });
    const g = await fetch(`${t.url}/api/qa/recordings/${IN}/media-grant`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${agent}` },
    });
    expect(g.status).toBe(201);
    const { url } = (await g.json()) as { url: string };
    const cookie = g.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      new RegExp(`^cti_media=[A-Za-z0-9_-]+; Path=${url}; Max-Age=300; HttpOnly; SameSite=Strict$`),
    );
    const pair = cookie.split(';')[0]!;
    const res = await get(url, undefined, { Cookie: pair, Range: 'bytes=44-143' });
    expect(res.status).toBe(206);
    expect(
      Buffer.from(await res.arrayBuffer()).equals(
        sampleBytes('1795818552.70.wav').subarray(44, 144),
      ),
    ).toBe(true);
    expect(t.audit.entries.at(-1)).toMatchObject({
      actor: 'u1007',
      action: 'recording.stream',
      details: { via: 'grant', range: expect.stringMatching(/^bytes 44-143\//) },
    });
    expect((await get(url)).status).toBe(403);
    expect((await get(url, undefined, { Cookie: 'cti_media=stolen' })).status).toBe(403);
    const other = await fetch(`${t.url}/api/qa/recordings/${IN}/media-grant`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.token('u1001', 'agent', { agent: '1001' })}` },
    });
    expect(other.status).toBe(404);
    t.clock.t += 301_000;
    expect((await get(url, undefined, { Cookie: pair })).status).toBe(403);
    t.clock.t -= 301_000;
  });

  /** A grant for the agent's own call, with its cookie pair. */
  async function grantFor(sub: string, headers: Record<string, string> = {}) {
    const g = await fetch(`${t.url}/api/qa/recordings/${IN}/media-grant`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.token(sub, 'agent', { agent: '1007' })}`, ...headers },
    });
    expect(g.status).toBe(201);
    const cookie = g.headers.get('set-cookie')!;
    return { url: ((await g.json()) as { url: string }).url, cookie, pair: cookie.split(';')[0]! };
  }

  it('kills a grant at once when its user is disabled, though it has minutes to live', async () => {
    const { url, pair } = await grantFor('u1007-b');
    expect((await get(url, undefined, { Cookie: pair, Range: 'bytes=0-99' })).status).toBe(206);
    t.disabled.add('u1007-b');
    try {
      expect((await get(url, undefined, { Cookie: pair, Range: 'bytes=100-199' })).status).toBe(
        403,
      );
      t.disabled.delete('u1007-b');
      // Gone for good: the grant was dropped, not just refused once.
      expect((await get(url, undefined, { Cookie: pair })).status).toBe(403);
    } finally {
      t.disabled.delete('u1007-b');
    }
  });

  it('marks the grant cookie Secure over HTTPS, trusting X-Forwarded-Proto only behind a trusted proxy', async () => {
    const https = { 'X-Forwarded-Proto': 'https' };
    expect((await grantFor('u1007-c', https)).cookie).not.toMatch(/Secure/);
    const express = t.app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void };
    express.set('trust proxy', 'loopback');
    try {
      expect((await grantFor('u1007-c', https)).cookie).toMatch(/; Secure$/);
      expect((await grantFor('u1007-c')).cookie).not.toMatch(/Secure/);
    } finally {
      express.set('trust proxy', false);
    }
  });

  it('audits a HEAD as a metadata access (no bytes), and a stream refused for too many open ones', async () => {
    const agent = t.token('u1007-d', 'agent', { agent: '1007' });
    const head = await fetch(`${t.url}/api/qa/recordings/${IN}/audio`, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${agent}` },
    });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(
      sampleBytes('1795818552.70.wav').length,
    );
    expect(t.audit.entries.at(-1)).toMatchObject({
      actor: 'u1007-d',
      action: 'recording.head',
      target: IN,
      details: { bytes: 0, via: 'bearer' },
    });
    expect(
      t.audit.entries.filter((e) => e.actor === 'u1007-d' && e.action === 'recording.stream'),
    ).toEqual([]);

    // Hold every stream slot open (bodies opened, not read), then ask for one more.
    const media = t.app.get(RecordingMediaService);
    const principal = { userId: 'u1007-d', role: 'agent' as const, agentId: '1007' };
    const ask = () =>
      media.serve({
        principal,
        recordingId: IN,
        purpose: 'stream',
        via: 'bearer',
        sourceIp: '::1',
      });
    const held = await Promise.all(Array.from({ length: t.config.media.maxStreamsPerUser }, ask));
    const refused = await ask().catch((e: unknown) => e);
    for (const h of held) h.body.destroy();
    expect(refused).toMatchObject({ code: 'QA_TOO_MANY_STREAMS' });
    expect(t.audit.entries.at(-1)).toMatchObject({
      actor: 'u1007-d',
      action: 'recording.refused',
      target: IN,
      details: { code: 'QA_TOO_MANY_STREAMS', attempted: 'recording.stream' },
    });
  });
});
