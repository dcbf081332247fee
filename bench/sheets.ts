// Issue 5's spreadsheet figures: a 10,000-row roster imported through the handlers the UI uses
// (sheets.preview, then sheets.import), and the real-name ledger of a 100,000-resident station
// exported (sheets.exportLedger).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { zhCN } from '../shared/i18n/zh-CN';
import type { ResidentRegisterInput } from '../shared/residents/schema';
import { Core, type Session } from '../src-main/core/core';
import { fakeResidents } from '../src-main/core/station/demo';

const PLACE = '370102001002';

const HEADERS = ['姓名', '身份证号', '联系电话', '户籍性质', '现居住址', '文化程度', '技能特长', '人员类别', '重点关爱类别', '登记类型', '登记日期', '失业人员类型', '失业时间', '求职意向', '培训意向', '就业服务需求', '就业困难人员类别'];

/** A roster as a township would fill it: Chinese headers and labels, one row per registration. */
export async function rosterXlsx(registrations: ResidentRegisterInput[]): Promise<Buffer> {
  const e = zhCN.enums;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(HEADERS);
  for (const r of registrations) {
    const reg = r.registration;
    sheet.addRow([
      r.name,
      r.idNumber,
      r.phone,
      e.householdType[r.householdType],
      r.address,
      e.education[r.education],
      r.skills ?? '',
      r.targetGroups.map((g) => e.targetGroup[g]).join('、'),
      (r.careCategories ?? []).map((c) => e.careCategory[c]).join('、'),
      e.kind[reg.kind],
      reg.date,
      reg.kind === 'unemployment' ? e.unemploymentType[reg.unemploymentType] : '',
      reg.kind === 'unemployment' ? reg.unemployedSince : '',
      reg.kind !== 'hardship' ? (reg.jobIntention ?? '') : '',
      reg.kind !== 'hardship' ? (reg.trainingIntention ?? '') : '',
      reg.kind !== 'hardship' ? (reg.serviceNeeds ?? '') : '',
      // Category labels carry a bracketed note the import ignores.
      reg.kind === 'hardship' ? reg.hardshipCategories.map((c) => e.hardshipCategory[c]).join('、') : '',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function station(dataDir: string): Promise<{ core: Core; session: Session }> {
  const core = await Core.open({ dataDir, durable: true });
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: PLACE, clerk: { loginName: 'bench', displayName: '基准', password: 'bench-password' } });
  await core.call(session, 'auth.login', { loginName: 'bench', password: 'bench-password' });
  return { core, session };
}

/**
 * `big`: the benchmark's 100,000-resident station (its ledger is exported); without it, one is
 * seeded here (`--only sheets`).
 */
export async function benchSheets(big?: { core: Core; session: Session }, docs = 100_000) {
  const today = new Date().toISOString().slice(0, 10);
  // 1. Import into a fresh durable station.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-bench-sheets-'));
  const fresh = await station(dir);
  const roster = await rosterXlsx([...fakeResidents(10_000, { placeCode: '370181001001', today, seed: 21 })]);
  const content = roster.toString('base64');
  const file = { fileName: '花名册.xlsx', content };
  const started = performance.now();
  const preview = await fresh.core.call(fresh.session, 'sheets.preview', { file });
  const previewed = performance.now();
  const result = await fresh.core.call(fresh.session, 'sheets.import', { file, columns: preview.mapping, fileHash: preview.fileHash, expectedValid: preview.counts.valid });
  const importSeconds = (performance.now() - started) / 1000;
  const previewSeconds = (previewed - started) / 1000;
  console.log(`sheets: 10,000-row roster (${(roster.length / 1024).toFixed(0)} KB): preview ${previewSeconds.toFixed(2)} s, preview + import ${importSeconds.toFixed(2)} s, ${result.imported} stored (${preview.counts.invalid} invalid)`);
  await fresh.core.close();
  fs.rmSync(dir, { recursive: true, force: true });

  // 2. The ledger of the big station.
  let owned: { core: Core; session: Session; dir: string } | null = null;
  if (!big) {
    const bigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-bench-sheets-'));
    const s = await station(bigDir);
    await s.core.seedResidents(fakeResidents(docs, { placeCode: PLACE, today, seed: 42 }), s.session.user!);
    await s.core.whenIndexed();
    owned = { ...s, dir: bigDir };
  }
  const target = big ?? owned!;
  const exportStart = performance.now();
  const ledger = await target.core.call(target.session, 'sheets.exportLedger', {});
  const exportSeconds = (performance.now() - exportStart) / 1000;
  console.log(`sheets: ledger of ${ledger.rows} residents exported in ${exportSeconds.toFixed(2)} s (${(ledger.content.length * 0.75 / 1024 / 1024).toFixed(1)} MB)`);
  if (owned) {
    await owned.core.close();
    fs.rmSync(owned.dir, { recursive: true, force: true });
  }
  return {
    sheet_import_rows: result.imported,
    sheet_preview_10k_s: Math.round(previewSeconds * 100) / 100,
    sheet_import_10k_s: Math.round(importSeconds * 100) / 100,
    sheet_export_rows: ledger.rows,
    sheet_export_100k_s: Math.round(exportSeconds * 100) / 100,
  };
}
