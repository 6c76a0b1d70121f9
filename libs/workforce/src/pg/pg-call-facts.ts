import { loadDay } from '@cti/persistence';
import { type DataSource } from 'typeorm';
import { addDays } from '@cti/domain';
import { CallFactsSource, type DayFacts } from '../ports/facts';

/** The record writer's tables, read a day at a time (the days a report spans are few). */
export class PgCallFacts extends CallFactsSource {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async facts(fromDay: string, toDay: string): Promise<DayFacts> {
    const days: string[] = [];
    for (let d = fromDay; d <= toDay; d = addDays(d, 1)) days.push(d);
    const loaded = await Promise.all(days.map((d) => loadDay(this.ds, d)));
    return {
      legs: loaded.flatMap((d) => d.legs),
      sessions: loaded.flatMap((d) => d.sessions),
      pauses: loaded.flatMap((d) => d.pauses),
    };
  }
}
