import { type DataSource } from 'typeorm';
import { type AttendanceException } from '@cti/domain';
import {
  AttendanceExceptionStore,
  ReportDeliveryStore,
  type StoredException,
  type TeamSubmission,
  TeamSubmissionStore,
} from '../ports/stores';

interface SubmissionRow {
  team_id: string;
  day: string;
  submitted_at: Date;
  submitted_by: string;
  records: number;
  late: boolean;
}

const SUBMISSION_COLUMNS = `"team_id", to_char("day", 'YYYY-MM-DD') AS "day", "submitted_at", "submitted_by", "records", "late"`;

const toSubmission = (r: SubmissionRow): TeamSubmission => ({
  teamId: r.team_id,
  day: r.day,
  submittedAt: r.submitted_at.getTime(),
  submittedBy: r.submitted_by,
  records: r.records,
  late: r.late,
});

export class PgTeamSubmissionStore extends TeamSubmissionStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async submit(s: TeamSubmission): Promise<TeamSubmission> {
    await this.ds.query(
      `INSERT INTO "workforce_team_submission" ("team_id", "day", "submitted_at", "submitted_by", "records", "late")
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [s.teamId, s.day, new Date(s.submittedAt), s.submittedBy, s.records, s.late],
    );
    const rows = await this.ds.query<SubmissionRow[]>(
      `SELECT ${SUBMISSION_COLUMNS} FROM "workforce_team_submission" WHERE "team_id" = $1 AND "day" = $2`,
      [s.teamId, s.day],
    );
    return toSubmission(rows[0]!);
  }

  async list(fromDay: string, toDay: string): Promise<TeamSubmission[]> {
    const rows = await this.ds.query<SubmissionRow[]>(
      `SELECT ${SUBMISSION_COLUMNS} FROM "workforce_team_submission" WHERE "day" BETWEEN $1 AND $2 ORDER BY "day", "team_id"`,
      [fromDay, toDay],
    );
    return rows.map(toSubmission);
  }
}

interface ExceptionRow {
  id: string;
  agent_id: string;
  day: string;
  flag: AttendanceException['flag'];
  reason: string;
  created_by: string;
  created_at: Date;
}

const EXCEPTION_COLUMNS = `"id", "agent_id", to_char("day", 'YYYY-MM-DD') AS "day", "flag", "reason", "created_by", "created_at"`;

const toException = (r: ExceptionRow): StoredException => ({
  id: r.id,
  agentId: r.agent_id,
  day: r.day,
  flag: r.flag,
  reason: r.reason,
  by: r.created_by,
  createdAt: r.created_at.getTime(),
});

export class PgAttendanceExceptionStore extends AttendanceExceptionStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async add(e: AttendanceException): Promise<StoredException> {
    const rows = await this.ds.query<ExceptionRow[]>(
      `INSERT INTO "workforce_attendance_exception" ("agent_id", "day", "flag", "reason", "created_by") VALUES ($1, $2, $3, $4, $5) RETURNING ${EXCEPTION_COLUMNS}`,
      [e.agentId, e.day, e.flag, e.reason, e.by],
    );
    return toException(rows[0]!);
  }

  async list(fromDay: string, toDay: string): Promise<StoredException[]> {
    const rows = await this.ds.query<ExceptionRow[]>(
      `SELECT ${EXCEPTION_COLUMNS} FROM "workforce_attendance_exception" WHERE "day" BETWEEN $1 AND $2 ORDER BY "day", "id"`,
      [fromDay, toDay],
    );
    return rows.map(toException);
  }
}

export class PgReportDeliveryStore extends ReportDeliveryStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async delivered(report: string, period: string, target: string): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>(
      `SELECT 1 FROM "workforce_report_delivery" WHERE "report" = $1 AND "period" = $2 AND "target" = $3 AND "ok"`,
      [report, period, target],
    );
    return rows.length > 0;
  }

  async record(
    report: string,
    period: string,
    target: string,
    at: number,
    error?: string,
  ): Promise<void> {
    await this.ds.query(
      `INSERT INTO "workforce_report_delivery" ("report", "period", "target", "sent_at", "ok", "error") VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("report", "period", "target") DO UPDATE SET "sent_at" = EXCLUDED."sent_at", "ok" = EXCLUDED."ok", "error" = EXCLUDED."error"`,
      [report, period, target, new Date(at), error === undefined, error ?? null],
    );
  }
}
