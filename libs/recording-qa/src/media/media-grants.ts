import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type QaPrincipal } from '../ports/qa-runtime.port';

export interface MediaGrant {
  readonly principal: QaPrincipal;
  /** The bearer token the grant was asked with: checked again at each use, never sent out. */
  readonly sessionToken: string;
  readonly recordingId: string;
  readonly expiresAt: number;
}

export interface IssuedGrant {
  /** Goes in the URL: /api/qa/media/<token>. Opaque, single recording, short-lived. */
  readonly token: string;
  /** Goes in an HttpOnly cookie scoped to that URL: the URL alone is not enough. */
  readonly cookieSecret: string;
  readonly expiresAt: number;
}

const MAX_GRANTS = 10_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Listening grants for the browser's <audio> element, which cannot send an Authorization
 * header. A grant is never the session token (ASVS 14.2.1): it names one
 * recording, one user, expires within minutes, and needs its HttpOnly cookie too, so a
 * copied URL does not play for anyone else.
 */
export class MediaGrants {
  private readonly grants = new Map<string, MediaGrant & { readonly secretHash: Buffer }>();

  constructor(private readonly lifetimeMs: number) {}

  issue(
    principal: QaPrincipal,
    sessionToken: string,
    recordingId: string,
    now: number,
  ): IssuedGrant {
    this.sweep(now);
    if (this.grants.size >= MAX_GRANTS) this.grants.delete(this.grants.keys().next().value!);
    const token = randomBytes(32).toString('base64url');
    const cookieSecret = randomBytes(32).toString('base64url');
    const expiresAt = now + this.lifetimeMs;
    this.grants.set(token, {
      principal,
      sessionToken,
      recordingId,
      expiresAt,
      secretHash: digest(cookieSecret),
    });
    return { token, cookieSecret, expiresAt };
  }

  /** The grant, if the token is live and the cookie matches it; undefined otherwise. */
  check(token: string, cookieSecret: string | undefined, now: number): MediaGrant | undefined {
    if (!TOKEN.test(token)) return undefined;
    const g = this.grants.get(token);
    if (!g || now >= g.expiresAt) return undefined;
    if (cookieSecret === undefined || !timingSafeEqual(digest(cookieSecret), g.secretHash))
      return undefined;
    return g;
  }

  revokeUser(userId: string): void {
    for (const [k, g] of this.grants) if (g.principal.userId === userId) this.grants.delete(k);
  }

  private sweep(now: number): void {
    for (const [k, g] of this.grants) if (now >= g.expiresAt) this.grants.delete(k);
  }
}
