import { type Prng } from '../prng';

/** The eight agents of the captures, then generated `<pinyin> <汉字>` names. */
const CAPTURE_AGENTS = [
  'Wang Fang 王芳',
  'Li Wei 李伟',
  'Zhang Min 张敏',
  'Chen Jie 陈杰',
  'Liu Yang 刘洋',
  'Zhou Na 周娜',
  'Wu Lei 吴磊',
  'Xu Jing 徐静',
];

const SURNAMES: ReadonlyArray<[string, string]> = [
  ['Wang', '王'],
  ['Li', '李'],
  ['Zhang', '张'],
  ['Liu', '刘'],
  ['Chen', '陈'],
  ['Yang', '杨'],
  ['Huang', '黄'],
  ['Zhao', '赵'],
  ['Wu', '吴'],
  ['Zhou', '周'],
  ['Xu', '徐'],
  ['Sun', '孙'],
  ['Ma', '马'],
  ['Zhu', '朱'],
  ['Hu', '胡'],
  ['Guo', '郭'],
  ['He', '何'],
  ['Lin', '林'],
  ['Gao', '高'],
  ['Luo', '罗'],
  ['Zheng', '郑'],
  ['Liang', '梁'],
  ['Xie', '谢'],
];

const GIVEN: ReadonlyArray<[string, string]> = [
  ['Fang', '芳'],
  ['Wei', '伟'],
  ['Min', '敏'],
  ['Jie', '杰'],
  ['Yang', '洋'],
  ['Na', '娜'],
  ['Lei', '磊'],
  ['Jing', '静'],
  ['Li', '丽'],
  ['Qiang', '强'],
  ['Jun', '军'],
  ['Yan', '燕'],
  ['Tao', '涛'],
  ['Ming', '明'],
  ['Chao', '超'],
  ['Xiuying', '秀英'],
  ['Hui', '慧'],
  ['Bo', '波'],
  ['Hong', '红'],
  ['Ping', '平'],
  ['Gang', '刚'],
  ['Xin', '欣'],
  ['Yu', '宇'],
  ['Hao', '浩'],
];

/** Name of the agent with this 0-based index; fixed per index, whatever the seed. */
export function agentName(index: number): string {
  if (index < CAPTURE_AGENTS.length) return CAPTURE_AGENTS[index];
  const [sp, sh] = SURNAMES[(index * 7) % SURNAMES.length];
  const [gp, gh] = GIVEN[(index * 11 + Math.floor(index / GIVEN.length)) % GIVEN.length];
  return `${sp} ${gp} ${sh}${gh}`;
}

export function agentExtension(index: number): string {
  return String(1001 + index);
}

const CALLER_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['', 35],
  ['张先生', 10],
  ['王小姐', 10],
  ['孙女士', 8],
  ['李先生', 8],
  ['刘女士', 6],
  ['ACME Ltd', 8],
  ['Mr. Smith', 5],
  ['Ms. Garcia', 5],
  ['陈总', 5],
];

/** A Chinese mobile number, 11 digits (`13x`, `15x`, `17x`, `18x`). */
export function mobileNumber(prng: Prng): string {
  const prefix = prng.pick(['13', '15', '17', '18']);
  let rest = '';
  for (let i = 0; i < 9; i += 1) rest += String(prng.int(0, 9));
  return prefix + rest;
}

export function callerName(prng: Prng): string {
  return prng.weighted(CALLER_NAMES);
}
