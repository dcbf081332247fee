// Query keys and hooks of the recruitment screens, and the small form helper they share: the
// core's refusal put on the fields it names (the rest shown above the buttons).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { OpeningDetail } from '../../shared/recruitment/contract';
import { toLeyeError } from '../../shared/rpc/client';
import { leye } from '../bridge';
import { issuesOf, issueText } from '../errors';
import { postKeys } from '../posts/queries';

export const recruitmentKeys = {
  all: ['recruitment'] as const,
  list: (postId: string) => ['recruitment', 'list', postId] as const,
  one: (openingId: string) => ['recruitment', 'get', openingId] as const,
};

export function useOpenings(postId: string) {
  return useQuery({ queryKey: recruitmentKeys.list(postId), queryFn: () => leye.call('recruitment.list', { postId }) });
}

/** One opening, read again whenever its screen opens (an assignment on the post's page changes it). */
export function useOpening(openingId: string) {
  return useQuery({ queryKey: recruitmentKeys.one(openingId), queryFn: () => leye.call('recruitment.get', { openingId }), refetchOnMount: 'always' });
}

/** Labels of the recruitment argument paths, for messages that name their field. */
export const RECRUIT_LABELS: Record<string, string> = {
  places: 'recruitment.places',
  conditions: 'recruitment.conditions',
  windowFrom: 'recruitment.windowFrom',
  windowTo: 'recruitment.windowTo',
  contact: 'recruitment.contact',
  residentId: 'recruitment.applicant',
  date: 'recruitment.date',
  reason: 'recruitment.withdrawReason',
  candidates: 'recruitment.candidates',
  objectionsTo: 'recruitment.objectionsTo',
  by: 'recruitment.objectionBy',
  content: 'recruitment.objectionContent',
};

/** The core's refusal by field (translated), and what names no field of the form. */
export function useFieldErrors(fields: readonly string[]) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string | null>(null);
  return {
    errors,
    other,
    clear: () => {
      setErrors({});
      setOther(null);
    },
    set: (field: string, text: string) => setErrors((e) => ({ ...e, [field]: text })),
    refused: (reason: unknown) => {
      const rpc = toLeyeError(reason).rpc;
      const on: Record<string, string> = {};
      const rest: string[] = [];
      for (const issue of issuesOf(rpc)) {
        const field = issue.field.split('.')[0] ?? '';
        if (fields.includes(field) && !on[field]) on[field] = issueText(t, issue, RECRUIT_LABELS);
        else rest.push(issueText(t, issue, RECRUIT_LABELS));
      }
      setErrors(on);
      setOther(rest.length > 0 ? rest.join(t('posts.issueSeparator')) : null);
    },
  };
}

/** After a change: the opening (its answer), the post's openings and the post (its holders). */
export function useRecruitmentSaved() {
  const client = useQueryClient();
  return (detail: OpeningDetail | null, postId: string) => {
    if (detail) client.setQueryData(recruitmentKeys.one(detail.id), detail);
    void client.invalidateQueries({ queryKey: recruitmentKeys.list(postId) });
    void client.invalidateQueries({ queryKey: postKeys.one(postId) });
  };
}

/** Every opening of the station (the posts list marks the posts recruiting). */
export function useAllOpenings() {
  return useQuery({ queryKey: [...recruitmentKeys.all, 'list'] as const, queryFn: () => leye.call('recruitment.list', {}) });
}
