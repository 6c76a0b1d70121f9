import { randomUUID } from 'node:crypto';
import {
  type AppUser,
  type AuditEntry,
  AuditLog,
  type AuditQuery,
  type AuditRecord,
  type NewUser,
  normalizeUsername,
  UserAccounts,
  type UserPatch,
} from '../ports';

/** Same name as the store's error: isUsernameTaken recognises it by constructor name. */
class UsernameTakenError extends Error {}

/** In-memory UserAccounts for unit tests; `lookups` counts reads by id (cache tests). */
export class MemoryAccounts extends UserAccounts {
  readonly users = new Map<string, AppUser>();
  lookups = 0;

  async findByUsername(username: string): Promise<AppUser | undefined> {
    return [...this.users.values()].find((u) => u.username === normalizeUsername(username));
  }

  async findById(id: string): Promise<AppUser | undefined> {
    this.lookups++;
    return this.users.get(id);
  }

  async list(): Promise<AppUser[]> {
    return [...this.users.values()];
  }

  async create(user: NewUser): Promise<AppUser> {
    const username = normalizeUsername(user.username);
    if (await this.findByUsername(username)) throw new UsernameTakenError(username);
    const created: AppUser = {
      id: randomUUID(),
      username,
      passwordHash: user.passwordHash,
      role: user.role,
      teamId: user.teamId ?? null,
      agentId: user.agentId ?? null,
      disabled: user.disabled ?? false,
      createdAt: new Date(0),
      tokenVersion: 0,
    };
    this.users.set(created.id, created);
    return created;
  }

  async update(id: string, patch: UserPatch): Promise<AppUser | undefined> {
    const user = this.users.get(id);
    if (!user) return undefined;
    const { bumpTokenVersion, ...fields } = patch;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const next: AppUser = {
      ...user,
      ...defined,
      tokenVersion: user.tokenVersion + (bumpTokenVersion ? 1 : 0),
    };
    this.users.set(id, next);
    return next;
  }
}

/** In-memory AuditLog; `failing` makes appends reject (fail-closed tests). */
export class MemoryAudit extends AuditLog {
  readonly entries: AuditRecord[] = [];
  failing = false;

  async append(entry: AuditEntry): Promise<AuditRecord> {
    if (this.failing) throw new Error('audit store down');
    const record = { ...entry, id: String(this.entries.length + 1), at: new Date(0) };
    this.entries.push(record);
    return record;
  }

  async list(query: AuditQuery = {}): Promise<AuditRecord[]> {
    return this.entries
      .filter(
        (e) =>
          (query.actor === undefined || e.actor === query.actor) &&
          (query.action === undefined || e.action === query.action),
      )
      .reverse();
  }
}

/** A clock the test moves. */
export class ManualClock {
  constructor(public ms = Date.UTC(2026, 2, 10, 2, 0, 0)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
