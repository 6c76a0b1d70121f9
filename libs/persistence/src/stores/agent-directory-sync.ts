import { type CallCenterConfig } from '@cti/domain';
import { type DataSource } from 'typeorm';

export interface DirectorySyncResult {
  readonly teams: number;
  readonly agents: number;
  /** Rows no longer in the configuration, now marked inactive (kept for history). */
  readonly deactivatedTeams: number;
  readonly deactivatedAgents: number;
}

/** Mirrors the configured teams and agents into `team` / `agent`, in one transaction. */
export class AgentDirectorySync {
  constructor(private readonly dataSource: DataSource) {}

  async sync(config: Pick<CallCenterConfig, 'teams' | 'agents'>): Promise<DirectorySyncResult> {
    return this.dataSource.transaction(async (m) => {
      const teamIds = config.teams.map((t) => t.id);
      await m.query(
        `INSERT INTO "team" ("id", "name", "active", "updated_at") SELECT id, name, true, now() FROM unnest($1::text[], $2::text[]) AS v(id, name)
         ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "active" = true, "updated_at" = now()`,
        [teamIds, config.teams.map((t) => t.name)],
      );
      // Arrays of arrays do not unnest row by row: one small statement per agent (config-sized).
      for (const a of config.agents) {
        await m.query(
          `INSERT INTO "agent" ("id", "name", "team_id", "hire_date", "quota", "interfaces", "devices", "active", "updated_at")
           VALUES ($1, $2, $3, $4::date, $5, $6::text[], $7::text[], true, now())
           ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name", "team_id" = EXCLUDED."team_id", "hire_date" = EXCLUDED."hire_date",
             "quota" = EXCLUDED."quota", "interfaces" = EXCLUDED."interfaces", "devices" = EXCLUDED."devices", "active" = true, "updated_at" = now()`,
          [
            a.id,
            a.name,
            a.team ?? null,
            a.hireDate,
            a.quota ?? null,
            [...a.interfaces],
            [...a.devices],
          ],
        );
      }
      const [, deactivatedTeams] = await m.query<[unknown[], number]>(
        'UPDATE "team" SET "active" = false, "updated_at" = now() WHERE "active" AND NOT ("id" = ANY($1::text[]))',
        [teamIds],
      );
      const [, deactivatedAgents] = await m.query<[unknown[], number]>(
        'UPDATE "agent" SET "active" = false, "updated_at" = now() WHERE "active" AND NOT ("id" = ANY($1::text[]))',
        [config.agents.map((a) => a.id)],
      );
      return {
        teams: teamIds.length,
        agents: config.agents.length,
        deactivatedTeams,
        deactivatedAgents,
      };
    });
  }
}
