import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHEET_MAX_BYTES, SHEET_MAX_ROWS, type ImportPreview } from '../../../shared/sheets/contract';
import type { Core, Session } from '../core';
import { fakeResidents } from '../station/demo';
import { LEDGER_COLUMNS } from './ledgers';
import { idNumber, openStation, refusal, registration, tempDir, VILLAGE, villagePost } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function station(now = '2026-11-22T10:00:00+08:00') {
  let clock = new Date(now);
  const s = await openStation(tempDir(), () => clock);
  open.push(s.core);
  return { ...s, at: (iso: string) => (clock = new Date(iso)) };
}

const HEADERS = ['姓名', '身份证号', '联系电话', '户籍性质', '现居住址', '文化程度', '人员类别', '求职意向'];
type Row = (string | number | Date | ExcelJS.CellValue)[];

function person(n: number, birth = '19900520'): Row {
  const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '吴霞'];
  return [`${names[n % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(n / 10) % 10]}`, idNumber(birth, String(100 + (n % 900)).padStart(3, '0')), '13812345678', '农业', '解放桥东街 12 号', '高中', '农村务工人员', '电工'];
}

async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('花名册'));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

function roster(rows: Row[], headers = HEADERS) {
  return workbook((ws) => {
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
  });
}

const file = (content: string, fileName = '花名册.xlsx') => ({ fileName, content });

async function residents(core: Core, session: Session) {
  return (await core.call(session, 'residents.search', { limit: 500 })).total;
}

async function audits(core: Core, action: string) {
  const all = await core.db.allDocs<{ action: string; field: string; reason: string }>({ startkey: 'audit:', endkey: 'audit:\ufff0', include_docs: true });
  return all.rows.map((r) => r.doc!).filter((d) => d.action === action);
}

function confirm(preview: ImportPreview, content: string, skipInvalid = false) {
  return { file: file(content), columns: preview.mapping, fileHash: preview.fileHash, expectedValid: preview.counts.valid, skipInvalid };
}

describe('roster import: preview', () => {
  it('suggests the mapping from Chinese headers and validates every row like the form, storing nothing', async () => {
    const { core, session } = await station();
    const bad = person(2);
    bad[1] = '110105194912310021'; // wrong check character
    const content = await roster([person(1), bad, person(1), [...person(3).slice(0, 2), '12345', '火星', '', '博士后', '', '']]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(preview.mapping).toEqual(['name', 'idNumber', 'phone', 'householdType', 'address', 'education', 'targetGroups', 'jobIntention']);
    expect(preview.missing).toEqual([]);
    expect(preview.counts).toEqual({ rows: 4, valid: 1, invalid: 2, duplicate: 1, existing: 0 });
    const [ok, checksum, twin, many] = preview.rows;
    expect(ok).toMatchObject({ row: 2, status: 'valid', issues: [] });
    expect(ok!.idNumberMasked).toMatch(/^3701\*+\d{3}[\dX]$/);
    expect(checksum).toMatchObject({ row: 3, status: 'invalid', issues: [{ column: { letter: 'B', header: '身份证号' }, field: 'idNumber', messageKey: 'errors.idNumber.checksum' }] });
    expect(twin).toMatchObject({ row: 4, status: 'duplicate', duplicateOfRow: 2 });
    const keys = many!.issues.map((i) => `${i.column?.letter}:${i.messageKey}`).sort();
    expect(keys).toEqual(['C:errors.phone', 'D:errors.sheets.unknownOption', 'E:errors.required', 'F:errors.sheets.unknownOption']);
    expect(many!.issues.find((i) => i.field === 'education')?.params).toEqual({ value: '博士后' });
    expect(await residents(core, session)).toBe(0);
  });

  it('applies the core checks: working age, future dates, sex against the ID number, kind inferred from the columns', async () => {
    const { core, session } = await station();
    const headers = ['姓名', '身份证号', '性别', '联系电话', '户籍性质', '现居住址', '学历', '失业人员类型', '失业时间', '登记日期'];
    const base = ['孙悟', idNumber('19900520', '111'), '男', '13812345678', '非农业户口', '东街 1 号', '大专', '失去工作岗位人员', new Date(Date.UTC(2026, 9, 1)), '2026/11/1'];
    const old = [...base];
    old[0] = '钱老';
    old[1] = idNumber('19500101', '113'); // 76: past retirement for an unemployment registration
    const wrongSex = [...base];
    wrongSex[1] = idNumber('19910101', '122'); // even 17th digit: female
    const future = [...base];
    future[1] = idNumber('19920101', '131');
    future[9] = '2027-01-01';
    const content = await roster([base, old, wrongSex, future], headers);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(preview.mapping).toEqual(['name', 'idNumber', 'sex', 'phone', 'householdType', 'address', 'education', 'unemploymentType', 'unemployedSince', 'date']);
    expect(preview.rows.map((r) => r.status)).toEqual(['valid', 'invalid', 'invalid', 'invalid']);
    expect(preview.rows[1]!.issues).toMatchObject([{ column: { letter: 'B' }, messageKey: 'errors.age.pastRetirement' }]);
    expect(preview.rows[2]!.issues).toMatchObject([{ column: { letter: 'C', header: '性别' }, messageKey: 'errors.sheets.sexMismatch' }]);
    expect(preview.rows[3]!.issues).toMatchObject([{ column: { letter: 'J' }, field: 'date', messageKey: 'errors.dateInFuture' }]);
    const result = await core.call(session, 'sheets.import', confirm(preview, content, true));
    expect(result.imported).toBe(1);
    const stored = await core.call(session, 'residents.get', { id: result.residentIds[0]! });
    expect(stored).toMatchObject({
      householdType: 'nonAgricultural',
      education: 'juniorCollege',
      kind: 'unemployment',
      registration: { kind: 'unemployment', date: '2026-11-01', unemploymentType: 'lostJob', unemployedSince: '2026-10-01' },
    });
  });

  it('uses a clerk-chosen mapping and reports a required field without a column', async () => {
    const { core, session } = await station();
    const content = await roster([person(1)], ['名字', '证件', '电话', '户籍', '地址', '文化', '类别', '意向']);
    const suggested = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(suggested.mapping.slice(0, 3)).toEqual(['name', null, 'phone']);
    expect(suggested.missing).toEqual(['idNumber', 'education']);
    expect(suggested.rows[0]!.issues).toContainEqual(expect.objectContaining({ column: null, field: 'idNumber', messageKey: 'errors.required' }));
    const mapped = await core.call(session, 'sheets.preview', { file: file(content), columns: ['name', 'idNumber', 'phone', 'householdType', 'address', 'education', 'targetGroups', 'jobIntention'] });
    expect(mapped.counts.valid).toBe(1);
    expect(await refusal(core.call(session, 'sheets.preview', { file: file(content), columns: ['name', 'name'] }))).toMatchObject({ field: 'columns.1', messageKey: 'errors.sheets.mappedTwice' });
  });
});

describe('roster import: confirm', () => {
  it('stores nothing while rows have errors unless the clerk skips them; then all valid rows in one write; a second import adds nobody', async () => {
    const { core, session } = await station();
    const bad = person(2);
    bad[1] = '110105194912310021';
    const content = await roster([person(1), bad, person(3), person(4)]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(preview.counts).toMatchObject({ valid: 3, invalid: 1 });
    expect(await refusal(core.call(session, 'sheets.import', confirm(preview, content)))).toMatchObject({ field: 'skipInvalid', messageKey: 'errors.sheets.invalidRows', params: { count: 1 } });
    expect(await residents(core, session)).toBe(0);

    const bulk = vi.spyOn(core.db, 'bulkDocs');
    const result = await core.call(session, 'sheets.import', confirm(preview, content, true));
    expect(result).toMatchObject({ imported: 3, invalid: 1, existing: 0 });
    // All-or-nothing: one bulkDocs (one LevelDB batch) carried every stored row.
    // (db.put goes through bulkDocs too: the audit entry is the other call.)
    const residentWrites = bulk.mock.calls
      .map((call) => (Array.isArray(call[0]) ? call[0] : (call[0] as { docs: unknown[] }).docs) as { type?: string }[])
      .filter((docs) => docs.some((d) => d.type === 'resident'));
    expect(residentWrites.map((docs) => docs.length)).toEqual([3]);
    bulk.mockRestore();
    expect(await residents(core, session)).toBe(3);
    expect((await core.call(session, 'residents.search', { query: person(3)[0] as string })).total).toBe(1);

    const again = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(again.counts).toMatchObject({ valid: 0, existing: 3, invalid: 1 });
    expect(again.rows[0]).toMatchObject({ status: 'existing', existing: { name: person(1)[0] } });
    const second = await core.call(session, 'sheets.import', confirm(again, content, true));
    expect(second).toMatchObject({ imported: 0, existing: 3 });
    expect(await residents(core, session)).toBe(3);
    const logged = await audits(core, 'import');
    expect(logged.map((a) => a.reason)).toEqual(expect.arrayContaining(['imported 3, existing 0, skipped 1', 'imported 0, existing 3, skipped 1']));
  });

  it('refuses a confirm whose preview went stale (someone registered a row meanwhile) and stores nothing', async () => {
    const { core, session } = await station();
    const content = await roster([person(1), person(3)]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    await core.call(session, 'residents.register', registration({ idNumber: person(1)[1] as string, name: person(1)[0] as string }));
    expect(await refusal(core.call(session, 'sheets.import', confirm(preview, content)))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.sheets.previewStale' });
    expect(await residents(core, session)).toBe(1);
    const other = await roster([person(5)]);
    expect(await refusal(core.call(session, 'sheets.import', { ...confirm(preview, content), file: file(other) }))).toMatchObject({ code: 'CONFLICT' });
    expect(await residents(core, session)).toBe(1);
  });

  it('stores nothing when the disk refuses the write', async () => {
    const { core, session } = await station();
    const content = await roster([person(1), person(3)]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    const bulk = vi.spyOn(core.db, 'bulkDocs').mockRejectedValueOnce(Object.assign(new Error('IO error: No space left on device'), {}));
    expect(await refusal(core.call(session, 'sheets.import', confirm(preview, content)))).toMatchObject({ code: 'DISK_FULL', messageKey: 'errors.diskFull' });
    bulk.mockRestore();
    expect(await residents(core, session)).toBe(0);
    expect(await audits(core, 'import')).toHaveLength(0);
  });

  it('offers the rows with errors and duplicates as an .xlsx with translated reasons naming the column', async () => {
    const { core, session } = await station();
    const bad = person(2);
    bad[1] = '110105194912310021';
    const content = await roster([person(1), bad, person(1)]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    const sheet = await core.call(session, 'sheets.errorSheet', { file: file(content), columns: preview.mapping, locale: 'zh-CN' });
    expect(sheet.fileName).toMatch(/\.xlsx$/);
    expect(sheet.rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(sheet.content, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['原行号', '错误原因', ...HEADERS]);
    expect(ws.getRow(2).getCell(1).value).toBe(3);
    expect(ws.getRow(2).getCell(2).value).toBe('B 列“身份证号”：身份证号校验位不正确，请核对是否输错');
    expect(ws.getRow(2).getCell(4).value).toBe('110105194912310021');
    expect(ws.getRow(3).getCell(2).value).toBe('与第 2 行的身份证号相同');
    const english = await core.call(session, 'sheets.errorSheet', { file: file(content), columns: preview.mapping, locale: 'en' });
    await wb.xlsx.load(Buffer.from(english.content, 'base64') as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]!.getRow(2).getCell(2).value)).toMatch(/^Column B “身份证号”: /);
    expect((await audits(core, 'export')).map((a) => a.reason)).toEqual(['full', 'full']);
  });
});

describe('roster import: bad input', () => {
  it('refuses an empty file, a CSV, random bytes, an old .xls and an oversized file, storing nothing', async () => {
    const { core, session } = await station();
    const preview = (content: string, fileName = 'x.xlsx') => refusal(core.call(session, 'sheets.preview', { file: file(content, fileName) }));
    expect(await preview('')).toMatchObject({ code: 'VALIDATION', field: 'file.content', messageKey: 'errors.sheets.empty' });
    const csv = Buffer.from('姓名,身份证号\n张三,11010519491231002X\n').toString('base64');
    expect(await preview(csv, 'roster.xlsx')).toMatchObject({ field: 'file', messageKey: 'errors.sheets.notXlsx' });
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)).toString('base64');
    expect(await preview(random)).toMatchObject({ messageKey: 'errors.sheets.notXlsx' });
    // A zip that is not a workbook (the start of an .xlsx only).
    const truncated = Buffer.from(await roster([person(1)]), 'base64').subarray(0, 200).toString('base64');
    expect(await preview(truncated)).toMatchObject({ messageKey: 'errors.sheets.notXlsx' });
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]).toString('base64');
    expect(await preview(xls, 'old.xls')).toMatchObject({ messageKey: 'errors.sheets.oldXls' });
    const huge = 'A'.repeat(Math.ceil((SHEET_MAX_BYTES + 3) / 3) * 4);
    expect(await preview(huge)).toMatchObject({ field: 'file.content', messageKey: 'errors.sheets.tooLarge' });
    expect(await preview('not base64!')).toMatchObject({ field: 'file.content', messageKey: 'errors.sheets.notXlsx' });
    expect(await residents(core, session)).toBe(0);
  });

  it('refuses a workbook without data or with only a header', async () => {
    const { core, session } = await station();
    const empty = await workbook(() => undefined);
    expect(await refusal(core.call(session, 'sheets.preview', { file: file(empty) }))).toMatchObject({ messageKey: 'errors.sheets.noRows' });
    const headerOnly = await roster([]);
    expect(await refusal(core.call(session, 'sheets.preview', { file: file(headerOnly) }))).toMatchObject({ messageKey: 'errors.sheets.noDataRows' });
  });

  it('refuses merged header cells naming them, but reads a merged title row above the header', async () => {
    const { core, session } = await station();
    const mergedHeader = await workbook((ws) => {
      ws.addRow(['姓名', '身份证号', '联系电话', '', '户籍性质', '现居住址', '文化程度']);
      ws.mergeCells('C1:D1');
      ws.addRow(person(1).slice(0, 7));
    });
    expect(await refusal(core.call(session, 'sheets.preview', { file: file(mergedHeader) }))).toMatchObject({ field: 'file', messageKey: 'errors.sheets.mergedHeader', params: { cells: 'C1:D1' } });
    const titled = await workbook((ws) => {
      ws.addRow(['解放桥社区求职登记花名册']);
      ws.mergeCells('A1:H1');
      ws.addRow(HEADERS);
      ws.addRow(person(1));
    });
    const preview = await core.call(session, 'sheets.preview', { file: file(titled) });
    expect(preview).toMatchObject({ headerRow: 2, counts: { rows: 1, valid: 1 } });
  });

  it('uses a formula cell’s saved result and refuses one saved without a result, on its column', async () => {
    const { core, session } = await station();
    const withResult = person(1);
    withResult[2] = { formula: 'CONCATENATE("138","12345678")', result: '13812345678' };
    const noResult = person(3);
    noResult[2] = { formula: 'CONCATENATE("138","12345679")' } as ExcelJS.CellFormulaValue;
    const errorValue = person(4);
    errorValue[4] = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    const content = await roster([withResult, noResult, errorValue]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(preview.rows[0]).toMatchObject({ status: 'valid' });
    expect(preview.rows[1]).toMatchObject({ status: 'invalid', issues: [{ column: { letter: 'C', header: '联系电话' }, messageKey: 'errors.sheets.formulaNoResult' }] });
    expect(preview.rows[1]!.issues[0]!.params).toEqual({ formula: '=CONCATENATE("138","12345679")' });
    expect(preview.rows[2]).toMatchObject({ status: 'invalid', issues: [{ column: { letter: 'E' }, messageKey: 'errors.sheets.cellError', params: { value: '#DIV/0!' } }] });
  });

  it('refuses an ID number Excel stored as a number (its last digits are already lost)', async () => {
    const { core, session } = await station();
    const asNumber = person(1);
    asNumber[1] = Number(person(1)[1]);
    const preview = await core.call(session, 'sheets.preview', { file: file(await roster([asNumber])) });
    expect(preview.rows[0]).toMatchObject({ status: 'invalid', issues: [{ column: { letter: 'B' }, messageKey: 'errors.sheets.idNumberAsNumber' }] });
  });

  it('refuses more rows than one import takes', async () => {
    const { core, session } = await station();
    const content = await workbook((ws) => {
      ws.addRow(['姓名', '身份证号']);
      for (let i = 0; i <= SHEET_MAX_ROWS; i++) ws.addRow(['张三', 'x']);
    });
    expect(await refusal(core.call(session, 'sheets.preview', { file: file(content) }))).toMatchObject({ messageKey: 'errors.sheets.tooManyRows', params: { max: SHEET_MAX_ROWS, rows: SHEET_MAX_ROWS + 1 } });
  }, 60_000);

  it('imports a 10,000-row roster whole, and a second import of it stores nothing', async () => {
    const { core, session } = await station();
    const rows: Row[] = [];
    for (let i = 0; i < 10_000; i++) {
      const birth = `19${60 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}`;
      const r = person(i, birth);
      r[1] = idNumber(birth, String(Math.floor(i / 336) % 1000).padStart(3, '0'));
      rows.push(r);
    }
    const content = await roster(rows);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(preview.counts).toEqual({ rows: 10_000, valid: 10_000, invalid: 0, duplicate: 0, existing: 0 });
    const result = await core.call(session, 'sheets.import', confirm(preview, content));
    expect(result.imported).toBe(10_000);
    expect(core.residentCount).toBe(10_000);
    const again = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(again.counts).toMatchObject({ valid: 0, existing: 10_000 });
    expect(core.residentCount).toBe(10_000);
  }, 180_000);
});

async function readXlsx(content: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(content, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value ?? '')));
  return rows;
}

describe('ledger exports', () => {
  it('exports the real-name ledger with Chinese headers, masked unless full is chosen, each export logged', async () => {
    const { core, session } = await station();
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19900520', '111'), name: '张三', registration: { kind: 'unemployment', date: '2026-11-20', unemploymentType: 'lostJob', unemployedSince: '2026-10-01', jobIntention: '电工' } }));
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '222'), name: '李四', employmentCertificateNo: '3701020001', registration: { kind: 'jobSeeking', date: '2026-11-10', trainingIntention: '育婴员' } }));
    const masked = await core.call(session, 'sheets.exportLedger', {});
    expect(masked.rows).toBe(2);
    const rows = (await readXlsx(masked.content)).slice(1);
    expect(rows[0]).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    expect(rows[0]).toEqual(['序号', '姓名', '性别', '年龄', '文化程度', '身份证号', '户籍性质', '现居住址', '人员类别', '登记类型', '登记日期', '技能特长', '就业创业证号', '失业人员类型', '失业时间', '求职意向', '培训意向', '就业服务需求', '联系电话', '状态']);
    // Sorted by registration date: 李四 registered first.
    expect(rows[1]).toEqual([1, '李四', '女', 41, '高中', `3701**********${idNumber('19850101', '222').slice(-4)}`, '农业', '解放桥东街 12 号', '农村务工人员', '求职登记', '2026-11-10', '电工', '3701020001', '', '', '', '育婴员', '', '138****5678', '有效']);
    expect(rows[2]).toEqual([2, '张三', '男', 36, '高中', `3701**********${idNumber('19900520', '111').slice(-4)}`, '农业', '解放桥东街 12 号', '农村务工人员', '失业登记', '2026-11-20', '电工', '', '失去工作岗位人员', '2026-10-01', '电工', '', '', '138****5678', '有效']);
    const full = await core.call(session, 'sheets.exportLedger', { full: true });
    const fullRows = (await readXlsx(full.content)).slice(1);
    expect(fullRows[2]![5]).toBe(idNumber('19900520', '111'));
    expect(fullRows[2]![18]).toBe('13812345678');
    expect(JSON.stringify(await readXlsx(masked.content))).not.toContain(idNumber('19900520', '111'));
    expect((await audits(core, 'export')).map((a) => [a.field, a.reason])).toEqual(expect.arrayContaining([['ledger all 2', 'masked'], ['ledger all 2', 'full']]));
  });

  it('exports every resident exactly once from the index, including replicated ones and after a restart, and only the closed or active ones when asked', async () => {
    const { core, session, dataDir } = await station();
    const inputs = [...fakeResidents(6000, { placeCode: VILLAGE, today: '2026-11-22', seed: 3 })];
    expect(await core.seedResidents(inputs, session.user!)).toBe(6000);
    const first = (await core.call(session, 'residents.search', { limit: 1 })).items[0]!;
    const view = await core.call(session, 'residents.get', { id: first.id });
    await core.call(session, 'residents.close', { id: first.id, rev: view!.rev, reason: 'employed', date: '2026-11-22' });
    // What replication brings goes straight into the database, not through a handler: an edit made
    // at another station and a copy the county's conflict resolution deleted.
    const edited = (await core.call(session, 'residents.search', { query: inputs[1]!.idNumber, limit: 1 })).items[0]!;
    const doc = await core.db.get(edited.id);
    await core.db.put({ ...doc, name: '复制甲', skills: '焊工' });
    const deleted = (await core.call(session, 'residents.search', { query: inputs[2]!.idNumber, limit: 1 })).items[0]!;
    await core.db.put({ ...(await core.db.get(deleted.id)), _deleted: true });
    const ledger = await core.call(session, 'sheets.exportLedger', { full: true });
    expect(ledger.rows).toBe(5999);
    const rows = (await readXlsx(ledger.content)).slice(2);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 5999 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(inputs.filter((_, i) => i !== 2).map((r) => r.idNumber)));
    const editedRow = rows.find((r) => r[5] === inputs[1]!.idNumber)!;
    expect([editedRow[1], editedRow[11]]).toEqual(['复制甲', '焊工']);
    expect((await core.call(session, 'sheets.exportLedger', { status: 'closed' })).rows).toBe(1);
    expect((await core.call(session, 'sheets.exportLedger', { status: 'active' })).rows).toBe(5998);

    // After a restart the ledger comes from the saved snapshot and is the same, cell for cell.
    await core.close();
    open.splice(open.indexOf(core), 1);
    const again = await openStation(dataDir, () => new Date('2026-11-22T10:00:00+08:00'));
    open.push(again.core);
    const reopened = await again.core.call(again.session, 'sheets.exportLedger', { full: true });
    expect(await readXlsx(reopened.content)).toEqual(await readXlsx(ledger.content));
  }, 120_000);

  it('exports a post month (holders × days, days, hours, pay due) and a training session (trainees × half-days, rate, eligibility)', async () => {
    const { core, session, at } = await station();
    await core.call(session, 'posts.save', {
      code: 'XC-001', name: '解放桥社区保洁', kind: 'rural', category: 'ruralCleaning', placeCode: VILLAGE,
      employer: { name: '解放路街道办事处', creditCode: '91350100M000100Y43' }, plannedHoursPerMonth: 40, payPerMonth: 1000, startDate: '2020-01-01', endDate: '2030-12-31',
    });
    const holder = (await core.call(session, 'residents.register', registration({ idNumber: idNumber('19700101', '111'), name: '王五' }))).id;
    await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: holder, startDate: '2026-01-01', endDate: '2026-12-31', contractNo: 'HT-1' });
    await core.call(session, 'attendance.set', { postId: villagePost('XC-001'), marks: [
      { residentId: holder, date: '2026-10-05', mark: 'present', hours: 8 },
      { residentId: holder, date: '2026-10-06', mark: 'present', hours: 4 },
      { residentId: holder, date: '2026-10-07', mark: 'sickLeave' },
    ] });
    const summary = await core.call(session, 'attendance.summary', { postId: villagePost('XC-001'), month: '2026-10' });
    const post = await core.call(session, 'sheets.exportAttendance', { postId: villagePost('XC-001'), month: '2026-10' });
    const rows = await readXlsx(post.content);
    expect(rows[0]).toEqual(['序号', '姓名', '身份证号', ...Array.from({ length: 31 }, (_, i) => String(i + 1)), '出勤天数', '事假', '病假', '旷工', '休息', '工时', '应发金额（元）']);
    const h = summary.holders[0]!;
    expect(rows[1]!.slice(0, 3)).toEqual([1, '王五', `3701**********${idNumber('19700101', '111').slice(-4)}`]);
    expect(rows[1]!.slice(3 + 4, 3 + 7)).toEqual(['出8', '出4', '病']);
    expect(rows[1]!.slice(34)).toEqual([h.presentDays, h.personalLeaveDays, h.sickLeaveDays, h.absentDays, h.restDays, h.hours, h.payDue]);
    expect(h.hours).toBe(12);
    expect(await refusal(core.call(session, 'sheets.exportAttendance', { postId: villagePost('NOPE'), month: '2026-10' }))).toMatchObject({ code: 'NOT_FOUND' });

    const { id: sessionId } = await core.call(session, 'training.save', {
      course: { occupation: '养老护理员', level: 'level5' }, provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' }, teachers: ['李老师'],
      place: '解放桥社区活动中心', startDate: '2026-11-21', endDate: '2026-11-22', plannedTrainees: 30,
      timetable: [
        { date: '2026-11-21', half: 'am', start: '08:30', end: '10:30', classHours: 2 },
        { date: '2026-11-22', half: 'am', start: '08:30', end: '10:30', classHours: 2 },
      ],
    });
    await core.call(session, 'training.enrol', { sessionId, residentId: holder });
    at('2026-11-22T08:40:00+08:00');
    await core.call(session, 'training.signIn', { sessionId, date: '2026-11-22', half: 'am', method: 'idCard', idNumber: idNumber('19700101', '111') });
    const attendance = await core.call(session, 'training.attendance', { sessionId });
    const training = await core.call(session, 'sheets.exportTraining', { sessionId, full: true });
    const trows = await readXlsx(training.content);
    expect(trows[0]).toEqual(['序号', '姓名', '身份证号', '11-21 上午', '11-22 上午', '出勤学时', '总学时', '出勤率', '迟到次数', '早退次数', '是否符合补贴条件']);
    const t = attendance.trainees[0]!;
    expect(trows[1]).toEqual([1, '王五', idNumber('19700101', '111'), '缺勤', '签到 08:40', t.attendedHours, 4, `${t.rate * 100}%`, t.lateCount, 0, '培训未结束']);
    expect((await audits(core, 'export')).map((a) => [a.field, a.reason]).sort()).toEqual([['attendance 2026-10 1', 'masked'], ['training 1', 'full']]);
  });
});

describe('roster import: ID numbers as a document writes them', () => {
  it('imports a full-width, spaced or dashed ID cell as the ASCII number, and says what is wrong with a short one', async () => {
    const { core, session } = await station();
    const fullWidth = (id: string) => id.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const a = person(1);
    const b = person(2);
    const c = person(3);
    const d = person(4);
    const [idA, idB, idC] = [a[1] as string, b[1] as string, c[1] as string];
    a[1] = fullWidth(idA);
    b[1] = `${idB.slice(0, 6)} ${idB.slice(6, 14)} ${idB.slice(14)}`;
    c[1] = `${idC.slice(0, 6)}-${idC.slice(6, 14)}-${idC.slice(14)}`;
    d[1] = `${(d[1] as string).slice(0, 6)} ${(d[1] as string).slice(6, 16)}`;
    const content = await roster([a, b, c, d]);
    const preview = await core.call(session, 'sheets.preview', { file: file(content) });
    expect(preview.rows.map((r) => r.status)).toEqual(['valid', 'valid', 'valid', 'invalid']);
    expect(preview.rows[0]!.idNumberMasked).toBe(`3701**********${idA.slice(-4)}`);
    expect(preview.rows[3]!.issues).toMatchObject([{ column: { letter: 'B' }, field: 'idNumber', messageKey: 'errors.idNumber.length', params: { given: 16 } }]);
    const result = await core.call(session, 'sheets.import', confirm(preview, content, true));
    expect(result).toMatchObject({ imported: 3 });
    const found = await core.call(session, 'residents.search', { query: idA.slice(0, 4), limit: 10 });
    expect(found.total).toBe(3);
    const stored = await core.db.allDocs<{ idNumber: string }>({ startkey: 'resident:', endkey: 'resident:\ufff0', include_docs: true });
    expect(stored.rows.map((r) => r.doc!.idNumber).sort()).toEqual([idA, idB, idC].sort());
  });
});

describe('ledger export: address, groups, registration, status and a title row', () => {
  it('writes a title row (station, date, masked or full), translated new columns, and marks and filters closed registrations', async () => {
    const { core, session } = await station();
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19900520', '111'), name: '张三', address: '幸福路 8 号', targetGroups: ['graduate', 'veteran'], registration: { kind: 'unemployment', date: '2026-11-20', unemploymentType: 'lostJob', unemployedSince: '2026-10-01' } }));
    const li = await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '222'), name: '李四', registration: { kind: 'jobSeeking', date: '2026-11-10' } }));
    const view = await core.call(session, 'residents.get', { id: li.id });
    await core.call(session, 'residents.close', { id: li.id, rev: view!.rev, reason: 'employed', date: '2026-11-21' });
    const stationName = (await core.call(session, 'station.status', {})).station!.name;

    const all = await readXlsx((await core.call(session, 'sheets.exportLedger', {})).content);
    expect(String(all[0]![0])).toContain('2026-11-22');
    expect(String(all[0]![0])).toContain('已脱敏');
    expect(String(all[0]![0])).toContain(stationName);
    expect(all[1]![0]).toBe('序号');
    const col = (h: string) => (all[1] as string[]).indexOf(h);
    const byName = new Map(all.slice(2).map((r) => [r[1], r]));
    const zhang = byName.get('张三')!;
    expect([zhang[col('现居住址')], zhang[col('人员类别')], zhang[col('登记类型')], zhang[col('登记日期')], zhang[col('状态')]]).toEqual(['幸福路 8 号', '高校毕业生、退役军人', '失业登记', '2026-11-20', '有效']);
    const liRow = byName.get('李四')!;
    expect([liRow[col('登记类型')], liRow[col('登记日期')], liRow[col('状态')]]).toEqual(['求职登记', '2026-11-10', '已注销（已就业，2026-11-21）']);
    expect(JSON.stringify(all)).not.toMatch(/unemployment|jobSeeking|graduate|employed|closed|active/);

    const full = await readXlsx((await core.call(session, 'sheets.exportLedger', { full: true })).content);
    expect(String(full[0]![0])).toContain('完整');
    const closed = await readXlsx((await core.call(session, 'sheets.exportLedger', { status: 'closed' })).content);
    expect(closed.slice(2).map((r) => [r[1], r[col('状态')]])).toEqual([['李四', '已注销（已就业，2026-11-21）']]);
    const active = await readXlsx((await core.call(session, 'sheets.exportLedger', { status: 'active' })).content);
    expect(active.slice(2).map((r) => [r[1], r[col('状态')]])).toEqual([['张三', '有效']]);
  });
});
