// Hand-overs between screens, once each: registering an applicant on the spot (the opening's
// screen remembers itself, the form comes back with the person chosen), and placing a candidate.
import { navigate, type Route } from '../route';

const KEY = 'leye.recruitment.returnTo';
const CHOSEN = 'leye.recruitment.registered';

/** Opens the registration form, to come back to `route` afterwards. */
export function registerThenReturn(route: Route): void {
  sessionStorage.setItem(KEY, JSON.stringify(route));
  navigate({ name: 'register' });
}

/** Called by the registration form once saved: true when it went back to an opening (with the person). */
export function returnAfterRegistration(residentId: string): boolean {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return false;
  sessionStorage.removeItem(KEY);
  sessionStorage.setItem(CHOSEN, residentId);
  navigate(JSON.parse(stored) as Route);
  return true;
}

/** The person just registered for this screen's application form (once), or ''. */
export function takeRegistered(): string {
  const id = sessionStorage.getItem(CHOSEN) ?? '';
  sessionStorage.removeItem(CHOSEN);
  return id;
}

// Placing a candidate of an ended 公示: the opening's screen hands the person (and the first day
// they may start) to the post's assign card, which opens with them chosen, once.
const CANDIDATE = 'leye.recruitment.candidate';

/** What the assign card of a post is handed: the candidate, and the earliest sensible start (the day after the 公示). */
export interface HandedCandidate {
  postId: string;
  residentId: string;
  startFrom: string;
}

/** Opens the post's page with its assign card holding the candidate. */
export function assignCandidate(candidate: HandedCandidate): void {
  sessionStorage.setItem(CANDIDATE, JSON.stringify(candidate));
  navigate({ name: 'post', id: candidate.postId });
}

/** The candidate handed to this post's assign card, or null (read without taking it: see `dropCandidate`). */
export function handedCandidate(postId: string): HandedCandidate | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(CANDIDATE) ?? 'null') as HandedCandidate | null;
    return stored && stored.postId === postId && typeof stored.residentId === 'string' ? stored : null;
  } catch {
    return null;
  }
}

/** Taken once: the assign card drops it as soon as it holds the candidate (a later visit starts blank). */
export function dropCandidate(): void {
  sessionStorage.removeItem(CANDIDATE);
}
