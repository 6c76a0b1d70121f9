import { answerMember, customerHangsUp, incoming, ringMember } from './testing/call-scripts';
import { Scenario } from './testing/scenario';

/** A process restart mid-day: the day comes back from the store, then the PBX is resynced. */
describe('restoring the day after a restart', () => {
  function dayWithOneCall() {
    const sc = new Scenario();
    sc.at(0).login('1001', 'support');
    sc.at(10);
    const call = incoming(sc, 'support', '13800138000');
    const leg = ringMember(sc, call, '1001');
    sc.at(20);
    answerMember(sc, call, leg);
    sc.at(80);
    customerHangsUp(sc, call, leg, 60);
    sc.at(100).pause('1001', 'lunch');
    return sc;
  }

  function storedRecords(sc: Scenario) {
    const outputs = sc.outputs;
    return {
      legs: outputs.flatMap((o) => (o.type === 'call-completed' ? [o.leg] : [])),
      pauses: outputs
        .flatMap((o) => (o.type === 'pause-started' || o.type === 'pause-ended' ? [o.pause] : []))
        .filter((p, i, all) => !all.some((q, j) => j > i && q.startedAt === p.startedAt)),
      sessions: outputs.flatMap((o) => (o.type === 'session' ? [o.session] : [])),
      internalCalls: [],
    };
  }

  it('counts a stored call once even when the same call completes again, and keeps the open pause start', () => {
    const before = dayWithOneCall();
    expect(before.agentSummary('1001').effectiveTotal).toBe(1);
    const records = storedRecords(before);

    const after = new Scenario();
    after.at(0);
    after.core.restoreDay(records);
    // The same call replayed (a retry, or the store and the live path both delivering it).
    for (const leg of records.legs) after.core.days.legCompleted(leg);
    // The first resync: persistent members come back still paused.
    after.at(200).snapshot({
      channels: [],
      members: [after.member('1001', 'support', { paused: true, pausedReason: 'lunch' })],
    });

    const summary = after.agentSummary('1001');
    expect(summary.effectiveTotal).toBe(1);
    expect(summary.inboundAnswered).toBe(1);
    after.at(300).unpause('1001');
    const pause = after.agentSummary('1001').pauses.find((p) => p.reason === 'lunch');
    // The pause began at t=100 before the restart, not when the PBX was read again at t=200.
    expect(pause?.startedAt).toBe(before.time(100));
    expect(pause?.seconds).toBe(200);
  });
});
