/**
 * What is asked and answered in the demo's interviews, written as a 谈话笔录 records it. Each
 * exchange is one 问 and one 答, for the people (roles) it suits. Exchanges that state a fact a
 * finding can rest on name that fact (`about`): findings and clues cite their answers.
 *
 * Placeholders: {village} the record's village; {@role} the name of that person of the cast;
 * {n} {m} {years} {yuan} {amount} (万元) {year} {lastYear} {month} {day} {students} {staff}
 * {big} {cars} numbers and dates (see generate.ts).
 */
import type { RoleKey, Theme } from './cast';

/** A fact of the case that findings, clues and their evidence are about. */
export type Fact =
  | 'mealsMisuse'
  | 'mealsPortion'
  | 'mealsSupplier'
  | 'mealsCount'
  | 'dibaoAssets'
  | 'dibaoKin'
  | 'dibaoDead'
  | 'dibaoCards'
  | 'projSplit'
  | 'projChange'
  | 'projPay'
  | 'projQuality'
  | 'carsPrivate'
  | 'carsFuel'
  | 'carsRepair'
  | 'partyDecisions'
  | 'partyRectify';

export interface Exchange {
  readonly theme: Theme;
  readonly who: readonly RoleKey[];
  readonly q: readonly string[];
  readonly a: readonly string[];
  /** Set when every answer states this fact. */
  readonly about?: Fact;
}

export const OPENING = {
  q: [
    '我们是县委第三巡察组的工作人员。根据县委统一部署，今天找你谈话，主要了解石桥镇党委领导班子及其成员的有关情况。请你实事求是反映情况，谈话内容我们严格保密，也请你不要对外透露。你清楚了吗？',
    '根据县委巡察工作安排，今天请你来谈一谈。希望你如实反映情况，对反映的问题我们会严格保密。你听清楚了吗？',
  ],
  a: ['清楚了，我会如实反映。', '听清楚了，我一定实事求是。', '好的，我知道了。'],
};

/** For extended talks (延伸谈) with villagers and parents. */
export const OPENING_PUBLIC = {
  q: [
    '我们是县委第三巡察组的，今天来主要是听听你对村里和镇里工作的意见。你反映的情况我们会保密，请你实事求是地讲。',
  ],
  a: ['好的，我有什么说什么。', '行，我知道的都跟你们说。'],
};

export const INTRO_Q = [
  '请先介绍一下你的基本情况和分管的工作。',
  '请简单介绍一下你个人的情况和主要负责的工作。',
];
/** For people who hold no office. */
export const INTRO_Q_PUBLIC = ['请先简单介绍一下你自己的情况。'];

export const CLOSING = {
  q: [
    '对本次巡察，你还有什么需要向巡察组反映的？',
    '你对镇党委领导班子和班子成员还有什么意见建议？',
  ],
  a: [
    '我想到的就这些。总的来说，镇里这几年变化很大，但有些制度执行不严，该上会的不上会，希望巡察组帮助我们把规矩立起来。',
    '没有别的了。刚才讲的都是我了解到的真实情况，有些数字记不太准，可以查账核实。',
    '我建议班子成员多下村、多听听群众的意见，少开会、少填表。',
    '暂时没有了。想起来的话我再主动找巡察组反映。',
  ],
};

export const SIGN = {
  q: ['请你阅看笔录，如无异议请逐页签字确认。'],
  a: ['以上笔录我已看过，与我说的一致。'],
};

export const EXCHANGES: readonly Exchange[] = [
  // —— 营养餐 ——
  {
    theme: 'meals',
    who: ['principal'],
    q: ['学校营养改善计划资金是怎么管理和使用的？'],
    a: [
      '营养改善计划资金由县教育局按每生每天5元拨到学校专户，我们坚持专款专用，全部用于购买食材，具体账目由后勤主任{@logistics}负责，每学期都向家长公示。',
      '营养餐资金我们是严格管理的，每一笔支出都要我签字。说实话学校公用经费比较紧张，个别时候有过临时调剂，但事后都补回去了。',
    ],
  },
  {
    theme: 'meals',
    who: ['logistics'],
    q: ['营养餐资金有没有用于食材以外的开支？', '营养改善计划资金的支出你是怎么把关的？'],
    a: [
      '说实话，这方面把关不严。{lastYear}年食堂临时工的工资没有着落，校长让先从营养餐资金里垫支，一共支了{yuan}元，到现在也没有补回来。',
      '去年有几笔买打印纸、办公桌椅的钱也走了营养餐的账，一共{yuan}元左右。我当时提过不合规，校长说先这样处理，以后再调。',
    ],
    about: 'mealsMisuse',
  },
  {
    theme: 'meals',
    who: ['logistics', 'canteen'],
    q: ['食材采购和验收是怎么做的？'],
    a: [
      '食材由配送公司每天早上送到学校，按规定要两个人验收签字。实际上经常是我一个人签，有时候是过后补签的。',
      '验收的时候只是看看数量，一般不过秤。肉有时候送来的分量不够，跟配送公司说过几次，他们说下次补上，后来也就不了了之了。',
    ],
    about: 'mealsPortion',
  },
  {
    theme: 'meals',
    who: ['principal'],
    q: ['营养餐配送企业是怎么确定的？'],
    a: [
      '配送企业是{year}年经学校行政会研究确定的，考虑到这家公司离学校近、送货及时。当时没有搞招标，我们认为金额不大，比选一下就可以了。',
    ],
    about: 'mealsSupplier',
  },
  {
    theme: 'meals',
    who: ['logistics', 'teacher'],
    q: ['你了解营养餐配送企业的情况吗？'],
    a: [
      '配送企业是校长定的，没有招标，也没有比选的记录。老师们私下议论，说这家公司实际是{@principal}校长的妻弟在经营，具体我不清楚。',
      '配送公司叫清河县鑫源食品配送有限公司，送货的是校长的亲戚，学校里大家都知道，但是没有人敢说。',
    ],
    about: 'mealsSupplier',
  },
  {
    theme: 'meals',
    who: ['teacher', 'canteen'],
    q: ['学生吃营养餐的情况怎么样？饭菜的分量够吗？'],
    a: [
      '按公示的标准是一荤一素一汤，但实际上肉很少，学生经常反映吃不饱，有的孩子自己带咸菜到学校。',
      '公示栏上写的菜单和实际打的菜对不上，公示的是红烧肉，实际是土豆烧肉，肉只有几小块。',
    ],
    about: 'mealsPortion',
  },
  {
    theme: 'meals',
    who: ['parent'],
    q: ['孩子在学校吃营养餐的情况怎么样？'],
    a: ['孩子回家说中午的饭不够吃，肉只有几小块，下午饿得上不好课，我们当家长的也不敢去学校问。'],
    about: 'mealsPortion',
  },
  {
    theme: 'meals',
    who: ['principal', 'logistics', 'teacher'],
    q: ['学校领导陪餐制度落实得怎么样？'],
    a: [
      '按规定学校领导每天要轮流陪餐，陪餐记录本上都有签字，但实际去陪餐的时候不多，记录有的是后来补的。',
      '陪餐制度是有的，校领导轮流陪餐，不过开会出差的时候就顾不上了。',
    ],
  },
  {
    theme: 'meals',
    who: ['parent', 'teacher'],
    q: ['学校向家长公开营养餐的情况吗？'],
    a: [
      '学校门口有个公示栏，写着每天吃什么，但孩子说和实际吃的不一样。',
      '开家长会的时候说过营养餐是国家出钱的，孩子不用交钱，钱具体怎么花的没有公开过。',
    ],
  },
  {
    theme: 'meals',
    who: ['viceMayor'],
    q: ['镇里对学校营养餐工作是怎么监管的？'],
    a: [
      '营养改善计划主要是县教育局在管，镇里主要是配合做好食品安全检查，一年去学校检查两次，资金的账我们没有细看。',
    ],
  },
  {
    theme: 'meals',
    who: ['logistics', 'teacher'],
    q: ['享受营养餐的学生人数是怎么报的？'],
    a: [
      '上报享受营养餐的人数是按学籍人数报的，有{n}个学生长期在外地随父母读书，人数一直没有核减。',
      '每学期开学报一次人数，报的时候没有剔除转走的学生，实际吃饭的人比报的少几十个。',
    ],
    about: 'mealsCount',
  },

  // —— 低保 ——
  {
    theme: 'dibao',
    who: ['welfareDirector', 'viceMayor'],
    q: ['低保审核审批是怎么操作的？', '你们是怎么开展低保对象认定的？'],
    a: [
      '程序上是农户申请，村里民主评议后公示，报镇社会事务办审核，再报县民政局审批。入户调查按规定要两个人去，实际上人手不够，很多时候是村里报上来我们就审核了。',
      '全镇现有低保对象{n}0多户，按规定每年要复核一次。去年复核主要是看村里报上来的材料，入户核查的比例不高。',
    ],
  },
  {
    theme: 'dibao',
    who: ['welfareDirector', 'villageAccountant'],
    q: ['有没有家里有车有房的人享受低保？'],
    a: [
      '县民政局去年推送过一批比对数据，我们镇有{m}户低保户家庭成员名下有车辆，当时让村里核实，村里说车是子女的，就没有退出。',
      '{village}有一户低保户，儿子在县城买了房，家里还有一辆小轿车，群众意见很大，但一直没有退出。',
    ],
    about: 'dibaoAssets',
  },
  {
    theme: 'dibao',
    who: ['villager', 'retired'],
    q: ['你觉得村里低保评得公平吗？'],
    a: [
      '不公平。村支书{@villageSecretary}的哥哥家有楼房、有车，还在吃低保，真正困难的人家申请了两次都没批下来。',
      '评低保的时候村民代表会只来了几个人，评完了也没有张贴出来，我们都不知道谁吃了低保。',
    ],
    about: 'dibaoKin',
  },
  {
    theme: 'dibao',
    who: ['disciplineSecretary', 'deputySecretary'],
    q: ['镇纪委收到过关于低保方面的信访举报吗？', '你对低保工作有什么了解？'],
    a: [
      '收到过几件，主要是反映村干部优亲厚友。我们核查过两起，有一起属实，给了党内警告处分，另一起反映的问题不属实。',
    ],
  },
  {
    theme: 'dibao',
    who: ['villageSecretary', 'villageAccountant'],
    q: ['村里的低保民主评议是怎么开的？'],
    a: [
      '我们村是召开村民代表会议评议的，评议结果在村务公开栏公示七天，没有人提异议才报到镇里。',
      '评议会一般是村两委成员和部分村民代表参加，会议记录是我整理的，有时候开完会过几天才整理出来。',
    ],
  },
  {
    theme: 'dibao',
    who: ['villageAccountant'],
    q: ['低保金是怎么发放的？有没有代管存折、银行卡的情况？'],
    a: [
      '低保金是通过“一卡通”直接打到户的。有几户老人不识字，银行卡放在我这里代管，取钱的时候我陪着去。',
    ],
    about: 'dibaoCards',
  },
  {
    theme: 'dibao',
    who: ['villager'],
    q: ['你家领的补贴是怎么发的？银行卡在自己手里吗？'],
    a: [
      '我家的社保卡一直在村报账员那里，说是帮我们统一管理，每个月给我现金，具体打了多少钱我也不清楚。',
      '我母亲的低保卡在报账员{@villageAccountant}那里放着，每个月他取了钱送过来，有时候少一两百，说是扣了医保。',
    ],
    about: 'dibaoCards',
  },
  {
    theme: 'dibao',
    who: ['welfareDirector', 'financeHead'],
    q: ['已经去世的低保对象是怎么退出的？'],
    a: [
      '按规定死亡人员次月就要停发，但村里报得不及时。去年自查发现有{m}名已故人员还在领低保金，涉及{yuan}元，目前只追回了一部分。',
    ],
    about: 'dibaoDead',
  },
  {
    theme: 'dibao',
    who: ['villageSecretary'],
    q: ['你的近亲属中有没有人享受低保？'],
    a: [
      '我哥哥家是享受低保的，他身体不好，常年吃药，评议的时候我回避了。按规定村干部近亲属享受低保要备案，这个我不清楚镇里报没报。',
    ],
    about: 'dibaoKin',
  },

  // —— 工程项目 ——
  {
    theme: 'projects',
    who: ['mayor', 'viceMayorBuild', 'buildDirector'],
    q: ['近三年镇里的工程项目是怎么组织招投标的？'],
    a: [
      '镇里的项目，400万元以上的进县公共资源交易中心公开招标，400万元以下的由镇里组织比选或者询价。我们都是按程序走的。',
      '近三年镇里实施工程项目{n}个，总投资{big}万元左右。大部分项目由村镇建设服务中心具体组织，重大项目上党委会研究。',
    ],
  },
  {
    theme: 'projects',
    who: ['buildDirector', 'retired', 'financeHead'],
    q: ['有没有把项目拆分、规避公开招标的情况？'],
    a: [
      '杨家湾村至三合村的通村公路本来是一个项目，后来分成了三段，每段都在限额以下，就没有进交易中心，三段都是清河县宏达建筑工程有限公司中的标。',
      '我记得道路硬化项目分了三个标段，每个标段三百多万，当时说是为了加快进度，三个标段最后都是宏达公司做的。',
    ],
    about: 'projSplit',
  },
  {
    theme: 'projects',
    who: ['buildDirector', 'accountant'],
    q: ['比选的时候有几家单位参加？'],
    a: [
      '每次都有三家单位报名，但三家的报价文件格式一模一样，连错别字都一样，明眼人一看就知道是一家做的。',
      '报名的三家公司有两家的联系人电话是同一个号码，这个我当时也觉得奇怪。',
    ],
    about: 'projSplit',
  },
  {
    theme: 'projects',
    who: ['buildDirector', 'financeHead'],
    q: ['工程变更和追加投资是怎么审批的？'],
    a: [
      '通村公路项目施工中增加了挡土墙和排水沟，追加了{amount}万元，是分管副镇长{@viceMayorBuild}签字同意的，没有上党委会研究，变更手续是后来补办的。',
    ],
    about: 'projChange',
  },
  {
    theme: 'projects',
    who: ['mayor', 'viceMayorBuild'],
    q: ['通村公路追加投资为什么没有上党委会研究？'],
    a: [
      '追加投资的事我知道，当时主要考虑雨季边坡的安全，就先干后补手续，没有上会研究，这一点我们有责任。',
    ],
    about: 'projChange',
  },
  {
    theme: 'projects',
    who: ['financeHead', 'accountant'],
    q: ['工程款是怎么支付的？有没有超付的情况？'],
    a: [
      '合同约定竣工验收后付到百分之七十，结算审计后再付到百分之九十七。通村公路项目结算审计还没做完，就已经付了百分之九十的工程款，是{@mayor}镇长签字要求先付的。',
      '有一个项目施工方说要给农民工发工资，镇里就提前拨付了一部分，支付依据只有一张申请单。',
    ],
    about: 'projPay',
  },
  {
    theme: 'projects',
    who: ['villager', 'villageSecretary', 'retired'],
    q: ['通村公路修好以后质量怎么样？'],
    a: [
      '路修好还不到一年就开裂了，好几个地方都压出了坑，下雨天积水很深，摩托车都不好走。',
      '施工的时候我们看到水泥铺得很薄，有村民去问，施工队的人说是按图纸来的。',
    ],
    about: 'projQuality',
  },
  {
    theme: 'projects',
    who: ['retired', 'villager', 'villageSecretary'],
    q: ['你对镇里的工程建设还有什么了解？'],
    a: [
      '听说宏达公司的老板和镇里个别领导关系很好，经常一起吃饭，具体的我说不清楚。',
      '东风村的饮水工程蓄水池修好了，但管网只通了一半，现在很多人家还是吃井水。',
    ],
  },

  // —— 公车 ——
  {
    theme: 'cars',
    who: ['officeDirector'],
    q: ['镇里的公务用车是怎么管理的？'],
    a: [
      '镇里现有公务用车{cars}辆，车改后保留的主要是应急和执法执勤用车，由党政办统一管理，用车要填派车单，由我审批。',
    ],
  },
  {
    theme: 'cars',
    who: ['secretary', 'mayor'],
    q: ['镇里的公务用车是怎么管理的？'],
    a: ['公车管理有制度，统一派车、统一加油、定点维修、节假日封存。执行上可能还有不够严格的地方。'],
  },
  {
    theme: 'cars',
    who: ['driver', 'accountant'],
    q: ['节假日公车是怎么停放的？有没有开回家的情况？'],
    a: [
      '按规定节假日车辆要停在镇政府院内，但有时候领导周末要下村，车就开回去了。去年国庆节期间，有一辆车在{@officeDirector}主任家小区楼下停了好几天。',
      '节假日封存制度有，但执行得不严，有的车周五下午就开走了，周一早上才开回来。',
    ],
    about: 'carsPrivate',
  },
  {
    theme: 'cars',
    who: ['driver', 'accountant'],
    q: ['加油卡是怎么管理的？'],
    a: [
      '加油卡应该由党政办统一保管，但有一张卡一直在驾驶员手里，每个月加油三千多元，比其他车多了一倍。',
      '加油卡消费明细里有几次加油是在外县加的，派车单上没有对应的出车记录。',
    ],
    about: 'carsFuel',
  },
  {
    theme: 'cars',
    who: ['officeDirector', 'accountant', 'driver'],
    q: ['车辆维修是怎么管理的？'],
    a: [
      '车辆都在定点修理厂维修，但有的维修单据只有一个总金额，没有维修清单，同一辆车一个月修了三次。',
      '维修费报账的时候附的是修理厂开的发票，具体换了什么配件，我们财务看不出来。',
    ],
    about: 'carsRepair',
  },
  {
    theme: 'cars',
    who: ['secretary', 'mayor', 'disciplineSecretary'],
    q: ['班子成员在公务用车方面有没有违规的情况？'],
    a: [
      '班子成员都没有配专车，下村一般是统一派车。个别同志有时候顺路用车回家，我们在会上提醒过。',
      '镇纪委对公车使用开展过一次专项检查，发现派车单填写不规范的问题，已经要求党政办整改。',
    ],
  },
  {
    theme: 'cars',
    who: ['driver'],
    q: ['你平时主要给哪位领导开车？'],
    a: [
      '我主要给书记和镇长开车，其他领导下村也派我。领导让去哪里就去哪里，派车单有时候是事后补的。',
    ],
    about: 'carsPrivate',
  },

  // —— 党的建设和“三重一大” ——
  {
    theme: 'party',
    who: ['secretary'],
    q: ['你作为党委书记，是怎么履行全面从严治党第一责任人职责的？'],
    a: [
      '我始终把管党治党作为最根本的政绩，每年和班子成员签订党风廉政建设责任书，定期听取分管领域的情况汇报。但对村级和站所的监督还有薄弱环节，压力传导不够到位。',
    ],
  },
  {
    theme: 'party',
    who: ['secretary', 'mayor', 'deputySecretary', 'disciplineSecretary'],
    q: ['“三重一大”事项是怎么集体决策的？'],
    a: ['“三重一大”事项原则上都上党委会研究，会前征求班子成员意见，会上逐一表态，书记最后表态。'],
  },
  {
    theme: 'party',
    who: ['deputySecretary', 'disciplineSecretary', 'retired'],
    q: ['有没有“三重一大”事项没有上会就定了的情况？'],
    a: [
      '有的工程追加、资金调度时间紧，是书记和镇长碰头就定了，会后再补会议记录，记录上写的都是“一致同意”。',
    ],
    about: 'partyDecisions',
  },
  {
    theme: 'party',
    who: ['officeDirector'],
    q: ['党委会议记录是谁整理的？有没有会后补记的情况？'],
    a: ['党委会记录是我整理的。个别议题是会后补记的，当时领导说先按碰头的意见办，记录后面再补。'],
    about: 'partyDecisions',
  },
  {
    theme: 'party',
    who: ['disciplineSecretary', 'deputySecretary'],
    q: ['上一轮巡察反馈问题的整改落实情况如何？'],
    a: [
      '上一轮巡察反馈了{n}个问题，台账上都标了已完成，但有的问题只是退了钱，没有追究相关人员的责任，存在“纸面整改”的情况。',
    ],
    about: 'partyRectify',
  },
  {
    theme: 'party',
    who: ['deputySecretary', 'villageSecretary'],
    q: ['基层党组织的“三会一课”落实得怎么样？'],
    a: [
      '大部分村能按要求开展“三会一课”，但有的支部记录是后补的，党员大会一个季度开不了一次。',
      '组织生活会查摆的问题大多是“学习不够深入”之类的共性问题，批评和自我批评辣味不足。',
    ],
  },
  {
    theme: 'party',
    who: ['disciplineSecretary'],
    q: ['你对班子成员和中层干部的廉洁情况有什么了解？'],
    a: [
      '总体是好的。但也收到过一些反映，主要集中在低保评定、工程项目和公车使用这几个方面，有的已经转给了县纪委监委。',
    ],
  },
];
