import { defaultScope, maySeeNumbers, mayWatch, type Principal } from './access-policy';
import { type Scope } from './protocol';

const exp = Date.parse('2030-01-01T00:00:00Z');
const agent: Principal = {
  userId: 'u1',
  role: 'agent',
  agentId: '8001',
  teamId: 'inbound-1',
  expiresAt: exp,
};
const leader: Principal = {
  userId: 'u2',
  role: 'team_leader',
  teamId: 'inbound-1',
  expiresAt: exp,
};
const supervisor: Principal = { userId: 'u3', role: 'supervisor', expiresAt: exp };
const qa: Principal = { userId: 'u4', role: 'qa', expiresAt: exp };
const admin: Principal = { userId: 'u5', role: 'admin', expiresAt: exp };

const scopes: Record<string, Scope> = {
  all: { kind: 'all' },
  ownTeam: { kind: 'team', team: 'inbound-1' },
  otherTeam: { kind: 'team', team: 'inbound-2' },
  missingTeam: { kind: 'team', team: 'no-such-team' },
  queue: { kind: 'queue', queue: 'support' },
  self: { kind: 'agent', agent: '8001' },
  colleague: { kind: 'agent', agent: '8002' },
};

describe('access policy', () => {
  it.each([
    ['agent', agent, ['self']],
    ['team leader', leader, ['ownTeam']],
    ['supervisor', supervisor, Object.keys(scopes)],
    ['qa', qa, Object.keys(scopes)],
    ['admin', admin, Object.keys(scopes)],
  ] as const)('lets the %s watch only %j', (_name, p, allowed) => {
    const watched = Object.entries(scopes)
      .filter(([, s]) => mayWatch(p, s))
      .map(([k]) => k);
    expect(watched).toEqual(allowed);
    expect(mayWatch(p, defaultScope(p)!)).toBe(true);
  });

  it('refuses everything to a principal that lacks what its role needs', () => {
    const noTeam: Principal = { userId: 'x', role: 'team_leader', expiresAt: exp };
    const noAgent: Principal = { userId: 'y', role: 'agent', expiresAt: exp };
    expect(defaultScope(noTeam)).toBeUndefined();
    expect(defaultScope(noAgent)).toBeUndefined();
    expect(Object.values(scopes).some((s) => mayWatch(noTeam, s) || mayWatch(noAgent, s))).toBe(
      false,
    );
  });

  it('shows numbers to supervisors, QA and admins only', () => {
    expect([agent, leader, supervisor, qa, admin].map(maySeeNumbers)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});
