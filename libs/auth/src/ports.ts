import { type Role } from './roles';

/*
 * What auth needs from storage, as ports (abstract classes are Nest DI tokens). The shapes match
 * @cti/persistence's UserStore and AuditTrail, which the app binds here; auth itself never
 * imports the database layer.
 */

export interface AppUser {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly agentId: string | null;
  readonly disabled: boolean;
  readonly createdAt: Date;
  readonly tokenVersion: number;
}

export interface NewUser {
  readonly username: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly teamId?: string | null;
  readonly agentId?: string | null;
  readonly disabled?: boolean;
}

export interface UserPatch {
  readonly passwordHash?: string;
  readonly role?: Role;
  readonly teamId?: string | null;
  readonly agentId?: string | null;
  readonly disabled?: boolean;
  /** Revokes every token issued so far. */
  readonly bumpTokenVersion?: boolean;
}

/** The API's accounts (bind @cti/persistence's UserStore). Usernames are compared lower-cased. */
export abstract class UserAccounts {
  abstract findByUsername(username: string): Promise<AppUser | undefined>;
  abstract findById(id: string): Promise<AppUser | undefined>;
  abstract list(): Promise<AppUser[]>;
  /** Rejects with an error named UsernameTakenError (by constructor) when the name is in use. */
  abstract create(user: NewUser): Promise<AppUser>;
  abstract update(id: string, patch: UserPatch): Promise<AppUser | undefined>;
}

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly target?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditRecord extends AuditEntry {
  readonly id: string;
  readonly at: Date;
}

export interface AuditQuery {
  readonly actor?: string;
  readonly action?: string;
  readonly beforeId?: string;
  readonly limit?: number;
}

/** Who did what (bind @cti/persistence's AuditTrail). Appends are awaited: fail closed. */
export abstract class AuditLog {
  abstract append(entry: AuditEntry): Promise<unknown>;
  abstract list(query?: AuditQuery): Promise<AuditRecord[]>;
}

/** The store's "username already taken", recognised without importing the store. */
export function isUsernameTaken(err: unknown): boolean {
  return err instanceof Error && err.constructor.name === 'UsernameTakenError';
}

/** Lower-cased and trimmed, as the user store keeps them. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}
