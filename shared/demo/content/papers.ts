/**
 * The demo's document reviews (查阅资料), site visits (实地走访) and petitions (信访件), with the
 * same placeholders as talks.ts. `about` names the fact their text shows, for evidence.
 */
import type { DOC_KINDS } from '../../domain/records/docReview.schema';
import type { PETITION_CATEGORIES, PETITION_CHANNELS } from '../../domain/records/petition.schema';
import type { RoleKey, Theme } from './cast';
import type { Fact } from './talks';

export interface DocTemplate {
  readonly theme: Theme;
  readonly about?: Fact;
  readonly title: string;
  readonly kind: (typeof DOC_KINDS)[number];
  readonly sourceDept: string;
  readonly refNo: string;
  /** Which years the document covers. */
  readonly period: 'lastYear' | 'twoYears' | 'thisYear';
  readonly volume: string;
  /** 摘录内容, one line each: evidence cites these. */
  readonly extracts: readonly string[];
  /** 发现与分析. */
  readonly observations: string;
}

export const DOCS: readonly DocTemplate[] = [
  {
    theme: 'meals',
    about: 'mealsMisuse',
    title: '{lastYear}年营养改善计划资金明细账',
    kind: 'ledgers',
    sourceDept: '石桥镇中心学校',
    refNo: '',
    period: 'lastYear',
    volume: '账簿1册，共{n}页',
    extracts: [
      '{lastYear}年{month}月第{n}号凭证，列支“食堂临时工工资”{yuan}元，资金来源为营养改善计划资金。',
      '{lastYear}年{month}月第{n}号凭证，列支“办公桌椅”{yuan}元，附件为家具店收据，无采购审批单。',
      '{lastYear}年营养改善计划资金年末结余{amount}万元，未见结转使用计划。',
    ],
    observations:
      '营养改善计划资金存在列支与学生伙食无关支出的情况，违反专款专用规定。需与后勤主任核实资金垫支的来龙去脉，并查阅学校行政会记录。',
  },
  {
    theme: 'meals',
    about: 'mealsPortion',
    title: '中心学校食堂食材验收记录和出入库台账',
    kind: 'ledgers',
    sourceDept: '石桥镇中心学校食堂',
    refNo: '',
    period: 'thisYear',
    volume: '共2本',
    extracts: [
      '{month}月{day}日验收记录猪肉{n}公斤，同日出库记录为{m}公斤，差额未作说明。',
      '验收人签字栏多处为同一人代签，部分记录的签字日期晚于验收日期。',
    ],
    observations: '食材验收制度执行不严，存在事后补签的情况，出入库数量与验收数量不符。',
  },
  {
    theme: 'meals',
    about: 'mealsSupplier',
    title: '营养餐食材配送服务合同',
    kind: 'contracts',
    sourceDept: '石桥镇中心学校',
    refNo: 'SQZX-{year}-03',
    period: 'twoYears',
    volume: '共{m}页',
    extracts: [
      '甲方为石桥镇中心学校，乙方为清河县鑫源食品配送有限公司，合同期限三年。',
      '合同后未附招标、比选或询价材料，价格条款约定“按市场价结算”，未明确单价。',
    ],
    observations: '配送企业未经招标或比选确定，合同价格条款不明确，需调取企业工商登记信息。',
  },
  {
    theme: 'meals',
    about: 'mealsCount',
    title: '营养改善计划享受学生人数报表',
    kind: 'other',
    sourceDept: '石桥镇中心学校',
    refNo: '',
    period: 'thisYear',
    volume: '共{m}页',
    extracts: [
      '本学期上报享受营养改善计划学生{students}人。',
      '与学籍系统比对，已转出学生{n}人仍在享受名单中。',
    ],
    observations: '上报人数未及时剔除转出学生，存在多报多领营养改善计划资金的风险。',
  },
  {
    theme: 'dibao',
    about: 'dibaoAssets',
    title: '石桥镇{lastYear}年度低保审批档案（抽查）',
    kind: 'other',
    sourceDept: '石桥镇社会事务办公室',
    refNo: '',
    period: 'lastYear',
    volume: '抽查档案{n}份',
    extracts: [
      '抽查{village}低保档案{n}份，其中{m}份缺少入户调查表，{m}份家庭经济状况核对报告未签字。',
      '低保户家庭收入核算表多份为同一笔迹填写，填写日期与评议日期相同。',
    ],
    observations: '低保审核把关不严，入户调查流于形式，家庭收入核算不实。',
  },
  {
    theme: 'dibao',
    about: 'dibaoAssets',
    title: '低保对象与车辆、房产、工商登记信息比对结果',
    kind: 'other',
    sourceDept: '县民政局推送数据',
    refNo: '清民函〔{lastYear}〕{n}号',
    period: 'lastYear',
    volume: '共{m}页',
    extracts: [
      '比对发现石桥镇{m}户低保对象家庭成员名下登记有小型轿车，其中{village}2户。',
      '比对发现{m}户低保对象家庭成员在县城购有商品房。',
    ],
    observations:
      '比对疑点核查不到位，村级核实意见只写“车辆为子女所有”，未按规定核算共同生活家庭成员的财产。',
  },
  {
    theme: 'dibao',
    about: 'dibaoKin',
    title: '{village}低保民主评议会议记录',
    kind: 'minutes',
    sourceDept: '{village}村民委员会',
    refNo: '',
    period: 'twoYears',
    volume: '会议记录本1本',
    extracts: [
      '{lastYear}年{month}月{day}日评议会议记录显示参会人员{m}人，均为村两委成员，无村民代表签名。',
      '评议结果一栏写有“同意上报”，未记载评议过程和表决情况，村党支部书记近亲属的申请未见回避记录。',
    ],
    observations: '民主评议程序不规范，评议结果未见公示记录，村干部近亲属享受低保未备案。',
  },
  {
    theme: 'dibao',
    about: 'dibaoDead',
    title: '低保金社会化发放花名册',
    kind: 'ledgers',
    sourceDept: '石桥镇财政所',
    refNo: '',
    period: 'twoYears',
    volume: '共{n}页',
    extracts: [
      '与殡葬管理信息比对，发现{m}名已故人员在死亡后仍连续领取低保金{n}个月。',
      '{village}有{m}名已故人员的低保金在死亡后仍由家属代领，村里未及时上报死亡信息。',
    ],
    observations: '已故人员低保金未及时停发，存在代领低保金的情况，需追回并查明责任。',
  },
  {
    theme: 'projects',
    about: 'projSplit',
    title: '杨家湾村至三合村通村公路硬化工程比选资料',
    kind: 'contracts',
    sourceDept: '石桥镇村镇建设服务中心',
    refNo: '石建比〔{lastYear}〕{m}号',
    period: 'lastYear',
    volume: '共{m}卷',
    extracts: [
      '工程分为三个标段，单个标段预算金额均低于400万元，三个标段合计{big}万元。',
      '三个标段的中标单位均为清河县宏达建筑工程有限公司。',
      '参与比选的三家单位投标文件格式、错别字完全一致，其中两家联系电话相同。',
    ],
    observations: '存在将同一项目拆分规避公开招标、串通投标的嫌疑，需进一步核查。',
  },
  {
    theme: 'projects',
    about: 'projChange',
    title: '通村公路工程变更签证和结算资料',
    kind: 'contracts',
    sourceDept: '石桥镇村镇建设服务中心',
    refNo: '',
    period: 'lastYear',
    volume: '共{n}页',
    extracts: [
      '变更签证单记载增加挡土墙和排水沟，追加投资{amount}万元，签证日期在工程完工之后。',
      '变更签证单缺少监理单位意见，审批栏只有分管副镇长签字。',
    ],
    observations: '工程变更未经集体研究，变更手续事后补办，追加投资依据不足。',
  },
  {
    theme: 'party',
    about: 'partyDecisions',
    title: '镇党委会议记录（{lastYear}年）',
    kind: 'minutes',
    sourceDept: '石桥镇党政综合办公室',
    refNo: '',
    period: 'lastYear',
    volume: '会议记录本1本',
    extracts: [
      '{lastYear}年共召开党委会{n}次，研究“三重一大”事项{m}项。',
      '{month}月{day}日会议记录中“研究通村公路追加投资事项”系用不同颜色墨水补记，与前后内容不连贯。',
      '多项议题的表决情况只写“一致同意”，未记载班子成员的具体意见。',
    ],
    observations: '“三重一大”事项存在会后补记、集体决策流于形式的情况。',
  },
  {
    theme: 'projects',
    about: 'projPay',
    title: '工程款支付凭证',
    kind: 'vouchers',
    sourceDept: '石桥镇财政所',
    refNo: '记账凭证{lastYear}年第{n}号',
    period: 'lastYear',
    volume: '凭证{m}册',
    extracts: [
      '{lastYear}年{month}月支付清河县宏达建筑工程有限公司工程进度款{amount}万元，累计付款达合同价的90%。',
      '支付审批单后未附结算审计报告，备注栏写“审计报告后补”。',
    ],
    observations: '在结算审计完成前超合同约定比例支付工程款。',
  },
  {
    theme: 'cars',
    about: 'carsPrivate',
    title: '公务用车派车单和行车登记簿',
    kind: 'ledgers',
    sourceDept: '石桥镇党政综合办公室',
    refNo: '',
    period: 'lastYear',
    volume: '派车单{n}张，登记簿1本',
    extracts: [
      '{lastYear}年下半年共有派车单{n}张，其中{m}张未填写用车事由。',
      '{lastYear}年国庆节假日期间，车辆出车{m}次，均无派车单。',
    ],
    observations: '派车审批不规范，节假日用车无审批记录。',
  },
  {
    theme: 'cars',
    about: 'carsFuel',
    title: '公务用车加油卡消费明细',
    kind: 'vouchers',
    sourceDept: '加油站（调取）',
    refNo: '',
    period: 'lastYear',
    volume: '共{m}页',
    extracts: [
      '尾号{n}的加油卡{lastYear}年加油{yuan}元，是同类车辆的两倍。',
      '{lastYear}年{month}月{day}日（星期六）该卡在邻县加油，当日无派车记录。',
    ],
    observations: '加油卡管理混乱，加油记录与派车记录不符，存在公车私用或套取油费的嫌疑。',
  },
  {
    theme: 'cars',
    about: 'carsRepair',
    title: '公务用车维修费报销凭证',
    kind: 'vouchers',
    sourceDept: '石桥镇财政所',
    refNo: '',
    period: 'lastYear',
    volume: '凭证{m}份',
    extracts: [
      '同一车辆{lastYear}年{month}月维修3次，累计{yuan}元，维修单据无配件清单。',
      '定点修理厂开具的发票项目均为“维修费”，没有明细。',
    ],
    observations: '车辆维修费用异常，报销凭证不完整。',
  },
  {
    theme: 'party',
    about: 'partyRectify',
    title: '上一轮巡察反馈问题整改台账',
    kind: 'other',
    sourceDept: '石桥镇党政综合办公室',
    refNo: '',
    period: 'twoYears',
    volume: '共{n}页',
    extracts: [
      '上一轮巡察反馈问题{n}个，台账显示全部整改完成。',
      '标注“已完成”的问题中，有{m}项只附了整改通知，未见整改结果的佐证材料。',
    ],
    observations: '整改台账“已完成”事项佐证不足，存在纸面整改的情况。',
  },
  {
    theme: 'party',
    title: '党委理论学习中心组学习记录',
    kind: 'minutes',
    sourceDept: '石桥镇党委',
    refNo: '',
    period: 'lastYear',
    volume: '记录本1本',
    extracts: [
      '{lastYear}年中心组集中学习{m}次，少于每年不少于12次的要求。',
      '学习记录多为文件摘抄，研讨发言记录内容简单。',
    ],
    observations: '理论学习中心组学习不够经常，研讨不深入。',
  },
];

export interface VisitTemplate {
  readonly theme: Theme;
  readonly about?: Fact;
  readonly place: string;
  readonly unannounced: boolean;
  /** 走访对象, with {@role} for the person met. */
  readonly peopleMet: string;
  readonly observations: readonly string[];
  /** A photo taken there: file name and what it shows. */
  readonly photo?: { readonly name: string; readonly scene: 'canteen' | 'road' | 'yard' };
}

export const VISITS: readonly VisitTemplate[] = [
  {
    theme: 'meals',
    about: 'mealsPortion',
    place: '石桥镇中心学校食堂（午餐时段）',
    unannounced: true,
    peopleMet: '食堂管理员{@canteen}，就餐学生{m}名',
    observations: [
      '中午11时50分到达学校食堂，未提前通知学校。当日公示菜单为“红烧肉、炒青菜、番茄蛋汤”，实际供应为土豆烧肉、炒白菜和紫菜汤。',
      '随机称量{m}份学生餐，肉类平均每份不足30克，明显低于带量食谱标准。',
      '询问就餐学生，有学生反映“经常吃不饱”。',
      '食堂留样柜中当日留样齐全，但前一天的留样缺少汤类。',
    ],
    photo: { name: '食堂午餐现场照片.jpg', scene: 'canteen' },
  },
  {
    theme: 'meals',
    about: 'mealsPortion',
    place: '柳树村小学营养餐配送点',
    unannounced: true,
    peopleMet: '柳树村小学教师{@teacher}',
    observations: [
      '上午10时40分配送车辆到达，随车无送货单，教师清点后签收。',
      '当日配送猪肉标注5公斤，现场过秤实重3.6公斤。',
    ],
  },
  {
    theme: 'dibao',
    about: 'dibaoAssets',
    place: '{village}低保户入户走访',
    unannounced: true,
    peopleMet: '低保户{m}户',
    observations: [
      '随机走访低保户{m}户。其中一户新建两层楼房，院内停放小轿车一辆，户主称车辆为儿子所有，儿子在县城工作。',
      '另一户老人独居，患慢性病，家中确实困难，反映低保金每月按时到账。',
    ],
  },
  {
    theme: 'dibao',
    about: 'dibaoKin',
    place: '{village}村务公开栏',
    unannounced: false,
    peopleMet: '{village}党支部书记{@villageSecretary}',
    observations: [
      '村务公开栏低保名单公示时间为{lastYear}年{month}月，此后未更新。',
      '公示名单只有户主姓名，未公示保障人数和保障金额。',
    ],
  },
  {
    theme: 'projects',
    about: 'projQuality',
    place: '杨家湾村至三合村通村公路',
    unannounced: true,
    peopleMet: '沿线村民{m}人',
    observations: [
      '全线约{m}公里，路面多处出现纵向裂缝和坑槽，部分路段边沟未按设计修建。',
      '现场随机测量{n}处路面厚度，在14至17厘米之间，低于设计要求的20厘米。',
      '沿线村民反映路修好不到一年就坏了，施工时看到水泥铺得很薄。',
    ],
    photo: { name: '通村公路路面裂缝.jpg', scene: 'road' },
  },
  {
    theme: 'projects',
    place: '东风村饮水安全巩固提升工程',
    unannounced: false,
    peopleMet: '东风村党支部书记{@villageSecretary}，村民{m}人',
    observations: [
      '蓄水池已建成并蓄水，但入户管网只铺设到一组和二组，三组、四组{n}户仍饮用井水。',
      '工程已于{lastYear}年通过验收，验收资料中写明“管网全部入户”。',
    ],
  },
  {
    theme: 'cars',
    about: 'carsPrivate',
    place: '石桥镇政府院内停车场（周六）',
    unannounced: true,
    peopleMet: '值班驾驶员{@driver}',
    observations: [
      '周六上午9时30分到镇政府院内查看，登记在册的{cars}辆公务用车中有1辆不在场。',
      '值班人员称该车周五下午由党政办开走，去向不清楚，未见派车单。',
    ],
    photo: { name: '周六停车场.jpg', scene: 'yard' },
  },
  {
    theme: 'cars',
    about: 'carsRepair',
    place: '清河县顺达汽车修理厂（公务用车定点维修点）',
    unannounced: false,
    peopleMet: '修理厂负责人',
    observations: [
      '调阅镇政府车辆{lastYear}年维修记录{n}条，部分记录的维修项目与报账发票不一致。',
      '修理厂负责人称，有时按镇里要求开“整数发票”。',
    ],
  },
  {
    theme: 'party',
    place: '三合村党员活动室',
    unannounced: false,
    peopleMet: '三合村党支部书记，党员{m}人',
    observations: [
      '活动室制度上墙，但“三会一课”记录本{lastYear}年下半年只有{m}次记录。',
      '座谈中党员反映支部活动主要是传达文件，讨论不多。',
    ],
  },
  {
    theme: 'dibao',
    about: 'dibaoCards',
    place: '{village}报账员家中',
    unannounced: true,
    peopleMet: '{village}报账员{@villageAccountant}',
    observations: [
      '报账员家中抽屉里存放村民社保卡和银行卡{m}张，未登记造册。',
      '报账员称是老人们主动交给他保管的，方便代取现金。',
    ],
  },
  {
    theme: 'meals',
    place: '石桥镇中心学校学生宿舍和食堂后厨',
    unannounced: false,
    peopleMet: '后勤主任{@logistics}',
    observations: [
      '后厨卫生总体较好，食品安全管理制度上墙。',
      '库房内存放有办公桌椅和打印纸，后勤主任称是用营养餐资金垫付购买的。',
    ],
  },
];

export interface PetitionTemplate {
  readonly theme: Theme;
  readonly about?: Fact;
  readonly channel: (typeof PETITION_CHANNELS)[number];
  readonly anonymous: boolean;
  /** 被反映人或单位. */
  readonly subject: string;
  readonly summary: string;
  readonly category: (typeof PETITION_CATEGORIES)[number];
  readonly status: 'registered' | 'transferred' | 'closed';
  readonly handlingNote: string;
  /** For a named petition: who wrote or came (a villager of the record's village). */
  readonly reporter?: RoleKey;
}

export const PETITIONS: readonly PetitionTemplate[] = [
  {
    theme: 'meals',
    about: 'mealsPortion',
    channel: 'letter',
    anonymous: true,
    subject: '石桥镇中心学校',
    summary:
      '匿名来信反映：石桥镇中心学校营养餐饭菜分量少、肉很少，学生经常吃不饱；营养餐由校长亲戚开的公司配送，价格比市场价高。',
    category: 'peopleInterests',
    status: 'transferred',
    handlingNote: '已作为营养餐专项了解的线索，安排午餐时段“四不两直”走访核实，并调取配送合同。',
  },
  {
    theme: 'dibao',
    about: 'dibaoKin',
    channel: 'visit',
    anonymous: false,
    reporter: 'villager',
    subject: '{village}党支部书记{@villageSecretary}',
    summary:
      '来访人反映：本人患病丧失劳动能力，{lastYear}年两次申请低保均未获批准；而村支书的哥哥家有楼房、有小轿车，却享受低保多年。',
    category: 'peopleInterests',
    status: 'registered',
    handlingNote: '已登记，结合低保对象入户走访和比对数据核实。',
  },
  {
    theme: 'projects',
    about: 'projQuality',
    channel: 'call',
    anonymous: false,
    reporter: 'villager',
    subject: '石桥镇村镇建设服务中心',
    summary:
      '来电反映：杨家湾村至三合村通村公路修好不到一年就开裂，下雨天积水严重；施工时水泥铺得很薄，村民提意见没人理。',
    category: 'projects',
    status: 'transferred',
    handlingNote: '已转县交通运输局核查工程质量，同时作为巡察了解工程项目的参考。',
  },
  {
    theme: 'cars',
    about: 'carsPrivate',
    channel: 'online',
    anonymous: true,
    subject: '石桥镇党政综合办公室',
    summary:
      '网络举报：{lastYear}年国庆节期间，石桥镇政府一辆公务用车连续几天停在县城某小区，还曾出现在邻县景区停车场。',
    category: 'eightRules',
    status: 'registered',
    handlingNote: '已调取派车单和加油卡消费记录比对。',
  },
  {
    theme: 'dibao',
    about: 'dibaoCards',
    channel: 'letter',
    anonymous: true,
    subject: '{village}报账员{@villageAccountant}',
    summary:
      '匿名来信反映：{village}报账员长期代管多户村民的社保卡和银行卡，每月只给老人部分现金，低保金和养老金去向不明。',
    category: 'peopleInterests',
    status: 'transferred',
    handlingNote: '已移交县纪委监委第三监督检查室，巡察组同步调取低保金发放花名册。',
  },
  {
    theme: 'projects',
    channel: 'letter',
    anonymous: false,
    reporter: 'villager',
    subject: '东风村饮水安全巩固提升工程施工方',
    summary: '来信人等{m}人联名反映：在镇里的饮水工程干活，施工方拖欠工资{yuan}元至今未付。',
    category: 'projects',
    status: 'closed',
    handlingNote: '经与镇政府和施工方联系，施工方已结清工资，来信人电话确认。',
  },
  {
    theme: 'party',
    channel: 'call',
    anonymous: true,
    subject: '石桥镇个别领导干部',
    summary: '匿名来电反映：春节前有工程老板到镇里给个别领导送购物卡，具体人员和金额不清楚。',
    category: 'conduct',
    status: 'registered',
    handlingNote: '反映内容笼统，已登记，在个别谈话中注意了解相关情况。',
  },
  {
    theme: 'dibao',
    channel: 'visit',
    anonymous: false,
    reporter: 'villager',
    subject: '{village}村民委员会',
    summary:
      '来访人反映：{lastYear}年申请的农村危房改造已经验收，但补助资金{yuan}元一直未发放，村干部说还在走程序。',
    category: 'peopleInterests',
    status: 'transferred',
    handlingNote: '已转镇政府核实办理，要求10个工作日内答复来访人。',
  },
];
