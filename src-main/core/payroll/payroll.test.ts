// The township payroll: built from the villages' closed months (carried by USB file here) and
// the township's own posts; a village not closed or never received is listed as missing, not
// left out; totals per village and overall; accounts masked unless revealed, and every reveal,
// print and export audit-logged.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ID_PREFIX, type AuditDoc } from '../store/docs';
import { prefixRange } from '../store/db';
import { refusal, VILLAGE } from '../testing/fixtures';
import { placeName } from '../../../shared/places';
import { DIRECTORY, OTHER_VILLAGE, TOWNSHIP, station, syncOf } from '../transfer/testStations';
import { MONTH, carry, seedPost } from './testVillages';

const NEVER_SENT = '370102001001';

async function audits(s: Awaited<ReturnType<typeof station>>): Promise<AuditDoc[]> {
  const rows = await s.core.db.allDocs<AuditDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.audit) });
  return rows.rows.map((r) => r.doc!);
}

describe('the township payroll', () => {
  it('counts a closed village and the township’s own posts, lists an unclosed and a never-received village as missing, with totals', async () => {
    const a = await station(VILLAGE);
    const closed = await seedPost(a, VILLAGE, 'A-1', ['张一', '张二'], [10, 5], true);
    const account = await a.core.call(a.session, 'payroll.setAccount', { residentId: closed.holders[0]!.residentId, kind: 'bankCard', bankName: '济南农商银行', accountNo: '6228 4800 1234 5678', effectiveFrom: '2026-09-01' });
    expect(account).toMatchObject({ accountNo: '************5678', masked: true });
    const b = await station(OTHER_VILLAGE);
    await seedPost(b, OTHER_VILLAGE, 'B-1', ['李一'], [8], false);
    const t = await station(TOWNSHIP);
    await carry(a, t);
    await carry(b, t);
    // The township runs a post of village A itself, closed.
    const own = await seedPost(t, VILLAGE, 'T-1', ['王一'], [10], true, 300);

    const sheet = await t.core.call(t.session, 'payroll.month', { month: MONTH });
    expect(sheet.villages.map((v) => v.placeCode)).toEqual([VILLAGE]);
    const [va] = sheet.villages;
    expect(va!.rows.map((r) => [r.name, r.postName, r.days, r.hours, r.payDue, r.payable, r.rule])).toEqual([
      // Each post's holders in its month close's order.
      ['张二', 'A-1 保洁', 5, 20, 500, 500, 'assessment.rule.noAssessment'],
      ['张一', 'A-1 保洁', 10, 40, 1000, 1000, 'assessment.rule.noAssessment'],
      ['王一', 'T-1 保洁', 10, 40, 1000, 1000, 'assessment.rule.noAssessment'],
    ]);
    expect(va!.totals).toEqual({ holders: 3, days: 25, hours: 100, payDue: 2500, deductions: 0, payable: 2500 });
    expect(sheet.totals).toEqual(va!.totals);
    expect(own.holders[0]!.payDue).toBe(1000);
    // The account as the village entered it, masked.
    expect(va!.rows[1]!.account).toMatchObject({ kind: 'bankCard', bankName: '济南农商银行', accountNo: '************5678', masked: true });
    expect(va!.rows[0]!.account).toBeNull();
    // Village B's month is not closed; 001001 is in the directory and never sent anything.
    expect(sheet.missing).toEqual([
      // 001001 is not in the places table: null, shown as 未知村（370102001001）.
      { placeCode: NEVER_SENT, placeName: null, reason: 'noData', posts: [], lastReceivedAt: null },
      { placeCode: OTHER_VILLAGE, placeName: placeName(OTHER_VILLAGE), reason: 'notClosed', posts: ['B-1 保洁'], lastReceivedAt: expect.stringMatching(/^2026-/) },
    ]);
    expect(sheet).toMatchObject({ final: true, full: false, payFrom: 'assessment' });

    // Village B closes and sends again: it joins the sheet with its own subtotal.
    await b.core.call(b.session, 'attendance.closeMonth', { postId: 'post:370102001003:B-1', month: MONTH });
    await carry(b, t);
    const again = await t.core.call(t.session, 'payroll.month', { month: MONTH });
    expect(again.villages.map((v) => [v.placeCode, v.totals.holders, v.totals.payable])).toEqual([
      [VILLAGE, 3, 2500],
      [OTHER_VILLAGE, 1, 800],
    ]);
    expect(again.totals).toMatchObject({ holders: 4, payDue: 3300, payable: 3300 });
    expect(again.missing.map((m) => m.reason)).toEqual(['noData']);

    // The .xlsx: the rows, each village's subtotal and the total, accounts masked.
    const file = await t.core.call(t.session, 'payroll.export', { month: MONTH });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(String(values(1)[0])).toContain('公益性岗位补贴发放表');
    expect(values(3).slice(3, 11)).toEqual(['张二', 5, 20, undefined, 500, 0, 500, '未登记账号']);
    expect(values(4).slice(3, 11)).toEqual(['张一', 10, 40, undefined, 1000, 0, 1000, '银行卡 济南农商银行 ************5678']);
    const texts = ws.getSheetValues().map((r) => (Array.isArray(r) ? r.join('|') : ''));
    expect(texts.some((r) => r.includes('小计（3 人）') && r.includes('2500'))).toBe(true);
    expect(texts.some((r) => r.includes('合计（4 人）') && r.includes('3300'))).toBe(true);
    expect(texts.join('\n')).not.toContain('6228480012345678');
    expect(texts.some((r) => r.includes('未收到数据'))).toBe(true);
  });

  it('shows an account in full only through a reveal, print or export that the audit log records first', async () => {
    const a = await station(VILLAGE);
    const seeded = await seedPost(a, VILLAGE, 'A-1', ['张一'], [10], true);
    const saved = await a.core.call(a.session, 'payroll.setAccount', { residentId: seeded.holders[0]!.residentId, kind: 'socialSecurityCard', bankName: '', accountNo: '6217001234567890123', effectiveFrom: '2026-01-01' });
    const t = await station(TOWNSHIP);
    await carry(a, t);
    const before = (await audits(t)).length;
    const masked = await t.core.call(t.session, 'payroll.month', { month: MONTH });
    expect(masked.villages[0]!.rows[0]!.account!.accountNo).toBe('************0123');
    expect((await audits(t)).length).toBe(before);

    expect(await t.core.call(t.session, 'payroll.revealAccount', { id: saved.id })).toEqual({ value: '6217001234567890123' });
    const reveal = (await audits(t)).find((e) => e.action === 'reveal');
    expect(reveal).toMatchObject({ targetId: saved.id, field: 'payAccount', createdBy: 'wangli' });

    const full = await t.core.call(t.session, 'print.payroll', { month: MONTH, full: true });
    expect(full.sheet.villages[0]!.rows[0]!.account).toMatchObject({ accountNo: '6217001234567890123', masked: false });
    expect((await audits(t)).find((e) => e.action === 'print')).toMatchObject({ field: 'payroll', reason: `print:${MONTH}:full` });
    await t.core.call(t.session, 'payroll.export', { month: MONTH, full: true });
    expect((await audits(t)).find((e) => e.action === 'export')).toMatchObject({ field: 'payroll', reason: `xlsx:${MONTH}:full` });

    // An id of another township's village, or no account at all: not found.
    expect(await refusal(t.core.call(t.session, 'payroll.revealAccount', { id: saved.id.replace('370102001002', '370102002002') }))).toMatchObject({ code: 'NOT_FOUND' });
    // Not at a village station.
    expect(await refusal(a.core.call(a.session, 'payroll.month', { month: MONTH }))).toMatchObject({ messageKey: 'errors.payroll.townshipOnly' });
    // A bad account number is refused on its field.
    expect(await refusal(a.core.call(a.session, 'payroll.setAccount', { residentId: seeded.holders[0]!.residentId, kind: 'bankCard', bankName: 'x', accountNo: '12ab', effectiveFrom: '2026-01-01' }))).toMatchObject({ field: 'accountNo', messageKey: 'errors.payroll.accountNo' });
  });

  it('pays by the village’s 考核 (the assessment’s pay rule) and is not final until the deduction’s 扣款告知书 is printed', async () => {
    const a = await station(VILLAGE);
    const seeded = await seedPost(a, VILLAGE, 'A-1', ['张一', '张二'], [10, 10], true);
    const [first, second] = seeded.holders;
    // 张一: 90 points, a 100-yuan deduction; 张二: 70 points (between the pass mark 60 and full pay 80).
    const entry = await a.core.call(a.session, 'assessment.save', { postId: seeded.postId, month: MONTH, residentId: first!.residentId, scores: { village: 90, township: 90, democratic: 90 }, deductions: [{ reason: '缺勤一次', amount: 100 }], note: '', supersedes: null });
    await a.core.call(a.session, 'assessment.save', { postId: seeded.postId, month: MONTH, residentId: second!.residentId, scores: { village: 70, township: 70, democratic: 70 }, deductions: [], note: '', supersedes: null });
    const t = await station(TOWNSHIP);
    await carry(a, t);
    const before = await t.core.call(t.session, 'payroll.month', { month: MONTH });
    const rows = before.villages[0]!.rows;
    const one = rows.find((r) => r.name === '张一')!;
    const two = rows.find((r) => r.name === '张二')!;
    expect(one).toMatchObject({ score: 90, payDue: 1000, deductions: 100, payable: 900, rule: 'assessment.rule.full', noticePending: true });
    expect(two).toMatchObject({ score: 70, rule: expect.stringMatching(/^assessment\.rule\./), noticePending: false });
    expect(two.payable).toBeLessThanOrEqual(1000);
    expect(before.final).toBe(false);
    expect(before.villages[0]!.totals).toMatchObject({ deductions: 100, payable: 900 + two.payable });

    // The village prints the notice and sends again: the sheet is final.
    await a.core.call(a.session, 'print.deductionNotice', { assessmentId: entry.id });
    await carry(a, t);
    expect((await t.core.call(t.session, 'payroll.month', { month: MONTH })).final).toBe(true);
  });

  it('names a village never heard from by the county’s directory, else “未知村（code）”, never by a bare code', async () => {
    // Two villages of the directory the places table does not know: one the county named, one it did not.
    const UNNAMED = '370102001999';
    const NAMED = '370102001998';
    expect([placeName(UNNAMED), placeName(NAMED)]).toEqual([null, null]);
    const t = await station(TOWNSHIP, undefined, undefined, { directory: [...DIRECTORY, UNNAMED] });
    await syncOf(t).referenceDb().put({ _id: `station:${NAMED}`, type: 'station', placeCode: NAMED, name: '新建村', level: 'village' });
    const sheet = await t.core.call(t.session, 'payroll.month', { month: MONTH });
    const missing = new Map(sheet.missing.map((m) => [m.placeCode, m]));
    expect(missing.get(UNNAMED)).toMatchObject({ placeName: null, reason: 'noData' });
    expect(missing.get(NAMED)).toMatchObject({ placeName: '新建村', reason: 'noData' });
    expect(sheet.placeName).toBe(placeName(TOWNSHIP));
    // The .xlsx (Chinese, like the print) says which village it does not know.
    const file = await t.core.call(t.session, 'payroll.export', { month: MONTH });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const cells = book.worksheets[0]!.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map(String) : []));
    expect(cells).toContain(`未知村（${UNNAMED}）`);
    expect(cells).toContain('新建村');
    expect(cells.filter((c) => /^\d{9,12}$/.test(c))).toEqual([]);
  });
});
