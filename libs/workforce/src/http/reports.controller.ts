import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Controller, Get, Headers, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { type ApiPrincipal } from '@cti/auth';
import { AccessGuard, CurrentPrincipal, HttpErrorFilter, Roles } from '@cti/http-api';
import { addDays } from '@cti/domain';
import { QuotaDayService } from '../live/quota-day.service';
import { WorkforceClock } from '../ports/clock';
import { contentDisposition, reportFile } from '../reports/report-files';
import { type WorkforceReport } from '../reports/report-types';
import { reportSheets } from '../reports/report-sheets';
import { ReportService } from '../reports/report.service';
import { invalidInput } from '../workforce-error';
import { type DownloadResponse as Response } from './http-types';
import { dayParam, formatParam, intParam, localeParam, monthParam, textParam } from './params';

/** The daily work record, the team leader's daily sheet, the monthly report: JSON, XLSX or CSV. */
@Controller('api/workforce/reports')
@UseGuards(AccessGuard)
@UseFilters(HttpErrorFilter)
export class ReportsController {
  constructor(
    private readonly reports: ReportService,
    private readonly quotaDay: QuotaDayService,
    private readonly clock: WorkforceClock,
  ) {}

  @ApiOperation({ summary: 'Daily report per agent (JSON, CSV or XLSX by format)' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('agent-daily')
  @Roles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  async agentDaily(
    @CurrentPrincipal() p: ApiPrincipal,
    @Query() q: Record<string, unknown>,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const now = this.clock.now();
    const agentId = textParam(q.agentId, 'agentId', 32);
    const report = await this.reports.agentDaily(
      p,
      dayParam(q.day, addDays(this.quotaDay.today(now), -1)),
      now,
      agentId,
    );
    await this.send(res, report, q, lang);
  }

  @ApiOperation({ summary: 'Daily report per team (JSON, CSV or XLSX by format)' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('team-daily')
  @Roles('team_leader', 'supervisor', 'qa', 'admin')
  async teamDaily(
    @CurrentPrincipal() p: ApiPrincipal,
    @Query() q: Record<string, unknown>,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const now = this.clock.now();
    const teamId = textParam(q.teamId, 'teamId', 64) ?? p.teamId;
    if (teamId === undefined) throw invalidInput(['teamId: is required']);
    const report = await this.reports.teamDaily(
      p,
      teamId,
      dayParam(q.day, this.quotaDay.today(now)),
      now,
    );
    await this.send(res, report, q, lang);
  }

  @ApiOperation({ summary: 'Monthly report (JSON, CSV or XLSX by format)' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('monthly')
  @Roles('team_leader', 'supervisor', 'qa', 'admin')
  async monthly(
    @CurrentPrincipal() p: ApiPrincipal,
    @Query() q: Record<string, unknown>,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ) {
    const now = this.clock.now();
    const report = await this.reports.monthly(
      p,
      monthParam(q.month, this.quotaDay.today(now).slice(0, 7)),
      now,
    );
    await this.send(res, report, q, lang);
  }

  private async send(
    res: Response,
    report: WorkforceReport,
    q: Record<string, unknown>,
    acceptLanguage: string | undefined,
  ): Promise<void> {
    const format = formatParam(q.format);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'json') {
      res.status(200).json(report);
      return;
    }
    const locale = localeParam(q.lang, acceptLanguage);
    const sheets = reportSheets(report, locale).sheets.length;
    const file = await reportFile(
      report,
      locale,
      format,
      intParam(q.sheet, 'sheet', 0, 0, sheets - 1),
    );
    res
      .status(200)
      .setHeader('Content-Type', file.contentType)
      .setHeader('Content-Disposition', contentDisposition(file.filename))
      .send(file.content);
  }
}
