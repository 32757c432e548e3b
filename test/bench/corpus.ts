/**
 * A deterministic large case for the search benchmark: 2,000 interview records (~2,000
 * characters of 问/答 turns), 1,000 document reviews (~800) and 500 site visits (~600), about
 * 5 M characters written from the vocabulary of inspection work. Same seed, same case: the
 * benchmark compares runs, so nothing here depends on the clock or on files.
 *
 * Like real notes, each record is about a few matters (an interview with a village accountant
 * is about village finances and 低保, not about everything), so a word such as 公务用车 is in
 * some records and absent from most, while 问题 or 情况 are everywhere.
 */
import type { SearchDoc } from '../../shared/search';
import { int, pick, prng, type Random } from '../../shared/demo/random';
import { COUNTIES, GIVEN, PROJECTS, SURNAMES, TOWNS, VILLAGES } from '../../shared/demo/vocabulary';

export { prng };

const INTERVIEW_KINDS = ['个别谈话', '一对一谈话', '集体谈话', '延伸谈话'];
const ROOMS = [
  '巡察组谈话室',
  '县委党校会议室',
  '镇政府三楼会议室',
  '被巡察单位小会议室',
  '村委会办公室',
];

/** One matter an inspection looks into: what is asked, answered, read and seen about it. */
interface Topic {
  readonly questions: readonly string[];
  readonly answers: readonly string[];
  /** Lines of a document-review log: a source read, and what it showed. */
  readonly sources: readonly string[];
  readonly findings: readonly string[];
  /** What a site visit about this matter records. */
  readonly scenes: readonly string[];
}

const TOPICS: readonly Topic[] = [
  {
    questions: [
      '你单位的公务用车管理情况怎么样？',
      '有没有公车私用、私车公养的情况？',
      '车辆维修和加油是怎么管理的？',
    ],
    answers: [
      '单位现有公务用车{n}辆，实行统一管理、统一派车，但出车登记不够规范，有时候只填了目的地，没有填写事由和里程。',
      '据我了解，{year}年有{n}次公车私用的情况，主要是节假日期间，车辆停在{name}家小区附近。',
      '加油卡由办公室统一保管，但有一张卡长期由司机个人使用，每个月加油{amount}元左右，比其他车多不少。',
      '车辆维修都在定点修理厂，但是有的维修单据没有维修清单，只有一个总金额。',
      '公车改革以后保留的执法执勤用车，有时候也用来接送领导上下班。',
    ],
    sources: ['公务用车登记簿', '车辆维修单据', '加油卡消费明细'],
    findings: [
      '公务用车登记簿{month}月份有{n}次出车未填写事由，其中节假日出车{m}次。',
      '同一车辆{month}月维修{m}次，累计{amount}万元，维修清单与发票内容不一致。',
      '加油卡消费记录显示，有{n}次加油发生在外省，与派车记录对不上。',
    ],
    scenes: ['查看单位停车场，登记在册的公务用车有{m}辆不在场，值班人员说不清去向。'],
  },
  {
    questions: [
      '单位在“三重一大”事项集体决策方面是怎么执行的？',
      '党组会研究重大事项时，大家能充分发表意见吗？',
    ],
    answers: [
      '“三重一大”事项原则上都上党组会研究，但有的项目是先干后报，会议记录也比较简单，看不出每个人的表态。',
      '{name}同志在单位工作时间长，说话分量重，有些事情他定了就算了，班子其他成员不好提不同意见。',
      '会议记录我这里有，{year}年的党组会一共开了{n}次，研究“三重一大”事项{m}项。',
      '大额资金使用有时候是书记和局长碰个头就定了，会后再补一个会议纪要。',
      '我当时提过不同意见，但是没有被采纳，会议记录里应该有记载。',
    ],
    sources: ['党组会议记录', '“三重一大”决策台账'],
    findings: [
      '会议记录显示，{year}年研究的{n}项“三重一大”事项中，有{m}项系会后补记。',
      '记录中对{project}项目的研究只写了“同意”，没有记载班子成员的具体意见。',
      '{amount}万元的资金调度未经党组会集体研究，仅有主要负责人签批。',
    ],
    scenes: [],
  },
  {
    questions: [
      '低保评定是怎么操作的？有没有优亲厚友、关系保、人情保？',
      '惠民资金发放过程中有没有截留、挪用的情况？',
    ],
    answers: [
      '{village}有{n}户低保户，其中有的家里有小轿车，有的子女在城里买了房，评定的时候没有入户核查。',
      '惠民资金是通过“一卡通”发放的，但个别村干部代管群众的存折和银行卡，存在截留的风险。',
      '低保评议会有时候只有村干部参加，评议结果也没有张榜公示。',
      '我知道有两户低保户是村干部的亲属，群众有意见，但是没人敢说。',
      '临时救助的审批比较随意，有的一户一年领了{m}次。',
      '高龄津贴和残疾人补贴发放名单里有已经去世的人，一直没有清理。',
    ],
    sources: ['低保审批档案', '惠民资金发放花名册'],
    findings: [
      '抽查低保档案{n}份，其中{m}份缺少入户调查表，{m}份家庭收入核算不实。',
      '惠民资金拨付后在镇财政所滞留{n}个月，未及时发放到户。',
      '比对车辆登记信息，发现{m}户低保户名下登记有小型轿车。',
    ],
    scenes: [
      '走访{village}农户{n}户，其中{m}户反映低保评定不公开，评议会没有通知到户。',
      '查看村务公开栏，惠民资金发放名单已经一年没有更新。',
    ],
  },
  {
    questions: ['近三年单位的工程项目招投标是怎么组织的？', '工程项目变更和结算是怎么审核的？'],
    answers: [
      '{project}项目总投资{amount}万元，招投标是委托代理公司组织的，但中标单位的实际控制人和{name}是亲戚关系，群众有议论。',
      '工程项目变更比较多，{project}项目追加了{amount}万元，变更手续是后来补办的。',
      '有的项目拆分成几个小项目，每个都在限额以下，就不用公开招标了。',
      '竣工验收的时候施工方的资料不全，但还是签字通过了。',
      '项目结算审计还没有完成，就已经支付了百分之九十的工程款。',
    ],
    sources: ['工程项目合同', '招投标资料', '工程结算审计报告'],
    findings: [
      '招投标资料显示，三家投标单位的报价文件出自同一台电脑，存在围标串标嫌疑。',
      '合同约定工期{n}个月，实际拖延一年以上，未见违约责任追究材料。',
      '{project}项目结算金额比中标价高出{amount}万元，变更签证缺少监理意见。',
    ],
    scenes: ['现场查看{project}项目，工程已经完工，但部分路面出现裂缝，排水沟没有按设计施工。'],
  },
  {
    questions: [
      '有没有违规发放津补贴或者奖金的情况？',
      '你单位的财务报销制度执行得怎么样？',
      '你知道单位有没有“小金库”？',
    ],
    answers: [
      '{year}年单位以加班费、值班补助的名义违规发放津补贴{amount}万元，涉及{n}人，都是领导班子研究同意的。',
      '财务凭证中有部分报销票据不规范，有的没有附清单，有的审批手续不全，会计也没有把关。',
      '听说单位有一笔房租收入没有入账，具体数额我不清楚，大概是{amount}万元左右。',
      '差旅费报销有时候没有审批单，出差天数和会议通知对不上。',
      '这个情况我不太清楚，建议巡察组找财务股的{name}了解一下。',
    ],
    sources: ['财务凭证', '工资津补贴发放表'],
    findings: [
      '{year}年{month}月第{n}号凭证，以“办公用品”名义报销{amount}万元，附件为超市购物小票。',
      '违规发放津补贴：以“目标考核奖”名义发放{amount}万元，未经财政部门审批。',
      '往来账中挂账{amount}万元长期未清理，资金去向不明。',
    ],
    scenes: [],
  },
  {
    questions: [
      '你认为单位在形式主义、官僚主义方面还存在哪些问题？',
      '基层反映比较多的负担有哪些？',
    ],
    answers: [
      '形式主义的问题还比较突出，填表报数多，检查考核多，基层负担重，有的材料一个月要报好几次。',
      '有的领导干部官僚主义作风比较严重，调研走过场，到基层就是听听汇报、看看材料。',
      '有的干部担当作为不够，遇到矛盾绕着走，群众的诉求拖着不办。',
      '工作群里每天都要打卡、晒照片，干实事的时间反而少了。',
      '有的工作“以文件落实文件”，发了通知就算完成任务。',
    ],
    sources: ['督查检查考核文件'],
    findings: ['{year}年以单位名义印发的督查检查通知有{n}个，其中{m}个要求基层重复报送材料。'],
    scenes: ['与{n}名群众座谈，大家对干部作风总体认可，但对形式主义的检查考核意见较多。'],
  },
  {
    questions: [
      '基层党组织建设方面，组织生活会、三会一课落实得怎么样？',
      '领导班子民主生活会开得怎么样？',
    ],
    answers: [
      '基层党组织的组织生活会流于形式，批评和自我批评辣味不足，有时候是一团和气。',
      '三会一课记录有补记的现象，党员学习教育不够经常，有的支部一个季度才开一次党员大会。',
      '组织生活会前谈心谈话不够深入，查摆问题大多是“学习不够深入”这类共性问题。',
      '党费收缴不够规范，有的党员按固定数额交，没有按工资基数核定。',
      '发展党员的程序有时候不完整，入党志愿书填写时间前后矛盾。',
    ],
    sources: ['组织生活会会议记录', '三会一课记录本', '党费收缴台账'],
    findings: [
      '组织生活会记录中查摆问题雷同，相互批评意见多为工作建议。',
      '{year}年支部党员大会记录仅{m}次，少于规定次数。',
    ],
    scenes: [],
  },
  {
    questions: ['上一轮巡察反馈问题的整改落实情况如何？', '审计发现的问题整改了吗？'],
    answers: [
      '上一轮巡察反馈的问题有{n}项，目前还有{m}项没有整改到位，存在“纸面整改”的情况。',
      '去年审计指出的问题已经整改了{n}项，还有{m}项正在推进。',
      '整改台账做得很漂亮，但有的问题只是退了钱，没有追究责任。',
      '有的整改措施“上下一般粗”，针对性不强，过段时间问题又出现了。',
    ],
    sources: ['巡察整改台账', '整改情况报告'],
    findings: ['整改报告称已完成整改的{m}项问题中，有{m}项未见佐证材料。'],
    scenes: [],
  },
  {
    questions: ['一把手在选人用人方面有没有搞“一言堂”？', '干部选拔任用是否严格按照程序进行？'],
    answers: [
      '选人用人总体上是按程序走的，但有的岗位调整事前没有充分酝酿，干部群众有些看法。',
      '有个别干部提拔得比较快，{name}三年里调整了两次岗位，大家私下有议论。',
      '借调人员比较多，有的在局机关借调了{m}年还没有回原单位。',
      '干部档案有涂改的情况，出生日期和参加工作时间前后不一致。',
    ],
    sources: ['干部任免文件', '干部人事档案'],
    findings: ['干部任免文件显示，{name}任职不满试用期即提拔，动议环节没有书面材料。'],
    scenes: [],
  },
  {
    questions: [
      '中央八项规定精神落实方面还有哪些问题？',
      '公务接待是怎么管理的？有没有超标准接待？',
      '有没有收受礼品礼金、接受宴请的情况？',
    ],
    answers: [
      '公务接待有时候没有公函，接待清单和发票对不上，陪餐人数也超过了规定。',
      '我没有收受过管理服务对象的礼品礼金，也没有参加过可能影响公正执行公务的宴请。',
      '{year}年{month}月，单位组织到外地考察学习，实际上有两天是去景区旅游。',
      '食堂的账目不够公开，采购也没有比价，个别供货商长期是同一家。',
      '逢年过节有企业老板给领导送购物卡，我听说过，但没有亲眼见到。',
    ],
    sources: ['公务接待清单', '培训考察审批材料'],
    findings: [
      '公务接待清单与发票金额不符，差额{amount}万元，无公函的接待{n}次。',
      '{year}年外出考察行程中有{m}天安排在旅游景区，费用由下属单位承担。',
    ],
    scenes: ['查看单位食堂，菜品标准明显高于规定，存在以食堂名义公款吃喝的嫌疑。'],
  },
  {
    questions: ['村级集体资产、资源、资金是怎么管理的？', '村里的账目公开吗？'],
    answers: [
      '我们{town}的村级财务实行“村账镇管”，但有的村报账不及时，白条入账的情况还有。',
      '退休干部{name}反映，{village}的集体土地出租合同期限太长，租金也明显偏低。',
      '村集体的鱼塘承包给了村主任的亲戚，承包费好几年没有收。',
      '村务监督委员会基本不起作用，账目公开只公开一个总数。',
    ],
    sources: ['村级财务账目', '集体资产台账', '土地承包合同'],
    findings: [
      '{village}{year}年白条入账{n}笔，合计{amount}万元。',
      '集体土地出租合同期限{n}年，租金低于周边水平，未经村民代表大会表决。',
    ],
    scenes: ['现场拍摄照片{n}张，调取了村委会的会议记录和财务账本。'],
  },
  {
    questions: ['乡村振兴的衔接资金使用情况怎么样？', '单位的专项资金使用情况怎么样？'],
    answers: [
      '乡村振兴的衔接资金主要用在产业项目上，但有的项目选得不准，建成后没有收益。',
      '专项资金有{amount}万元滞留在账上一年多没有使用，项目进度比较慢。',
      '产业扶贫的合作社有的已经不经营了，分红也停了。',
      '种粮补贴的面积有虚报的情况，有的地已经撂荒了还在领补贴。',
    ],
    sources: ['专项资金拨付文件', '衔接资金项目库'],
    findings: ['专项资金{amount}万元拨付至项目单位后被用于弥补办公经费。'],
    scenes: [
      '{village}的文化广场建成后大门紧锁，健身器材已经生锈，群众意见较大。',
      '群众{name}反映，家里的危房改造补助至今没有领到，村干部说还在走程序。',
    ],
  },
  {
    questions: ['学生营养餐和学校食堂是怎么管理的？', '教育收费有没有不规范的情况？'],
    answers: [
      '营养餐的供货商是招标定的，但是学生反映饭菜分量少，肉很少。',
      '有的学校以资料费的名义向学生收费，每学期{n}元不等。',
      '教辅材料是统一征订的，听说书商给了回扣。',
    ],
    sources: ['营养改善计划资金台账', '学校收费票据'],
    findings: ['营养改善计划资金台账显示，{year}年结余{amount}万元未按规定使用。'],
    scenes: ['学校食堂的营养餐公示与实际供餐不一致，学生反映饭菜分量少。'],
  },
  {
    questions: ['医保基金使用有没有不规范的情况？', '卫生院的药品和设备是怎么管理的？'],
    answers: [
      '有的卫生院存在挂床住院的情况，病人不在床上，费用照样结算。',
      '药品采购没有完全通过平台，有一部分是从医药公司直接进的。',
      '新买的设备长期闲置，当时论证不充分。',
    ],
    sources: ['医保结算清单', '药品采购台账'],
    findings: ['医保结算清单中有{n}人次住院期间有外出记录，涉及金额{amount}万元。'],
    scenes: ['到镇卫生院查看，药品管理台账不全，部分设备长期闲置。'],
  },
];

const GENERAL_ANSWERS = [
  '我个人认为单位整体风气还是好的，但是制度执行不够严格，有些规定落实打了折扣。',
  '这个情况我不太清楚，你们可以再问问其他同志。',
  '群众反映比较多的是办事难、办事慢，有的事情要跑好几趟。',
  '我愿意配合巡察组的工作，刚才讲的情况都是我了解到的真实情况。',
  '具体的数字我记不准了，可以回去查一下再报给巡察组。',
];
const OPENING = ['请介绍一下你的基本情况和分管工作。', '你在单位工作多少年了？主要负责什么？'];
const OPENING_ANSWERS = [
  '我是{year}年调到{unit}工作的，目前分管{area}工作，同时联系{town}。',
  '我在单位工作了{n}年，现在主要负责{area}方面的工作。',
];
const CLOSING = [
  '对本次巡察，你还有什么需要向巡察组反映的？',
  '你对领导班子及其成员有什么意见和建议？',
];
const AREAS = ['财务', '人事', '项目建设', '办公室', '党建', '民生保障', '安全生产', '招商引资'];
const UNITS = [
  '教育局',
  '卫生健康局',
  '民政局',
  '财政局',
  '水利局',
  '住房和城乡建设局',
  '交通运输局',
  '自然资源局',
  '农业农村局',
  '人力资源和社会保障局',
  '市场监督管理局',
  '城市管理局',
  '乡村振兴局',
  '医疗保障局',
  '国有资产投资公司',
  '第一中学',
  '人民医院',
  '供销合作社',
];
const POSTS = [
  '党组书记、局长',
  '党组成员、副局长',
  '办公室主任',
  '财务股股长',
  '纪检监察组组长',
  '人事股股长',
  '镇党委书记',
  '镇长',
  '副镇长',
  '村党支部书记',
  '村委会主任',
  '村会计',
  '工作人员',
  '校长',
  '院长',
  '总经理',
  '项目负责人',
  '离退休干部',
  '普通党员',
];

interface Writer {
  readonly random: Random;
  fill(template: string): string;
}

function writer(random: Random): Writer {
  const name = () =>
    pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.6 ? pick(random, GIVEN) : '');
  const values: Record<string, () => string> = {
    name,
    unit: () => pick(random, COUNTIES) + pick(random, UNITS),
    town: () => pick(random, TOWNS),
    village: () => pick(random, VILLAGES),
    project: () => pick(random, PROJECTS),
    area: () => pick(random, AREAS),
    year: () => String(int(random, 2019, 2025)),
    month: () => String(int(random, 1, 12)),
    n: () => String(int(random, 2, 60)),
    m: () => String(int(random, 1, 9)),
    amount: () => (int(random, 10, 9999) / 10).toFixed(1),
  };
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, key: string) => values[key]?.() ?? key);
  return { random, fill };
}

const date = (w: Writer) =>
  `${int(w.random, 2024, 2026)}年${int(w.random, 1, 12)}月${int(w.random, 1, 28)}日`;

/** A few distinct topics: what one record is about. */
function topicsFor(w: Writer, count: number): Topic[] {
  const chosen = new Set<Topic>();
  while (chosen.size < count) chosen.add(pick(w.random, TOPICS));
  return [...chosen];
}

function turn(w: Writer, question: string, answers: readonly string[]): string {
  let text = `问：${question}\n答：`;
  const sentences = int(w.random, 2, 4);
  for (let s = 0; s < sentences; s++) {
    text += w.fill(w.random() < 0.85 ? pick(w.random, answers) : pick(w.random, GENERAL_ANSWERS));
  }
  return `${text}\n`;
}

function interview(w: Writer, index: number): SearchDoc {
  const person = w.fill('{name}');
  const target = int(w.random, 1700, 2300);
  let body =
    `谈话类型：${pick(w.random, INTERVIEW_KINDS)}\n时间：${date(w)}\n地点：${pick(w.random, ROOMS)}\n` +
    w.fill('谈话人：{name}、{name}\n记录人：{name}\n') +
    `被谈话人：${person}，${w.fill('{unit}')}${pick(w.random, POSTS)}\n` +
    turn(w, pick(w.random, OPENING), OPENING_ANSWERS);
  const topics = topicsFor(w, int(w.random, 2, 4));
  while (body.length < target - 150) {
    const topic = pick(w.random, topics);
    body += turn(w, pick(w.random, topic.questions), topic.answers);
  }
  body += turn(w, pick(w.random, CLOSING), GENERAL_ANSWERS);
  const pages = int(w.random, 2, 6);
  body += `（以上记录已经本人核对，与本人所谈一致。）\n被谈话人确认签字：${person}\n第 ${pages} 页 共 ${pages} 页`;
  return {
    id: `interview-${index}`,
    kind: 'interview',
    title: `与${person}的谈话记录`,
    text: body,
  };
}

function review(w: Writer, index: number): SearchDoc {
  const topic = topicsFor(w, 1)[0]!;
  const source = pick(w.random, topic.sources);
  const year = int(w.random, 2021, 2025);
  let body =
    `资料名称：${year}年${source}\n` +
    w.fill(`来源：{unit}办公室\n文号：县发〔${year}〕{n}号\n时间范围：${year}年1月至12月\n`) +
    w.fill('页数：共{n}页，{m}卷\n查阅人：{name}、{name}\n摘录及反映问题：\n');
  const target = int(w.random, 650, 950);
  while (body.length < target) {
    const from = w.random() < 0.8 ? topic : pick(w.random, TOPICS);
    body += w.fill(pick(w.random, [...from.findings, ...from.answers])) + '\n';
  }
  return {
    id: `review-${index}`,
    kind: 'docReview',
    title: `查阅${source}（${year}年）`,
    text: body,
  };
}

function visit(w: Writer, index: number): SearchDoc {
  const village = pick(w.random, VILLAGES);
  const topics = topicsFor(w, 2).filter((t) => t.scenes.length > 0);
  let body =
    `走访地点：${pick(w.random, TOWNS)}${village}\n时间：${date(w)}\n` +
    w.fill('走访人员：{name}、{name}\n方式：四不两直\n见到：{name}（村民）\n情况记录：\n');
  const target = int(w.random, 480, 720);
  while (body.length < target) {
    const topic = topics.length > 0 && w.random() < 0.6 ? pick(w.random, topics) : undefined;
    const lines = topic === undefined ? GENERAL_ANSWERS : [...topic.scenes, ...topic.answers];
    body += w.fill(pick(w.random, lines)) + '\n';
  }
  return { id: `visit-${index}`, kind: 'siteVisit', title: `实地走访${village}`, text: body };
}

/** The whole case: 3,500 records, ~5 M characters. */
export function generateCase(seed = 20261123): SearchDoc[] {
  const w = writer(prng(seed));
  const docs: SearchDoc[] = [];
  for (let i = 0; i < 2000; i++) docs.push(interview(w, i));
  for (let i = 0; i < 1000; i++) docs.push(review(w, i));
  for (let i = 0; i < 500; i++) docs.push(visit(w, i));
  return docs;
}

/** Words an inspector types into the search box; the absent ones occur nowhere. */
export const QUERY_WORDS = {
  two: [
    '用车',
    '低保',
    '投标',
    '补贴',
    '整改',
    '问题',
    '资金',
    '党组',
    '会议',
    '票据',
    '截留',
    '礼金',
    '接待',
    '巡察',
    '工程',
    '书记',
    '村民',
    '宴请',
    '旅游',
    '围标',
    '房租',
    '食堂',
    '危房',
    '医保',
    '王伟',
    '李静',
    '张敏',
    '刘强',
    '陈杰',
    '乡村',
    '合同',
    '凭证',
    '考察',
    '一卡',
    '党费',
    '白条',
  ],
  twoAbsent: ['火星', '量子', '航母', '熊猫', '芯片', '股票', '高铁', '足球'],
  four: [
    '公务用车',
    '三重一大',
    '惠民资金',
    '形式主义',
    '官僚主义',
    '组织生活',
    '违规发放',
    '基层党组',
    '工程项目',
    '整改落实',
    '财务凭证',
    '八项规定',
    '公务接待',
    '选人用人',
    '专项资金',
    '优亲厚友',
    '批评和自',
    '四不两直',
    '会议记录',
    '村账镇管',
    '危房改造',
    '挂床住院',
    '营养餐的',
    '白条入账',
  ],
  fourAbsent: ['量子通信', '火星探测', '人工智能', '足球比赛', '用车公务', '大一重三', '主义形式'],
} as const;
