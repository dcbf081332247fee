// Realistic data for the printed forms, written through the core host's WebSocket like a second
// window: a village station, a rural post with N holders and a month of daily marks, an
// unemployed resident, a 就业困难 applicant with family, and a training session running today
// with sign-ins. Used by the print end-to-end test and by `npm run bench -- --only print`.
import { idNumberCheckChar } from '../../shared/id/idNumber';
import type { ArgsOf, LeyeBridge } from '../../shared/rpc/handlers';

export const PRINT_VILLAGE = '370102001002';
export const PRINT_CLERK = { loginName: 'printer01', displayName: '孙经办', password: 'Leye-print-2025' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/** Long names on purpose: a Uyghur name with middle dots and a four-character compound surname. */
export const LONG_NAMES = ['买买提艾力·阿卜杜热西提·吐尔逊', '欧阳慕容诸葛明轩'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['建国', '秀英', '桂兰', '志强', '玉梅', '海涛', '凤英', '德胜', '淑珍', '长青', '春花', '永福', '丽华', '宝山', '金凤'];

/** N distinct names, the long ones first. */
export function holderNames(count: number): string[] {
  const names = [...LONG_NAMES];
  for (let i = 0; names.length < count; i++) names.push(`${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`);
  return names.slice(0, count);
}

/** Born 1962–1979 (rural-post age in 2025–2027), distinct sequence numbers, valid check characters. */
export function holderIdNumber(i: number): string {
  return withCheck(`370102${1962 + (i % 18)}${pad((i % 12) + 1)}${pad((i % 27) + 1)}${pad(200 + i, 3)}`);
}

function person(idNumber: string, name: string, i: number, registration: ArgsOf<'residents.register'>['registration'], extra: Partial<ArgsOf<'residents.register'>> = {}): ArgsOf<'residents.register'> {
  return {
    idNumber,
    name,
    phone: `1380531${pad(i, 4)}`,
    householdType: 'agricultural',
    address: `解放桥社区 ${i + 1} 号楼`,
    education: 'juniorHigh',
    targetGroups: ['migrantWorker'],
    registration,
    ...extra,
  };
}

export async function setUpPrintStation(leye: LeyeBridge): Promise<void> {
  await leye.call('station.setup', { placeCode: PRINT_VILLAGE, clerk: PRINT_CLERK });
  await leye.call('auth.login', { loginName: PRINT_CLERK.loginName, password: PRINT_CLERK.password });
}

/** The previous calendar month (local time): every day of it is in the past. */
export function previousMonth(now = new Date()): string {
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${first.getFullYear()}-${pad(first.getMonth() + 1)}`;
}

export interface SeededPost {
  postId: string;
  month: string;
  names: string[];
  idNumbers: string[];
}

/**
 * A rural post with `holders` holders and every day of `month` marked: weekdays present (2 or
 * 1.5 hours), one personal-leave day a week, weekends rest. The last holder starts on the 16th.
 */
export async function seedAttendance(leye: LeyeBridge, month: string, holders: number, today: string): Promise<SeededPost> {
  const post = await leye.call('posts.save', {
    code: 'GY-050',
    name: '解放桥社区环境卫生保洁及绿化管护',
    kind: 'rural',
    category: 'ruralCleaning',
    placeCode: PRINT_VILLAGE,
    employer: { name: '济南市历下区解放路街道办事处', creditCode: '91350100M000100Y43' },
    plannedHoursPerMonth: 40,
    payPerMonth: 1000,
    startDate: '2020-01-01',
    endDate: '2035-12-31',
  });
  const names = holderNames(holders);
  const idNumbers = names.map((_, i) => holderIdNumber(i));
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(y, m, 0).getDate();
  const marks: ArgsOf<'attendance.set'>['marks'] = [];
  for (const [i, name] of names.entries()) {
    const { id } = await leye.call('residents.register', person(idNumbers[i]!, name, i, { kind: 'jobSeeking', date: today }));
    const late = i === holders - 1;
    const startDate = `${month}-${late ? '16' : '01'}`;
    await leye.call('posts.assign', { postId: post.id, residentId: id, startDate, endDate: `${y + 1}-${pad(m)}-01`, contractNo: `HT-${month}-${pad(i, 3)}` });
    for (let d = late ? 16 : 1; d <= days; d++) {
      const date = `${month}-${pad(d)}`;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) marks.push({ residentId: id, date, mark: 'rest' });
      else if ((d + i) % 7 === 0) marks.push({ residentId: id, date, mark: 'personalLeave' });
      else if ((d * 3 + i) % 23 === 0) marks.push({ residentId: id, date, mark: 'absent' });
      else marks.push({ residentId: id, date, mark: 'present', hours: i % 3 === 0 ? 1.5 : 2 });
    }
  }
  for (let from = 0; from < marks.length; from += 1000) await leye.call('attendance.set', { postId: post.id, marks: marks.slice(from, from + 1000) });
  return { postId: post.id, month, names, idNumbers };
}

export interface SeededResidents {
  unemployed: { id: string; name: string; idNumber: string; address: string };
  hardship: { id: string; name: string; idNumber: string; address: string; family: string[] };
}

export async function seedResidents(leye: LeyeBridge, today: string): Promise<SeededResidents> {
  const unemployedId = withCheck('37010219850312404');
  const address = '济南市历下区解放路街道解放桥社区和平路 28 号院 3 号楼 2 单元 501 室（原济南第二机床厂宿舍）';
  const unemployed = await leye.call(
    'residents.register',
    person(unemployedId, '阿依古丽·买买提', 900, { kind: 'unemployment', date: today, unemploymentType: 'lostJob', unemployedSince: '2025-06-30', jobIntention: '仓储物流、超市理货', trainingIntention: '叉车司机', serviceNeeds: '希望就近就业，能照顾老人' }, { address, skills: '驾驶（C1 驾照）、收银' }),
  );
  const hardshipId = withCheck('37010219740521402');
  const family = ['李建国', '李思远', '王秀兰'];
  const hardship = await leye.call(
    'residents.register',
    person(
      hardshipId,
      '李桂兰',
      901,
      {
        kind: 'hardship',
        date: today,
        hardshipCategories: ['olderUnemployed', 'zeroEmploymentFamily'],
        familyMembers: [
          { name: family[0]!, relation: '配偶', workStatus: '失业' },
          { name: family[1]!, relation: '儿子', workStatus: '在校学生' },
          { name: family[2]!, relation: '母亲', workStatus: '无劳动能力' },
        ],
        reason: '本人原为企业职工，2024 年企业关闭后一直未能就业，配偶同时失业，家庭无人就业，生活困难，特申请认定为就业困难人员。',
      },
      { targetGroups: ['keyCare'], careCategories: ['hardToEmploy', 'women'], address: '解放桥社区东区 7 号楼 1 单元 302 室' },
    ),
  );
  return {
    unemployed: { id: unemployed.id, name: '阿依古丽·买买提', idNumber: unemployedId, address },
    hardship: { id: hardship.id, name: '李桂兰', idNumber: hardshipId, address: '解放桥社区东区 7 号楼 1 单元 302 室', family },
  };
}

export interface SeededSession {
  sessionId: string;
  date: string;
  half: 'am' | 'pm';
  names: string[];
  idNumbers: string[];
  signedIn: number;
}

/** A session today whose two half-days cover the whole day, `trainees` enrolled, two thirds signed in now. */
export async function seedTraining(leye: LeyeBridge, today: string, trainees: number): Promise<SeededSession> {
  const session = await leye.call('training.save', {
    course: { occupation: '养老护理员', level: 'level5' },
    provider: { name: '济南市历下区职业技能培训学校', creditCode: '91350100M000100Y43' },
    teachers: ['王老师', '张老师'],
    place: '解放桥社区党群服务中心二楼培训室',
    startDate: today,
    endDate: today,
    timetable: [
      { date: today, half: 'am', start: '00:00', end: '12:00', classHours: 4 },
      { date: today, half: 'pm', start: '12:00', end: '23:59', classHours: 4 },
    ],
    plannedTrainees: trainees,
  });
  const half = new Date().getHours() < 12 ? 'am' : 'pm';
  const names = holderNames(trainees + 2).slice(2).map((n, i) => (i === 0 ? LONG_NAMES[0]! : n));
  const idNumbers = names.map((_, i) => withCheck(`370102${1980 + (i % 20)}${pad((i % 12) + 1)}${pad((i % 27) + 1)}${pad(600 + i, 3)}`));
  let signedIn = 0;
  for (const [i, name] of names.entries()) {
    await leye.call('residents.register', person(idNumbers[i]!, name, 500 + i, { kind: 'jobSeeking', date: today }));
    await leye.call('training.enrol', { sessionId: session.id, idNumber: idNumbers[i]! });
    if (i % 3 !== 2) {
      await leye.call('training.signIn', { sessionId: session.id, date: today, half, method: 'typedId', idNumber: idNumbers[i]! });
      signedIn += 1;
    }
  }
  return { sessionId: session.id, date: today, half, names, idNumbers, signedIn };
}
