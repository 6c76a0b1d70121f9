import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type ApiPrincipal,
  type AppUser,
  isUsernameTaken,
  normalizeUsername,
  PasswordHasher,
  type PublicUser,
  publicUser,
  type Role,
  UserAccounts,
  type UserPatch,
  UserTokenVerifier,
} from '@cti/auth';
import { AuditWriter } from '../common/audit-writer';
import { conflict, invalid, notFound } from '../errors/api-error';
import { LiveView } from '../ports/live-view';
import { type CreateUserDto, type UpdateUserDto } from './users.dto';

interface Assignment {
  readonly role: Role;
  readonly team: string | null;
  readonly agent: string | null;
}

/** User administration: every change is audited (before it is made) and revokes what it must. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditWriter,
    private readonly verifier: UserTokenVerifier,
    private readonly live: LiveView,
  ) {}

  async list(): Promise<PublicUser[]> {
    return (await this.users.list()).map(publicUser);
  }

  async create(actor: ApiPrincipal, dto: CreateUserDto): Promise<PublicUser> {
    const assignment = { role: dto.role, team: dto.team ?? null, agent: dto.agent ?? null };
    this.checkAssignment(assignment);
    const username = normalizeUsername(dto.username);
    if (await this.users.findByUsername(username)) throw conflict('username already taken');
    const passwordHash = await this.hasher.hash(dto.password);
    await this.audit.record(actor, 'user.create', username, { ...assignment });
    try {
      const user = await this.users.create({
        username,
        passwordHash,
        role: dto.role,
        teamId: assignment.team,
        agentId: assignment.agent,
      });
      return publicUser(user);
    } catch (err) {
      if (isUsernameTaken(err)) throw conflict('username already taken');
      throw err;
    }
  }

  async update(actor: ApiPrincipal, id: string, dto: UpdateUserDto): Promise<PublicUser> {
    if (
      dto.role === undefined &&
      dto.team === undefined &&
      dto.agent === undefined &&
      dto.disabled === undefined
    ) {
      throw invalid([
        { field: '(body)', problems: ['give at least one of role, team, agent, disabled'] },
      ]);
    }
    const user = await this.existing(id);
    const next: Assignment = {
      role: dto.role ?? user.role,
      team: dto.team === undefined ? user.teamId : dto.team,
      agent: dto.agent === undefined ? user.agentId : dto.agent,
    };
    this.checkAssignment(next);
    const disabled = dto.disabled ?? user.disabled;
    await this.keepAnAdmin(user, next.role, disabled);
    const changed =
      next.role !== user.role || next.team !== user.teamId || next.agent !== user.agentId;
    const patch: UserPatch = {
      role: next.role,
      teamId: next.team,
      agentId: next.agent,
      disabled,
      // A token carries role and team: any change to them, or a disable, must end old tokens.
      bumpTokenVersion: changed || (disabled && !user.disabled),
    };
    await this.audit.record(actor, 'user.update', user.username, {
      before: { role: user.role, team: user.teamId, agent: user.agentId, disabled: user.disabled },
      after: { ...next, disabled },
    });
    const updated = await this.users.update(id, patch);
    this.verifier.forget(id);
    if (!updated) throw notFound('no such user');
    return publicUser(updated);
  }

  /** Sets the given password, or a generated one returned once; ends the user's tokens. */
  async resetPassword(
    actor: ApiPrincipal,
    id: string,
    password?: string,
  ): Promise<{ password?: string }> {
    const user = await this.existing(id);
    const next = password ?? randomBytes(18).toString('base64url');
    const passwordHash = await this.hasher.hash(next);
    await this.audit.record(actor, 'user.password_reset', user.username, {
      generated: password === undefined,
    });
    await this.users.update(id, { passwordHash, bumpTokenVersion: true });
    this.verifier.forget(id);
    return password === undefined ? { password: next } : {};
  }

  private async existing(id: string): Promise<AppUser> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('no such user');
    return user;
  }

  /** A team leader needs a known team, an agent a known agent id: else they would see nothing. */
  private checkAssignment(a: Assignment): void {
    const problems: { field: string; problems: string[] }[] = [];
    if (a.role === 'team_leader' && a.team === null)
      problems.push({ field: 'team', problems: ['a team_leader needs a team'] });
    if (a.role === 'agent' && a.agent === null)
      problems.push({ field: 'agent', problems: ['an agent user needs an agent id'] });
    if (a.team !== null && !this.live.teams().some((t) => t.id === a.team))
      problems.push({ field: 'team', problems: ['unknown team'] });
    if (a.agent !== null && !this.live.agent(a.agent))
      problems.push({ field: 'agent', problems: ['unknown agent'] });
    if (problems.length > 0) throw invalid(problems);
  }

  /** The last enabled admin cannot be disabled or demoted: nobody could administer users after. */
  private async keepAnAdmin(user: AppUser, role: Role, disabled: boolean): Promise<void> {
    const losesAdmin = user.role === 'admin' && !user.disabled && (role !== 'admin' || disabled);
    if (!losesAdmin) return;
    const admins = (await this.users.list()).filter((u) => u.role === 'admin' && !u.disabled);
    if (admins.length <= 1) throw conflict('this is the last enabled admin');
  }
}
