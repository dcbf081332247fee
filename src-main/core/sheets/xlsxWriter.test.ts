import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { xlsx, xlsxBook } from './xlsxWriter';

describe('xlsx writer', () => {
  it('writes a workbook exceljs and unzip read back: bold frozen header, widths, numbers, escaped text', async () => {
    const bytes = xlsx(
      { name: '台账/2026', columns: [{ header: '序号', width: 7 }, { header: '姓名', width: 10 }, { header: '备注', width: 30 }] },
      [
        [1, '张三', 'a < b & "c" > d'],
        [2, '王·五', ' 前后有空格 '],
        [3, null, 'bell\u0007gone'],
      ],
    );
    const file = path.join(tempDir(), 'ledger.xlsx');
    fs.writeFileSync(file, bytes);
    // The zip itself is sound (CRCs and sizes checked by unzip -t).
    expect(execFileSync('unzip', ['-t', file]).toString()).toContain('No errors detected');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('台账 2026');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(3).width).toBe(30);
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(ws.getRow(2).getCell(3).value).toBe('a < b & "c" > d');
    expect(ws.getRow(3).getCell(3).value).toBe(' 前后有空格 ');
    expect(ws.getRow(4).getCell(2).value).toBeNull();
    expect(ws.getRow(4).getCell(3).value).toBe('bellgone');
    expect(ws.rowCount).toBe(4);
  });

  it('writes several sheets: names kept unique, a title row, frozen columns, wrapped columns and a bold totals row', async () => {
    const bytes = xlsxBook([
      {
        spec: { name: '人员汇总', title: '援助台账', columns: [{ header: '序号', width: 6 }, { header: '姓名', width: 10 }, { header: '服务内容', width: 40, wrap: true }], frozenColumns: 2 },
        rows: [[1, '张三', '很长的服务内容'], { bold: ['', '合计', 1] }],
      },
      { spec: { name: '人员汇总', columns: [{ header: '说明', width: 100 }] }, rows: [['第一条']] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['人员汇总', '人员汇总 (2)']);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2, topLeftCell: 'C3' });
    expect(ws.getRow(1).getCell(1).value).toBe('援助台账');
    expect(ws.getRow(2).getCell(3).value).toBe('服务内容');
    expect(ws.getRow(3).getCell(3).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getRow(3).getCell(2).alignment?.wrapText).toBeFalsy();
    expect(ws.getRow(4).getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(4).getCell(3).value).toBe(1);
    expect(wb.worksheets[1]!.getRow(2).getCell(1).value).toBe('第一条');
  });

  it('shows money columns with two decimals (bold in a totals row) and sets a landscape sheet up for printing with its header rows repeated', async () => {
    const bytes = xlsx(
      { name: '2026-11', title: '发放表', landscape: true, columns: [{ header: '姓名', width: 10 }, { header: '实发', width: 12, money: true }] },
      [['张三', 800], { bold: ['合计', 1234.5] }],
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(2)).toMatchObject({ value: 800, numFmt: '#,##0.00' });
    expect(ws.getRow(4).getCell(2).numFmt).toBe('#,##0.00');
    expect(ws.getRow(4).getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(3).getCell(1).numFmt).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
  });
});
