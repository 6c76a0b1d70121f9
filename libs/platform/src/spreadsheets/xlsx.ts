import ExcelJS from 'exceljs';
import { wallTimeOf } from '@cti/domain';
import { yesNo } from './csv';
import { cellOf, type CellValue, type Locale, type SheetColumn, type SheetDoc } from './sheet';

const FORMATS: Readonly<Record<SheetColumn['kind'], string | undefined>> = {
  text: '@',
  int: '0',
  number: '0.0',
  percent: '0.0%',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  bool: undefined,
};

/**
 * An instant as Excel shows it: Excel has no time zones, so the cell holds the center's local wall
 * time (a Date whose UTC fields are the local ones, which is how exceljs writes dates).
 */
export function excelLocalDate(epochMs: number, timezone: string): Date {
  const w = wallTimeOf(epochMs, timezone);
  const [y, m, d] = w.day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, Math.floor(w.minutes / 60), w.minutes % 60, w.seconds));
}

/**
 * The document as an .xlsx workbook, one worksheet per sheet: a title row, a bold frozen header
 * with an auto filter, typed cells with number formats. Text that looks like a formula stays text
 * (exceljs only writes formulas from { formula } cells, so a customer's "=..." is inert).
 */
export async function writeXlsx(doc: SheetDoc, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'asterisk-cti';
  if (doc.created) wb.created = doc.created;
  for (const sheet of doc.sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    ws.columns = sheet.columns.map((c) => ({
      key: c.key,
      width: c.width ?? Math.max(8, c.header.length * (locale === 'zh-CN' ? 2 : 1) + 2),
    }));
    ws.getCell(1, 1).value = sheet.title ?? doc.title;
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    const header = ws.getRow(2);
    sheet.columns.forEach((c, i) => (header.getCell(i + 1).value = c.header));
    header.font = { bold: true };
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: sheet.columns.length } };
    for (const row of sheet.rows) {
      const r = ws.addRow(
        sheet.columns.map((c) => excelValue(c, cellOf(row[c.key]), doc.timezone, locale)),
      );
      sheet.columns.forEach((c, i) => {
        const fmt = FORMATS[c.kind];
        if (fmt) r.getCell(i + 1).numFmt = fmt;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function excelValue(
  c: SheetColumn,
  v: CellValue,
  timezone: string,
  locale: Locale,
): ExcelJS.CellValue {
  if (v === null) return null;
  if (c.kind === 'datetime' && typeof v === 'number') return excelLocalDate(v, timezone);
  if (typeof v === 'boolean') return yesNo(v, locale);
  return v;
}
