import { parseCsv, toCsv } from './csv';

describe('CSV export', () => {
  const table = {
    name: 't',
    title: 'T',
    headers: ['工号 Agent', '姓名 Name', 'Note'],
    rows: [
      ['1001', 'Wang Fang 王芳', 'said "hello", then left'],
      ['=HYPERLINK("http://x")', '+1', 'multi\r\nline'],
      [1.5, true, null],
    ],
  };

  it('writes a UTF-8 BOM, CRLF lines, quoted fields, and defuses formulas', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF工号 Agent,姓名 Name,Note\r\n')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.split('\r\n')[1]).toBe('1001,Wang Fang 王芳,"said ""hello"", then left"');
    expect(parseCsv(csv)).toEqual([
      ['工号 Agent', '姓名 Name', 'Note'],
      ['1001', 'Wang Fang 王芳', 'said "hello", then left'],
      ['\'=HYPERLINK("http://x")', "'+1", 'multi\r\nline'],
      ['1.5', 'yes', ''],
    ]);
  });
});
