/**
 * Synthetic personal data for 120 incidents. Everything is generated from a seeded PRNG: names from common
 * surnames and given-name characters, full 11-digit mobile numbers and 18-digit resident ID numbers with a
 * valid check digit and the county's area code (331023). They look real on purpose — masking them is the
 * BFF's job — but belong to nobody.
 */
const SURNAMES = [
  '陈',
  '王',
  '张',
  '李',
  '许',
  '徐',
  '林',
  '金',
  '杨',
  '周',
  '吴',
  '郑',
  '胡',
  '潘',
  '范',
  '曹',
  '叶',
  '庞',
  '汤',
  '褚',
  '奚',
  '齐',
  '袁',
  '蒋',
  '裘',
  '丁',
  '梁',
  '姜',
  '卢',
  '戴',
];
const GIVEN_M = [
  '伟',
  '强',
  '军',
  '建',
  '国',
  '明',
  '华',
  '平',
  '志',
  '海',
  '斌',
  '杰',
  '涛',
  '勇',
  '浩',
  '宇',
  '俊',
  '峰',
  '林',
  '鹏',
];
const GIVEN_F = [
  '芳',
  '丽',
  '敏',
  '静',
  '燕',
  '英',
  '红',
  '霞',
  '婷',
  '琴',
  '萍',
  '玲',
  '娟',
  '雪',
  '慧',
  '佳',
  '颖',
  '洁',
  '琳',
  '倩',
];
const MOBILE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '182',
  '187',
  '188',
  '130',
  '131',
  '132',
  '155',
  '156',
  '185',
  '186',
  '133',
  '153',
  '177',
  '180',
  '189',
  '199',
];

function pickFrom<T>(list: readonly T[], u: number): T {
  const v = list[Math.floor(u * list.length)] ?? list[0];
  if (v === undefined) throw new Error('empty list');
  return v;
}

export function fakeName(next: () => number, sex: 'M' | 'F'): string {
  const given = sex === 'M' ? GIVEN_M : GIVEN_F;
  const surname = pickFrom(SURNAMES, next());
  const first = pickFrom(given, next());
  return next() < 0.35 ? `${surname}${first}` : `${surname}${first}${pickFrom(given, next())}`;
}

export function fakeMobile(next: () => number): string {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += String(Math.floor(next() * 10));
  return `${pickFrom(MOBILE_PREFIXES, next())}${tail}`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check digit of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i] ?? '0') * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '0';
}

/** An 18-digit resident ID: area 331023, birth date consistent with age, order code odd for men. */
export function fakeIdNumber(next: () => number, birthYear: number, sex: 'M' | 'F'): string {
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  let order = Math.floor(next() * 500) * 2 + (sex === 'M' ? 1 : 0);
  if (order === 0) order = 2;
  const first17 = `331023${birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(order).padStart(3, '0')}`;
  return `${first17}${idCheckDigit(first17)}`;
}
