// What a valid document looks like, per id prefix. Documents pulled from the county (its
// decisions, reference data, other stations' records) are checked against it before they land
// where the UI reads them (sync.ts keeps the others aside); the fuzz test checks the whole
// database with it. Documents a form writes are checked with the form's own schema (the one the
// core validates the argument with), the others with their stored schema from the document
// registry (shared/documents).
import type { z } from 'zod';
import { policySaveSchema } from '../../../shared/rpc/handlers';
import { postSaveSchema } from '../../../shared/posts/schema';
import { residentRegisterSchema } from '../../../shared/residents/schema';
import { courseSaveSchema, sessionSaveSchema } from '../../../shared/training/schema';
import { DOCUMENTS, closureSchema, docId, legacyId, placeOfId, residentIdSchema, stampedSchema, trainingIdSchema, typeOfId } from '../../../shared/documents';
import type { FieldIssue } from '../../../shared/rpc/errors';
import { validationError } from '../validation';

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

/** Why a document is invalid (the first field at fault and its message key), or null when it is valid. */
export function documentProblem(doc: Record<string, unknown>): FieldIssue | null {
  const id = typeof doc._id === 'string' ? doc._id : '';
  const type = typeOfId(id);
  if (!type) return { field: '_id', messageKey: 'errors.quarantine.unknownType' };
  if (doc.type !== type) return { field: 'type', messageKey: 'errors.quarantine.typeMismatch' };
  if (type === 'station') return formProblem(DOCUMENTS.station.schema, doc);
  const baseProblem = formProblem(stampedSchema, doc);
  if (baseProblem) return baseProblem;
  // An id that carries a place belongs to that place's records (the county server refuses others too).
  const idPlace = placeOfId(id);
  if (idPlace !== null && idPlace !== doc.placeCode) return idProblem;
  switch (type) {
    case 'resident': {
      if (!residentIdSchema.safeParse(id).success) return idProblem;
      const form = pick(doc, ['idNumber', 'name', 'phone', 'householdType', 'address', 'education', 'skills', 'employmentCertificateNo', 'targetGroups', 'careCategories', 'registration']);
      return formProblem(residentRegisterSchema, form) ?? formProblem(closureSchema, doc.closure);
    }
    case 'post': {
      const form = { ...pick(doc, ['code', 'name', 'kind', 'category', 'placeCode', 'employer', 'plannedHoursPerMonth', 'startDate', 'endDate']), payPerMonth: Number(doc.payPerMonthFen) / 100 };
      return id === docId.post(String(doc.placeCode), String(doc.code)) || id === legacyId.post(String(doc.code)) ? formProblem(postSaveSchema, form) : idProblem;
    }
    case 'training':
      if (!trainingIdSchema.safeParse(id).success) return idProblem;
      return formProblem(sessionSaveSchema, pick(doc, ['course', 'provider', 'teachers', 'place', 'startDate', 'endDate', 'timetable', 'plannedTrainees']));
    case 'course':
      return formProblem(courseSaveSchema, pick(doc, ['code', 'occupation', 'level', 'classHours']));
    case 'policy':
      return formProblem(policySaveSchema, pick(doc, ['kind', 'effectiveFrom', 'values']));
    default:
      return formProblem(DOCUMENTS[type].schema, doc);
  }
}
