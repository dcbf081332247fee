// The follow-up ledger's printed forms, end to end (issue 16): a home visit, a referral with its
// result, a corrected record, employment status entries and a training recorded through the core
// host; the 入户走访登记表 and the 服务记录卡 rendered to PDF by Chromium in Chinese and in English,
// read back with poppler (pdftotext) and turned into PNGs (pdftoppm -r 60); and both printed from
// the screens (the timeline entry's print action, the resident's print row).
//
// Set LEYE_PRINT_OUT=/some/dir to keep the PDFs and PNGs (otherwise a temporary folder).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { maskIdNumber } from '../../shared/id/mask';
import type { LeyeBridge } from '../../shared/rpc/handlers';
import { connectToUrl } from '../../src-main/host/socketClient';
import { launchBrowser, localToday, logInIfAsked, setLanguage, startHost, tempDir } from './harness';
import { PRINT_CLERK, seedResidents, setUpPrintStation, type SeededResidents } from './printSeed';

const OUT = process.env.LEYE_PRINT_OUT ?? tempDir('leye-print-services-out-');
const FULL_ID = /\d{17}[\dX]/;
const VISIT = '入户了解家庭就业情况：本人有叉车证，希望在仓储物流企业就业，母亲年迈需要照顾，只能接受就近上班。建议参加叉车司机培训并推荐附近物流园区岗位。';
const SERVICES = 24;

// A function, not a string: the app's CSP forbids eval, which waitForFunction uses for strings.
const READY_PROBE = () => {
  const page = globalThis as unknown as { location: { hash: string }; document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
  return page.document.querySelector('[data-print-ready="true"]')?.getAttribute('data-print-hash') === page.location.hash;
};

interface Rendered {
  pages: number;
  pageTexts: string[];
  /** All text without whitespace, in content order: wrapped cells read whole. */
  flat: string;
  pngs: string[];
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

async function render(page: Page, hash: string, name: string): Promise<Rendered> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await page.waitForFunction(READY_PROBE, undefined, { timeout: 30_000 });
  // No cell's content spills over its border.
  const spilled = await page.evaluate<string[]>(`[...document.querySelectorAll('.pf-table td, .pf-table th')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.innerText)`);
  expect(spilled).toEqual([]);
  const pdf = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1]);
  const layout = run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
  const raw = run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
  run('pdftoppm', ['-r', '60', '-png', pdf, path.join(OUT, name)]);
  const pngs = fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  return { pages, pageTexts: layout.split('\f').filter((t) => t.trim() !== ''), flat: raw.replace(/\s+/g, ''), pngs };
}

const squash = (s: string) => s.replace(/\s+/g, '');

interface Seeded {
  visitId: string;
  referralId: string;
  phoneId: string;
  contents: string[];
}

/** The unemployed resident's follow-up: a home visit, a referral and its result, a corrected phone call, many more services, employment entries, a training. */
async function seedFollowUp(leye: LeyeBridge, residentId: string, idNumber: string, today: string): Promise<Seeded> {
  const visit = await leye.call('services.record', { residentId, date: today, channel: 'homeVisit', kind: 'careerGuidance', content: VISIT, outcome: '同意报名叉车司机培训' });
  const referral = await leye.call('services.record', {
    residentId,
    date: today,
    channel: 'atStation',
    kind: 'jobReferral',
    content: '推荐到历下物流园区面试',
    referral: { employerName: '济南历下现代物流有限公司', employerCreditCode: '91350100M000100Y43', job: '叉车司机', pay: '月薪 4500 元' },
  });
  await leye.call('services.result', { referralId: referral.id, date: today, result: 'hired', note: '下月 1 日上岗' });
  const wrong = await leye.call('services.record', { residentId, date: today, channel: 'phone', kind: 'policyConsultation', content: '电话咨询失业保险金（记错的内容）' });
  const phone = await leye.call('services.correct', { entry: 'service', corrects: wrong.id, date: today, channel: 'phone', kind: 'policyConsultation', content: '电话咨询失业保险金申领条件', outcome: '已告知所需材料' });
  const contents = [VISIT, '推荐到历下物流园区面试', '电话咨询失业保险金申领条件'];
  for (let i = 1; contents.length < SERVICES; i++) {
    const content = `第 ${i} 次跟踪服务：了解求职进展，宣传稳岗返还、一次性吸纳就业补贴等政策，提醒按时参加培训课程。`;
    await leye.call('services.record', { residentId, date: today, channel: i % 2 ? 'wechat' : 'atStation', kind: i % 3 ? 'followUp' : 'policyConsultation', content, outcome: '' });
    contents.push(content);
  }
  await leye.call('employment.record', { residentId, status: 'flexible', effectiveDate: today, note: '' });
  const session = await leye.call('training.save', {
    course: { occupation: '叉车司机', level: 'level5' },
    provider: { name: '济南市历下区职业技能培训学校', creditCode: '91350100M000100Y43' },
    teachers: ['王老师'],
    place: '解放桥社区党群服务中心',
    startDate: today,
    endDate: today,
    timetable: [{ date: today, half: 'am', start: '00:00', end: '12:00', classHours: 4 }],
    plannedTrainees: 20,
  });
  await leye.call('training.enrol', { sessionId: session.id, idNumber });
  return { visitId: visit.id, referralId: referral.id, phoneId: phone.id, contents };
}

describe('printed 入户走访登记表 and 服务记录卡, end to end', () => {
  const dataDir = tempDir('leye-e2e-print-services-');
  const today = localToday();
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  let core: { client: LeyeBridge; close(): void };
  let residents: SeededResidents;
  let seeded: Seeded;

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    host = await startHost({ dataDir });
    core = await connectToUrl(host.url);
    await setUpPrintStation(core.client);
    residents = await seedResidents(core.client, today);
    seeded = await seedFollowUp(core.client, residents.unemployed.id, residents.unemployed.idNumber, today);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await logInIfAsked(page, PRINT_CLERK);
  });

  afterAll(async () => {
    core?.close();
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const person = () => residents.unemployed;

  it('prints the home visit on one A4 page: the resident, the date, the content, the visitor and the signature lines', async () => {
    const doc = await render(page, `#/print/visitRecord/${encodeURIComponent(seeded.visitId)}`, 'visit-record-zh');
    expect(doc.pages).toBe(1);
    expect(doc.pngs).toHaveLength(1);
    for (const text of ['入户走访登记表', person().name, maskIdNumber(person().idNumber), person().address, '失业登记', `走访日期${today}`, VISIT, '同意报名叉车司机培训', '入户走访', '职业指导', `走访人${PRINT_CLERK.displayName}`, '被访人意见', '被访人签字：', '走访人签字：', '日期：', '第1页共1页']) {
      expect(doc.flat).toContain(squash(text));
    }
    expect(doc.flat).not.toMatch(FULL_ID);
    expect(doc.flat).not.toContain(PRINT_CLERK.loginName);
  });

  it('prints a referral as a 服务记录单 with the employer, job, pay and its result, and a correction saying what it corrects', async () => {
    const referral = await render(page, `#/print/visitRecord/${encodeURIComponent(seeded.referralId)}`, 'referral-record-zh');
    for (const text of ['服务记录单', '岗位推荐', '济南历下现代物流有限公司', '叉车司机', '月薪4500元', `录用（${today}）`, '服务对象签字：', '经办人签字：']) expect(referral.flat).toContain(squash(text));
    const phone = await render(page, `#/print/visitRecord/${encodeURIComponent(seeded.phoneId)}`, 'correction-record-zh');
    expect(phone.flat).toContain(squash(`本记录更正 ${today} 的记录，以本记录为准。`));
    expect(phone.flat).not.toContain('记错的内容');
  });

  it('prints the 服务记录卡 over pages: header rows repeated, every standing service, the correction left out and said so, status and training', async () => {
    const doc = await render(page, `#/print/serviceCard/${encodeURIComponent(person().id)}`, 'service-card-zh');
    expect(doc.pages).toBeGreaterThanOrEqual(2);
    expect(doc.pngs).toHaveLength(doc.pages);
    doc.pageTexts.forEach((text, i) => expect(squash(text)).toContain(`第${i + 1}页共${doc.pages}页`));
    // The services' header repeats on every page the list runs over.
    const withServices = doc.pageTexts.filter((text) => /第\s*\d+\s*次跟踪服务/.test(text));
    expect(withServices.length).toBeGreaterThanOrEqual(2);
    for (const text of withServices) expect(squash(text)).toContain('服务内容及结果');
    for (const content of seeded.contents) expect(doc.flat).toContain(squash(content));
    expect(doc.flat).toContain(squash(`服务记录（共 ${SERVICES} 条）`));
    expect(doc.flat).not.toContain('记错的内容');
    expect(doc.flat).toContain(squash(`更正 ${today} 的记录`));
    expect(doc.flat).toContain('已被更正的1条记录未列出');
    expect(doc.flat).toContain(squash(`推荐结果：录用（${today}，下月 1 日上岗）`));
    expect(doc.flat).toContain(squash(`灵活就业（${today} 起）`));
    // The standing status has no end: "… 起", never "至 至今".
    expect(squash(doc.pageTexts[0]!)).toContain(squash(`${today} 起 灵活就业`));
    expect(doc.flat).toContain('叉车司机（五级/初级工）');
    expect(doc.flat).toContain('济南市历下区职业技能培训学校');
    expect(doc.flat).not.toMatch(FULL_ID);
    expect(doc.flat).not.toContain(PRINT_CLERK.loginName);
  });

  it('prints both forms in English when the UI is in English, with no raw codes', async () => {
    await page.evaluate(`window.location.hash = '#/residents'`);
    await setLanguage(page, 'English');
    const visit = await render(page, `#/print/visitRecord/${encodeURIComponent(seeded.visitId)}`, 'visit-record-en');
    for (const text of ['Home visit record', 'Visit date', 'Career guidance', 'Home visit', "Resident's signature", "Visitor's signature", 'Page 1 of 1', VISIT]) expect(visit.flat).toContain(squash(text));
    const card = await render(page, `#/print/serviceCard/${encodeURIComponent(person().id)}`, 'service-card-en');
    for (const text of ['Service record card', 'Employment status history', 'Flexible employment', 'Level 5 / Elementary', 'Content and outcome', `Services (${SERVICES})`, 'Referral result: Hired', '1 corrected record(s) not listed']) expect(card.flat).toContain(squash(text));
    for (const flat of [visit.flat, card.flat]) expect(flat).not.toMatch(/homeVisit|careerGuidance|jobReferral|policyConsultation|followUp|flexible|level5|resident:|service:/);
    await page.evaluate(`window.location.hash = '#/residents'`);
    await setLanguage(page, '中文');
  });

  describe("from the screens (browser preview: the browser's print, then back)", () => {
    const STUB_PRINT = `window.__printed = []; window.print = () => { window.__printed.push(window.location.hash + (document.querySelector('[data-print-ready="true"]') ? ' ready' : '')); setTimeout(() => window.dispatchEvent(new Event('afterprint')), 0); }`;

    async function printedFrom(startHash: string, click: () => Promise<void>, formHash: string): Promise<void> {
      await page.evaluate(STUB_PRINT);
      await click();
      await page.waitForFunction(() => (globalThis as unknown as { __printed: string[] }).__printed.length === 1, undefined, { timeout: 30_000 });
      await page.waitForFunction((hash) => (globalThis as unknown as { location: { hash: string } }).location.hash === hash, startHash);
      const printed = await page.evaluate<string[]>(`window.__printed`);
      expect(printed).toEqual([`${formHash} ready`]);
    }

    it("prints the visit from its timeline entry and the card from the resident's print row", async () => {
      const id = encodeURIComponent(person().id);
      const start = `#/residents/${id}`;
      await page.evaluate(`window.location.hash = ${JSON.stringify(start)}`);
      await page.getByTestId('tab-services').click();
      const visit = page.getByTestId('timeline-entry').filter({ hasText: '入户走访' }).first();
      await visit.getByTestId('service-print').waitFor();
      // Superseded entries offer no print; every standing service does.
      expect(await page.locator('[data-testid=timeline-entry][data-superseded=true] [data-testid=service-print]').count()).toBe(0);
      expect(await page.locator('[data-testid=timeline-entry][data-type=service] [data-testid=service-print]').count()).toBe(SERVICES);
      if (process.env.LEYE_E2E_SHOTS) await page.screenshot({ path: path.join(process.env.LEYE_E2E_SHOTS, 'print-services-timeline-zh.png') });
      await printedFrom(start, () => visit.getByTestId('service-print').click(), `#/print/visitRecord/${encodeURIComponent(seeded.visitId)}`);
      await page.getByTestId('print-service-card').waitFor();
      await printedFrom(start, () => page.getByTestId('print-service-card').click(), `#/print/serviceCard/${id}`);
      // The visit's own print action, worded in English too.
      await page.getByTestId('tab-services').click();
      await setLanguage(page, 'English');
      const visitEn = page.getByTestId('timeline-entry').filter({ hasText: 'Home visit' }).first();
      await visitEn.getByTestId('service-print').filter({ hasText: 'Print home visit record' }).waitFor();
      await visitEn.scrollIntoViewIfNeeded();
      if (process.env.LEYE_E2E_SHOTS) await page.screenshot({ path: path.join(process.env.LEYE_E2E_SHOTS, 'print-services-visit-en.png') });
      await setLanguage(page, '中文');
      const visitZh = page.getByTestId('timeline-entry').filter({ hasText: '入户走访' }).first();
      await visitZh.getByTestId('service-print').filter({ hasText: '打印走访登记表' }).waitFor();
      await visitZh.scrollIntoViewIfNeeded();
      if (process.env.LEYE_E2E_SHOTS) await page.screenshot({ path: path.join(process.env.LEYE_E2E_SHOTS, 'print-services-visit-zh.png') });
    });
  });
});
