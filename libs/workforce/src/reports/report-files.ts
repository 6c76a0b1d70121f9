import { type Locale, writeCsv, writeXlsx } from '@cti/platform';
import { type WorkforceReport } from './report-types';
import { reportSheets } from './report-sheets';

export type ReportFormat = 'xlsx' | 'csv';

export interface ReportFile {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export function reportFileName(
  report: WorkforceReport,
  locale: Locale,
  format: ReportFormat,
  sheet?: string,
): string {
  const zh = locale === 'zh-CN';
  const base =
    report.kind === 'agent-daily'
      ? `${zh ? '坐席日报' : 'agent-daily'}-${report.day}`
      : report.kind === 'team-daily'
        ? `${zh ? '班组日报' : 'team-daily'}-${report.teamId}-${report.day}`
        : `${zh ? '月度报表' : 'monthly'}-${report.month}`;
  return `${base}${sheet ? `-${sheet}` : ''}.${format}`;
}

/**
 * The report as a download. CSV holds one sheet (the first, or `sheetIndex`): a CSV file has no
 * sheets, so the others are separate downloads.
 */
export async function reportFile(
  report: WorkforceReport,
  locale: Locale,
  format: ReportFormat,
  sheetIndex = 0,
): Promise<ReportFile> {
  const doc = reportSheets(report, locale);
  if (format === 'xlsx')
    return {
      filename: reportFileName(report, locale, format),
      contentType: CONTENT_TYPES.xlsx,
      content: await writeXlsx(doc, locale),
    };
  const sheet = doc.sheets[sheetIndex];
  if (!sheet) throw new RangeError(`the report has ${doc.sheets.length} sheets`);
  return {
    filename: reportFileName(report, locale, format, sheetIndex > 0 ? sheet.name : undefined),
    contentType: CONTENT_TYPES.csv,
    content: writeCsv(sheet, doc.timezone, locale),
  };
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
