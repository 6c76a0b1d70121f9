import { ERROR_STATUS, type ErrorCode } from '@cti/http-api';
import { PERFECT } from '../../../domain/src/qa/qa-fixtures';
import { DEFAULT_RECORDING_QA_CONFIG } from '../config/recording-qa-config';
import { PbxRecordingControl } from '../ports/qa-runtime.port';
import {
  type AssignmentRecord,
  type EvaluationRecord,
  type SampleDrawRecord,
} from '../ports/qa-store.port';
import { type QaTestApp, sampleId, START, startQaTestApp } from '../testing/qa-test-app';
import { startedOutput } from '../testing/registry-fixture';
import { parseCsv } from '@cti/platform';

class FakePbx extends PbxRecordingControl {
  readonly mutes: [string, string, boolean][] = [];
  async mixMonitor(): Promise<void> {}
  async mixMonitorMute(channel: string, direction: string, mute: boolean): Promise<void> {
    this.mutes.push([channel, direction, mute]);
  }
}

/*
 * The QA API end to end over HTTP: versioned scorecards, the reproducible per-shift draw with
 * its reviewer assignments, scoring with comments at times, the agent's acknowledgement or
 * dispute within the window, the supervisor's resolution, calibration spread, muting.
 */
describe('QA API: scorecards, draws, scoring, disputes, calibration', () => {
  let t: QaTestApp;
  const pbx = new FakePbx();
  const IN = sampleId('1795818552.70.wav'); // agent 1007 (north), 11.96 s
  const OUT = sampleId('1795818709.2.wav'); // agent 1002 (south), 13.02 s
  const SHIFT = '2026-11-27T08:00';
  let draw: SampleDrawRecord;

  beforeAll(async () => {
    t = await startQaTestApp(
      { sampling: { ...DEFAULT_RECORDING_QA_CONFIG.sampling, minTalkSeconds: 5 } },
      pbx,
    );
  });
  afterAll(() => t.stop());

  async function call<T>(
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  }
  const sup = () => t.token('sup1', 'supervisor');

  it('serves the configured scorecard as version 1 and versions changes made through the API', async () => {
    const list = await call<{ id: string; version: number; passMark: number }[]>(
      'GET',
      '/api/qa/scorecards',
      t.token('u1007', 'agent', { agent: '1007' }),
    );
    expect(list.body.map((c) => [c.id, c.version])).toEqual([['service', 1]]);
    const card = (await call<Record<string, unknown>[]>('GET', '/api/qa/scorecards', sup()))
      .body[0]!;
    const definition: Record<string, unknown> = { ...card };
    delete definition.version;
    expect(
      (
        await call<{ version: number }>('POST', '/api/qa/scorecards', sup(), {
          definition: { ...definition, passMark: 75 },
        })
      ).body.version,
    ).toBe(2);
    expect(
      (
        await call<{ version: number }>('POST', '/api/qa/scorecards', sup(), {
          definition: { ...definition, passMark: 75 },
        })
      ).body.version,
    ).toBe(2);
    const bad = await call<{ code: string }>('POST', '/api/qa/scorecards', sup(), {
      definition: { ...definition, sections: [] },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'QA_BAD_REQUEST' } });
    expect(
      (await call('POST', '/api/qa/scorecards', t.token('qa1', 'qa'), { definition })).status,
    ).toBe(403);
    expect((await call('POST', '/api/qa/scorecards', sup(), { definition, extra: 1 })).status).toBe(
      400,
    );
    const versions = await call<{ card: { version: number; passMark: number } }[]>(
      'GET',
      '/api/qa/scorecards/service/versions',
      sup(),
    );
    expect(versions.body.map((v) => [v.card.version, v.card.passMark])).toEqual([
      [1, 80],
      [2, 75],
    ]);
  });

  it('draws a finished shift once, reproducibly, and never gives a reviewer their own calls', async () => {
    expect(
      (await call('POST', '/api/qa/draws', sup(), { day: '2026-11-27', shiftId: SHIFT })).status,
    ).toBe(409); // shift still running
    t.clock.t = Date.UTC(2026, 10, 27, 13, 0);
    const res = await call<SampleDrawRecord>('POST', '/api/qa/draws', sup(), {
      day: '2026-11-27',
      shiftId: SHIFT,
      seed: 'w48-day-shift',
    });
    expect(res.status).toBe(201);
    draw = res.body;
    expect(draw).toMatchObject({
      id: `2026-W48|${SHIFT}`,
      seed: 'w48-day-shift',
      createdBy: 'sup1',
    });
    expect(draw.inputsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(draw.draw.picks.map((p) => [p.agentId, p.recordingId])).toEqual([
      ['1002', OUT],
      ['1007', IN],
    ]);
    expect(draw.draw.agents.every((a) => a.status === 'on-track' && a.pickedThisWeek === 1)).toBe(
      true,
    );
    expect(
      (await call('POST', '/api/qa/draws', sup(), { day: '2026-11-27', shiftId: SHIFT })).status,
    ).toBe(409);
    expect(
      (
        await call(
          'POST',
          `/api/qa/draws/${encodeURIComponent(draw.id)}/verify`,
          t.token('qa2', 'qa'),
        )
      ).body,
    ).toEqual({ identical: true, inputsIntact: true });
    const assignments = await t.qa.assignments({ drawIds: [draw.id] });
    expect(assignments).toHaveLength(2);
    expect(assignments.find((a) => a.agentId === '1007')!.reviewerId).not.toBe('qa3');
    expect(new Set(assignments.map((a) => a.reviewerId)).size).toBe(2);
  });

  async function assignmentFor(agentId: string): Promise<AssignmentRecord> {
    return (await t.qa.assignments({ drawIds: [draw.id] })).find((a) => a.agentId === agentId)!;
  }

  it("lists a reviewer's assignments and stores a score with its scorecard version and timed comments", async () => {
    const a = await assignmentFor('1007');
    const mine = await call<{ id: string; recording?: { durationSeconds: number } }[]>(
      'GET',
      '/api/qa/assignments/mine',
      t.token(a.reviewerId, 'qa'),
    );
    expect(mine.body.map((x) => x.id)).toEqual([a.id]);
    expect(mine.body[0]!.recording!.durationSeconds).toBe(11.96);
    const body = {
      assignmentId: a.id,
      scorecardId: 'service',
      scorecardVersion: 1,
      answers: { ...PERFECT, closing: 0 },
      comments: [
        { atSeconds: 9.5, text: '没有标准结束语 / no standard closing', itemId: 'closing' },
      ],
    };
    const other = a.reviewerId === 'qa1' ? 'qa2' : 'qa1';
    expect((await call('POST', '/api/qa/evaluations', t.token(other, 'qa'), body)).status).toBe(
      404,
    );
    const late = await call<{ code: string; details?: unknown }>(
      'POST',
      '/api/qa/evaluations',
      t.token(a.reviewerId, 'qa'),
      { ...body, comments: [{ atSeconds: 30, text: 'after the end' }] },
    );
    expect(late).toMatchObject({ status: 400, body: { code: 'QA_BAD_REQUEST' } });
    const res = await call<EvaluationRecord>(
      'POST',
      '/api/qa/evaluations',
      t.token(a.reviewerId, 'qa'),
      body,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      scorecardVersion: 1,
      result: { total: 80, criticalFail: false },
      state: { status: 'submitted', agentId: '1007' },
    });
    expect(
      (await call('POST', '/api/qa/evaluations', t.token(a.reviewerId, 'qa'), body)).status,
    ).toBe(409);
    expect(t.audit.entries.filter((x) => x.action === 'qa.score').at(-1)).toMatchObject({
      actor: a.reviewerId,
      details: { total: 80, scorecard: 'service@1' },
    });
    expect(t.audit.entries.map((x) => x.action)).toEqual(
      expect.arrayContaining(['qa.scorecard.version', 'qa.draw']),
    );
  });

  it('refuses a reviewer scoring their own call even when assigned', async () => {
    await t.qa.addDraw({ ...draw, id: 'manual', shiftId: 'manual' }, [
      {
        id: 'own',
        drawId: 'manual',
        recordingId: IN,
        agentId: '1007',
        reviewerId: 'qa3',
        calibration: false,
        status: 'open',
        createdAt: 1,
      },
    ]);
    const res = await call('POST', '/api/qa/evaluations', t.token('qa3', 'qa', { agent: '1007' }), {
      assignmentId: 'own',
      scorecardId: 'service',
      answers: PERFECT,
      comments: [],
    });
    expect(res.status).toBe(403);
  });

  it('shows agents only their own scores; they dispute within the window and a supervisor resolves', async () => {
    const own = await call<EvaluationRecord[]>(
      'GET',
      '/api/qa/evaluations',
      t.token('u1007', 'agent', { agent: '1007' }),
    );
    expect(own.body).toHaveLength(1);
    expect(
      (
        await call<EvaluationRecord[]>(
          'GET',
          '/api/qa/evaluations',
          t.token('u1002', 'agent', { agent: '1002' }),
        )
      ).body,
    ).toEqual([]);
    const id = own.body[0]!.id;
    expect(
      (await call('GET', `/api/qa/evaluations/${id}`, t.token('u1002', 'agent', { agent: '1002' })))
        .status,
    ).toBe(404);
    expect(
      (
        await call(
          'POST',
          `/api/qa/evaluations/${id}/dispute`,
          t.token('u1007', 'agent', { agent: '1007' }),
          { reason: '' },
        )
      ).status,
    ).toBe(400);
    const disputed = await call<EvaluationRecord>(
      'POST',
      `/api/qa/evaluations/${id}/dispute`,
      t.token('u1007', 'agent', { agent: '1007' }),
      { reason: 'I did close: 9 s in' },
    );
    expect(disputed.body.state).toMatchObject({
      status: 'disputed',
      disputeReason: 'I did close: 9 s in',
    });
    expect(
      (
        await call(
          'POST',
          `/api/qa/evaluations/${id}/acknowledge`,
          t.token('u1007', 'agent', { agent: '1007' }),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await call('POST', `/api/qa/evaluations/${id}/resolve`, t.token('qa1', 'qa'), {
          outcome: 'uphold',
          note: 'x',
        })
      ).status,
    ).toBe(403);
    const resolved = await call<EvaluationRecord>(
      'POST',
      `/api/qa/evaluations/${id}/resolve`,
      sup(),
      { outcome: 'amend', note: 'closing heard at 9 s', amendedTotal: 100 },
    );
    expect(resolved.body.state).toMatchObject({
      status: 'amended',
      finalTotal: 100,
      resolvedBy: 'sup1',
    });
  });

  it('closes the response window after the configured hours', async () => {
    const a = await assignmentFor('1002');
    const e = await call<EvaluationRecord>(
      'POST',
      '/api/qa/evaluations',
      t.token(a.reviewerId, 'qa'),
      { assignmentId: a.id, scorecardId: 'service', answers: PERFECT, comments: [] },
    );
    expect(e.body.scorecardVersion).toBe(2); // the latest when none is named
    t.clock.t += 73 * 3_600_000;
    const late = await call<{ code: string }>(
      'POST',
      `/api/qa/evaluations/${e.body.id}/acknowledge`,
      t.token('u1002', 'agent', { agent: '1002' }),
    );
    expect(late).toMatchObject({ status: 409, body: { code: 'QA_RESPONSE_WINDOW_CLOSED' } });
    t.clock.t -= 73 * 3_600_000;
  });

  it('reports the spread when several reviewers score the same call', async () => {
    await t.qa.addDraw(
      { ...draw, id: 'cal', shiftId: 'cal' },
      ['qa1', 'qa2'].map((r) => ({
        id: `cal-${r}`,
        drawId: 'cal',
        recordingId: OUT,
        agentId: '1002',
        reviewerId: r,
        calibration: true,
        status: 'open' as const,
        createdAt: 2,
      })),
    );
    await call('POST', '/api/qa/evaluations', t.token('qa1', 'qa'), {
      assignmentId: 'cal-qa1',
      scorecardId: 'service',
      scorecardVersion: 2,
      answers: PERFECT,
      comments: [],
    });
    await call('POST', '/api/qa/evaluations', t.token('qa2', 'qa'), {
      assignmentId: 'cal-qa2',
      scorecardId: 'service',
      scorecardVersion: 2,
      answers: { ...PERFECT, confirm: 2 },
      comments: [],
    });
    const report = await call<{
      reviewers: string[];
      total: { range: number };
      consistent: boolean;
    }>('GET', `/api/qa/calibration/${OUT}`, sup());
    expect(report.status).toBe(200);
    expect(report.body.reviewers.sort()).toEqual(expect.arrayContaining(['qa1', 'qa2']));
    expect(report.body.total.range).toBeGreaterThan(10);
    expect(report.body.consistent).toBe(false);
  });

  it('mutes a live recording on the channel from the registry and stores the window', async () => {
    t.registry.handle(
      startedOutput('1795900000.5', t.clock.now(), '1795900000.5', 'PJSIP/trunk-00000042'),
    );
    await t.registry.idle();
    expect(
      (
        await call('POST', '/api/qa/recordings/1795900000.5/mute', t.token('qa1', 'qa'), {
          mute: true,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(
          'POST',
          '/api/qa/recordings/1795900000.5/mute',
          t.token('u1001', 'agent', { agent: '1001' }),
          { mute: true },
        )
      ).status,
    ).toBe(404);
    const on = await call<{ mutes: unknown[] }>(
      'POST',
      '/api/qa/recordings/1795900000.5/mute',
      sup(),
      { mute: true, direction: 'read' },
    );
    expect(on.status).toBe(201);
    expect(
      (await call('POST', '/api/qa/recordings/1795900000.5/mute', sup(), { mute: true })).status,
    ).toBe(409);
    t.clock.t += 20_000;
    const off = await call<{
      mutes: { from: number; to?: number; direction: string; by: string }[];
    }>('POST', '/api/qa/recordings/1795900000.5/mute', sup(), { mute: false });
    expect(off.body.mutes).toEqual([
      { from: t.clock.t - 20_000, to: t.clock.t, direction: 'read', by: 'sup1' },
    ]);
    expect(pbx.mutes).toEqual([
      ['PJSIP/trunk-00000042', 'read', true],
      ['PJSIP/trunk-00000042', 'both', false],
    ]);
    expect(
      (await call('POST', `/api/qa/recordings/${IN}/mute`, sup(), { mute: true })).status,
    ).toBe(409); // call over
    expect(
      (
        await call('POST', '/api/qa/recordings/1795900000.5/mute', sup(), {
          mute: true,
          channel: 'Local/evil',
        })
      ).status,
    ).toBe(400);
  });

  it('reports weekly coverage against the minimum, as JSON and CSV', async () => {
    const cov = await call<{ weekId: string; required: number; rows: Record<string, unknown>[] }>(
      'GET',
      '/api/qa/reports/coverage?day=2026-11-25',
      sup(),
    );
    expect(cov.body.weekId).toBe('2026-W48');
    expect(cov.body.rows).toEqual([
      {
        agentId: '1002',
        picked: 1,
        scored: 1,
        required: 3,
        met: false,
        shiftsWorked: 1,
        shiftsCovered: 1,
      },
      {
        agentId: '1007',
        picked: 1,
        scored: 1,
        required: 3,
        met: false,
        shiftsWorked: 1,
        shiftsCovered: 1,
      },
    ]);
    const csv = await fetch(`${t.url}/api/qa/reports/coverage.csv?day=2026-11-25`, {
      headers: { Authorization: `Bearer ${sup()}` },
    });
    const rows = parseCsv(Buffer.from(await csv.arrayBuffer()).toString('utf8'));
    expect(rows.slice(1)).toEqual([
      ['1002', 'Li Wei 李伟', 'south', '1', '1', '3', '否', '1', '1', ''],
      ['1007', 'Wu Lei 吴磊', 'north', '1', '1', '3', '否', '1', '1', ''],
    ]);
  });

  it('lists recordings within what each role may see, flags included, never the storage path', async () => {
    const agent = await call<{ id: string }[]>(
      'GET',
      '/api/qa/recordings',
      t.token('u1002', 'agent', { agent: '1002' }),
    );
    expect(agent.body.map((r) => r.id)).toEqual([OUT]);
    const all = await call<Record<string, unknown>[]>(
      'GET',
      '/api/qa/recordings?from=2026-11-27&to=2026-11-27',
      t.token('adm', 'admin'),
    );
    expect(all.body.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(all.body)).not.toContain('.wav');
    expect(all.body.every((r) => !('location' in r))).toBe(true);
    expect(
      (await call('GET', '/api/qa/recordings?from=../../etc', t.token('adm', 'admin'))).status,
    ).toBe(400);
    expect(START).toBeLessThan(t.clock.now());
  });

  it('answers every error as { code, message, details? } with a registered code and its status', async () => {
    const noToken = await fetch(`${t.url}/api/qa/scorecards`);
    const cases = [
      { status: noToken.status, body: (await noToken.json()) as Record<string, unknown> },
      await call<Record<string, unknown>>('POST', '/api/qa/scorecards', t.token('a', 'agent'), {
        definition: {},
      }),
      await call<Record<string, unknown>>('GET', '/api/qa/recordings?from=tomorrow', sup()),
      await call<Record<string, unknown>>('POST', '/api/qa/scorecards', sup(), {
        definition: { id: 'x', sections: [] },
      }),
    ];
    expect(cases.map((c) => [c.status, c.body.code])).toEqual([
      [401, 'UNAUTHENTICATED'],
      [403, 'FORBIDDEN'],
      [400, 'VALIDATION_FAILED'],
      [400, 'QA_BAD_REQUEST'],
    ]);
    for (const c of cases) {
      expect(ERROR_STATUS[c.body.code as ErrorCode]).toBe(c.status);
      expect(typeof c.body.message).toBe('string');
      expect(
        Object.keys(c.body).filter((k) => !['code', 'message', 'details'].includes(k)),
      ).toEqual([]);
    }
    expect(cases[2]!.body.details).toEqual({
      fields: [{ field: 'from', problems: [expect.any(String)] }],
    });
    expect(cases[3]!.body.details).toEqual({
      problems: expect.arrayContaining([expect.any(String)]),
    });
  });
});
