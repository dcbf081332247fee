// Registering an applicant on the spot: the opening's screen remembers itself before it opens the
// registration form; once the person is registered, the form comes back here with them chosen.
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
