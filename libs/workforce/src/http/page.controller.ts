import { ApiExcludeController } from '@nestjs/swagger';
import { Controller, Get, Param, Res, UseFilters, UseGuards } from '@nestjs/common';
import { AccessGuard, HttpErrorFilter, Public } from '@cti/http-api';
import { readFile } from 'node:fs/promises';
import { WorkforceError } from '../workforce-error';
import { type DownloadResponse } from './http-types';
import { workforceStaticDir } from './static-dir';

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** The quota-day page and the follow-up form: static files, no data (the data comes from the API with a token). */
@ApiExcludeController() // a page, not part of the API
@Controller('workforce')
@UseGuards(AccessGuard)
@UseFilters(HttpErrorFilter)
export class WorkforcePageController {
  /** `/workforce` and `/workforce/` (Express routes are not strict about the slash): the quota day. */
  @Get()
  @Public()
  index(@Res() res: DownloadResponse): Promise<void> {
    return this.file('quota-day.html', res);
  }

  @Get(':file')
  @Public()
  async file(@Param('file') file: string, @Res() res: DownloadResponse): Promise<void> {
    // Only plain names of the folder: no paths, so no traversal.
    const m = /^([a-z0-9-]+)\.(html|js|css)$/.exec(file);
    if (!m) throw new WorkforceError('NOT_FOUND', 'no such file');
    let content: Buffer;
    try {
      content = await readFile(`${workforceStaticDir()}/${file}`);
    } catch {
      throw new WorkforceError('NOT_FOUND', 'no such file');
    }
    res
      .status(200)
      .setHeader('Content-Type', TYPES[m[2]!]!)
      .setHeader('Cache-Control', 'no-cache')
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(content);
  }
}
