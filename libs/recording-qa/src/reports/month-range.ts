import { zonedInstant } from '../qa/week-plan';

/** [from, to) of a calendar month (YYYY-MM) in the center's zone, epoch ms. */
export function monthRange(month: string, zone: string): { from: number; to: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    from: zonedInstant(`${month}-01`, '00:00', zone),
    to: zonedInstant(`${next}-01`, '00:00', zone),
  };
}
