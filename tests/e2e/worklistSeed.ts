// What the 待办 e2e tests seed: people registered unemployed `daysAgo` days before today, on a core
// whose clock is set back that far (as if the station had been in use since), never contacted.
import { Core, type Session } from '../../src-main/core/core';
import { idNumber, registration } from '../../src-main/core/testing/fixtures';

export const DAY = 86_400_000;

/** A day as the station (local time) names it. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Registers each name as unemployed (ID numbers from `seq` on) on the registration day `date`. */
export async function registerUnemployed(core: Core, session: Session, names: readonly string[], seq: number, date: string): Promise<void> {
  for (const [i, name] of names.entries()) {
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19800101', String(seq + i)), name, registration: { kind: 'unemployment', date, unemploymentType: 'lostJob', unemployedSince: date } }));
  }
}

/** `count` distinct two-character names (王伟, 李伟, … 吴洋): up to 100, for a rule longer than a page. */
export function manyNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${'王李张刘陈杨赵黄周吴'[i % 10]}${'伟芳娜敏静丽强磊军洋'[Math.floor(i / 10) % 10]}`);
}
