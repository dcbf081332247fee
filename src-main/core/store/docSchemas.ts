// What a valid document looks like, per id prefix. Documents pulled from the county (its
// decisions, reference data, other stations' records) are checked against it before they land
// where the UI reads them (sync.ts keeps the others aside); the fuzz test checks the whole
// database with it. Documents a form writes are checked with the form's own schema (the one the
// core validates the argument with), the others with their shape from docs.ts.
import { z } from 'zod';
import { policySaveSchema } from '../../../shared/rpc/handlers';
import { AUDIT_ACTIONS } from '../../../shared/access/contract';
import { postSaveSchema, ATTENDANCE_MARKS } from '../../../shared/posts/schema';
import { CLOSE_REASONS, freeText, isoDay, residentRegisterSchema } from '../../../shared/residents/schema';
import { courseSaveSchema, HALF_DAYS, SIGN_IN_METHODS, sessionSaveSchema } from '../../../shared/training/schema';
import type { FieldIssue } from '../../../shared/rpc/errors';
import { ID_PREFIX, SCHEMA_VERSION } from './docs';
import { validationError } from '../validation';

const isoTime = z.iso.datetime();
// County accounts are named by the county's CouchDB, not by this app's login rules.
const login = z.string().regex(/^[\p{Script=Han}A-Za-z0-9_.@-]{1,64}$/u);
const base = {
  _id: z.string(),
  _rev: z.string().optional(),
  type: z.string(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  placeCode: z.string().regex(/^37\d{4}(\d{3}){0,2}$/),
  createdBy: login,
  createdAt: isoTime,
  updatedBy: login,
  updatedAt: isoTime,
};
// Built once: zod compiles an object schema on its first parse, so a schema made per call would
// compile per document (a township pulls 90,000 of them).
const stamped = z.object(base);
const residentKey = /[a-z2-7]{26}/.source;
const residentId = z.string().regex(new RegExp(`^resident:${residentKey}$`));
const postId = z.string().regex(/^post:[A-Za-z0-9-]{1,20}$/);
const trainingId = z.string().regex(/^training:[a-z2-7]{16}$/);
const signMark = z.strictObject({ at: isoTime, method: z.enum(SIGN_IN_METHODS), by: login, machine: z.string().max(300) }).nullable();
const monthDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** Shapes of the documents no form writes as such. */
const shapes: Record<string, z.ZodType> = {
  assignment: z.object({ ...base, type: z.literal('assignment'), postId, residentId, startDate: isoDay, endDate: isoDay, contractNo: freeText(40), override: z.unknown() }),
  attendance: z.object({ ...base, type: z.literal('attendance'), postId, residentId, date: isoDay, mark: z.enum(ATTENDANCE_MARKS), hours: z.number().min(0).max(24), history: z.array(z.unknown()) }),
  monthClose: z.object({ ...base, type: z.literal('monthClose'), postId, month: monthDay, status: z.enum(['closed', 'reopened']), summary: z.unknown(), history: z.array(z.unknown()) }),
  enrolment: z.object({ ...base, type: z.literal('enrolment'), sessionId: trainingId, residentId }),
  signIn: z.object({ ...base, type: z.literal('signIn'), sessionId: trainingId, residentId, date: isoDay, half: z.enum(HALF_DAYS), in: signMark, out: signMark }),
  audit: z.object({ ...base, type: z.literal('audit'), action: z.enum(AUDIT_ACTIONS), targetId: z.string().max(300), field: z.string().max(300), reason: freeText(500).optional() }),
  // The station's own document, or a county directory entry in county_ref (no stamp).
  station: z.object({ _id: z.string(), type: z.literal('station'), placeCode: base.placeCode, name: freeText(100).pipe(z.string().min(1)), demo: z.boolean().optional(), level: z.enum(['village', 'township']).optional() }),
  review: z.object({
    ...base,
    type: z.literal('review'),
    batchId: z.string().max(200),
    decision: z.enum(['accepted', 'returned', 'partial']),
    records: z.array(z.strictObject({ id: z.string().max(200), rev: z.string().max(100), decision: z.enum(['accepted', 'returned']), reason: freeText(200) })),
  }),
  unlock: z.object({ ...base, type: z.literal('unlock'), targetId: z.string().max(200), reason: freeText(200) }),
  resolution: z.object({ ...base, type: z.literal('resolution'), targetId: z.string().max(200), resolutionId: z.string().max(300), reason: freeText(200), kept: z.boolean(), revs: z.array(z.string().max(100)), label: freeText(200).optional() }),
  heartbeat: z.object({ ...base, type: z.literal('heartbeat'), lastSyncAt: isoTime }),
  batch: z.object({ ...base, type: z.literal('batch'), via: z.enum(['sync', 'file']), counts: z.record(z.string(), z.number()), docs: z.array(z.strictObject({ id: z.string(), rev: z.string() })), checksum: z.string() }),
};

const closure = z.strictObject({ reason: z.enum(CLOSE_REASONS), date: isoDay, note: freeText(200), by: login }).nullable();

function formProblem(schema: z.ZodType, input: unknown): FieldIssue | null {
  // Most documents are valid: the slower parse that reports inputs runs only for the others.
  if (schema.safeParse(input).success) return null;
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return null;
  const error = validationError(parsed.error);
  return error.issues?.[0] ?? { field: error.field ?? '', messageKey: error.messageKey };
}
const idProblem = { field: '_id', messageKey: 'errors.id' };

function pick(doc: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => doc[k] !== undefined).map((k) => [k, doc[k]]));
}

const PREFIXES: Record<string, string> = { ...ID_PREFIX, resolution: 'resolution:', heartbeat: 'heartbeat:' };

/** Why a document is invalid (the first field at fault and its message key), or null when it is valid. */
export function documentProblem(doc: Record<string, unknown>): FieldIssue | null {
  const id = typeof doc._id === 'string' ? doc._id : '';
  const type = Object.entries(PREFIXES).find(([, prefix]) => id.startsWith(prefix))?.[0];
  if (!type) return { field: '_id', messageKey: 'errors.quarantine.unknownType' };
  if (doc.type !== type) return { field: 'type', messageKey: 'errors.quarantine.typeMismatch' };
  if (type === 'station') return formProblem(shapes.station!, doc);
  const baseProblem = formProblem(stamped, doc);
  if (baseProblem) return baseProblem;
  switch (type) {
    case 'resident': {
      if (!residentId.safeParse(id).success) return idProblem;
      const form = pick(doc, ['idNumber', 'name', 'phone', 'householdType', 'address', 'education', 'skills', 'employmentCertificateNo', 'targetGroups', 'careCategories', 'registration']);
      return formProblem(residentRegisterSchema, form) ?? formProblem(closure, doc.closure);
    }
    case 'post': {
      const form = { ...pick(doc, ['code', 'name', 'kind', 'category', 'placeCode', 'employer', 'plannedHoursPerMonth', 'startDate', 'endDate']), payPerMonth: Number(doc.payPerMonthFen) / 100 };
      return id === `post:${String(doc.code)}` ? formProblem(postSaveSchema, form) : idProblem;
    }
    case 'training':
      if (!trainingId.safeParse(id).success) return idProblem;
      return formProblem(sessionSaveSchema, pick(doc, ['course', 'provider', 'teachers', 'place', 'startDate', 'endDate', 'timetable', 'plannedTrainees']));
    case 'course':
      return formProblem(courseSaveSchema, pick(doc, ['code', 'occupation', 'level', 'classHours']));
    case 'policy':
      return formProblem(policySaveSchema, pick(doc, ['kind', 'effectiveFrom', 'values']));
    default: {
      const shape = shapes[type];
      if (!shape) return { field: 'type', messageKey: 'errors.quarantine.unknownType' };
      return formProblem(shape, doc);
    }
  }
}
