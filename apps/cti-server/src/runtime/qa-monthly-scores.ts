import { effectiveTotal, localDay } from '@cti/domain';
import { type QaStore } from '@cti/recording-qa';
import { QaScoresSource } from '@cti/workforce';

const DAY_MS = 86_400_000;

/**
 * The quota day's monthly report takes each agent's QA scores of the month from the QA store:
 * scores submitted that local month, calibration copies left out, amended totals where a dispute
 * changed them.
 */
export class QaMonthlyScores extends QaScoresSource {
  constructor(
    private readonly store: QaStore,
    private readonly timezone: string,
  ) {
    super();
  }

  async scores(month: string): Promise<ReadonlyMap<string, readonly number[]>> {
    // A day's margin either side covers every time zone; the local month decides.
    const from = Date.parse(`${month}-01T00:00:00Z`) - DAY_MS;
    const to = Date.parse(`${nextMonth(month)}-01T00:00:00Z`) + DAY_MS;
    const byAgent = new Map<string, number[]>();
    for (const e of await this.store.evaluations({ from, to })) {
      if (e.calibration || !localDay(e.state.submittedAt, this.timezone).startsWith(month))
        continue;
      const list = byAgent.get(e.state.agentId) ?? [];
      list.push(effectiveTotal(e.state));
      byAgent.set(e.state.agentId, list);
    }
    return byAgent;
  }
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
