/**
 * Words of inspection work shared by generated data: names of people and places. The search
 * benchmark's corpus (test/bench/corpus.ts) and the demo case both draw from these lists; the
 * corpus depends on their order (same seed, same case), so add at the end, never reorder.
 */

/** Common surnames, one character each. */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
/** Characters of given names. */
export const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉文斌林波海鹏辉飞宇浩凯晨亮俊峰琳雪梅兰松柏德新春秋冬远',
];
export const COUNTIES = ['某县', '清河县', '石门县', '安平县', '东阳县'];
export const TOWNS = [
  '城关镇',
  '石桥镇',
  '白沙镇',
  '龙泉镇',
  '青山乡',
  '河口乡',
  '新华镇',
  '柳林镇',
];
export const VILLAGES = [
  '东风村',
  '红旗村',
  '新民村',
  '和平村',
  '柳树村',
  '杨家湾村',
  '三合村',
  '石桥社区',
  '向阳村',
  '龙潭村',
  '大坪村',
  '桃园村',
];
export const PROJECTS = [
  '农村饮水安全巩固提升',
  '中小学校舍维修改造',
  '乡镇卫生院业务用房',
  '高标准农田建设',
  '城区道路提升改造',
  '河道综合治理',
  '老旧小区改造',
  '农村公路硬化',
  '文化广场',
  '污水管网',
];
