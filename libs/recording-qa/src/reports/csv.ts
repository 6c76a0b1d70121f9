import { type Cell, type ReportTable } from './report-tables';

const BOM = '\uFEFF';

/**
 * RFC 4180 CSV with a UTF-8 BOM (so Excel opens Chinese text correctly) and CRLF line ends.
 * Text that a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading quote
 * (CSV injection); numbers stay numbers.
 */
export function toCsv(table: ReportTable): string {
  const lines = [table.headers.map(textCell), ...table.rows.map((r) => r.map(cell))].map((cells) =>
    cells.join(','),
  );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function cell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return textCell(v);
}

function textCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Parses what toCsv writes (for tests and re-imports): BOM, quotes, CRLF. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && src[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}
