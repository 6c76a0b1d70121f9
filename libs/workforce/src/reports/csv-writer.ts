import { wallTimeOf } from '@cti/domain';
import { cellOf, type CellValue, type Sheet, type SheetColumn } from './sheet';

/** UTF-8 byte order mark: without it Excel opens UTF-8 CSV as the local code page (乱码). */
export const UTF8_BOM = '\uFEFF';

/** 'YYYY-MM-DD HH:MM:SS' in the center's zone. */
export function localDateTime(epochMs: number, timezone: string): string {
  const w = wallTimeOf(epochMs, timezone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.day} ${p(Math.floor(w.minutes / 60))}:${p(w.minutes % 60)}:${p(w.seconds)}`;
}

/**
 * One sheet as CSV (RFC 4180, CRLF) in UTF-8 with a BOM. Text that a spreadsheet would run as a
 * formula (=, +, -, @ first) gets a leading apostrophe: a contact name must never execute.
 */
export function writeCsv(sheet: Sheet, timezone: string, locale: 'zh-CN' | 'en'): Buffer {
  const lines = [sheet.columns.map((c) => quote(c.header)).join(',')];
  for (const row of sheet.rows)
    lines.push(
      sheet.columns.map((c) => quote(text(c, cellOf(row[c.key]), timezone, locale))).join(','),
    );
  return Buffer.from(UTF8_BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

function text(c: SheetColumn, v: CellValue, timezone: string, locale: 'zh-CN' | 'en'): string {
  if (v === null) return '';
  if (c.kind === 'datetime' && typeof v === 'number') return localDateTime(v, timezone);
  if (typeof v === 'boolean') return locale === 'zh-CN' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (c.kind === 'percent' && typeof v === 'number') return `${Math.round(v * 1000) / 10}%`;
  if (typeof v === 'number') return String(v);
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
