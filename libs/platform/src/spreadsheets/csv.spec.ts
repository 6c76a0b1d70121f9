import { parseCsv, UTF8_BOM, writeCsv } from './csv';
import { type Sheet } from './sheet';

describe('CSV export', () => {
  const sheet: Sheet = {
    name: 't',
    columns: [
      { key: 'agent', header: '工号 Agent', kind: 'text' },
      { key: 'name', header: '姓名 Name', kind: 'text' },
      { key: 'note', header: 'Note', kind: 'text' },
      { key: 'rate', header: 'Rate', kind: 'percent' },
      { key: 'at', header: 'At', kind: 'datetime' },
    ],
    rows: [
      { agent: '1001', name: 'Wang Fang 王芳', note: 'said "hello", then left', rate: 0.125 },
      { agent: '=HYPERLINK("http://x")', name: '+1', note: 'multi\r\nline', ignored: 'x' },
      { agent: 1.5, name: true, note: null, rate: Number.NaN, at: Date.UTC(2026, 11, 1, 3, 4, 5) },
    ],
  };

  it('writes a UTF-8 BOM, CRLF lines, quoted fields, and defuses formulas', () => {
    const bytes = writeCsv(sheet, 'Asia/Shanghai', 'en');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv.startsWith(`${UTF8_BOM}工号 Agent,姓名 Name,Note,Rate,At\r\n`)).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('1001,Wang Fang 王芳,"said ""hello"", then left",12.5%,');
    expect(parseCsv(csv)).toEqual([
      ['工号 Agent', '姓名 Name', 'Note', 'Rate', 'At'],
      ['1001', 'Wang Fang 王芳', 'said "hello", then left', '12.5%', ''],
      ['\'=HYPERLINK("http://x")', "'+1", 'multi\r\nline', '', ''],
      ['1.5', 'yes', '', '', '2026-12-01 11:04:05'],
    ]);
  });

  it('writes yes/no as 是/否 in Chinese', () => {
    const zh = parseCsv(writeCsv(sheet, 'Asia/Shanghai', 'zh-CN').toString('utf8'));
    expect(zh[3]![1]).toBe('是');
  });

  it('refuses a row field that is neither text, a number nor a boolean', () => {
    const bad: Sheet = { ...sheet, rows: [{ agent: { nested: 1 } }] };
    expect(() => writeCsv(bad, 'UTC', 'en')).toThrow(/text, a number or a boolean/);
  });
});
