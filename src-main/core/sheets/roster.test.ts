// A real roster: columns missing (one value for all rows instead), a total row, empty required
// cells, ID numbers Excel stored as numbers, and a known ID number under another name.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/sheets/contract';
import type { Core } from '../core';
import { excelShown, isTotalLabel, isTotalRow, sameName } from './rosterCells';
import { issueText } from './texts';
import { idNumber, openStation, refusal, registration, tempDir } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function station() {
  const s = await openStation(tempDir(), () => new Date('2026-11-22T10:00:00+08:00'));
  open.push(s.core);
  return s;
}

type Row = (string | number | ExcelJS.CellValue)[];

async function roster(headers: string[], rows: Row[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const file = (content: string) => ({ fileName: '花名册.xlsx', content });
const confirm = (preview: ImportPreview, content: string, extra: Record<string, unknown> = {}) => ({
  file: file(content),
  columns: preview.mapping,
  fileHash: preview.fileHash,
  expectedValid: preview.counts.valid,
  ...extra,
});

/** A village roster as it comes: no 户籍性质, no 现居住址. */
const SHORT = ['序号', '姓名', '身份证号', '联系电话', '文化程度'];
const short = (n: number, name: string): Row => [n, name, idNumber('19900520', String(200 + n)), '13812345678', '高中'];

describe('roster import: one value for all rows where the file has no column', () => {
  it('reports the missing required fields as required, then imports with a value for all rows, checked like a cell', async () => {
    const { core, session } = await station();
    const content = await roster(SHORT, [short(1, '赵一'), short(2, '钱二')]);
    const bare = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(bare.missing).toEqual(['householdType', 'address']);
    // An empty choice is "required", never "not a valid option".
    expect(bare.rows[0]!.issues.map((i) => [i.field, i.messageKey])).toEqual([
      ['householdType', 'errors.required'],
      ['address', 'errors.required'],
    ]);

    const constants = { householdType: 'agricultural', address: '解放桥社区' };
    const set = await core.call(session, 'sheets.preview', { file: file(content), columns: bare.mapping, constants });
    expect(set).toMatchObject({ missing: [], constants, counts: { rows: 2, valid: 2 } });

    // A value for all rows is validated like a cell, and says it was one.
    const bad = await core.call(session, 'sheets.preview', { file: file(content), columns: bare.mapping, constants: { ...constants, householdType: '火星' } });
    const issue = bad.rows[0]!.issues[0]!;
    expect(issue).toEqual({ column: null, field: 'householdType', constant: true, messageKey: 'errors.sheets.unknownOption', params: { value: '火星' } });
    expect(issueText('zh-CN', issue)).toBe('户籍性质（所有行统一填写）：“火星”不是户籍性质的可选值');
    expect(issueText('en', issue)).toBe('Household registration (set for all rows): “火星” is not a valid Household registration');
    const chinese = await core.call(session, 'sheets.preview', { file: file(content), columns: bare.mapping, constants: { householdType: '非农业', address: '解放桥社区' } });
    expect(chinese.counts.valid).toBe(2);

    // Beside a column for the same field, or for a field that is who the person is: refused.
    expect(await refusal(core.call(session, 'sheets.preview', { file: file(content), columns: bare.mapping, constants: { ...constants, phone: '13800000000' } }))).toMatchObject({
      field: 'constants.phone',
      messageKey: 'errors.sheets.constantForColumn',
    });
    expect(await refusal(core.call(session, 'sheets.preview', { file: file(content), columns: bare.mapping, constants: { name: '张三' } as never }))).toMatchObject({ code: 'VALIDATION' });

    const result = await core.call(session, 'sheets.import', confirm(set, content, { constants }));
    expect(result).toMatchObject({ imported: 2, skipped: [], warnings: [] });
    const stored = await core.call(session, 'residents.get', { id: result.residentIds[0]! });
    expect(stored).toMatchObject({ householdType: 'agricultural', address: '解放桥社区', education: 'seniorHigh' });
    // The confirm must carry the same values the clerk saw: without them every row fails again.
    expect(await refusal(core.call(session, 'sheets.import', confirm(set, content)))).toMatchObject({ code: 'CONFLICT' });
  });

  it('says "required" for an empty choice on an unemployment row too', async () => {
    const { core, session } = await station();
    const headers = ['姓名', '身份证号', '联系电话', '户籍性质', '现居住址', '文化程度', '登记类型', '失业人员类型', '失业时间'];
    const content = await roster(headers, [['孙三', idNumber('19900520', '301'), '13812345678', '', '东街', '高中', '失业登记', '', '2026-10-01']]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(preview.rows[0]!.issues.map((i) => `${i.column?.letter}:${i.messageKey}`).sort()).toEqual(['D:errors.required', 'H:errors.required']);
  });
});

describe('roster import: total rows', () => {
  it('leaves out a 合计/Total row and a row of SUM/COUNTA formulas, and says so in the preview and the result', async () => {
    const { core, session } = await station();
    const headers = [...SHORT, '户籍性质', '现居住址', '重复'];
    const person = (n: number, name: string): Row => [...short(n, name), '农业', '东街', { formula: `COUNTIF(C:C,C${n + 1})>1`, result: false }];
    const content = await roster(headers, [
      person(1, '赵一'),
      person(2, '钱二'),
      ['合 计', '', '', '', '', '', '', ''],
      ['', { formula: 'COUNTA(B2:B3)', result: 2 }, '', '', '', '', '', ''],
      ['Total:', '2 人'],
      [{ formula: 'SUM(A2:A3)', result: 3 }, '', '', '', '', '', '', ''],
    ]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(preview.skipped).toEqual([4, 5, 6, 7].map((row) => ({ row, reason: 'total' })));
    expect(preview.counts).toEqual({ rows: 2, valid: 2, invalid: 0, duplicate: 0, existing: 0 });
    const result = await core.call(session, 'sheets.import', confirm(preview, content));
    expect(result).toMatchObject({ imported: 2, skipped: preview.skipped });
  });

  it('tells a total row from a person row by the name and ID cells', () => {
    const text = (t: string) => ({ kind: 'text' as const, text: t });
    const count = { kind: 'number' as const, text: '2', value: 2, formula: 'COUNTA(B2:B3)' };
    expect(isTotalRow([text('1'), text('合计')], 1, 2)).toBe(true);
    expect(isTotalRow([text('小计'), text('')], 1, 2)).toBe(true);
    expect(isTotalRow([text(''), count], 1, 2)).toBe(true);
    expect(isTotalRow([text('3'), text(''), text(''), count], 1, 2)).toBe(true);
    // A per-person formula beside a name and an ID number is a person.
    expect(isTotalRow([text('3'), text('赵一'), text('370102199005201024'), { ...count, formula: 'COUNTIF(C:C,C3)' }], 1, 2)).toBe(false);
    expect(isTotalRow([text('3'), text('合计员')], 1, 2)).toBe(false);
    for (const label of ['总计：18 人', '合计人数', 'Grand total: 18', 'SUBTOTAL', 'Totals']) expect(isTotalLabel(label), label).toBe(true);
    for (const label of ['合计员', '王合计', 'Totalis', '18']) expect(isTotalLabel(label), label).toBe(false);
  });
});

describe('roster import: an ID number Excel stored as a number', () => {
  // Exact as a double (a multiple of 64) and valid: the digits a double prints look right, and
  // still are not what the cell can vouch for.
  const EXACT = idNumber('19900520', '102');
  const HEADERS = ['姓名', '身份证号', '联系电话', '户籍性质', '现居住址', '文化程度'];

  it('refuses the row saying how Excel shows the number, never shows or matches invented digits, and the error file keeps the number', async () => {
    const { core, session } = await station();
    expect(EXACT).toBe('370102199005201024');
    expect(Number(EXACT).toFixed(0)).toBe(EXACT);
    await core.call(session, 'residents.register', registration({ idNumber: EXACT, name: '周一' }));
    const damaged = idNumber('19900520', '111');
    const content = await roster(HEADERS, [
      ['周一', Number(EXACT), '13812345678', '农业', '东街', '高中'],
      ['吴二', Number(damaged), '13812345678', '农业', '东街', '高中'],
      ['郑三', 370102900101123, '13812345678', '农业', '东街', '高中'],
    ]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    // Not "already registered": a number with 18 digits cannot be trusted to be that person.
    expect(preview.rows[0]).toMatchObject({ status: 'invalid', idNumberMasked: '3.70102E+17', issues: [{ column: { letter: 'B' }, messageKey: 'errors.sheets.idNumberAsNumber', params: { shown: '3.70102E+17' } }] });
    expect(preview.rows[1]).toMatchObject({ status: 'invalid', idNumberMasked: '3.70102E+17' });
    expect(JSON.stringify(preview)).not.toContain(Number(damaged).toFixed(0).slice(-6));
    expect(JSON.stringify(preview)).not.toContain(EXACT.slice(-6));
    // Up to 15 digits a number is exact: the ordinary check says what is wrong with it.
    expect(preview.rows[2]!.issues).toMatchObject([{ field: 'idNumber', messageKey: 'errors.idNumber.length', params: { given: 15 } }]);
    expect(issueText('zh-CN', preview.rows[0]!.issues[0]!)).toContain('被存成了数字（显示为 3.70102E+17）');
    expect(issueText('en', preview.rows[0]!.issues[0]!)).toContain('stored the ID number as a number (shown as 3.70102E+17)');

    const sheet = await core.call(session, 'sheets.errorSheet', { file: file(content), columns: preview.mapping, locale: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(sheet.content, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    for (const [r, value] of [[2, Number(EXACT)], [3, Number(damaged)], [4, 370102900101123]] as const) {
      // The cell is the number the roster held (Excel shows it as it did), not a text of digits.
      expect(ws.getRow(r).getCell(4).value).toBe(value);
    }
    expect(String(ws.getRow(3).getCell(2).value)).toContain('请把这一列设为“文本”格式');
  });

  it('shows a large number as Excel’s General format does', () => {
    expect(excelShown(370102199005201024)).toBe('3.70102E+17');
    expect(excelShown(3.7e17)).toBe('3.7E+17');
    expect(excelShown(1234567890123456)).toBe('1.23457E+15');
  });
});

describe('roster import: a known ID number under another name', () => {
  it('warns on the row in the preview and the result, and still handles it as already registered', async () => {
    const { core, session } = await station();
    const id = idNumber('19900520', '131');
    const other = idNumber('19850101', '142');
    await core.call(session, 'residents.register', registration({ idNumber: id, name: '张伟' }));
    await core.call(session, 'residents.register', registration({ idNumber: other, name: '阿依·买买提' }));
    const content = await roster(['姓名', '身份证号', '联系电话', '户籍性质', '现居住址', '文化程度'], [
      ['张卫', id, '13812345678', '农业', '东街', '高中'],
      ['阿依 • 买买提', other, '13812345678', '农业', '东街', '高中'],
    ]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(preview.rows[0]).toMatchObject({
      status: 'existing',
      warnings: [{ column: { letter: 'A', header: '姓名' }, field: 'name', messageKey: 'sheets.nameDiffers', params: { name: '张卫', registered: '张伟' } }],
    });
    expect(preview.rows[1]!.warnings).toBeUndefined();
    expect(issueText('zh-CN', preview.rows[0]!.warnings![0]!)).toBe('A 列“姓名”：身份证号与本站已登记的“张伟”相同，但表中姓名是“张卫”，请核对是否填错');
    const result = await core.call(session, 'sheets.import', confirm(preview, content));
    expect(result).toMatchObject({ imported: 0, existing: 2, warnings: [{ row: 2, name: '张卫', warnings: preview.rows[0]!.warnings }] });
    expect(sameName('阿依·买买提', '阿依．买买提')).toBe(true);
  });
});
