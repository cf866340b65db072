/**
 * Vocabulary of the generated corpus: the job orders of eastern employers (and western public-welfare posts) and
 * the workers of western counties, in the words brokers, employers and workers actually use.
 */

/** A kind of job: its category (JOB_CATEGORIES), the words of its title, the standard skill it asks for. */
export interface Role {
  role: string;
  category: string;
  titles: string[];
  skill?: string;
  /** Where it is offered: east (factories, cities) or west (local posts). */
  where: 'east' | 'west' | 'both';
  wage: [number, number];
  weight: number;
}

export const ROLES: Role[] = [
  { role: '电子厂普工', category: '电子厂', titles: ['电子厂普工', '电子厂操作工', '电子厂长白班普工', '手机厂普工', '电子厂流水线普工'], where: 'east', wage: [4800, 7500], weight: 14 },
  { role: 'SMT操作工', category: '电子厂', titles: ['SMT操作工', 'SMT贴片操作员', '电子贴片工'], skill: '电子装配', where: 'east', wage: [5500, 8000], weight: 4 },
  { role: '电子装配工', category: '电子厂', titles: ['电子装配工', '手机组装工', '插件工', '电子元件装配'], skill: '电子装配', where: 'east', wage: [5000, 7500], weight: 5 },
  { role: '质检员', category: '电子厂', titles: ['质检员', '品检员', 'QC检验员'], where: 'east', wage: [5000, 7000], weight: 3 },
  { role: '普工', category: '普工', titles: ['普工', '操作工', '流水线普工', '包装工', '打包工', '长白班普工'], skill: '普工', where: 'both', wage: [4200, 6500], weight: 14 },
  { role: '缝纫工', category: '纺织服装', titles: ['缝纫工', '平车工', '车工', '制衣厂缝纫工', '服装厂车位'], skill: '缝纫', where: 'both', wage: [5000, 9500], weight: 8 },
  { role: '服装普工', category: '纺织服装', titles: ['服装厂普工', '熨烫工', '裁床工', '纺织挡车工'], where: 'east', wage: [4500, 7000], weight: 4 },
  { role: '钢筋工', category: '建筑', titles: ['钢筋工', '建筑钢筋工'], skill: '钢筋', where: 'east', wage: [7000, 12000], weight: 2 },
  { role: '木工', category: '建筑', titles: ['木工', '支模木工'], skill: '木工', where: 'east', wage: [7000, 12000], weight: 2 },
  { role: '架子工', category: '建筑', titles: ['架子工'], skill: '架子工', where: 'east', wage: [7500, 12000], weight: 1 },
  { role: '建筑小工', category: '建筑', titles: ['建筑小工', '工地杂工', '砌筑工'], skill: '砌筑', where: 'both', wage: [5000, 8000], weight: 2 },
  { role: '厨师', category: '餐饮', titles: ['厨师', '炒锅厨师', '食堂厨师'], skill: '厨师', where: 'east', wage: [6000, 10000], weight: 3 },
  { role: '拉面师傅', category: '餐饮', titles: ['拉面师傅', '兰州拉面师傅', '牛肉面拉面工'], skill: '拉面', where: 'east', wage: [6000, 11000], weight: 2 },
  { role: '服务员', category: '餐饮', titles: ['餐厅服务员', '酒店服务员', '包间服务员', '传菜员'], where: 'east', wage: [4000, 6000], weight: 2 },
  { role: '后厨帮工', category: '餐饮', titles: ['洗碗工', '后厨帮工', '切配工'], where: 'east', wage: [3800, 5500], weight: 1 },
  { role: '面点师', category: '餐饮', titles: ['面点师', '面点工'], skill: '面点', where: 'east', wage: [5500, 8500], weight: 1 },
  { role: '家政服务员', category: '家政', titles: ['家政服务员', '住家保姆', '钟点工'], skill: '家政', where: 'east', wage: [5000, 8000], weight: 2 },
  { role: '育婴员', category: '家政', titles: ['育婴员', '月嫂', '育儿嫂'], skill: '育婴', where: 'east', wage: [7000, 13000], weight: 2 },
  { role: '快递分拣员', category: '物流', titles: ['快递分拣员', '仓库分拣员', '分拣打包员'], skill: '快递分拣', where: 'east', wage: [5000, 7500], weight: 5 },
  { role: '叉车工', category: '物流', titles: ['叉车工', '叉车司机', '仓库叉车工'], skill: '叉车', where: 'east', wage: [6000, 8500], weight: 3 },
  { role: '仓管员', category: '物流', titles: ['仓管员', '仓库管理员', '装卸工'], skill: '仓储', where: 'east', wage: [5000, 7000], weight: 3 },
  { role: '保洁员', category: '保洁', titles: ['保洁员', '物业保洁', '商场保洁', '清洁工'], skill: '保洁', where: 'both', wage: [3500, 5000], weight: 4 },
  { role: '护林员', category: '护林员', titles: ['生态护林员', '护林员', '森林防火护林员'], where: 'west', wage: [1500, 2500], weight: 2 },
  { role: '保安员', category: '保安', titles: ['保安员', '小区保安', '门卫', '巡逻保安'], skill: '保安', where: 'both', wage: [4000, 6000], weight: 4 },
  { role: '电焊工', category: '制造', titles: ['电焊工', '氩弧焊工', '二保焊工'], skill: '电焊', where: 'east', wage: [7000, 11000], weight: 3 },
  { role: '数控车工', category: '制造', titles: ['数控车工', 'CNC操作工', '机加工学徒'], where: 'east', wage: [6000, 9000], weight: 3 },
  { role: '注塑工', category: '制造', titles: ['注塑工', '注塑机操作工', '冲压工'], where: 'east', wage: [5500, 8000], weight: 2 },
  { role: '电工', category: '制造', titles: ['电工', '维修电工'], skill: '电工', where: 'both', wage: [6500, 9500], weight: 2 },
  { role: '采摘工', category: '农业', titles: ['采茶工', '果园采摘工', '蔬菜大棚工', '葡萄采摘工'], skill: '农业种植', where: 'both', wage: [3500, 6000], weight: 2 },
  { role: '养殖工', category: '农业', titles: ['养殖工', '养牛场饲养员', '养鸡场工人'], skill: '养殖', where: 'both', wage: [4000, 6500], weight: 1 },
  { role: '养老护理员', category: '养老护理', titles: ['养老护理员', '护工', '养老院护理员'], skill: '养老护理', where: 'both', wage: [4500, 7000], weight: 2 },
  { role: '扶贫车间工', category: '其他', titles: ['扶贫车间手工', '扶贫车间来料加工', '帮扶车间普工'], where: 'west', wage: [2000, 3500], weight: 2 },
  { role: '司机', category: '其他', titles: ['货车司机', '驾驶员', '网约车司机'], skill: '驾驶', where: 'east', wage: [7000, 11000], weight: 2 },
  { role: '临时工', category: '其他', titles: ['临时工', '小时工', '暑假工', '日结零工'], where: 'east', wage: [3500, 6000], weight: 2 },
];

/** Eastern cities that hire, by GB/T 2260 city code (the partners of the western counties, and the big hubs). */
export const EAST_CITIES = [
  '350200', '350500', '350100', '330400', '330100', '330200', '330300', '320500', '320200', '310100',
  '441900', '440300', '440100', '440600', '442000', '370200', '370100', '370800', '120100', '330700',
];
/** Weights of the eastern cities (Xiamen and Jiaxing are paired with Linxia and Enshi: more orders there). */
export const EAST_WEIGHTS: Record<string, number> = { '350200': 3, '330400': 3, '330100': 3, '320500': 2, '441900': 2, '440300': 2, '370800': 1.5 };

/** Western cities whose counties send workers (and host local posts). */
export const WEST_CITIES = ['622900', '422800', '500100', '621100', '520500', '530600', '513400'];
/** Chongqing's districts are one city: only these (the Three Gorges counties) send workers. */
export const CHONGQING_COUNTIES = ['500101', '500154', '500230', '500231', '500233', '500235', '500236', '500237', '500238', '500240', '500241', '500242', '500243', '500229'];

export const BRANDS = [
  '宏泰', '华鑫', '锦绣', '立讯', '富华', '德昌', '恒通', '永盛', '金辉', '瑞丰', '鸿达', '安康', '新联', '嘉诚', '正大', '天成',
  '万邦', '东方', '长城', '明阳', '顺达', '益民', '海润', '协和', '兴旺', '鑫源', '和盛', '博远', '中联', '华美', '光明', '利群',
];
export const INDUSTRY: Record<string, string[]> = {
  电子厂: ['电子', '精密电子', '光电科技', '电子科技'],
  普工: ['实业', '制品', '包装', '塑胶'],
  纺织服装: ['纺织', '服饰', '制衣', '针织'],
  建筑: ['建设工程', '建筑劳务', '建工'],
  餐饮: ['餐饮管理', '酒店', '食品'],
  家政: ['家政服务', '母婴护理'],
  物流: ['物流', '供应链', '快递', '仓储'],
  保洁: ['物业管理', '保洁服务'],
  护林员: ['林业站', '自然资源局'],
  保安: ['保安服务', '物业管理'],
  制造: ['机械', '五金', '汽车零部件', '模具'],
  农业: ['农业开发', '生态农业', '茶业', '牧业'],
  养老护理: ['养老服务', '康养中心'],
  其他: ['人力资源', '劳务', '运输'],
};

export const DESCRIPTION_PARTS = {
  /** Duties by category. */
  duty: {
    电子厂: ['负责产品组装、检测', '手机主板组装、检测', '贴片机上下料、巡检', '流水线作业，简单易学', '电子元件插件、焊锡'],
    普工: ['流水线作业，简单易学', '成品包装、贴标、装箱', '按工艺要求操作设备', '产品分拣、搬运'],
    纺织服装: ['针织服装平车、拷边', '服装裁剪、熨烫', '成衣整烫、包装', '纺织机看台'],
    建筑: ['钢筋绑扎、加工', '支模、拆模', '工地搬运、打杂', '砌墙、抹灰'],
    餐饮: ['食堂炒菜、备餐', '拉面、煮面', '餐厅点菜、传菜', '面点制作'],
    家政: ['照顾婴幼儿', '做饭、打扫卫生', '产妇护理、新生儿护理'],
    物流: ['货物分拣、打包、上架', '驾驶叉车装卸货物', '仓库收发货、盘点', '配送快递包裹'],
    保洁: ['公共区域日常清洁', '商场、写字楼保洁', '小区楼道清扫'],
    护林员: ['巡山护林、森林防火宣传', '林区巡护、病虫害监测'],
    保安: ['小区门岗值守、巡逻', '厂区巡逻、登记来访', '商场安保'],
    制造: ['焊接钢结构件', '操作数控车床', '注塑机看机、取件', '设备维修、电路检修'],
    农业: ['大棚蔬菜种植管理', '茶叶采摘', '水果采摘、分拣', '牛羊饲养'],
    养老护理: ['照顾老人起居', '协助老人进食、翻身'],
    其他: ['来料加工、手工编织', '货物运输', '临时搬运、打杂', '按安排做零活'],
  } as Record<string, string[]>,
  hours: ['8小时工作制', '每天工作10小时', '做六休一', '做五休二', '加班另计', '月休4天', '可长期做'],
  pay: ['计件工资，多劳多得', '底薪加计件', '满勤奖200元', '夜班补贴', '工资按月足额发放', '年底有奖金', '可预支生活费'],
  perks: ['专车接送', '岗前培训3天', '不会可学，师傅带', '住宿为4人间，有空调', '食堂免费', '报销来厂路费', '缴纳五险', '节日福利'],
  needs: ['年龄18至50周岁', '身体健康', '能吃苦耐劳', '有相关经验者优先', '初中以上文化', '视力良好，无色盲', '持证上岗'],
};

export const SURNAMES = [
  '马', '马', '马', '冶', '何', '韩', '王', '王', '张', '张', '苏', '冉', '向', '谭', '田', '李', '李', '陈', '杨', '刘',
  '黄', '周', '吴', '赵', '罗', '龙', '彭', '杜', '妥', '喇', '沙', '孔', '康', '秦', '邓', '熊', '覃', '牟', '胡', '余',
];
export const GIVEN = [
  '小军', '海军', '秀兰', '玉梅', '建国', '志强', '春燕', '国平', '文斌', '晓红', '德胜', '明', '芳', '静', '伟', '强',
  '丽', '军', '勇', '艳', '海燕', '小龙', '建华', '金花', '玉兰', '志明', '学军', '永福', '福祥', '国庆', '红梅', '桂英',
  '秀英', '云', '霞', '平', '刚', '斌', '鹏', '浩', '子涵', '一鸣', '雨欣', '思雨', '梓轩', '俊杰', '婷婷', '佳佳',
  '尕娃', '尔麦', '哈三', '伊斯', '努尔', '阿依', '成林', '万山', '家福', '长寿', '贵生', '翠花', '兰英', '凤英',
];
export const TOWN_ROOTS = [
  '城关', '三合', '松鸣', '陈家集', '罗家集', '买家集', '新营', '达浪', '梁家寺', '卜家庄', '龙泉', '高桥', '白杨',
  '团结', '红岩', '石门', '太平', '金峰', '双河', '青山', '清水', '柳林', '马集', '尹集', '土桥', '漠泥沟', '北塬',
];
export const VILLAGE_ROOTS = [
  '陈家', '马家', '何家', '韩家', '苏家', '张家', '李家', '王家', '杨家', '赵家', '冯家', '罗家', '石家', '刘家',
  '大湾', '小河', '中山', '新庄', '前进', '红星', '和平', '黄土', '阳洼', '阴坡', '沙塄', '半坡', '柳树', '桃园',
];
export const VILLAGE_ENDS = ['村', '庄村', '湾村', '沟村', '坪村', '集村', '岔村', '山村', '坡村'];

/** Free text of a worker's skills and wishes (skillsNote), in the worker's own words. */
export const SKILL_NOTES = [
  '', '', '', '', '会开叉车，有叉车证', '在厦门电子厂干过两年', '想去江浙一带', '会缝纫，做过服装', '做过拉面，想去外地开店',
  '有电焊经验', '会做饭，想找食堂工作', '能吃苦，什么活都能干', '想找包吃住的厂', '想学技术', '照顾过老人', '干过工地',
  '在嘉兴纺织厂做过', '想就近务工', '有驾照，开过货车', '做过快递分拣', '身体好，能上夜班', '想找长白班',
];
