/**
 * East–west cooperation pairings (东西部扶贫协作 结对关系) as data: an eastern region helps a western one, and the
 * eastern side must absorb no fewer workers from its partner than the year before.
 *
 * A pairing links two regions of any level. The national list pairs provinces and prefectures; under it the eastern
 * cities and districts pair with western counties (携手奔小康). The regions service reads these rules with one
 * refinement: a province-wide rule does not cover a part of that province that the list gives to a different
 * eastern partner (天津 helps 甘肃, but 临夏州 is 厦门's and 陇南 is 青岛's). A nested rule (济宁 ↔ 万州 under
 * 山东 ↔ 重庆) adds to the broader one instead.
 *
 * Period: the 2016 list governed the poverty-alleviation years the seed articles describe (2016–2020). The 2021
 * re-pairing (东西部协作) is not encoded here; add it as rules with `since: 2021` and `until` on the ones it ended.
 */
export type PairingConfidence = 'high' | 'medium';

export interface PairingRule {
  /** Stable id for logs and links. */
  id: string;
  /** GB/T 2260 code of the eastern (helping) region: a province, city or district. */
  east: string;
  /** GB/T 2260 code of the western (helped) region: a province, city or county. */
  west: string;
  /** First year of the pairing, where the source says. */
  since?: number;
  /** Last year, once a later list ends it. */
  until?: number;
  /** Where the pairing is stated. */
  source: string;
  /** high: a national document; medium: local government or press reports of the pairing. */
  confidence: PairingConfidence;
}

const GUIDELINE_2016 = '中办、国办《关于进一步加强东西部扶贫协作工作的指导意见》（2016年12月）调整后的结对关系';

const national = (id: string, east: string, west: string, since?: number): PairingRule => ({
  id,
  east,
  west,
  ...(since ? { since } : {}),
  source: GUIDELINE_2016,
  confidence: 'high',
});

export const PAIRINGS: readonly PairingRule[] = [
  // ---- the national list (2016) --------------------------------------------------------------------------------
  national('beijing-neimenggu', '110000', '150000', 1996), // 北京市 ↔ 内蒙古自治区
  national('beijing-zhangjiakou', '110000', '130700'), // 北京市 ↔ 河北省张家口市
  national('beijing-baoding', '110000', '130600'), // 北京市 ↔ 河北省保定市
  national('tianjin-gansu', '120000', '620000', 1996), // 天津市 ↔ 甘肃省
  national('tianjin-chengde', '120000', '130800'), // 天津市 ↔ 河北省承德市
  national('dalian-liupanshui', '210200', '520200'), // 辽宁省大连市 ↔ 贵州省六盘水市
  national('shanghai-yunnan', '310000', '530000', 1996), // 上海市 ↔ 云南省
  national('shanghai-zunyi', '310000', '520300'), // 上海市 ↔ 贵州省遵义市
  national('jiangsu-shaanxi', '320000', '610000', 1996), // 江苏省 ↔ 陕西省
  national('jiangsu-xining', '320000', '630100'), // 江苏省 ↔ 青海省西宁市
  national('jiangsu-haidong', '320000', '630200'), // 江苏省 ↔ 青海省海东市
  national('suzhou-tongren', '320500', '520600'), // 苏州市 ↔ 贵州省铜仁市
  national('zhejiang-sichuan', '330000', '510000', 1996), // 浙江省 ↔ 四川省
  national('hangzhou-enshi', '330100', '422800'), // 杭州市 ↔ 湖北省恩施土家族苗族自治州
  national('hangzhou-qiandongnan', '330100', '522600'), // 杭州市 ↔ 贵州省黔东南苗族侗族自治州
  national('ningbo-yanbian', '330200', '222400'), // 宁波市 ↔ 吉林省延边朝鲜族自治州
  national('ningbo-qianxinan', '330200', '522300'), // 宁波市 ↔ 贵州省黔西南布依族苗族自治州
  national('fujian-ningxia', '350000', '640000', 1996), // 福建省 ↔ 宁夏回族自治区
  national('fuzhou-dingxi', '350100', '621100'), // 福州市 ↔ 甘肃省定西市
  national('xiamen-linxia', '350200', '622900', 2010), // 厦门市 ↔ 甘肃省临夏回族自治州
  national('shandong-chongqing', '370000', '500000', 2010), // 山东省 ↔ 重庆市
  national('jinan-xiangxi', '370100', '433100'), // 济南市 ↔ 湖南省湘西土家族苗族自治州
  national('qingdao-anshun', '370200', '520400'), // 青岛市 ↔ 贵州省安顺市
  national('qingdao-longnan', '370200', '621200'), // 青岛市 ↔ 甘肃省陇南市
  national('guangdong-guangxi', '440000', '450000', 1996), // 广东省 ↔ 广西壮族自治区
  national('guangdong-ganzi', '440000', '513300'), // 广东省 ↔ 四川省甘孜藏族自治州
  national('guangzhou-qiannan', '440100', '522700'), // 广州市 ↔ 贵州省黔南布依族苗族自治州
  national('guangzhou-bijie', '440100', '520500'), // 广州市 ↔ 贵州省毕节市
  national('foshan-liangshan', '440600', '513400'), // 佛山市 ↔ 四川省凉山彝族自治州
  national('zhongshan-zhaotong', '442000', '530600'), // 中山市 ↔ 云南省昭通市
  national('dongguan-zhaotong', '441900', '530600'), // 东莞市 ↔ 云南省昭通市
  national('zhuhai-nujiang', '440400', '533300'), // 珠海市 ↔ 云南省怒江傈僳族自治州

  // ---- district ↔ county pairings under the list (携手奔小康), as local governments and the press report them ------
  {
    id: 'jimei-hezheng',
    east: '350211', // 厦门市集美区
    west: '622925', // 临夏州和政县
    source: '《厦门集美区对口帮扶临夏回族自治州和政县开展东西部扶贫协作框架协议》（2017年，和政县报道）',
    confidence: 'medium',
  },
  {
    id: 'tongan-kangle',
    east: '350212', // 厦门市同安区
    west: '622922', // 临夏州康乐县
    since: 2014,
    source: '《厦门市同安区—甘肃省临夏州康乐县东西部扶贫协作框架协议》（报道：2014年起对口协作）',
    confidence: 'medium',
  },
  {
    id: 'lianjiang-longxi',
    east: '350122', // 福州市连江县
    west: '621122', // 定西市陇西县
    since: 2017,
    source: '福建文明风 2019-09-09《连江陇西：谱写东西文明协作的“山海经”》',
    confidence: 'medium',
  },
  {
    id: 'huangdao-wudu',
    east: '370211', // 青岛市黄岛区（西海岸新区）
    west: '621202', // 陇南市武都区
    since: 2017,
    source: '青岛国际啤酒节“甘肃陇南武都农特产品展”报道：西海岸新区2017年与武都区建立扶贫协作关系',
    confidence: 'medium',
  },
  {
    id: 'jining-wanzhou',
    east: '370800', // 山东省济宁市
    west: '500101', // 重庆市万州区
    since: 2010,
    source: '齐鲁网：鲁渝扶贫协作、济宁市与万州区签订扶贫协作框架协议十周年（2020）；种子文章 万州→济宁 包车输送',
    confidence: 'medium',
  },
  {
    id: 'jinan-wulong',
    east: '370100', // 山东省济南市
    west: '500156', // 重庆市武隆区
    since: 2011,
    source: '济南市—武隆区东西部扶贫协作联席会报道（“2011年以来”）',
    confidence: 'medium',
  },
  {
    id: 'binzhou-fengjie',
    east: '371600', // 山东省滨州市
    west: '500236', // 重庆市奉节县
    since: 2010,
    source: '滨州日报 2020-09-25《奉节：诗城扶贫协作曲处处滨州音符》（2010年山东省确定滨州市扶贫协作奉节县）',
    confidence: 'medium',
  },
];
