// The register/edit form's values, and how they become the handler's argument. The form keeps
// every registration kind's fields (switching kind loses nothing); the argument carries only
// the chosen kind's, because the shared schemas are strict.

import type { TFunction } from 'i18next';
import type { Resolver } from 'react-hook-form';
import {
  residentRegisterSchema,
  residentUpdateSchema,
  type CareCategory,
  type EducationLevel,
  type HARDSHIP_CATEGORIES,
  type HouseholdType,
  type RegistrationKind,
  type ResidentRegisterInput,
  type ResidentUpdateInput,
  type TargetGroup,
  type UNEMPLOYMENT_TYPES,
} from '../../shared/residents/schema';
import type { ResidentView } from '../../shared/rpc/handlers';
import { fieldLabelKey } from '../errors';
import { issuesResolver, schemaIssues } from '../form/schemaIssues';

type UnemploymentType = (typeof UNEMPLOYMENT_TYPES)[number];
type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number];

export interface FamilyMemberValues {
  name: string;
  relation: string;
  workStatus: string;
}

export interface ResidentFormValues {
  idNumber: string;
  name: string;
  phone: string;
  householdType: HouseholdType | '';
  address: string;
  education: EducationLevel | '';
  skills: string;
  employmentCertificateNo: string;
  targetGroups: TargetGroup[];
  careCategories: CareCategory[];
  registration: {
    kind: RegistrationKind;
    date: string;
    jobIntention: string;
    trainingIntention: string;
    serviceNeeds: string;
    unemploymentType: UnemploymentType | '';
    unemployedSince: string;
    hardshipCategories: HardshipCategory[];
    familyMembers: FamilyMemberValues[];
    reason: string;
  };
}

export function emptyResident(today: string): ResidentFormValues {
  return {
    idNumber: '',
    name: '',
    phone: '',
    householdType: '',
    address: '',
    education: '',
    skills: '',
    employmentCertificateNo: '',
    targetGroups: [],
    careCategories: [],
    registration: {
      kind: 'jobSeeking',
      date: today,
      jobIntention: '',
      trainingIntention: '',
      serviceNeeds: '',
      unemploymentType: '',
      unemployedSince: '',
      hardshipCategories: [],
      familyMembers: [],
      reason: '',
    },
  };
}

/** An existing resident as form values; the phone starts empty (= unchanged), the ID number masked and read-only. */
export function residentToValues(view: ResidentView, today: string): ResidentFormValues {
  const base = emptyResident(today);
  const r = view.registration;
  return {
    idNumber: view.idNumberMasked,
    name: view.name,
    phone: '',
    householdType: view.householdType,
    address: view.address,
    education: view.education,
    skills: view.skills,
    employmentCertificateNo: view.employmentCertificateNo,
    targetGroups: [...view.targetGroups],
    careCategories: [...view.careCategories],
    registration: {
      ...base.registration,
      kind: r.kind,
      date: r.date,
      ...(r.kind === 'hardship'
        ? { hardshipCategories: [...r.hardshipCategories], familyMembers: r.familyMembers.map((m) => ({ ...m })), reason: r.reason }
        : { jobIntention: r.jobIntention, trainingIntention: r.trainingIntention, serviceNeeds: r.serviceNeeds }),
      ...(r.kind === 'unemployment' ? { unemploymentType: r.unemploymentType, unemployedSince: r.unemployedSince } : {}),
    },
  };
}

function registrationPayload(r: ResidentFormValues['registration']) {
  switch (r.kind) {
    case 'jobSeeking':
      return { kind: r.kind, date: r.date, jobIntention: r.jobIntention, trainingIntention: r.trainingIntention, serviceNeeds: r.serviceNeeds };
    case 'unemployment':
      return {
        kind: r.kind,
        date: r.date,
        // An unchosen option goes as undefined, so the schema says "required" rather than "invalid".
        unemploymentType: r.unemploymentType || undefined,
        unemployedSince: r.unemployedSince,
        jobIntention: r.jobIntention,
        trainingIntention: r.trainingIntention,
        serviceNeeds: r.serviceNeeds,
      };
    case 'hardship':
      return {
        kind: r.kind,
        date: r.date,
        hardshipCategories: r.hardshipCategories,
        familyMembers: r.familyMembers.map((m) => ({ name: m.name, relation: m.relation, workStatus: m.workStatus })),
        reason: r.reason,
      };
  }
}

function commonPayload(v: ResidentFormValues) {
  return {
    name: v.name,
    householdType: v.householdType || undefined,
    address: v.address,
    education: v.education || undefined,
    skills: v.skills,
    employmentCertificateNo: v.employmentCertificateNo,
    targetGroups: v.targetGroups,
    // Sub-categories only mean something under 'key care'; unticking it drops them.
    careCategories: v.targetGroups.includes('keyCare') ? v.careCategories : [],
    registration: registrationPayload(v.registration),
  };
}

export function toRegisterArgs(v: ResidentFormValues): ResidentRegisterInput {
  return { idNumber: v.idNumber, phone: v.phone, ...commonPayload(v) } as ResidentRegisterInput;
}

export function toUpdateArgs(v: ResidentFormValues, id: string, rev: string): ResidentUpdateInput {
  const phone = v.phone.trim();
  return { id, rev, ...(phone ? { phone } : {}), ...commonPayload(v) } as ResidentUpdateInput;
}

export type FormMode = { kind: 'register' } | { kind: 'edit'; id: string; rev: string };

/** Validates the form with the schema of its mode, as the core will. */
export function residentResolver(mode: FormMode, t: TFunction): Resolver<ResidentFormValues> {
  return issuesResolver((values) =>
    mode.kind === 'register'
      ? schemaIssues(residentRegisterSchema, toRegisterArgs(values), t, RESIDENT_LABELS)
      : schemaIssues(residentUpdateSchema, toUpdateArgs(values, mode.id, mode.rev), t, RESIDENT_LABELS),
  );
}

const RESIDENT_LABELS = { labelOf: (t: TFunction, path: string) => t(fieldLabelKey(path)) };
