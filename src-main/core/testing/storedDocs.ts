// What a valid stored document looks like, per id prefix: the fuzz test checks the whole database
// against it after throwing bad input at every handler. Documents a form writes are checked with
// the form's own schema (the one the core validated the argument with), so a document that could
// not have come from a valid argument is caught; the others with their shape from docs.ts.
import { z } from 'zod';
import { policySaveSchema } from '../../../shared/rpc/handlers';
import { postSaveSchema, ATTENDANCE_MARKS } from '../../../shared/posts/schema';
import { CLOSE_REASONS, freeText, isoDay, residentRegisterSchema } from '../../../shared/resident/schema';
import { courseSaveSchema, HALF_DAYS, SIGN_IN_METHODS, sessionSaveSchema } from '../../../shared/training/schema';
import { ID_PREFIX, SCHEMA_VERSION } from '../docs';

const isoTime = z.iso.datetime();
const login = z.string().regex(/^[\p{Script=Han}A-Za-z0-9_.-]{1,32}$/u);
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
  audit: z.object({ ...base, type: z.literal('audit'), action: z.enum(['reveal', 'override', 'reopenMonth', 'print', 'export', 'import']), targetId: z.string().max(300), field: z.string().max(300), reason: freeText(500).optional() }),
  station: z.object({ ...base, type: z.literal('station'), name: z.string().min(1).max(100), demo: z.boolean() }),
  batch: z.object({ ...base, type: z.literal('batch'), via: z.enum(['sync', 'file']), counts: z.record(z.string(), z.number()), docs: z.array(z.strictObject({ id: z.string(), rev: z.string() })), checksum: z.string() }),
};

const closure = z.strictObject({ reason: z.enum(CLOSE_REASONS), date: isoDay, note: freeText(200), by: login }).nullable();

/** The stored value must be what the form's schema makes of it: valid and already normalised. */
function formProblem(schema: z.ZodType, input: Record<string, unknown>): string | null {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return null;
}

function pick(doc: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => doc[k] !== undefined).map((k) => [k, doc[k]]));
}

/** Why a stored document is invalid, or null when it is valid. */
export function storedDocProblem(doc: Record<string, unknown>): string | null {
  const id = String(doc._id);
  if (id.startsWith('_design/')) return 'design document written by a handler';
  const type = Object.entries(ID_PREFIX).find(([, prefix]) => id.startsWith(prefix))?.[0];
  if (!type) return 'unknown id prefix';
  if (doc.type !== type) return `type ${String(doc.type)} under prefix ${type}`;
  const baseProblem = formProblem(z.object(base), doc);
  if (baseProblem) return baseProblem;
  switch (type) {
    case 'resident': {
      if (!residentId.safeParse(id).success) return 'resident id';
      const form = pick(doc, ['idNumber', 'name', 'phone', 'householdType', 'address', 'education', 'skills', 'employmentCertificateNo', 'targetGroups', 'careCategories', 'registration']);
      return formProblem(residentRegisterSchema, form) ?? formProblem(closure, doc.closure as Record<string, unknown>);
    }
    case 'post': {
      const form = { ...pick(doc, ['code', 'name', 'kind', 'category', 'placeCode', 'employer', 'plannedHoursPerMonth', 'startDate', 'endDate']), payPerMonth: Number(doc.payPerMonthFen) / 100 };
      return id === `post:${String(doc.code)}` ? formProblem(postSaveSchema, form) : 'post id does not match its code';
    }
    case 'training':
      if (!trainingId.safeParse(id).success) return 'training id';
      return formProblem(sessionSaveSchema, pick(doc, ['course', 'provider', 'teachers', 'place', 'startDate', 'endDate', 'timetable', 'plannedTrainees']));
    case 'course':
      return formProblem(courseSaveSchema, pick(doc, ['code', 'occupation', 'level', 'classHours']));
    case 'policy':
      return formProblem(policySaveSchema, pick(doc, ['kind', 'effectiveFrom', 'values']));
    default: {
      const shape = shapes[type];
      if (!shape) return `no check for documents of type ${type}`;
      return formProblem(shape, doc);
    }
  }
}
