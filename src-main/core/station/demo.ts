// Realistic fake residents for the demo station and the benchmark: common Shandong surnames
// (with the polyphonic 曾/单/解), valid GB 11643 numbers from the station's county, working ages.
import { idNumberCheckChar } from '../../../shared/id/idNumber';
import type { ResidentRegisterInput, TargetGroup } from '../../../shared/residents/schema';
import {
  CARE_CATEGORIES,
  EDUCATION_LEVELS,
  HARDSHIP_CATEGORIES,
  UNEMPLOYMENT_TYPES,
} from '../../../shared/residents/schema';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文单解';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂玉华建国志红梅海燕鹏飞宇浩然子涵欣怡晨阳雪琳佳俊凯鑫瑞博文淑珍秀兰凤春';
const STREETS = ['东街', '西街', '南街', '北街', '前街', '后街', '中心街', '新村路'];
const JOBS = ['保洁', '家政服务', '电焊工', '叉车司机', '厨师', '电商客服', '养老护理员', '农业机械操作', '快递分拣', '月嫂'];
const SKILLS = ['驾驶（C1）', '电工', '面点', '缝纫', '育婴', '农机维修', '电脑操作', ''];
const TRAININGS = ['养老护理', '电工', '中式面点', '电子商务', '育婴员', ''];

/** A small deterministic PRNG (mulberry32), so the same seed gives the same station. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export interface FakeResidentOptions {
  /** The station's 12-digit place code; its county is the ID numbers' address code. */
  placeCode: string;
  today: string;
  seed?: number;
}

/** Yields `count` distinct valid registrations. */
export function* fakeResidents(count: number, options: FakeResidentOptions): Generator<ResidentRegisterInput> {
  const random = prng(options.seed ?? 1);
  const county = options.placeCode.slice(0, 6);
  const year = Number(options.today.slice(0, 4));
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    let idNumber = '';
    let birthDate = '';
    let male = true;
    do {
      // Ages 20 to 54 today (at least 17 when registered up to three years ago): inside working
      // age for both sexes under the default retirement rules.
      const by = year - 20 - Math.floor(random() * 35);
      const bm = 1 + Math.floor(random() * 12);
      const bd = 1 + Math.floor(random() * 28);
      const seq = Math.floor(random() * 1000);
      male = seq % 2 === 1;
      const first17 = `${county}${by}${pad(bm, 2)}${pad(bd, 2)}${pad(seq, 3)}`;
      idNumber = first17 + idNumberCheckChar(first17);
      birthDate = `${by}-${pad(bm, 2)}-${pad(bd, 2)}`;
    } while (seen.has(idNumber));
    seen.add(idNumber);
    const givenLength = random() < 0.7 ? 2 : 1;
    let name = pick(random, [...SURNAMES]);
    for (let g = 0; g < givenLength; g++) name += pick(random, [...GIVEN]);
    const groups = new Set<TargetGroup>();
    const age = year - Number(birthDate.slice(0, 4));
    if (age <= 26 && random() < 0.6) groups.add('graduate');
    if (random() < 0.45) groups.add('migrantWorker');
    if (random() < 0.25) groups.add('flexibleEmployment');
    if (male && random() < 0.06) groups.add('veteran');
    const care = new Set<(typeof CARE_CATEGORIES)[number]>();
    if (random() < 0.2) {
      groups.add('keyCare');
      if (!male) care.add('women');
      if (random() < 0.3) care.add('disabled');
      if (age >= 45 && random() < 0.5) care.add('elderly');
      if (random() < 0.4 || care.size === 0) care.add('hardToEmploy');
    }
    const registeredYearAgo = Math.floor(random() * 3);
    const date = `${year - registeredYearAgo}-${pad(1 + Math.floor(random() * (registeredYearAgo ? 12 : Number(options.today.slice(5, 7)))), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
    const registrationDate = date > options.today ? options.today : date;
    const roll = random();
    const common = {
      jobIntention: pick(random, JOBS),
      trainingIntention: pick(random, TRAININGS),
      serviceNeeds: random() < 0.5 ? '职业介绍' : '职业指导',
    };
    const registration: ResidentRegisterInput['registration'] =
      roll < 0.6
        ? { kind: 'jobSeeking', date: registrationDate, ...common }
        : roll < 0.9
          ? { kind: 'unemployment', date: registrationDate, unemploymentType: pick(random, UNEMPLOYMENT_TYPES), unemployedSince: registrationDate, ...common }
          : {
              kind: 'hardship',
              date: registrationDate,
              hardshipCategories: [pick(random, HARDSHIP_CATEGORIES)],
              familyMembers: [{ name: pick(random, [...SURNAMES]) + pick(random, [...GIVEN]) + pick(random, [...GIVEN]), relation: '配偶', workStatus: '务农' }],
              reason: '家庭收入低，本人长期失业',
            };
    yield {
      idNumber,
      name,
      phone: `1${pick(random, ['3', '5', '7', '8', '9'])}${pad(Math.floor(random() * 1e9), 9)}`,
      householdType: random() < 0.8 ? 'agricultural' : 'nonAgricultural',
      address: `${pick(random, STREETS)}${1 + Math.floor(random() * 200)}号`,
      education: pick(random, EDUCATION_LEVELS.slice(1, 7)),
      skills: pick(random, SKILLS),
      employmentCertificateNo: '',
      targetGroups: [...groups],
      careCategories: [...care],
      registration,
    };
  }
}
