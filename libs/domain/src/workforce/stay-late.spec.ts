import { releaseStayLate, startStayLate, stayLateCounted, stayLateMinutes } from './stay-late';
import { at } from '../testing/workforce-fixtures';

const end = at('2026-12-01', '17:00');
const [stay] = startStayLate(
  [{ agentId: '1001', quota: 50, effective: 47, shortfall: 3 }],
  '2026-12-01',
  end,
);

describe('staying late until the quota is met', () => {
  it('starts from the shift end with the count then', () => {
    expect(stay).toEqual({
      agentId: '1001',
      day: '2026-12-01',
      shiftEnd: end,
      quota: 50,
      effectiveAtShiftEnd: 47,
      effective: 47,
      state: 'staying',
    });
    expect(stayLateMinutes(stay!, end + 12.5 * 60_000)).toBe(12);
  });

  it('follows the count and finishes at the call that meets the quota', () => {
    const s1 = stayLateCounted(stay!, 49, end + 10 * 60_000);
    expect(s1).toMatchObject({ state: 'staying', effective: 49 });
    const s2 = stayLateCounted(s1, 50, end + 34 * 60_000);
    expect(s2).toMatchObject({ state: 'met', effective: 50, finishedAt: end + 34 * 60_000 });
    expect(stayLateMinutes(s2, end + 5 * 3_600_000)).toBe(34);
    expect(stayLateCounted(s2, 51, end + 40 * 60_000)).toBe(s2);
  });

  it('a supervisor releases with a reason (required), once', () => {
    expect(releaseStayLate(stay!, end + 60_000, 'sup1', '  ')).toEqual({
      ok: false,
      refusal: 'reason-required',
    });
    const r = releaseStayLate(stay!, end + 20 * 60_000, 'sup1', ' 家中有事 ');
    expect(r).toEqual({
      ok: true,
      stay: {
        ...stay,
        state: 'released',
        finishedAt: end + 20 * 60_000,
        releasedBy: 'sup1',
        releaseReason: '家中有事',
      },
    });
    if (!r.ok) throw new Error('released');
    expect(releaseStayLate(r.stay, end + 30 * 60_000, 'sup1', 'again')).toEqual({
      ok: false,
      refusal: 'not-staying',
    });
    expect(stayLateCounted(r.stay, 50, end + 40 * 60_000)).toBe(r.stay);
  });
});
