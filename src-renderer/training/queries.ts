// Query keys and hooks of the training screens: one place, so a save, an enrolment or a sign-in
// refreshes what it changed.

import { useQuery } from '@tanstack/react-query';
import type { HalfDay } from '../../shared/training/schema';
import { leye } from '../bridge';

export const trainingKeys = {
  all: ['training'] as const,
  list: ['training', 'list'] as const,
  session: (sessionId: string) => ['training', 'session', sessionId] as const,
  attendance: (sessionId: string) => ['training', 'attendance', sessionId] as const,
  /** Every slot's sign-ins of a session. */
  signInsOf: (sessionId: string) => ['training', 'signIns', sessionId] as const,
  signIns: (sessionId: string, date: string, half: HalfDay) => ['training', 'signIns', sessionId, date, half] as const,
};

/** The station's sessions (the training list, the export's choices). */
export function useTrainingSessions() {
  return useQuery({ queryKey: trainingKeys.list, queryFn: () => leye.call('training.list', {}) });
}

/** A session with its trainees. */
export function useTrainingSession(sessionId: string) {
  return useQuery({ queryKey: trainingKeys.session(sessionId), queryFn: () => leye.call('training.get', { sessionId }), staleTime: 5_000 });
}

/** Attendance rates of a session; sign-ins arrive from the classroom screen, so always current. */
export function useSessionAttendance(sessionId: string) {
  return useQuery({
    queryKey: trainingKeys.attendance(sessionId),
    queryFn: () => leye.call('training.attendance', { sessionId }),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

export function useSignIns(sessionId: string, date: string, half: HalfDay) {
  return useQuery({
    queryKey: trainingKeys.signIns(sessionId, date, half),
    queryFn: () => leye.call('training.signIns', { sessionId, date, half }),
    staleTime: 0,
  });
}
