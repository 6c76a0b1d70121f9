import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestDatabase, type TestDatabase } from '../../../testing/src/postgres-test-db';
import { RecordWriter } from '../record-writer';
import { mixedOutputs } from '../test-support/mixed-outputs';
import { AgentDirectorySync } from './agent-directory-sync';
import { AuditTrail } from './audit-trail';
import { CallHistory } from './call-history';
import { UserStore, UsernameTakenError } from './user-store';

describe('stores for the HTTP API (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startTestDatabase();
  });
  afterAll(() => db.stop());

  it('AgentDirectorySync upserts teams and agents and deactivates the removed ones', async () => {
    const sync = new AgentDirectorySync(db.dataSource);
    const agent = (id: string, team?: string) => ({
      id,
      name: `Agent ${id}`,
      team,
      hireDate: '2024-03-01',
      interfaces: [`PJSIP/${id}`],
      devices: [`PJSIP/${id}`],
    });
    await sync.sync({
      teams: [
        { id: 't1', name: 'Sales' },
        { id: 't2', name: 'Care' },
      ],
      agents: [agent('A1000', 't1'), agent('A1001', 't1'), agent('A1002', 't2')],
    });
    const second = await sync.sync({
      teams: [{ id: 't1', name: 'Sales East' }],
      agents: [agent('A1000', 't1'), { ...agent('A1001', 't1'), quota: 12 }],
    });
    expect(second).toEqual({ teams: 1, agents: 2, deactivatedTeams: 1, deactivatedAgents: 1 });
    const agents = await db.dataSource.query<
      {
        id: string;
        active: boolean;
        quota: number | null;
        interfaces: string[];
        hire_date: string;
      }[]
    >(
      `SELECT "id", "active", "quota", "interfaces", to_char("hire_date", 'YYYY-MM-DD') AS hire_date FROM "agent" ORDER BY "id"`,
    );
    expect(agents).toEqual([
      {
        id: 'A1000',
        active: true,
        quota: null,
        interfaces: ['PJSIP/A1000'],
        hire_date: '2024-03-01',
      },
      {
        id: 'A1001',
        active: true,
        quota: 12,
        interfaces: ['PJSIP/A1001'],
        hire_date: '2024-03-01',
      },
      {
        id: 'A1002',
        active: false,
        quota: null,
        interfaces: ['PJSIP/A1002'],
        hire_date: '2024-03-01',
      },
    ]);
    expect(
      await db.dataSource.query('SELECT "id", "name", "active" FROM "team" ORDER BY "id"'),
    ).toEqual([
      { id: 't1', name: 'Sales East', active: true },
      { id: 't2', name: 'Care', active: false },
    ]);
  });

  it('CallHistory filters by day, time, agents, team, direction, effective, with paging and a total', async () => {
    const spoolDir = mkdtempSync(path.join(tmpdir(), 'cti-spool-'));
    const writer = new RecordWriter({
      dataSource: db.dataSource,
      timezone: 'UTC',
      spoolDir,
      flushIntervalMs: 20,
    });
    const outputs = mixedOutputs({ count: 1_000, agents: 4 });
    for (const o of outputs) writer.write(o);
    await writer.drain();
    await writer.close();
    rmSync(spoolDir, { recursive: true, force: true });
    const legs = outputs.flatMap((o) => (o.type === 'call-completed' ? [o.leg] : []));
    const history = new CallHistory(db.dataSource);

    const all = await history.find({ day: '2026-11-27', page: 1, pageSize: 50 });
    expect(all.total).toBe(legs.length);
    expect(all.items).toHaveLength(50);
    expect(all.items[0]!.startedAt).toBe(Math.max(...legs.map((l) => l.startedAt)));
    const last = await history.find({
      day: '2026-11-27',
      page: Math.ceil(legs.length / 50),
      pageSize: 50,
    });
    expect(last.items).toHaveLength(legs.length - 50 * (last.page - 1));

    const mine = await history.find({
      agentIds: ['A1001'],
      direction: 'outbound',
      effective: true,
      page: 1,
      pageSize: 500,
    });
    const want = legs.filter(
      (l) => l.agentId === 'A1001' && l.direction === 'outbound' && l.effective,
    );
    expect(mine.total).toBe(want.length);
    expect(mine.items.map((l) => l.id).sort()).toEqual(want.map((l) => l.id).sort());

    const team = await history.find({ teamId: 't1', page: 1, pageSize: 10 }); // A1000, A1001 (synced above)
    expect(team.total).toBe(
      legs.filter((l) => l.agentId === 'A1000' || l.agentId === 'A1001').length,
    );

    const from = new Date(legs[10]!.startedAt);
    const to = new Date(legs[20]!.startedAt);
    const window = await history.find({ from, to, page: 1, pageSize: 100 });
    expect(window.total).toBe(
      legs.filter((l) => l.startedAt >= from.getTime() && l.startedAt < to.getTime()).length,
    );

    const hostile = await history.find({
      agentIds: ["x' OR '1'='1"],
      day: '2026-11-27',
      page: 1,
      pageSize: 10,
    });
    expect(hostile.total).toBe(0);
    expect((await history.find({ page: -3, pageSize: 100_000 })).pageSize).toBe(500);
  });

  it('UserStore creates, finds, updates and lists users; usernames are unique', async () => {
    const users = new UserStore(db.dataSource);
    const admin = await users.create({ username: ' Admin ', passwordHash: 'h1', role: 'admin' });
    expect(admin).toMatchObject({
      username: 'admin',
      role: 'admin',
      disabled: false,
      tokenVersion: 0,
      teamId: null,
    });
    await expect(
      users.create({ username: 'ADMIN', passwordHash: 'h2', role: 'qa' }),
    ).rejects.toBeInstanceOf(UsernameTakenError);
    const lead = await users.create({
      username: 'lead1',
      passwordHash: 'h3',
      role: 'team_leader',
      teamId: 't1',
    });
    expect((await users.findByUsername('LEAD1'))?.id).toBe(lead.id);
    expect(await users.findById('not-a-uuid')).toBeUndefined();
    const updated = await users.update(lead.id, {
      disabled: true,
      bumpTokenVersion: true,
      passwordHash: 'h4',
    });
    expect(updated).toMatchObject({
      disabled: true,
      tokenVersion: 1,
      passwordHash: 'h4',
      teamId: 't1',
    });
    expect(
      await users.update('00000000-0000-4000-8000-000000000000', { disabled: true }),
    ).toBeUndefined();
    expect((await users.list()).map((u) => u.username)).toEqual(['admin', 'lead1']);
    await expect(
      db.dataSource.query(`UPDATE "app_user" SET "role" = 'root' WHERE "id" = $1`, [lead.id]),
    ).rejects.toThrow();
  });

  it('AuditTrail appends and lists newest first with filters', async () => {
    const audit = new AuditTrail(db.dataSource);
    const first = await audit.append({
      actor: 'admin',
      action: 'user.create',
      target: 'lead1',
      details: { role: 'team_leader' },
    });
    await audit.append({ actor: 'lead1', action: 'recording.play', target: '1764201600.12' });
    await audit.append({ actor: 'admin', action: 'user.disable', target: 'lead1' });
    expect(first).toMatchObject({
      actor: 'admin',
      action: 'user.create',
      details: { role: 'team_leader' },
    });
    expect((await audit.list()).map((e) => e.action)).toEqual([
      'user.disable',
      'recording.play',
      'user.create',
    ]);
    expect((await audit.list({ actor: 'admin', limit: 1 })).map((e) => e.action)).toEqual([
      'user.disable',
    ]);
    const older = await audit.list({
      actor: 'admin',
      beforeId: (await audit.list({ limit: 1 }))[0]!.id,
    });
    expect(older.map((e) => e.action)).toEqual(['user.create']);
  });
});
