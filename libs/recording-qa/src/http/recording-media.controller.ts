import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { MediaGrants } from '../media/media-grants';
import { type MediaResponse, RecordingMediaService } from '../media/recording-media.service';
import { QaClock, type QaPrincipal, QaTokenVerifier } from '../ports/qa-runtime.port';
import { QaError } from '../qa-errors';
import {
  principalOf,
  QaAuthGuard,
  QaGrantAuthenticated,
  type QaRequest,
  QaRoles,
} from './qa-auth.guard';
import { QaErrorFilter } from './qa-error.filter';

const COOKIE = 'cti_media';

/**
 * Listening and downloading. `audio`/`download` take the bearer token (API clients, tests);
 * the page's <audio> element plays `media/<grant>` instead, with the grant's cookie.
 */
@Controller('api/qa')
@UseGuards(QaAuthGuard)
@UseFilters(QaErrorFilter)
export class RecordingMediaController {
  constructor(
    private readonly media: RecordingMediaService,
    private readonly grants: MediaGrants,
    private readonly clock: QaClock,
    private readonly tokens: QaTokenVerifier,
  ) {}

  @ApiOperation({ summary: 'Stream a recording (HTTP Range supported)' })
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @Get('recordings/:id/audio')
  @QaRoles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  async audio(
    @Param('id') id: string,
    @Req() req: QaRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    await send(
      res,
      await this.media.serve({
        principal: principalOf(req),
        recordingId: id,
        range: rangeOf(req),
        purpose: 'stream',
        via: 'bearer',
        sourceIp: req.ip,
        headOnly: req.method === 'HEAD',
      }),
    );
  }

  @ApiOperation({ summary: 'Download a recording as a file (audited)' })
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @Get('recordings/:id/download')
  @QaRoles('supervisor', 'qa', 'admin')
  async download(
    @Param('id') id: string,
    @Req() req: QaRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    await send(
      res,
      await this.media.serve({
        principal: principalOf(req),
        recordingId: id,
        range: rangeOf(req),
        purpose: 'download',
        via: 'bearer',
        sourceIp: req.ip,
        headOnly: req.method === 'HEAD',
      }),
    );
  }

  /** A short-lived grant to play one recording in the browser (URL + HttpOnly cookie bound to it). */
  @ApiOperation({ summary: 'Grant a short-lived URL to play one recording in the browser player' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Post('recordings/:id/media-grant')
  @HttpCode(201)
  @QaRoles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  async grant(
    @Param('id') id: string,
    @Req() req: QaRequest,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<{ url: string; expiresAt: number }> {
    const principal = principalOf(req);
    const entry = await this.media.visibleEntry(principal, id, 'recording.grant', req.ip);
    const now = this.clock.now();
    const g = this.grants.issue(principal, bearerOf(req), entry.id, now);
    const url = `/api/qa/media/${g.token}`;
    const maxAge = Math.max(1, Math.floor((g.expiresAt - now) / 1000));
    res.setHeader(
      'Set-Cookie',
      `${COOKIE}=${g.cookieSecret}; Path=${url}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${req.secure ? '; Secure' : ''}`,
    );
    res.setHeader('Cache-Control', 'no-store');
    await this.media.log(principal, 'recording.grant', entry.id, {
      expiresAt: g.expiresAt,
      ip: req.ip,
    });
    return { url, expiresAt: g.expiresAt };
  }

  @ApiOperation({
    summary: 'Play a recording through a media grant (no bearer token: the grant and its cookie)',
  })
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @Get('media/:token')
  @QaGrantAuthenticated()
  async byGrant(
    @Param('token') token: string,
    @Req() req: QaRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const grant = this.grants.check(token, cookieOf(req, COOKIE), this.clock.now());
    if (!grant) throw new QaError('QA_FORBIDDEN_ACTION', 'listening grant invalid or expired');
    // The grant lives as long as its user's session: a disabled user's grant dies at once.
    let principal: QaPrincipal;
    try {
      principal = await this.tokens.verify(grant.sessionToken);
    } catch {
      this.grants.revokeUser(grant.principal.userId);
      throw new QaError('QA_FORBIDDEN_ACTION', 'listening grant invalid or expired');
    }
    await send(
      res,
      await this.media.serve({
        principal,
        recordingId: grant.recordingId,
        range: rangeOf(req),
        purpose: 'stream',
        via: 'grant',
        sourceIp: req.ip,
        headOnly: req.method === 'HEAD',
      }),
    );
  }
}

/** The bearer token the guard verified (it admits nothing else). */
function bearerOf(req: QaRequest): string {
  return (req.headers.authorization ?? '').slice('Bearer '.length);
}

function rangeOf(req: QaRequest): string | undefined {
  const r = req.headers.range;
  return typeof r === 'string' ? r : undefined;
}

function cookieOf(req: QaRequest, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

async function send(res: ServerResponse, m: MediaResponse): Promise<void> {
  res.writeHead(m.status, m.headers);
  try {
    await pipeline(m.body, res);
  } catch {
    // The client went away mid-stream (seeking does that): nothing to answer.
    m.body.destroy();
  }
}
