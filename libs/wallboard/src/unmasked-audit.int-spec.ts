import { type Scope } from './protocol';
import { TestServer, TEST_USERS } from './testing/test-server';
import { TestClient } from './testing/ws-test-client';
import { type WallboardAudit } from './wallboard-server';

type Entry = Parameters<WallboardAudit['append']>[0];

/** An audit trail the test reads, and can break. */
class CollectingAudit implements WallboardAudit {
  readonly entries: Entry[] = [];
  failing = false;
  async append(entry: Entry): Promise<unknown> {
    if (this.failing) throw new Error('audit store down');
    this.entries.push(entry);
    return entry;
  }
}

const NUMBER = '13812345678';

describe('wallboard: who watches unmasked numbers is audited, once per connection', () => {
  let server: TestServer;
  let audit: CollectingAudit;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    audit = new CollectingAudit();
    server = await TestServer.start({ server: { audit } });
    // A customer on the line, so a snapshot shows whether numbers are masked.
    const s = server.script;
    s.login('8001', ['support']);
    s.answer(s.ring('8001', 'support', s.callerJoins('support', NUMBER)));
    // Snapshots come from the hub's view, refreshed at each coalescing tick: take it now.
    server.hub.flush();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.close();
    await server.close();
  });

  async function board(user: keyof typeof TEST_USERS): Promise<TestClient> {
    const c = await TestClient.connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${server.token(TEST_USERS[user]!)}` },
    });
    clients.push(c);
    await c.next('welcome');
    return c;
  }

  async function snapshotOf(c: TestClient, scope: Scope, masked = false): Promise<string> {
    c.send({ type: 'subscribe', scope, ...(masked ? { masked } : {}) });
    return JSON.stringify(await c.next('snapshot'));
  }

  it('records a supervisor subscribing unmasked once per connection, and not a masked audience', async () => {
    const sup = await board('supervisor');
    expect(await snapshotOf(sup, { kind: 'all' })).toContain(NUMBER);
    expect(audit.entries).toEqual([
      {
        actor: 'supervisor',
        action: 'wallboard.unmasked_subscription',
        target: '["all"]',
        details: { role: 'supervisor', scope: { kind: 'all' } },
      },
    ]);
    expect(await snapshotOf(sup, { kind: 'team', team: 'inbound-1' })).toContain(NUMBER);
    expect(audit.entries).toHaveLength(1);

    // A second connection is audited again; masked audiences are not.
    const second = await board('supervisor');
    await snapshotOf(second, { kind: 'all' });
    const leader = await board('leader');
    expect(await snapshotOf(leader, { kind: 'team', team: 'inbound-1' })).not.toContain(NUMBER);
    const maskedSup = await board('supervisor');
    expect(await snapshotOf(maskedSup, { kind: 'all' }, true)).not.toContain(NUMBER);
    expect(audit.entries.map((e) => e.actor)).toEqual(['supervisor', 'supervisor']);
  });

  it('keeps the board live but masked when the audit cannot be written', async () => {
    audit.failing = true;
    const sup = await board('supervisor');
    const snapshot = await snapshotOf(sup, { kind: 'all' });
    expect(snapshot).toContain('8001');
    expect(snapshot).not.toContain(NUMBER);
    expect(audit.entries).toEqual([]);
  });
});
