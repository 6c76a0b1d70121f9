import { type INestApplication } from '@nestjs/common';
import helmet from 'helmet';

/**
 * One policy for the API and every page (/, /workforce/, /qa/, /api/docs). The pages load their
 * scripts and styles as files from this origin, the wallboard's socket is same-origin, the QA
 * player plays audio from the API, so nothing inline or foreign is needed.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  mediaSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers on every response (helmet): the CSP above, nosniff, no framing, no referrer,
 * and no `X-Powered-By`. Call before the static pages are mounted, so they get them too.
 */
export function applySecurityHeaders(app: INestApplication): void {
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
}
