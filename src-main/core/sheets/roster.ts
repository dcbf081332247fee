// A roster row → the registration the form would send: headers suggest the mapping, Chinese
// (and English) labels become the schema's codes, and every row is validated by the same
// schema and the same core checks as a registration typed into the form.
import { en } from '../../../shared/i18n/en';
import { zhCN } from '../../../shared/i18n/zh-CN';
import {
  CARE_CATEGORIES,
  EDUCATION_LEVELS,
  HARDSHIP_CATEGORIES,
  HOUSEHOLD_TYPES,
  REGISTRATION_KINDS,
  TARGET_GROUPS,
  UNEMPLOYMENT_TYPES,
} from '../../../shared/residents/schema';
import { normalizeIdNumber } from '../../../shared/id/idNumber';
import type { FieldIssue } from '../../../shared/rpc/errors';
import { IMPORT_FIELDS, type ImportConstants, type ImportField, type ImportIssue } from '../../../shared/sheets/contract';
import { damagedNumber, excelShown, isTotalRow } from './rosterCells';
import { columnLetter, type CellRead } from './workbook';

/** Strips spaces, the required-field star and bracketed notes: "身份证号码（18位）*" → "身份证号码". */
export function normalizeLabel(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  name: ['姓名', '名字', '人员姓名', '劳动者姓名'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码', '身份号码', '社会保障号码'],
  phone: ['联系电话', '手机号', '手机号码', '电话', '手机', '联系方式', '电话号码'],
  householdType: ['户籍性质', '户口性质', '户籍类型', '户口类型', '户籍', '户口'],
  address: ['现居住址', '居住地址', '现住址', '住址', '地址', '家庭住址', '家庭地址'],
  education: ['文化程度', '学历', '最高学历'],
  skills: ['技能特长', '特长', '技能'],
  employmentCertificateNo: ['就业创业证号', '就业创业证编号', '就业创业证', '就业失业登记证号'],
  targetGroups: ['人员类别', '群体类别', '服务对象类别'],
  careCategories: ['重点关爱类别', '关爱类别'],
  kind: ['登记类型', '登记类别'],
  date: ['登记日期', '登记时间'],
  unemploymentType: ['失业人员类型', '失业类型'],
  unemployedSince: ['失业时间', '失业日期'],
  jobIntention: ['求职意向'],
  trainingIntention: ['培训意向'],
  serviceNeeds: ['就业服务需求', '服务需求'],
  hardshipCategories: ['就业困难人员类别', '困难类别'],
  reason: ['申请理由'],
  sex: ['性别'],
  birthDate: ['出生日期', '出生年月日'],
};

const headerIndex = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  for (const label of HEADER_SYNONYMS[field]) headerIndex.set(normalizeLabel(label), field);
  const english = (en.fields as Record<string, string>)[field];
  if (english && !headerIndex.has(normalizeLabel(english))) headerIndex.set(normalizeLabel(english), field);
}

export function fieldForHeader(header: string): ImportField | null {
  return headerIndex.get(normalizeLabel(header)) ?? null;
}

export function scoreHeader(texts: string[]): number {
  return texts.filter((t) => t !== '' && fieldForHeader(t) !== null).length;
}

/** Each field once, first column wins. */
export function suggestMapping(headers: string[]): (ImportField | null)[] {
  const used = new Set<ImportField>();
  return headers.map((h) => {
    const field = fieldForHeader(h);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

// ── option values: the app's own labels in both languages, plus what rosters commonly say ──

function optionIndex<T extends string>(codes: readonly T[], zh: Record<string, string>, english: Record<string, string>, extra: Record<string, T>) {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(normalizeLabel(code), code);
    if (zh[code]) map.set(normalizeLabel(zh[code]), code);
    if (english[code]) map.set(normalizeLabel(english[code]), code);
  }
  for (const [label, code] of Object.entries(extra)) map.set(normalizeLabel(label), code);
  return map;
}

const OPTIONS = {
  householdType: optionIndex(HOUSEHOLD_TYPES, zhCN.enums.householdType, en.enums.householdType, {
    农业户口: 'agricultural', 农村: 'agricultural', 农业户籍: 'agricultural', 非农业户口: 'nonAgricultural', 城镇: 'nonAgricultural', 非农: 'nonAgricultural', 城镇户口: 'nonAgricultural',
  }),
  education: optionIndex(EDUCATION_LEVELS, zhCN.enums.education, en.enums.education, {
    文盲: 'none', 无: 'none', 未上学: 'none', 半文盲: 'none', 中专: 'secondaryVocational', 中技: 'secondaryVocational', 职高: 'secondaryVocational', 技校: 'secondaryVocational', 中职: 'secondaryVocational',
    专科: 'juniorCollege', 高职: 'juniorCollege', 大学专科: 'juniorCollege', 大学本科: 'bachelor', 大学: 'bachelor', 硕士: 'master', 研究生: 'master', 博士: 'doctor', 初级中学: 'juniorHigh', 高级中学: 'seniorHigh',
  }),
  kind: optionIndex(REGISTRATION_KINDS, zhCN.enums.kind, en.enums.kind, {
    求职: 'jobSeeking', 失业: 'unemployment', 就业困难: 'hardship', 就业困难人员认定: 'hardship', 就业困难人员: 'hardship', 困难认定: 'hardship',
  }),
  unemploymentType: optionIndex(UNEMPLOYMENT_TYPES, zhCN.enums.unemploymentType, en.enums.unemploymentType, {
    毕业生: 'graduateUnemployed', 高校毕业生: 'graduateUnemployed', 失业: 'lostJob', 下岗: 'lostJob', 失去工作: 'lostJob', 失地农民: 'landLossFarmer', 退役军人: 'veteranUnemployed',
  }),
  targetGroups: optionIndex(TARGET_GROUPS, zhCN.enums.targetGroup, en.enums.targetGroup, { 农民工: 'migrantWorker', 灵活就业: 'flexibleEmployment', 重点关爱: 'keyCare' }),
  careCategories: optionIndex(CARE_CATEGORIES, zhCN.enums.careCategory, en.enums.careCategory, { 残疾: 'disabled', 老人: 'elderly' }),
  hardshipCategories: optionIndex(HARDSHIP_CATEGORIES, zhCN.enums.hardshipCategory, en.enums.hardshipCategory, {
    大龄失业人员: 'olderUnemployed', 残疾: 'disabled', 零就业家庭: 'zeroEmploymentFamily', 低保: 'minimumLivingAllowance', 低保人员: 'minimumLivingAllowance',
    长期失业: 'longTermUnemployed', 连续失业一年以上: 'longTermUnemployed', 脱贫人口: 'povertyAlleviated', 防止返贫监测对象: 'povertyAlleviated', 失地农民: 'landLossFarmer',
  }),
  sex: new Map<string, 'male' | 'female'>([['男', 'male'], ['女', 'female'], ['male', 'male'], ['female', 'female'], ['m', 'male'], ['f', 'female']]),
};

const DATE_FIELDS = new Set<ImportField>(['date', 'unemployedSince', 'birthDate']);
const REGISTRATION_FIELDS: Record<string, readonly ImportField[]> = {
  jobSeeking: ['jobIntention', 'trainingIntention', 'serviceNeeds'],
  unemployment: ['unemploymentType', 'unemployedSince', 'jobIntention', 'trainingIntention', 'serviceNeeds'],
  hardship: ['hardshipCategories', 'reason'],
};
const ALL_REGISTRATION_FIELDS = new Set<ImportField>(['unemploymentType', 'unemployedSince', 'jobIntention', 'trainingIntention', 'serviceNeeds', 'hardshipCategories', 'reason']);

/** 2024-3-5, 2024/03/05, 2024.3.5, 2024年3月5日, 20240305 → 2024-03-05; anything else unchanged (the schema says why). */
export function normalizeDay(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
}

export interface RowInput {
  /** What the form would send (before the schema's defaults). */
  input: Record<string, unknown>;
  issues: ImportIssue[];
  /** Fields with an issue already (their schema issues would only repeat it). */
  faulty: Set<ImportField>;
  /** The sheet's own sex and birth date, checked against the ID number afterwards. */
  check: { sex?: 'male' | 'female'; sexText?: string; birthDate?: string };
  name: string;
  /** The ID number to match (normalised); empty when the cell cannot be trusted. */
  idText: string;
  /** What the preview shows for an ID the cell damaged (as Excel shows it: 3.70102E+17). */
  idShown?: string;
}

export class RowReader {
  private readonly columnOf = new Map<ImportField, number>();

  constructor(
    private readonly headers: string[],
    mapping: (ImportField | null)[],
    private readonly today: string,
    /** The clerk's one value for all rows, for fields without a column. */
    private readonly constants: ImportConstants = {},
  ) {
    mapping.forEach((field, i) => {
      if (field && i < headers.length) this.columnOf.set(field, i);
    });
  }

  private constantOf(field: ImportField | ''): string | undefined {
    return field && !this.columnOf.has(field) ? (this.constants as Record<string, string | undefined>)[field] : undefined;
  }

  /** A 合计/总计 row or one of SUM/COUNTA formulas: left out of the import. */
  isTotal(cells: CellRead[]): boolean {
    return isTotalRow(cells, this.columnOf.get('name'), this.columnOf.get('idNumber'));
  }

  column(field: ImportField | ''): ImportIssue['column'] {
    const i = field ? this.columnOf.get(field) : undefined;
    return i === undefined ? null : { letter: columnLetter(i), header: this.headers[i] ?? '' };
  }

  issue(field: ImportField | '', messageKey: string, params?: Record<string, string | number>): ImportIssue {
    const constant = this.constantOf(field) !== undefined ? { constant: true as const } : {};
    return { column: this.column(field), field, ...constant, messageKey, ...(params ? { params } : {}) };
  }

  read(cells: CellRead[]): RowInput {
    const issues: ImportIssue[] = [];
    const faulty = new Set<ImportField>();
    const values = new Map<ImportField, Exclude<CellRead, { kind: 'problem' }>>();
    for (const [field, i] of this.columnOf) {
      const cell = cells[i] ?? { kind: 'text', text: '' };
      if (cell.kind === 'problem') {
        issues.push(this.issue(field, cell.messageKey, cell.params));
        faulty.add(field);
        continue;
      }
      if (cell.text !== '') values.set(field, cell);
    }
    for (const field of IMPORT_FIELDS) {
      const constant = this.constantOf(field);
      if (constant !== undefined && constant.trim() !== '') values.set(field, { kind: 'text', text: constant.trim() });
    }
    const text = (field: ImportField) => values.get(field)?.text;
    const option = (field: keyof typeof OPTIONS): string | undefined => {
      const raw = text(field);
      if (raw === undefined) return undefined;
      const code = OPTIONS[field].get(normalizeLabel(raw));
      if (code) return code;
      issues.push(this.issue(field, 'errors.sheets.unknownOption', { value: raw.slice(0, 40) }));
      faulty.add(field);
      return undefined;
    };
    const list = (field: 'targetGroups' | 'careCategories' | 'hardshipCategories'): string[] => {
      const raw = text(field);
      if (raw === undefined) return [];
      const codes: string[] = [];
      for (const part of raw.replace(/[（(][^）)]*[）)]/g, '').split(/[、,，;；/\s]+/).filter(Boolean)) {
        const code = OPTIONS[field].get(normalizeLabel(part));
        if (code) {
          if (!codes.includes(code)) codes.push(code);
        } else if (!faulty.has(field)) {
          issues.push(this.issue(field, 'errors.sheets.unknownOption', { value: part.slice(0, 40) }));
          faulty.add(field);
        }
      }
      return codes;
    };
    const day = (field: ImportField) => {
      const v = values.get(field);
      if (!v) return undefined;
      return v.kind === 'date' ? v.text : normalizeDay(v.text);
    };

    const idCell = values.get('idNumber');
    let idShown: string | undefined;
    if (idCell?.kind === 'number' && damagedNumber(idCell.value)) {
      // 18 digits do not fit Excel's 15: the last ones are gone, nothing can recover them, and
      // the digits a double would print are invented. Shown only as Excel shows the number.
      idShown = excelShown(idCell.value);
      issues.push(this.issue('idNumber', 'errors.sheets.idNumberAsNumber', { shown: idShown }));
      faulty.add('idNumber');
    }

    const unemploymentType = option('unemploymentType');
    const hardshipCategories = list('hardshipCategories');
    let kind = option('kind');
    if (kind === undefined && !faulty.has('kind')) {
      // No kind given: the fields filled in tell it, a job-seeking registration otherwise.
      kind = values.has('unemploymentType') || values.has('unemployedSince') ? 'unemployment' : values.has('hardshipCategories') ? 'hardship' : 'jobSeeking';
    }
    const registration: Record<string, unknown> = { kind, date: day('date') ?? this.today };
    const allowed = REGISTRATION_FIELDS[kind ?? ''] ?? [];
    for (const field of ALL_REGISTRATION_FIELDS) {
      if (!values.has(field) && !faulty.has(field)) continue;
      if (!allowed.includes(field)) {
        if (kind !== undefined && values.has(field)) issues.push(this.issue(field, 'errors.sheets.notForKind'));
        continue;
      }
      if (field === 'unemploymentType') registration[field] = unemploymentType;
      else if (field === 'hardshipCategories') registration[field] = hardshipCategories;
      else if (DATE_FIELDS.has(field)) registration[field] = day(field);
      else registration[field] = text(field);
    }

    const input: Record<string, unknown> = {
      idNumber: faulty.has('idNumber') ? undefined : text('idNumber'),
      name: text('name'),
      phone: text('phone'),
      householdType: option('householdType'),
      address: text('address'),
      education: option('education'),
      skills: text('skills') ?? '',
      employmentCertificateNo: text('employmentCertificateNo') ?? '',
      targetGroups: list('targetGroups'),
      careCategories: list('careCategories'),
      registration,
    };
    const check: RowInput['check'] = {};
    const sexText = text('sex');
    if (sexText !== undefined) {
      const sex = OPTIONS.sex.get(normalizeLabel(sexText));
      if (sex) Object.assign(check, { sex, sexText });
      else {
        issues.push(this.issue('sex', 'errors.sheets.unknownOption', { value: sexText.slice(0, 40) }));
        faulty.add('sex');
      }
    }
    const birth = day('birthDate');
    if (birth !== undefined) check.birthDate = birth;
    const idText = faulty.has('idNumber') ? '' : normalizeIdNumber(idCell?.text ?? '');
    return { input, issues, faulty, check, name: text('name') ?? '', idText, ...(idShown ? { idShown } : {}) };
  }

  /**
   * A schema or core issue (path into the registration) as an issue on its column. A choice left
   * empty is "required", not "not a valid option" (the schema says the latter for both).
   */
  fromFieldIssue(issue: FieldIssue, input?: Record<string, unknown>): ImportIssue {
    const parts = issue.field.split('.').filter((p) => !/^\d+$/.test(p));
    const last = parts[0] === 'registration' ? (parts[1] ?? 'kind') : (parts[0] ?? '');
    const field = (IMPORT_FIELDS as readonly string[]).includes(last) ? (last as ImportField) : '';
    const empty = input !== undefined && issue.messageKey === 'errors.option' && valueAt(input, issue.field) === undefined;
    return this.issue(field, empty ? 'errors.required' : issue.messageKey, empty ? undefined : issue.params);
  }
}

function valueAt(input: Record<string, unknown>, path: string): unknown {
  let node: unknown = input;
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}
