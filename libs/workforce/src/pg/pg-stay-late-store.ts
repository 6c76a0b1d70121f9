import { type DataSource } from 'typeorm';
import { type StayLate } from '@cti/domain';
import { type ShiftEndRun } from '../ports/alerts';
import { type NotificationResult, StayLateStore } from '../ports/stores';

interface StayRow {
  agent_id: string;
  day: string;
  shift_end: Date;
  quota: number;
  effective_at_shift_end: number;
  effective: number;
  state: StayLate['state'];
  finished_at: Date | null;
  released_by: string | null;
  release_reason: string | null;
}

interface RunRow {
  day: string;
  shift_end: Date;
  ran_at: Date;
  rule_version: string;
  must_stay: ShiftEndRun['agents'];
  notifications: NotificationResult[] | null;
}

const STAY_COLUMNS = `"agent_id", to_char("day", 'YYYY-MM-DD') AS "day", "shift_end", "quota", "effective_at_shift_end", "effective", "state", "finished_at", "released_by", "release_reason"`;

function toStay(r: StayRow): StayLate {
  return {
    agentId: r.agent_id,
    day: r.day,
    shiftEnd: r.shift_end.getTime(),
    quota: r.quota,
    effectiveAtShiftEnd: r.effective_at_shift_end,
    effective: r.effective,
    state: r.state,
    ...(r.finished_at !== null ? { finishedAt: r.finished_at.getTime() } : {}),
    ...(r.released_by !== null ? { releasedBy: r.released_by } : {}),
    ...(r.release_reason !== null ? { releaseReason: r.release_reason } : {}),
  };
}

export class PgStayLateStore extends StayLateStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async claimRun(run: ShiftEndRun): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>(
      `INSERT INTO "workforce_shift_end_run" ("day", "shift_end", "ran_at", "rule_version", "must_stay")
       VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING RETURNING "day"`,
      [
        run.day,
        new Date(run.shiftEnd),
        new Date(run.ranAt),
        run.ruleVersion,
        JSON.stringify(run.agents),
      ],
    );
    return rows.length === 1;
  }

  async recordNotifications(
    day: string,
    shiftEnd: number,
    results: readonly NotificationResult[],
  ): Promise<void> {
    await this.ds.query(
      `UPDATE "workforce_shift_end_run" SET "notifications" = $3::jsonb WHERE "day" = $1 AND "shift_end" = $2`,
      [day, new Date(shiftEnd), JSON.stringify(results)],
    );
  }

  async runs(day: string): Promise<(ShiftEndRun & { notifications: NotificationResult[] })[]> {
    const rows = await this.ds.query<RunRow[]>(
      `SELECT to_char("day", 'YYYY-MM-DD') AS "day", "shift_end", "ran_at", "rule_version", "must_stay", "notifications"
       FROM "workforce_shift_end_run" WHERE "day" = $1 ORDER BY "shift_end"`,
      [day],
    );
    return rows.map((r) => ({
      day: r.day,
      shiftEnd: r.shift_end.getTime(),
      ranAt: r.ran_at.getTime(),
      ruleVersion: r.rule_version,
      agents: r.must_stay,
      notifications: r.notifications ?? [],
    }));
  }

  async save(s: StayLate): Promise<void> {
    await this.ds.query(
      `INSERT INTO "workforce_stay_late" ("agent_id", "day", "shift_end", "quota", "effective_at_shift_end", "effective", "state", "finished_at", "released_by", "release_reason")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ("agent_id", "day") DO UPDATE SET "effective" = EXCLUDED."effective", "state" = EXCLUDED."state",
         "finished_at" = EXCLUDED."finished_at", "released_by" = EXCLUDED."released_by",
         "release_reason" = EXCLUDED."release_reason", "updated_at" = now()`,
      [
        s.agentId,
        s.day,
        new Date(s.shiftEnd),
        s.quota,
        s.effectiveAtShiftEnd,
        s.effective,
        s.state,
        s.finishedAt !== undefined ? new Date(s.finishedAt) : null,
        s.releasedBy ?? null,
        s.releaseReason ?? null,
      ],
    );
  }

  async staying(): Promise<StayLate[]> {
    const rows = await this.ds.query<StayRow[]>(
      `SELECT ${STAY_COLUMNS} FROM "workforce_stay_late" WHERE "state" = 'staying' ORDER BY "day", "agent_id"`,
    );
    return rows.map(toStay);
  }

  async list(fromDay: string, toDay: string): Promise<StayLate[]> {
    const rows = await this.ds.query<StayRow[]>(
      `SELECT ${STAY_COLUMNS} FROM "workforce_stay_late" WHERE "day" BETWEEN $1 AND $2 ORDER BY "day", "agent_id"`,
      [fromDay, toDay],
    );
    return rows.map(toStay);
  }

  async get(agentId: string, day: string): Promise<StayLate | undefined> {
    const rows = await this.ds.query<StayRow[]>(
      `SELECT ${STAY_COLUMNS} FROM "workforce_stay_late" WHERE "agent_id" = $1 AND "day" = $2`,
      [agentId, day],
    );
    return rows[0] ? toStay(rows[0]) : undefined;
  }
}
