// The audit log's handlers: the admin's filtered list and its spreadsheet export.
import { accessZhCN } from '../../../shared/access/texts';
import type { AuditEntryView, UserView } from '../../../shared/access/contract';
import type { TFunction } from 'i18next';
import { auditTarget, withDisplayNames, writtenReason } from '../../../shared/documents/labels';
import { formatAuditDetail } from '../../../shared/documents/labelsFormat';
import { resources } from '../../../shared/i18n/resources';
import { placeName } from '../../../shared/places';
import { typeOfId } from '../../../shared/documents/registry';
import type { RecordLabeller } from '../records/labeller';
import { createApp } from '../app';
import { xlsx } from '../sheets/xlsxWriter';
import type { StationConfig } from '../store/docs';
import type { AuditLog } from './audit';

/** Rows one audit export writes at most (a year of a busy station is far below). */
const AUDIT_EXPORT_MAX = 200_000;

export interface AuditAppDeps {
  log: AuditLog;
  station(): StationConfig;
  today(): string;
  /** Names the records entries are about. */
  labeller: RecordLabeller;
  /** The station's accounts (display names). */
  users(): UserView[];
}

/** The page's entries with who by display name and the records they name labelled. */
async function labelled(items: AuditEntryView[], labeller: RecordLabeller, users: UserView[]): Promise<AuditEntryView[]> {
  const names = new Map(users.map((u) => [u.loginName, u.displayName]));
  const targets = items.map((e) => auditTarget(e.targetId));
  const recordIds = [...new Set(targets.filter((id) => typeOfId(id) !== null))];
  const labels = new Map((await labeller.info(recordIds)).map((info) => [info.id, info]));
  return items.map((e, i) => {
    const info = labels.get(targets[i]!);
    return { ...e, byName: names.get(e.by) ?? e.by, what: withDisplayNames(e.what, names), target: info ? info.label : null };
  });
}

export function auditApp({ log, station, today, labeller, users }: AuditAppDeps) {
  return createApp(
    'audit',
    {
      'audit.list': async (args) => {
        const { total, items } = await log.page(args, args.offset, args.limit);
        return { total, items: await labelled(items, labeller, users()) };
      },
      'audit.export': async (args, session) => {
        const texts = accessZhCN.access.audit;
        const t = plainTranslator(resources['zh-CN']);
        const entries: AuditEntryView[] = [];
        await log.each(args, AUDIT_EXPORT_MAX, (e) => entries.push(e));
        const accounts = users();
        const rows: (string | number)[][] = [];
        for (let i = 0; i < entries.length; i += EXPORT_LABEL_PAGE) {
          for (const e of await labelled(entries.slice(i, i + EXPORT_LABEL_PAGE), labeller, accounts)) {
            const place = placeName(e.placeCode) ?? e.placeCode;
            rows.push([rows.length + 1, localDateTime(e.at), texts.actions[e.action] ?? e.action, e.byName, place, formatAuditDetail(t, e.what, e.target), writtenReason(e)]);
          }
        }
        const bytes = xlsx(
          {
            name: texts.sheetName,
            columns: [
              { header: '序号', width: 8 },
              { header: texts.at, width: 20 },
              { header: texts.action, width: 16 },
              { header: texts.user, width: 14 },
              { header: texts.place, width: 24 },
              { header: texts.field, width: 60 },
              { header: texts.reason, width: 36 },
            ],
          },
          rows,
        );
        // Who took the log away is itself in the log.
        await log.append(session.user!, { action: 'export', targetId: 'audit', field: `audit ${rows.length}`, reason: describeFilter(args) });
        return { fileName: `审计日志-${station().name}-${today()}.xlsx`, content: bytes.toString('base64'), rows: rows.length };
      },
    },
    { caches: [log.feed] },
  );
}

/** Entries labelled at a time in an export (one read of the records they name per page). */
const EXPORT_LABEL_PAGE = 1000;

/**
 * A translator over one language's texts, for the spreadsheet the core writes in zh-CN: a key's
 * text with its `{{params}}` filled (the key itself when there is none, as i18next does).
 */
export function plainTranslator(table: Record<string, unknown>): TFunction {
  const t = (key: string, params: Record<string, unknown> = {}) => {
    let node: unknown = table;
    for (const part of key.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') return typeof params.defaultValue === 'string' ? params.defaultValue : key;
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
  return t as unknown as TFunction;
}

/** 'YYYY-MM-DD HH:MM:SS' in the machine's time zone, as a clerk reads a time. */
function localDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function describeFilter(args: { action?: string | undefined; user?: string | undefined; from?: string | undefined; to?: string | undefined }): string {
  return Object.entries(args)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}
