import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../../shared/sheets/contract';
import { issueText, text } from './texts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCES = ['src-main/core/sheets/app.ts', 'src-main/core/sheets/workbook.ts', 'src-main/core/sheets/roster.ts', 'shared/sheets/contract.ts', 'src-renderer/sheets/ImportWizard.tsx', 'src-renderer/sheets/ExportPanel.tsx'];

describe('spreadsheet texts', () => {
  it('has a zh-CN and an English text for every errors.sheets key the code uses, and for every import field', () => {
    const keys = new Set(SOURCES.flatMap((file) => fs.readFileSync(path.join(ROOT, file), 'utf8').match(/errors\.sheets\.\w+/g) ?? []));
    expect(keys.size).toBeGreaterThan(10);
    for (const key of [...keys, ...IMPORT_FIELDS.map((f) => `sheets.field.${f}`)]) {
      for (const locale of ['zh-CN', 'en'] as const) expect(text(locale, key), `${locale} ${key}`).not.toBe(key);
    }
  });

  it('names the column and translates the reason with its parameters', () => {
    const issue = { column: { letter: 'F', header: '学历' }, field: 'education' as const, messageKey: 'errors.sheets.unknownOption', params: { value: '博士后' } };
    expect(issueText('zh-CN', issue)).toBe('F 列“学历”：“博士后”不是文化程度的可选值');
    expect(issueText('en', issue)).toBe('Column F “学历”: “博士后” is not a valid Education');
    expect(issueText('zh-CN', { column: null, field: 'address', messageKey: 'errors.required' })).toBe('现居住址（没有对应的列）：现居住址为必填项');
  });
});
