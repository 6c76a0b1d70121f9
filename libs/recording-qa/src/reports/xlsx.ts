import ExcelJS from 'exceljs';
import { type ReportTable } from './report-tables';

/**
 * One worksheet per table: a title row, a bold header row, the data with numbers as numbers,
 * frozen headers and auto filter. Text that looks like a formula is written as text (exceljs
 * only makes formulas from { formula } cells, so a customer-supplied "=..." stays inert).
 */
export async function toXlsx(
  tables: readonly ReportTable[],
  meta: { readonly creator: string; readonly created: Date },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator;
  wb.created = meta.created;
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.addRow([t.title]).font = { bold: true, size: 13 };
    const header = ws.addRow([...t.headers]);
    header.font = { bold: true };
    for (const r of t.rows)
      ws.addRow(r.map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v)));
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: t.headers.length } };
    t.headers.forEach((h, i) => {
      const longest = Math.max(h.length, ...t.rows.map((r) => String(r[i] ?? '').length));
      ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
