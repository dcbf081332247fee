// People by name: records keep who did something as a login name ("wangxy"); a screen shows the
// person's display name ("王小云") from the station's accounts in the status. A login the station
// does not know (another station's account, in a relay copy) is shown as it is.
import { useCallback } from 'react';
import { useStationStatus } from '../station/queries';
import { personName } from './personName';

/** `name(login)`: the display name of a station account. */
export function usePersonName(): (login: string) => string {
  const people = useStationStatus().data?.people;
  return useCallback((login: string) => personName(people, login), [people]);
}
