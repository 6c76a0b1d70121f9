import { loadDay } from '@cti/persistence';
import { type DataSource } from 'typeorm';
import { eachDay, MAX_REPORT_DAY_SPAN } from '@cti/domain';
import { CallFactsSource, type DayFacts } from '../ports/facts';

/** The record writer's tables, read a day at a time (the days a report spans are few). */
export class PgCallFacts extends CallFactsSource {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async facts(fromDay: string, toDay: string): Promise<DayFacts> {
    // A report's days and the day either side of them; a longer span is refused, not loaded.
    const days = eachDay(fromDay, toDay, MAX_REPORT_DAY_SPAN + 2);
    const loaded = await Promise.all(days.map((d) => loadDay(this.ds, d)));
    return {
      legs: loaded.flatMap((d) => d.legs),
      sessions: loaded.flatMap((d) => d.sessions),
      pauses: loaded.flatMap((d) => d.pauses),
    };
  }
}
