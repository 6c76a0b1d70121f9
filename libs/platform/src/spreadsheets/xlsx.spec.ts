import { readBack, rowValues, wall } from '../../../testing/src/xlsx-read';
import { type SheetDoc } from './sheet';
import { writeXlsx } from './xlsx';

describe('XLSX export', () => {
  const doc: SheetDoc = {
    title: '日报 Daily',
    timezone: 'Asia/Shanghai',
    created: new Date(Date.UTC(2026, 11, 2, 0, 0, 0)),
    sheets: [
      {
        name: '坐席',
        columns: [
          { key: 'agent', header: '工号', kind: 'text' },
          { key: 'calls', header: '通话', kind: 'int' },
          { key: 'rate', header: '达成率', kind: 'percent', width: 20 },
          { key: 'met', header: '达标', kind: 'bool' },
          { key: 'at', header: '时间', kind: 'datetime' },
        ],
        rows: [
          { agent: '=SUM(A1)', calls: 51, rate: 0.875, met: true, at: Date.UTC(2026, 11, 1, 3) },
          { agent: '1002', calls: 0, rate: null, met: false },
        ],
      },
      {
        name: 'a sheet name longer than Excel allows in a workbook',
        title: 'Own title',
        columns: [{ key: 'n', header: 'N', kind: 'number' }],
        rows: [{ n: 1.25 }],
      },
    ],
  };

  it('one style for every workbook: title, bold frozen header, widths, typed and formatted cells', async () => {
    const wb = await readBack(await writeXlsx(doc, 'zh-CN'));
    expect(wb.created).toEqual(doc.created);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['坐席', 'a sheet name longer than Excel ']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('日报 Daily');
    expect(rowValues(ws, 2)).toEqual(['工号', '通话', '达成率', '达标', '时间']);
    expect(ws.getRow(2).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.columns.map((c) => c.width)).toEqual([8, 8, 20, 8, 8]);
    // A formula-looking text stays text: the cell holds no formula.
    expect(rowValues(ws, 3)).toEqual(['=SUM(A1)', 51, 0.875, '是', wall('2026-12-01T11:00:00')]);
    expect(rowValues(ws, 4)).toEqual(['1002', 0, null, '否', null]);
    expect(['A3', 'B3', 'C3', 'E3'].map((a) => ws.getCell(a).numFmt)).toEqual([
      '@',
      '0',
      '0.0%',
      'yyyy-mm-dd hh:mm:ss',
    ]);
    const second = wb.worksheets[1]!;
    expect(second.getCell(1, 1).value).toBe('Own title');
    expect(second.getCell('A3').value).toBe(1.25);
  });

  it('writes yes/no in English', async () => {
    const ws = (await readBack(await writeXlsx(doc, 'en'))).worksheets[0]!;
    expect(ws.getCell('D3').value).toBe('yes');
  });
});
