/**
 * The people of the demo's inspected unit, a township (石桥镇) of a fictional county, where the
 * four matters of the demo meet: the 中心学校's 营养餐, 低保 in the villages, the town's road and
 * water projects, and its 公车. Every name and event is invented.
 */

export const COUNTY = '清河县';
/** The team and the round of the demo case (its 底稿编号 read [year]4巡-3组-NN号 from them). */
export const DEMO_TEAM = '县委第三巡察组';
export const DEMO_ROUND = '十五届县委第四轮';
export const TOWN = '石桥镇';
/** The villages of the town that the demo's records are about. */
export const DEMO_VILLAGES = ['东风村', '杨家湾村', '三合村', '柳树村'] as const;

/** What a record is about; an interview takes up one or more of these. */
export type Theme = 'meals' | 'dibao' | 'projects' | 'cars' | 'party';

/** Tags and focus areas (shared/domain/focus.ts) a record about a theme carries. */
export const THEME_TAGS: Readonly<Record<Theme, readonly string[]>> = {
  meals: ['营养餐'],
  dibao: ['低保'],
  projects: ['工程项目'],
  cars: ['公车管理'],
  party: ['三重一大'],
};
export const THEME_FOCUS: Readonly<Record<Theme, string>> = {
  meals: 'people.welfare',
  dibao: 'people.welfare',
  projects: 'people.projects',
  cars: 'people.eightRules',
  party: 'party.responsibility',
};
/** 谈话提纲要点 for each theme. */
export const THEME_TOPICS: Readonly<Record<Theme, readonly string[]>> = {
  meals: ['营养改善计划资金管理使用', '营养餐配送企业选定', '食材验收和陪餐制度'],
  dibao: ['低保对象认定和动态管理', '低保民主评议和公示', '低保金发放'],
  projects: ['工程项目招投标', '工程变更和资金支付', '工程质量'],
  cars: ['公务用车管理使用', '加油卡和车辆维修管理'],
  party: ['“三重一大”集体决策', '上轮巡察整改落实', '全面从严治党主体责任'],
};

export type RoleKey =
  | 'secretary'
  | 'mayor'
  | 'deputySecretary'
  | 'disciplineSecretary'
  | 'viceMayor'
  | 'viceMayorBuild'
  | 'officeDirector'
  | 'driver'
  | 'financeHead'
  | 'accountant'
  | 'welfareDirector'
  | 'buildDirector'
  | 'principal'
  | 'logistics'
  | 'canteen'
  | 'teacher'
  | 'parent'
  | 'villageSecretary'
  | 'villageAccountant'
  | 'villager'
  | 'retired';

export interface Role {
  /** 单位, with {village} for people of a village. */
  readonly unit: string;
  readonly title: string;
  readonly political: string;
  readonly themes: readonly Theme[];
  /** How they introduce themselves when asked about their work. */
  readonly intro: readonly string[];
}

const member = '中共党员';
const mass = '群众';

export const ROLES: Readonly<Record<RoleKey, Role>> = {
  secretary: {
    unit: `${TOWN}党委`,
    title: '党委书记',
    political: member,
    themes: ['party', 'projects', 'cars'],
    intro: [
      '我是{year}年到石桥镇任党委书记的，主持党委全面工作。之前在县发改局当副局长。',
      '我主持镇党委全面工作，是全面从严治党的第一责任人，到石桥镇工作已经{years}年了。',
    ],
  },
  mayor: {
    unit: `${TOWN}人民政府`,
    title: '党委副书记、镇长',
    political: member,
    themes: ['projects', 'cars', 'party'],
    intro: [
      '我是党委副书记、镇长，主持政府全面工作，分管财政和重点项目。',
      '我{year}年任镇长，主要抓经济发展和项目建设，财政所归我分管。',
    ],
  },
  deputySecretary: {
    unit: `${TOWN}党委`,
    title: '党委副书记',
    political: member,
    themes: ['party', 'dibao'],
    intro: ['我是党委专职副书记，分管党建、组织和宣传工作，联系{village}。'],
  },
  disciplineSecretary: {
    unit: `${TOWN}纪委`,
    title: '党委委员、纪委书记',
    political: member,
    themes: ['party', 'dibao', 'cars'],
    intro: ['我是镇纪委书记，负责纪检监察工作，{year}年从县纪委监委派驻到石桥镇。'],
  },
  viceMayor: {
    unit: `${TOWN}人民政府`,
    title: '党委委员、副镇长',
    political: member,
    themes: ['dibao', 'meals'],
    intro: ['我是副镇长，分管民政、教育和卫生健康工作，社会事务办归我管。'],
  },
  viceMayorBuild: {
    unit: `${TOWN}人民政府`,
    title: '副镇长',
    political: member,
    themes: ['projects'],
    intro: ['我是副镇长，分管村镇建设、交通和水利，村镇建设服务中心归我管。'],
  },
  officeDirector: {
    unit: `${TOWN}党政综合办公室`,
    title: '主任',
    political: member,
    themes: ['cars', 'party'],
    intro: ['我是党政综合办公室主任，负责文秘、机关后勤和公务用车管理。'],
  },
  driver: {
    unit: `${TOWN}党政综合办公室`,
    title: '驾驶员',
    political: mass,
    themes: ['cars'],
    intro: ['我是镇政府聘用的驾驶员，在镇里开车已经{years}年了。'],
  },
  financeHead: {
    unit: `${TOWN}财政所`,
    title: '所长',
    political: member,
    themes: ['projects', 'cars', 'dibao'],
    intro: ['我是财政所所长，负责全镇财政收支，还有村级财务的代理记账。'],
  },
  accountant: {
    unit: `${TOWN}财政所`,
    title: '会计',
    political: mass,
    themes: ['cars', 'projects'],
    intro: ['我是财政所的会计，负责镇机关的记账和报账审核，干了{years}年了。'],
  },
  welfareDirector: {
    unit: `${TOWN}社会事务办公室`,
    title: '主任',
    political: member,
    themes: ['dibao'],
    intro: ['我是社会事务办主任，负责民政、低保、特困供养和临时救助这些工作。'],
  },
  buildDirector: {
    unit: `${TOWN}村镇建设服务中心`,
    title: '主任',
    political: member,
    themes: ['projects'],
    intro: ['我是村镇建设服务中心主任，负责镇村工程项目的组织实施和现场管理。'],
  },
  principal: {
    unit: `${TOWN}中心学校`,
    title: '校长',
    political: member,
    themes: ['meals'],
    intro: [
      '我{year}年任石桥镇中心学校校长，学校现有学生{students}人，教职工{staff}人，另外管着两所村小和一个教学点。',
    ],
  },
  logistics: {
    unit: `${TOWN}中心学校`,
    title: '后勤主任',
    political: member,
    themes: ['meals'],
    intro: ['我是中心学校后勤主任，负责食堂、营养餐和学校的物资采购。'],
  },
  canteen: {
    unit: `${TOWN}中心学校`,
    title: '食堂管理员',
    political: mass,
    themes: ['meals'],
    intro: ['我在学校食堂当管理员，负责食材验收和出入库登记，干了{years}年了。'],
  },
  teacher: {
    unit: '柳树村小学',
    title: '教师',
    political: mass,
    themes: ['meals'],
    intro: ['我在柳树村小学教语文，当班主任，班上有二十几个学生，一半是留守儿童。'],
  },
  parent: {
    unit: '{village}',
    title: '学生家长',
    political: mass,
    themes: ['meals'],
    intro: ['我是{village}的，孩子在柳树村小学读四年级，平时在学校吃营养餐。'],
  },
  villageSecretary: {
    unit: '{village}',
    title: '党支部书记、村委会主任',
    political: member,
    themes: ['dibao', 'projects'],
    intro: ['我是{village}党支部书记、村委会主任，在村里干了{years}年了。'],
  },
  villageAccountant: {
    unit: '{village}',
    title: '报账员',
    political: member,
    themes: ['dibao'],
    intro: ['我是{village}的报账员，负责村里的账目，低保、补贴的发放也是我登记。'],
  },
  villager: {
    unit: '{village}',
    title: '村民',
    political: mass,
    themes: ['dibao', 'projects'],
    intro: ['我是{village}的村民，家里种了几亩地，平时在镇上打零工。'],
  },
  retired: {
    unit: TOWN,
    title: '退休干部',
    political: member,
    themes: ['projects', 'party'],
    intro: ['我是镇里的退休干部，退休前在财政所工作了二十多年。'],
  },
};
