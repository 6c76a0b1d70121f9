import { ApiExcludeController } from '@nestjs/swagger';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { writeErrorResponse } from '@cti/http-api';
import { QaError } from '../qa-errors';
import { QaGrantAuthenticated } from './qa-auth.guard';

/** The page's files: a fixed list, so no request path ever reaches the file system. */
const FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'qa.css': 'text/css; charset=utf-8',
  'qa.js': 'text/javascript; charset=utf-8',
  'api.js': 'text/javascript; charset=utf-8',
  'i18n.js': 'text/javascript; charset=utf-8',
  'player.js': 'text/javascript; charset=utf-8',
  'scorecard-form.js': 'text/javascript; charset=utf-8',
  'summary.js': 'text/javascript; charset=utf-8',
};

/** Absolute path of the QA page (no build step): ../web from the sources, or the source tree's. */
export function qaWebDir(): string {
  const candidates = [
    resolve(__dirname, '../../web'),
    resolve(__dirname, '../../../../../libs/recording-qa/web'),
  ];
  const found = candidates.find((dir) => existsSync(resolve(dir, 'index.html')));
  if (!found) throw new Error(`QA page not found in ${candidates.join(' or ')}`);
  return found;
}

/**
 * Serves the QA page at /qa/; its security headers are the app's (applySecurityHeaders). The files hold no data (everything comes from the API with the
 * user's token), so they need no authentication (marked public for the app's global guard).
 */
@ApiExcludeController() // a page, not part of the API
@Controller('qa')
@QaGrantAuthenticated()
export class QaPageController {
  private readonly dir = qaWebDir();

  @Get()
  index(@Req() req: IncomingMessage, @Res() res: ServerResponse): void {
    // Relative asset URLs need the trailing slash.
    if (!(req.url ?? '').split('?')[0]!.endsWith('/')) {
      res.writeHead(302, { Location: '/qa/' }).end();
      return;
    }
    this.send(res, 'index.html');
  }

  @Get(':file')
  file(@Param('file') file: string, @Res() res: ServerResponse): void {
    if (!Object.prototype.hasOwnProperty.call(FILES, file)) {
      writeErrorResponse(res, new QaError('QA_NOT_FOUND', 'no such file'));
      return;
    }
    this.send(res, file);
  }

  private send(res: ServerResponse, file: string): void {
    const body = readFileSync(resolve(this.dir, file));
    res.writeHead(200, {
      'Content-Type': FILES[file]!,
      'Content-Length': String(body.length),
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  }
}
