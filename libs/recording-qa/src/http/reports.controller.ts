import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Controller, Get, Query, Req, Res, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { type ServerResponse } from 'node:http';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarMonth } from '@cti/http-api';
import { type MonthlySummary } from '@cti/domain';
import { writeCsv, writeXlsx } from '@cti/platform';
import { QaAudit, QaClock, type QaPrincipal } from '../ports/qa-runtime.port';
import { QaError } from '../qa-errors';
import { QaReportService, type WeeklyCoverage } from '../reports/qa-report.service';
import { type ReportTable, tableSheet } from '../reports/report-tables';
import { RecordingQaSettings } from '../recording-qa.settings';
import { MonthQueryDto, WeekQueryDto } from './qa.dto';
import { principalOf, QaAuthGuard, type QaRequest, QaRoles } from './qa-auth.guard';
import { QaErrorFilter } from './qa-error.filter';
import { qaValidation } from './validation';

export class MonthTableQueryDto {
  @IsCalendarMonth() month!: string;
  @IsOptional() @IsIn(['agents', 'teams', 'items', 'training']) table?: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Monthly QA summary and weekly coverage, as JSON for the page and as XLSX / CSV files. */
@Controller('api/qa/reports')
@UseGuards(QaAuthGuard)
@UseFilters(QaErrorFilter)
@UsePipes(qaValidation)
export class ReportsController {
  constructor(
    private readonly reports: QaReportService,
    private readonly audit: QaAudit,
    private readonly clock: QaClock,
    private readonly settings: RecordingQaSettings,
  ) {}

  @ApiOperation({ summary: 'Monthly QA scores per agent' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @QaRoles('team_leader', 'supervisor', 'qa', 'admin')
  @Get('monthly')
  async monthly(
    @Query() q: MonthQueryDto,
    @Req() req: QaRequest,
  ): Promise<{ summary: MonthlySummary; tables: ReportTable[] }> {
    const p = principalOf(req);
    return {
      summary: await this.reports.monthly(p, q.month),
      tables: await this.reports.monthlyTables(p, q.month),
    };
  }

  @ApiOperation({ summary: 'Monthly QA scores per agent as XLSX' })
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @QaRoles('team_leader', 'supervisor', 'qa', 'admin')
  @Get('monthly.xlsx')
  async monthlyXlsx(
    @Query() q: MonthQueryDto,
    @Req() req: QaRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const p = principalOf(req);
    const tables = await this.reports.monthlyTables(p, q.month);
    await this.exported(p, 'monthly.xlsx', q.month);
    await this.sendXlsx(res, `qa-monthly-${q.month}.xlsx`, tables);
  }

  @ApiOperation({ summary: 'Monthly QA scores per agent as CSV' })
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @QaRoles('team_leader', 'supervisor', 'qa', 'admin')
  @Get('monthly.csv')
  async monthlyCsv(
    @Query() q: MonthTableQueryDto,
    @Req() req: QaRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const p = principalOf(req);
    const name = q.table ?? 'agents';
    const table = (await this.reports.monthlyTables(p, q.month)).find((t) => t.name === name)!;
    await this.exported(p, `monthly-${name}.csv`, q.month);
    this.sendCsv(res, `qa-monthly-${q.month}-${name}.csv`, table);
  }

  @ApiOperation({ summary: "A week's sampling coverage per agent" })
  @ApiOkResponse({ description: 'OK', type: Object })
  @QaRoles('team_leader', 'supervisor', 'qa', 'admin')
  @Get('coverage')
  coverage(@Query() q: WeekQueryDto, @Req() req: QaRequest): Promise<WeeklyCoverage> {
    return this.reports.coverage(principalOf(req), q.day);
  }

  @ApiOperation({ summary: "A week's sampling coverage per agent as CSV" })
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @QaRoles('team_leader', 'supervisor', 'qa', 'admin')
  @Get('coverage.csv')
  async coverageCsv(
    @Query() q: WeekQueryDto,
    @Req() req: QaRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const p = principalOf(req);
    const table = await this.reports.coverageTable(p, q.day);
    await this.exported(p, 'coverage.csv', q.day);
    this.sendCsv(res, `qa-coverage-${q.day}.csv`, table);
  }

  @ApiOperation({ summary: "A week's sampling coverage per agent as XLSX" })
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @QaRoles('team_leader', 'supervisor', 'qa', 'admin')
  @Get('coverage.xlsx')
  async coverageXlsx(
    @Query() q: WeekQueryDto,
    @Req() req: QaRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const p = principalOf(req);
    const table = await this.reports.coverageTable(p, q.day);
    await this.exported(p, 'coverage.xlsx', q.day);
    await this.sendXlsx(res, `qa-coverage-${q.day}.xlsx`, [table]);
  }

  private async sendXlsx(res: ServerResponse, file: string, tables: ReportTable[]): Promise<void> {
    const doc = {
      // Every sheet carries its own title; the document's is only their fallback.
      title: tables[0]!.title,
      timezone: this.settings.config.timezone,
      created: new Date(this.clock.now()),
      sheets: tables.map(tableSheet),
    };
    sendFile(res, XLSX, file, await writeXlsx(doc, 'zh-CN'));
  }

  private sendCsv(res: ServerResponse, file: string, table: ReportTable): void {
    const csv = writeCsv(tableSheet(table), this.settings.config.timezone, 'zh-CN');
    sendFile(res, 'text/csv; charset=utf-8', file, csv);
  }

  private async exported(p: QaPrincipal, what: string, period: string): Promise<void> {
    try {
      await this.audit.append({
        actor: p.userId,
        action: 'qa.report.export',
        target: what,
        details: { role: p.role, period },
      });
    } catch {
      throw new QaError('QA_AUDIT_UNAVAILABLE', 'audit trail unavailable');
    }
  }
}

function sendFile(res: ServerResponse, type: string, filename: string, body: Buffer): void {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(body.length),
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}
