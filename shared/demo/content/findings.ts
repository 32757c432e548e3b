/**
 * The problems the demo's team finds (发现问题) and the clues it registers (问题线索), written
 * the way a 问题底稿 states them: what happened, which rule it breaks, whose responsibility.
 * Each rests on facts (`about`) that interviews, document reviews and visits state.
 */
import type { CLUE_PROPOSALS, CLUE_SOURCES } from '../../domain/findings/clue.schema';
import type { SEVERITIES } from '../../domain/findings/finding.schema';
import type { RoleKey, Theme } from './cast';
import type { Fact } from './talks';

export interface FindingTemplate {
  readonly theme: Theme;
  readonly about: readonly Fact[];
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly severity: (typeof SEVERITIES)[number];
  readonly persons: readonly RoleKey[];
  readonly departments: readonly string[];
  /** Money involved, in 万元: [min, max]; absent when none is stated. */
  readonly amount?: readonly [number, number];
}

export const FINDINGS: readonly FindingTemplate[] = [
  {
    theme: 'meals',
    about: ['mealsMisuse'],
    title: '中心学校挤占挪用营养改善计划资金',
    description:
      '经查，{lastYear}年石桥镇中心学校从营养改善计划资金中列支食堂临时工工资、办公桌椅等费用，违反营养改善计划资金专款专用的规定。校长{@principal}负主要领导责任，后勤主任{@logistics}负直接责任。',
    category: 'people.welfare',
    severity: 'serious',
    persons: ['principal', 'logistics'],
    departments: ['石桥镇中心学校'],
    amount: [3, 9],
  },
  {
    theme: 'dibao',
    about: ['dibaoAssets'],
    title: '低保对象认定把关不严，“有车有房”人员享受低保',
    description:
      '经查，县民政局推送的比对疑点中，石桥镇有多户低保对象家庭成员名下有车辆或商品房，村级核实意见简单写“车辆为子女所有”，镇社会事务办未入户核查即予保留。例如，{village}一户低保户新建两层楼房、院内停放小轿车，至今仍在享受低保。',
    category: 'people.welfare',
    severity: 'serious',
    persons: ['welfareDirector'],
    departments: ['石桥镇社会事务办公室'],
    amount: [2, 6],
  },
  {
    theme: 'projects',
    about: ['projSplit'],
    title: '通村公路项目拆分规避公开招标，涉嫌串通投标',
    description:
      '经查，杨家湾村至三合村通村公路硬化工程被拆分为三个标段，单个标段均低于公开招标限额，三个标段均由清河县宏达建筑工程有限公司中标；参与比选的三家单位投标文件格式、错别字完全一致。违反《中华人民共和国招标投标法》关于不得将依法必须进行招标的项目化整为零规避招标的规定。',
    category: 'people.projects',
    severity: 'grave',
    persons: ['viceMayorBuild', 'buildDirector'],
    departments: ['石桥镇村镇建设服务中心'],
    amount: [900, 1100],
  },
  {
    theme: 'cars',
    about: ['carsPrivate'],
    title: '公务用车节假日私用，派车管理不规范',
    description:
      '经查，{lastYear}年国庆节假日期间，镇政府公务用车出车多次均无派车单，其中一辆连续数日停放在党政办主任家所在小区；派车单多张未填写用车事由。违反中央八项规定精神和公务用车管理规定。',
    category: 'people.eightRules',
    severity: 'serious',
    persons: ['officeDirector'],
    departments: ['石桥镇党政综合办公室'],
  },
  {
    theme: 'meals',
    about: ['mealsPortion'],
    title: '营养餐供餐分量不足，公示菜单与实际不符',
    description:
      '“四不两直”走访发现，中心学校营养餐实际供应与公示菜单不一致，肉类分量明显不足，学生反映吃不饱；食材验收不过秤、事后补签，出入库数量与验收数量不符。',
    category: 'people.welfare',
    severity: 'general',
    persons: ['logistics'],
    departments: ['石桥镇中心学校'],
  },
  {
    theme: 'projects',
    about: ['projPay'],
    title: '结算审计未完成即超比例支付工程款',
    description:
      '经查，通村公路项目结算审计尚未完成，镇财政所即按镇长签批支付工程款至合同价的90%，超过合同约定的竣工验收后付款比例，支付审批单未附结算审计报告。',
    category: 'people.projects',
    severity: 'serious',
    persons: ['mayor', 'financeHead'],
    departments: ['石桥镇财政所'],
    amount: [60, 150],
  },
  {
    theme: 'party',
    about: ['partyDecisions'],
    title: '“三重一大”事项会后补记，集体决策流于形式',
    description:
      '经查，{lastYear}年镇党委会议记录中，通村公路追加投资等事项系会后补记，多项议题表决情况只写“一致同意”，未记载班子成员的具体意见。违反“三重一大”事项集体决策制度，党委书记{@secretary}负主要领导责任。',
    category: 'party.responsibility',
    severity: 'serious',
    persons: ['secretary', 'mayor'],
    departments: ['石桥镇党委'],
  },
  {
    theme: 'dibao',
    about: ['dibaoDead'],
    title: '已故人员低保金未及时停发',
    description:
      '经查，与殡葬管理信息比对，有已故人员死亡后仍连续领取低保金数月，镇社会事务办自查后仅追回部分资金。',
    category: 'people.welfare',
    severity: 'general',
    persons: ['welfareDirector'],
    departments: ['石桥镇社会事务办公室'],
    amount: [1, 3],
  },
  {
    theme: 'meals',
    about: ['mealsSupplier'],
    title: '营养餐配送企业未经招标确定',
    description:
      '经查，中心学校营养餐配送企业由学校行政会直接确定，未经招标或比选，合同价格条款约定“按市场价结算”，未明确单价。',
    category: 'people.welfare',
    severity: 'general',
    persons: ['principal'],
    departments: ['石桥镇中心学校'],
  },
  {
    theme: 'projects',
    about: ['projChange'],
    title: '工程变更追加投资未经集体研究',
    description:
      '经查，通村公路项目施工中增加挡土墙和排水沟，追加投资由分管副镇长签字同意，未经党委会集体研究，变更签证在工程完工后补办，缺少监理意见。',
    category: 'people.projects',
    severity: 'serious',
    persons: ['viceMayorBuild'],
    departments: ['石桥镇村镇建设服务中心'],
    amount: [40, 90],
  },
  {
    theme: 'cars',
    about: ['carsFuel'],
    title: '加油卡管理混乱，加油记录与派车记录不符',
    description:
      '经查，一张加油卡长期由驾驶员个人保管使用，年加油金额是同类车辆的两倍，多次在邻县周末加油，当日均无派车记录。',
    category: 'people.eightRules',
    severity: 'general',
    persons: ['driver', 'officeDirector'],
    departments: ['石桥镇党政综合办公室'],
    amount: [1, 4],
  },
  {
    theme: 'party',
    about: ['partyRectify'],
    title: '上一轮巡察反馈问题整改不到位',
    description:
      '经查，上一轮巡察反馈问题整改台账显示全部完成，但多项只附了整改通知，未见整改结果的佐证材料；有的问题只退还资金、未追究责任，存在纸面整改的情况。',
    category: 'rectify.lastRound',
    severity: 'general',
    persons: ['secretary'],
    departments: ['石桥镇党委'],
  },
  {
    theme: 'dibao',
    about: ['dibaoKin', 'dibaoCards'],
    title: '低保民主评议不规范，村干部近亲属享受低保未备案',
    description:
      '经查，{village}低保评议会议只有村两委成员参加，评议结果未公示；村党支部书记近亲属享受低保，未按规定备案；村报账员代管村民银行卡。',
    category: 'people.pettyPower',
    severity: 'serious',
    persons: ['villageSecretary', 'villageAccountant'],
    departments: ['{village}村民委员会'],
  },
];

/** Folded into the 公车 finding by the 组长: two members wrote up the same problem. */
export const DUPLICATE_FINDING: FindingTemplate = {
  theme: 'cars',
  about: ['carsPrivate'],
  title: '驾驶员节假日将公车开回住处',
  description: '驾驶员反映，节假日期间有公务用车被开回个人住处停放，周一早上才开回镇政府。',
  category: 'people.eightRules',
  severity: 'general',
  persons: ['driver'],
  departments: ['石桥镇党政综合办公室'],
};

export interface ClueTemplate {
  readonly theme: Theme;
  readonly about: readonly Fact[];
  readonly subject: RoleKey;
  readonly allegation: string;
  readonly source: (typeof CLUE_SOURCES)[number];
  /** What the 组长 proposes; every proposal but 暂存待查 goes to the county 纪委监委. */
  readonly proposal: (typeof CLUE_PROPOSALS)[number];
  readonly confidentiality: string;
}

export const CLUES: readonly ClueTemplate[] = [
  {
    theme: 'meals',
    about: ['mealsSupplier'],
    subject: 'principal',
    allegation:
      '反映{@principal}利用职务便利，将学校营养餐配送业务交由其妻弟实际经营的清河县鑫源食品配送有限公司承接，未经招标，配送价格高于市场价，涉嫌利益输送。',
    source: 'interview',
    proposal: 'verify',
    confidentiality: '反映人为学校教职工，要求保护身份，谈话记录不外传。',
  },
  {
    theme: 'dibao',
    about: ['dibaoKin', 'dibaoCards'],
    subject: 'villageSecretary',
    allegation:
      '反映{@villageSecretary}在低保评定中优亲厚友，其兄长家有楼房和小轿车仍享受低保；村报账员代管村民银行卡，涉嫌截留低保金。',
    source: 'petition',
    proposal: 'verify',
    confidentiality: '来访人担心被打击报复，请勿向村里透露来访人信息。',
  },
  {
    theme: 'projects',
    about: ['projSplit'],
    subject: 'viceMayorBuild',
    allegation:
      '反映{@viceMayorBuild}在杨家湾村至三合村通村公路项目中，授意将项目拆分为三个标段规避公开招标，三个标段均由同一公司中标，且与该公司负责人来往密切。',
    source: 'docReview',
    proposal: 'verify',
    confidentiality: '',
  },
  {
    theme: 'cars',
    about: ['carsFuel', 'carsPrivate'],
    subject: 'officeDirector',
    allegation:
      '反映{@officeDirector}节假日将公务用车停放在自家小区，其管理的加油卡多次在外县消费且无派车记录，涉嫌公车私用、套取油费。',
    source: 'docReview',
    proposal: 'verify',
    confidentiality: '',
  },
  {
    theme: 'party',
    about: ['partyDecisions'],
    subject: 'mayor',
    allegation:
      '匿名来电反映春节前有工程老板给镇领导送购物卡，结合谈话了解，{@mayor}与中标企业负责人交往过密，线索较笼统，有待进一步了解。',
    source: 'petition',
    proposal: 'hold',
    confidentiality: '来电人匿名，线索较笼统。',
  },
];

/** 定性依据 by category: the short list the demo case keeps, and what its findings cite. */
export const BASIS: Readonly<Record<string, string>> = {
  'people.welfare': '违反《社会救助暂行办法》和惠民资金专款专用、应保尽保、应退尽退的有关规定',
  'people.projects':
    '违反《中华人民共和国招标投标法》第四条“不得将依法必须进行招标的项目化整为零”的规定',
  'people.eightRules': '违反中央八项规定精神和《党政机关公务用车管理办法》的有关规定',
  'people.pettyPower': '违反《农村最低生活保障工作规程》关于村干部近亲属享受低保应当备案的规定',
  'party.responsibility':
    '违反“三重一大”事项集体决策制度和《中国共产党党委（党组）理论学习中心组学习规则》',
  'rectify.lastRound': '违反《中国共产党巡视工作条例》关于巡视巡察整改的要求',
};
