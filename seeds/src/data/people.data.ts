/**
 * Material for generating plausible (fictitious) clients of a branch in Benxi, Liaoning:
 * surnames, given-name characters, addresses, 身份证 area codes and mobile prefixes.
 */

export interface SurnameSeed {
  surname: string;
  /**
   * Relative frequency, roughly people per 10,000 nationwide (after the 2020 household-register
   * ranking; approximate). Liaoning has more 王/李/张/刘/于/孙 and fewer 黄/林/梁/韦/覃 than the
   * national figure, which a generator may adjust if it cares.
   */
  weight: number;
}

/** The 100 most common Chinese surnames, most frequent first. */
export const SURNAMES: SurnameSeed[] = [
  { surname: '王', weight: 712 },
  { surname: '李', weight: 700 },
  { surname: '张', weight: 674 },
  { surname: '刘', weight: 510 },
  { surname: '陈', weight: 461 },
  { surname: '杨', weight: 322 },
  { surname: '黄', weight: 245 },
  { surname: '赵', weight: 229 },
  { surname: '吴', weight: 207 },
  { surname: '周', weight: 198 },
  { surname: '徐', weight: 163 },
  { surname: '孙', weight: 154 },
  { surname: '马', weight: 147 },
  { surname: '朱', weight: 137 },
  { surname: '胡', weight: 133 },
  { surname: '郭', weight: 118 },
  { surname: '何', weight: 112 },
  { surname: '林', weight: 106 },
  { surname: '高', weight: 105 },
  { surname: '罗', weight: 99 },
  { surname: '郑', weight: 92 },
  { surname: '梁', weight: 89 },
  { surname: '谢', weight: 79 },
  { surname: '宋', weight: 76 },
  { surname: '唐', weight: 74 },
  { surname: '许', weight: 72 },
  { surname: '韩', weight: 70 },
  { surname: '邓', weight: 68 },
  { surname: '冯', weight: 67 },
  { surname: '曹', weight: 64 },
  { surname: '彭', weight: 63 },
  { surname: '曾', weight: 60 },
  { surname: '肖', weight: 59 },
  { surname: '田', weight: 58 },
  { surname: '董', weight: 57 },
  { surname: '潘', weight: 52 },
  { surname: '袁', weight: 51 },
  { surname: '蔡', weight: 49 },
  { surname: '蒋', weight: 48 },
  { surname: '余', weight: 47 },
  { surname: '于', weight: 47 },
  { surname: '杜', weight: 46 },
  { surname: '叶', weight: 45 },
  { surname: '程', weight: 44 },
  { surname: '魏', weight: 43 },
  { surname: '苏', weight: 42 },
  { surname: '吕', weight: 41 },
  { surname: '丁', weight: 40 },
  { surname: '任', weight: 40 },
  { surname: '卢', weight: 39 },
  { surname: '姚', weight: 38 },
  { surname: '沈', weight: 37 },
  { surname: '钟', weight: 37 },
  { surname: '姜', weight: 36 },
  { surname: '崔', weight: 34 },
  { surname: '谭', weight: 34 },
  { surname: '陆', weight: 33 },
  { surname: '范', weight: 32 },
  { surname: '汪', weight: 32 },
  { surname: '廖', weight: 31 },
  { surname: '石', weight: 30 },
  { surname: '金', weight: 30 },
  { surname: '韦', weight: 29 },
  { surname: '贾', weight: 29 },
  { surname: '夏', weight: 28 },
  { surname: '付', weight: 28 },
  { surname: '方', weight: 27 },
  { surname: '邹', weight: 27 },
  { surname: '熊', weight: 26 },
  { surname: '白', weight: 26 },
  { surname: '孟', weight: 26 },
  { surname: '秦', weight: 25 },
  { surname: '邱', weight: 25 },
  { surname: '侯', weight: 24 },
  { surname: '江', weight: 24 },
  { surname: '尹', weight: 23 },
  { surname: '薛', weight: 23 },
  { surname: '闫', weight: 22 },
  { surname: '段', weight: 22 },
  { surname: '雷', weight: 21 },
  { surname: '龙', weight: 21 },
  { surname: '黎', weight: 20 },
  { surname: '史', weight: 20 },
  { surname: '陶', weight: 20 },
  { surname: '贺', weight: 19 },
  { surname: '毛', weight: 19 },
  { surname: '郝', weight: 19 },
  { surname: '顾', weight: 18 },
  { surname: '龚', weight: 18 },
  { surname: '邵', weight: 18 },
  { surname: '万', weight: 17 },
  { surname: '覃', weight: 17 },
  { surname: '武', weight: 17 },
  { surname: '钱', weight: 16 },
  { surname: '戴', weight: 16 },
  { surname: '严', weight: 16 },
  { surname: '莫', weight: 15 },
  { surname: '孔', weight: 15 },
  { surname: '向', weight: 15 },
  { surname: '常', weight: 14 },
];

export interface GivenNameCharSeed {
  char: string;
  /** 'm' mostly in men's names, 'f' mostly in women's, 'u' either. */
  gender: 'm' | 'f' | 'u';
}

const chars = (gender: GivenNameCharSeed['gender'], s: string): GivenNameCharSeed[] =>
  Array.from(s, (char) => ({ char, gender }));

/** About 200 characters common in given names (one or two of them make a given name). */
export const GIVEN_NAME_CHARS: GivenNameCharSeed[] = [
  ...chars(
    'm',
    '伟强磊军勇杰涛斌超刚平辉鹏飞鑫波浩凯健俊帆帅旭龙峰建国志东成亮博毅雷诚彬松达兵宏德福贵荣义武坤振光岩壮瑞昊轩睿哲泽铭晖锋鸿钢铁柱山胜利民江洪力进庆忠祥涵航宸麟豪彦威',
  ),
  ...chars(
    'f',
    '芳娜敏静丽艳娟霞燕玲桂秀英兰萍红梅琳雪倩婷慧莉晶媛洁怡婉琪璐蕾薇悦雅珊露雯凤妍茜蓉瑶楠冰娇彤萱菲莹茹翠淑惠珍琴美妮岚芬馨蕊诗梦蓓琦嫣娅玥',
  ),
  ...chars('u', '晓春文海子一嘉宇新永立玉金秋晨安佳欣雨明丹家思锦乐恩亦若颖天华阳林宁艺清心如君正和书远云青益辰沐'),
];

export interface DistrictSeed {
  /** GB/T 2260 administrative code. */
  code: string;
  name_zh: string;
  name_en: string;
  /** Rough share of the branch's clients living there (relative). */
  weight: number;
}

/** Districts and counties of 本溪市 (Benxi). */
export const DISTRICTS: DistrictSeed[] = [
  { code: '210502', name_zh: '平山区', name_en: 'Pingshan District', weight: 40 },
  { code: '210503', name_zh: '溪湖区', name_en: 'Xihu District', weight: 20 },
  { code: '210504', name_zh: '明山区', name_en: 'Mingshan District', weight: 25 },
  { code: '210505', name_zh: '南芬区', name_en: 'Nanfen District', weight: 5 },
  { code: '210521', name_zh: '本溪满族自治县', name_en: 'Benxi Manchu Autonomous County', weight: 5 },
  { code: '210522', name_zh: '桓仁满族自治县', name_en: 'Huanren Manchu Autonomous County', weight: 5 },
];

export interface StreetSeed {
  name: string;
  /** District code from DISTRICTS. */
  district: string;
}

/**
 * Street names for addresses in Benxi. PLAUSIBLE, not verified against a map: common Chinese
 * street names and names derived from local features (太子河, 本钢, 平顶山); do not treat as a
 * gazetteer.
 */
export const STREETS: StreetSeed[] = [
  { name: '解放北路', district: '210502' },
  { name: '解放南路', district: '210502' },
  { name: '胜利路', district: '210502' },
  { name: '站前街', district: '210502' },
  { name: '风光街', district: '210502' },
  { name: '平山路', district: '210502' },
  { name: '人民路', district: '210502' },
  { name: '新华街', district: '210502' },
  { name: '光明街', district: '210502' },
  { name: '永丰街', district: '210502' },
  { name: '平顶山路', district: '210502' },
  { name: '滨河北路', district: '210502' },
  { name: '文化路', district: '210502' },
  { name: '本钢路', district: '210502' },
  { name: '溪湖路', district: '210503' },
  { name: '河沿街', district: '210503' },
  { name: '彩屯路', district: '210503' },
  { name: '东风街', district: '210503' },
  { name: '工人路', district: '210503' },
  { name: '石桥子路', district: '210503' },
  { name: '明山路', district: '210504' },
  { name: '东明路', district: '210504' },
  { name: '峪明路', district: '210504' },
  { name: '北地街', district: '210504' },
  { name: '高峪路', district: '210504' },
  { name: '太子河路', district: '210504' },
  { name: '新明街', district: '210504' },
  { name: '南芬路', district: '210505' },
  { name: '铁山街', district: '210505' },
  { name: '小市镇中街', district: '210521' },
  { name: '桓仁镇东街', district: '210522' },
  { name: '五女山路', district: '210522' },
];

export interface IdAreaCodeSeed {
  /** 6-digit 身份证 administrative area code (GB/T 2260). */
  code: string;
  city: string;
  name_zh: string;
  /** Relative share among the branch's clients: mostly Benxi-born, some from nearby cities. */
  weight: number;
}

export const ID_AREA_CODES: IdAreaCodeSeed[] = [
  // 本溪市
  { code: '210502', city: '本溪市', name_zh: '平山区', weight: 300 },
  { code: '210503', city: '本溪市', name_zh: '溪湖区', weight: 160 },
  { code: '210504', city: '本溪市', name_zh: '明山区', weight: 180 },
  { code: '210505', city: '本溪市', name_zh: '南芬区', weight: 40 },
  { code: '210521', city: '本溪市', name_zh: '本溪满族自治县', weight: 50 },
  { code: '210522', city: '本溪市', name_zh: '桓仁满族自治县', weight: 50 },
  // 沈阳市
  { code: '210102', city: '沈阳市', name_zh: '和平区', weight: 12 },
  { code: '210103', city: '沈阳市', name_zh: '沈河区', weight: 12 },
  { code: '210104', city: '沈阳市', name_zh: '大东区', weight: 8 },
  { code: '210105', city: '沈阳市', name_zh: '皇姑区', weight: 8 },
  { code: '210106', city: '沈阳市', name_zh: '铁西区', weight: 10 },
  { code: '210111', city: '沈阳市', name_zh: '苏家屯区', weight: 6 },
  { code: '210112', city: '沈阳市', name_zh: '浑南区', weight: 6 },
  { code: '210113', city: '沈阳市', name_zh: '沈北新区', weight: 4 },
  { code: '210114', city: '沈阳市', name_zh: '于洪区', weight: 4 },
  { code: '210115', city: '沈阳市', name_zh: '辽中区', weight: 2 },
  { code: '210181', city: '沈阳市', name_zh: '新民市', weight: 2 },
  // 鞍山市
  { code: '210302', city: '鞍山市', name_zh: '铁东区', weight: 8 },
  { code: '210303', city: '鞍山市', name_zh: '铁西区', weight: 6 },
  { code: '210304', city: '鞍山市', name_zh: '立山区', weight: 5 },
  { code: '210311', city: '鞍山市', name_zh: '千山区', weight: 3 },
  { code: '210321', city: '鞍山市', name_zh: '台安县', weight: 2 },
  { code: '210323', city: '鞍山市', name_zh: '岫岩满族自治县', weight: 3 },
  { code: '210381', city: '鞍山市', name_zh: '海城市', weight: 4 },
  // 丹东市
  { code: '210602', city: '丹东市', name_zh: '元宝区', weight: 5 },
  { code: '210603', city: '丹东市', name_zh: '振兴区', weight: 5 },
  { code: '210604', city: '丹东市', name_zh: '振安区', weight: 3 },
  { code: '210624', city: '丹东市', name_zh: '宽甸满族自治县', weight: 4 },
  { code: '210681', city: '丹东市', name_zh: '东港市', weight: 3 },
  { code: '210682', city: '丹东市', name_zh: '凤城市', weight: 5 },
  // 辽阳市 (neighbour of Benxi)
  { code: '211002', city: '辽阳市', name_zh: '白塔区', weight: 5 },
  { code: '211003', city: '辽阳市', name_zh: '文圣区', weight: 4 },
  { code: '211004', city: '辽阳市', name_zh: '宏伟区', weight: 2 },
  { code: '211005', city: '辽阳市', name_zh: '弓长岭区', weight: 3 },
  { code: '211021', city: '辽阳市', name_zh: '辽阳县', weight: 3 },
  { code: '211081', city: '辽阳市', name_zh: '灯塔市', weight: 2 },
];

export interface MobilePrefixSeed {
  /** First three digits of an 11-digit mainland mobile number. */
  prefix: string;
  carrier: 'China Mobile' | 'China Unicom' | 'China Telecom' | 'China Broadnet';
}

/** Mobile number segments in use by the four network operators (MVNO-only segments left out). */
export const MOBILE_PREFIXES: MobilePrefixSeed[] = [
  ...[
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
    '172',
    '178',
    '182',
    '183',
    '184',
    '187',
    '188',
    '195',
    '197',
    '198',
  ].map((prefix) => ({ prefix, carrier: 'China Mobile' as const })),
  ...['130', '131', '132', '145', '155', '156', '166', '175', '176', '185', '186', '196'].map((prefix) => ({
    prefix,
    carrier: 'China Unicom' as const,
  })),
  ...['133', '149', '153', '173', '177', '180', '181', '189', '190', '191', '193', '199'].map((prefix) => ({
    prefix,
    carrier: 'China Telecom' as const,
  })),
  { prefix: '192', carrier: 'China Broadnet' },
];
