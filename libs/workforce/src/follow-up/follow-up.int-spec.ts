import { at } from '../testing/fixtures';
import { startTestDatabase } from '../../../testing/src/postgres-test-db';
import { WorkforceHarness } from '../testing/harness';
import { type WorkforcePrincipal } from '../ports/principal';

const DAY = '2026-12-01';
const agent1001: WorkforcePrincipal = {
  userId: 'u1',
  username: 'wangfang',
  role: 'agent',
  agentId: '1001',
  teamId: 't1',
};
const agent2001: WorkforcePrincipal = {
  userId: 'u2',
  username: 'chenjie',
  role: 'agent',
  agentId: '2001',
  teamId: 't2',
};
const leader: WorkforcePrincipal = {
  userId: 'u3',
  username: 'leader1',
  role: 'team_leader',
  teamId: 't1',
};
const supervisor: WorkforcePrincipal = { userId: 'u4', username: 'sup1', role: 'supervisor' };
const qa: WorkforcePrincipal = { userId: 'u5', username: 'qa1', role: 'qa' };

describe('follow-up records (real PostgreSQL)', () => {
  let h: WorkforceHarness;
  beforeAll(async () => {
    h = await WorkforceHarness.start(await startTestDatabase(), at(DAY, '10:00'), {
      followUps: { submitBy: '18:00' },
    });
  });
  afterAll(() => h?.stop());

  it('an agent marks a call as an intent customer; the number is masked for those who need not see it', async () => {
    const created = await h.followUps.create(agent1001, {
      kind: 'intent',
      contactName: '张先生',
      phoneNumber: '138-1234-5678',
      content: '对宽带套餐有兴趣，周五回访',
      legId: '1001:c-1:1',
    });
    expect(created).toMatchObject({
      agentId: '1001',
      teamId: 't1',
      day: DAY,
      kind: 'intent',
      phoneNumber: '13812345678',
      numberMasked: false,
      revision: 1,
      createdBy: 'wangfang',
      agentName: '王芳',
    });
    h.clock.advance(60_000);
    await h.followUps.create(leader, {
      agentId: '1002',
      kind: 'developable',
      contactName: 'Li Na',
      phoneNumber: '13900001111',
      content: 'asks for a quote next month',
    });
    h.clock.advance(60_000);
    await h.followUps.create(agent2001, {
      kind: 'intent',
      contactName: '赵女士',
      phoneNumber: '13700002222',
      content: '投诉后转为意向',
    });
    const asLeader = await h.followUps.search(leader, { page: 1, pageSize: 50 });
    expect(asLeader.items.map((r) => [r.agentId, r.phoneNumber, r.numberMasked])).toEqual([
      ['1002', '139****1111', true],
      ['1001', '138****5678', true],
    ]);
    const asSupervisor = await h.followUps.search(supervisor, { page: 1, pageSize: 50 });
    expect(asSupervisor.items.map((r) => r.phoneNumber)).toEqual([
      '13700002222',
      '13900001111',
      '13812345678',
    ]);
    expect(
      (await h.followUps.search(qa, { page: 1, pageSize: 50 })).items.every((r) => r.numberMasked),
    ).toBe(true);
    const [listed] = await h.audit.list({ action: 'follow_ups.list_unmasked' });
    expect(listed).toMatchObject({ actor: 'sup1', details: { records: 3 } });
  });

  it('is listed per agent and team, and searchable by name or content; digits only by those who see numbers', async () => {
    expect(
      (await h.followUps.search(agent1001, { page: 1, pageSize: 50 })).items.map(
        (r) => r.contactName,
      ),
    ).toEqual(['张先生']);
    expect(
      (await h.followUps.search(supervisor, { teamId: 't2', page: 1, pageSize: 50 })).total,
    ).toBe(1);
    expect(
      (await h.followUps.search(supervisor, { text: '宽带', page: 1, pageSize: 50 })).items.map(
        (r) => r.contactName,
      ),
    ).toEqual(['张先生']);
    expect(
      (await h.followUps.search(supervisor, { text: '1111', page: 1, pageSize: 50 })).items.map(
        (r) => r.contactName,
      ),
    ).toEqual(['Li Na']);
    expect((await h.followUps.search(leader, { text: '1111', page: 1, pageSize: 50 })).total).toBe(
      0,
    );
    expect((await h.followUps.search(supervisor, { text: '%', page: 1, pageSize: 50 })).total).toBe(
      0,
    );
    await expect(
      h.followUps.search(leader, { teamId: 't2', page: 1, pageSize: 50 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      h.followUps.search(agent1001, { agentId: '1002', page: 1, pageSize: 50 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      h.followUps.create(qa, {
        agentId: '1001',
        kind: 'intent',
        contactName: 'x',
        phoneNumber: '123456',
        content: 'x',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      h.followUps.create(agent1001, {
        kind: 'hot',
        contactName: '',
        phoneNumber: 'x',
        content: '',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('edits are audited (before and after, number masked), and two editors never overwrite each other', async () => {
    const [record] = (await h.followUps.search(agent1001, { page: 1, pageSize: 5 })).items;
    h.clock.set(at(DAY, '11:00'));
    const edited = await h.followUps.update(leader, record!.id, {
      revision: 1,
      kind: 'developable',
      phoneNumber: '13812340000',
    });
    expect(edited).toMatchObject({
      kind: 'developable',
      revision: 2,
      updatedBy: 'leader1',
      updatedAt: at(DAY, '11:00'),
      numberMasked: true,
      phoneNumber: '138****0000',
    });
    await expect(
      h.followUps.update(agent1001, record!.id, { revision: 1, content: 'stale' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      h.followUps.update(agent2001, record!.id, { revision: 2, content: 'not mine' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [entry] = await h.audit.list({ action: 'follow_up.update' });
    expect(entry).toMatchObject({
      actor: 'leader1',
      target: record!.id,
      details: {
        revision: 2,
        changes: {
          kind: { from: 'intent', to: 'developable' },
          phoneNumber: { from: '138****5678', to: '138****0000' },
        },
      },
    });
  });

  it('the team leader submits the day; a late submission is kept as late and shown', async () => {
    h.clock.set(at(DAY, '17:30'));
    expect((await h.followUps.teamDays(supervisor, DAY)).map((t) => [t.teamId, t.state])).toEqual([
      ['t1', 'pending'],
      ['t2', 'pending'],
      ['heat', 'pending'],
    ]);
    const t1 = await h.followUps.submitTeamDay(leader, 't1', DAY);
    expect(t1).toMatchObject({
      state: 'on-time',
      submission: { records: 2, late: false, submittedBy: 'leader1' },
    });
    await expect(h.followUps.submitTeamDay(leader, 't2', DAY)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    h.clock.set(at(DAY, '18:20'));
    await h.followUps.submitTeamDay(supervisor, 't2', DAY);
    expect((await h.followUps.teamDays(supervisor, DAY)).map((t) => [t.teamId, t.state])).toEqual([
      ['t1', 'on-time'],
      ['t2', 'late'],
      ['heat', 'missing'],
    ]);
    expect((await h.followUps.teamDays(leader, DAY)).map((t) => t.teamId)).toEqual(['t1']);
  });
});
