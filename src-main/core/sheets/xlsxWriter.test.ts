import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { xlsx } from './xlsxWriter';

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
});
