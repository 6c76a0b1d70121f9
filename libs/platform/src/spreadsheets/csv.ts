import { wallTimeOf } from '@cti/domain';
import { cellOf, type CellValue, type Locale, type Sheet, type SheetColumn } from './sheet';

/** UTF-8 byte order mark: without it Excel opens UTF-8 CSV as the local code page (乱码). */
export const UTF8_BOM = '\uFEFF';

/** 'YYYY-MM-DD HH:MM:SS' in the center's zone. */
export function localDateTime(epochMs: number, timezone: string): string {
  const w = wallTimeOf(epochMs, timezone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.day} ${p(Math.floor(w.minutes / 60))}:${p(w.minutes % 60)}:${p(w.seconds)}`;
}

/**
 * One sheet as CSV (RFC 4180, CRLF) in UTF-8 with a BOM. Numbers stay bare numbers; text that a
 * spreadsheet would run as a formula (= + - @, tab, CR first) gets a leading apostrophe, so a
 * contact name can never execute.
 */
export function writeCsv(sheet: Sheet, timezone: string, locale: Locale): Buffer {
  const lines = [sheet.columns.map((c) => textField(c.header)).join(',')];
  for (const row of sheet.rows)
    lines.push(sheet.columns.map((c) => field(c, cellOf(row[c.key]), timezone, locale)).join(','));
  return Buffer.from(UTF8_BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The text a yes/no cell shows, in both writers. */
export function yesNo(v: boolean, locale: Locale): string {
  if (locale === 'zh-CN') return v ? '是' : '否';
  return v ? 'yes' : 'no';
}

function field(c: SheetColumn, v: CellValue, timezone: string, locale: Locale): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return yesNo(v, locale);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (c.kind === 'datetime') return localDateTime(v, timezone);
    // Excel reads "12.5%" back as the number 0.125.
    if (c.kind === 'percent') return `${Math.round(v * 1000) / 10}%`;
    return String(v);
  }
  return textField(v);
}

function textField(v: string): string {
  const inert = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** Parses what writeCsv writes (for tests and re-imports): BOM, quotes, CRLF. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(current);
      current = '';
    } else if (ch === '\r' && src[i + 1] === '\n') {
      row.push(current);
      rows.push(row);
      row = [];
      current = '';
      i++;
    } else current += ch;
  }
  if (current !== '' || row.length) rows.push([...row, current]);
  return rows;
}
