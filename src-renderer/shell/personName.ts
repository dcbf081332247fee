// A login's display name from the station's accounts (`people`: login → display name); a login
// the station does not know is shown as it is. Own keys only: a login named like a key every
// object has (`constructor`, `toString`) is a name like any other.
export function personName(people: Readonly<Record<string, string>> | undefined, login: string): string {
  return (login && people && Object.hasOwn(people, login) ? people[login] : undefined) || login;
}
