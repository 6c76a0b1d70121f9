import { randomUUID } from 'node:crypto';
import { type AppUser, type NewUser, type UserAccounts, type UserPatch } from '@cti/auth';
import { type DataSource } from 'typeorm';
import { type UserRole } from '../entities/app-user.entity';

// The shapes are the auth lib's ports: this store is their adapter.
export type { AppUser, NewUser, UserPatch };

export class UsernameTakenError extends Error {
  constructor(readonly username: string) {
    super(`username already taken: ${username}`);
  }
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: UserRole;
  team_id: string | null;
  agent_id: string | null;
  disabled: boolean;
  created_at: Date;
  token_version: number;
}

const COLUMNS =
  '"id", "username", "password_hash", "role", "team_id", "agent_id", "disabled", "created_at", "token_version"';

/** Usernames are trimmed and lower-cased: 'Admin' and 'admin' are one account, not two. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

const toUser = (r: UserRow): AppUser => ({
  id: r.id,
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role,
  teamId: r.team_id,
  agentId: r.agent_id,
  disabled: r.disabled,
  createdAt: r.created_at,
  tokenVersion: r.token_version,
});

/** The API's accounts. Hashing is the auth module's job: only hashes come here. */
export class UserStore implements UserAccounts {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<AppUser | undefined> {
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT ${COLUMNS} FROM "app_user" WHERE "username" = $1`,
      [normalizeUsername(username)],
    );
    return rows[0] ? toUser(rows[0]) : undefined;
  }

  async findById(id: string): Promise<AppUser | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined; // not a uuid: no row, and no cast error
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT ${COLUMNS} FROM "app_user" WHERE "id" = $1`,
      [id],
    );
    return rows[0] ? toUser(rows[0]) : undefined;
  }

  async list(): Promise<AppUser[]> {
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT ${COLUMNS} FROM "app_user" ORDER BY "username"`,
    );
    return rows.map(toUser);
  }

  async create(user: NewUser): Promise<AppUser> {
    const username = normalizeUsername(user.username);
    try {
      const rows = await this.dataSource.query<UserRow[]>(
        `INSERT INTO "app_user" ("id", "username", "password_hash", "role", "team_id", "agent_id", "disabled")
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [
          randomUUID(),
          username,
          user.passwordHash,
          user.role,
          user.teamId ?? null,
          user.agentId ?? null,
          user.disabled ?? false,
        ],
      );
      return toUser(rows[0]!);
    } catch (err) {
      if (isUniqueViolation(err)) throw new UsernameTakenError(username);
      throw err;
    }
  }

  /** Applies the fields given; returns the updated user, or undefined when there is none. */
  async update(id: string, patch: UserPatch): Promise<AppUser | undefined> {
    if (!(await this.findById(id))) return undefined;
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown): void => {
      params.push(value);
      sets.push(`"${column}" = $${params.length}`);
    };
    if (patch.passwordHash !== undefined) set('password_hash', patch.passwordHash);
    if (patch.role !== undefined) set('role', patch.role);
    if (patch.teamId !== undefined) set('team_id', patch.teamId);
    if (patch.agentId !== undefined) set('agent_id', patch.agentId);
    if (patch.disabled !== undefined) set('disabled', patch.disabled);
    if (patch.bumpTokenVersion) sets.push('"token_version" = "token_version" + 1');
    if (sets.length === 0) return this.findById(id);
    const rows = await this.dataSource.query<[UserRow[], number]>(
      `UPDATE "app_user" SET ${sets.join(', ')} WHERE "id" = $1 RETURNING ${COLUMNS}`,
      params,
    );
    const updated = rows[0][0];
    return updated ? toUser(updated) : undefined;
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e.code === '23505' || e.driverError?.code === '23505';
}
