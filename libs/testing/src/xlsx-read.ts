import ExcelJS from 'exceljs';

/** A local wall time as exceljs reads a date cell back: UTC fields = local fields. */
export const wall = (iso: string) => new Date(`${iso}Z`);

export async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer: hand it a copy of exactly these bytes.
  await wb.xlsx.load(new Uint8Array(buffer).buffer);
  return wb;
}

export function rowValues(ws: ExcelJS.Worksheet, n: number): unknown[] {
  const row = ws.getRow(n);
  return Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value);
}
