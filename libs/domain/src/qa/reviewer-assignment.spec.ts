import { assignReviewers } from './reviewer-assignment';

const picks = Array.from({ length: 10 }, (_, i) => ({
  recordingId: `r${i}`,
  agentId: i < 5 ? '1001' : '1002',
  teamId: 'north',
}));

describe('reviewer assignment', () => {
  it('spreads picks evenly and reproducibly', () => {
    const reviewers = [{ id: 'qa1' }, { id: 'qa2' }, { id: 'qa3' }];
    const a = assignReviewers(picks, reviewers, { seed: 'w11' });
    const load = (id: string) => a.assignments.filter((x) => x.reviewerId === id).length;
    expect(['qa1', 'qa2', 'qa3'].map(load).sort()).toEqual([3, 3, 4]);
    expect(
      assignReviewers([...picks].reverse(), [...reviewers].reverse(), { seed: 'w11' }),
    ).toEqual(a);
  });

  it('never gives reviewers their own calls, and says when nobody may take a pick', () => {
    const reviewers = [{ id: 'lead', agentId: '1001' }, { id: 'qa2' }];
    const a = assignReviewers(picks, reviewers, { seed: 's' });
    expect(
      a.assignments.filter((x) => x.agentId === '1001').every((x) => x.reviewerId === 'qa2'),
    ).toBe(true);
    expect(a.assignments.filter((x) => x.reviewerId === 'lead')).toHaveLength(5);
    const none = assignReviewers([picks[0]!], [{ id: 'lead', agentId: '1001' }], { seed: 's' });
    expect(none.unassigned).toEqual([
      { recordingId: 'r0', agentId: '1001', reason: "no reviewer may review agent 1001's calls" },
    ]);
  });

  it('respects team limits and gives calibration calls to several distinct reviewers', () => {
    const reviewers = [{ id: 'a', teams: ['south'] }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const r = assignReviewers(picks, reviewers, {
      seed: 'c',
      calibrationRecordingIds: ['r3'],
      calibrationReviewers: 3,
    });
    expect(r.assignments.some((x) => x.reviewerId === 'a')).toBe(false);
    const cal = r.assignments.filter((x) => x.recordingId === 'r3');
    expect(cal).toHaveLength(3);
    expect(new Set(cal.map((x) => x.reviewerId)).size).toBe(3);
    expect(cal.every((x) => x.calibration)).toBe(true);
  });

  it('takes earlier load into account', () => {
    const r = assignReviewers(picks.slice(0, 2), [{ id: 'x' }, { id: 'y' }], {
      seed: 'l',
      existingLoad: { x: 5 },
    });
    expect(r.assignments.every((a) => a.reviewerId === 'y')).toBe(true);
  });
});
