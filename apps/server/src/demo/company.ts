import type { HouseholdStatus, ProjectStage, ProjectType } from '@manyi/core';

/**
 * The demo company as a property manager would describe it: two regions, five projects of every
 * type and stage, and the buildings of each. Room counts are chosen so that the company has
 * about 3,000 households in all.
 */

export const demoCompanyName = '安居物业服务有限公司';
export const demoPassword = 'Manyi@2026';

export const demoRegions = ['华东区域', '华南区域'] as const;
export type DemoRegion = (typeof demoRegions)[number];

/**
 * units 0: the building has no 单元 (office towers, shopping streets). floors lists the numbered
 * floors that hold rooms; areas are the floor plans by position on the floor, in m².
 */
export type BuildingPlan = { name: string; units: number; floors: readonly number[]; roomsPerFloor: number; areas: readonly number[] };

export type ProjectPlan = {
  code: string;
  /** Short lower-case name used in staff logins (ljy.steward2). */
  slug: string;
  name: string;
  type: ProjectType;
  stage: ProjectStage;
  region: DemoRegion;
  city: string;
  address: string;
  buildings: readonly BuildingPlan[];
  statusWeights: readonly (readonly [HouseholdStatus, number])[];
  /** Share of occupied households let to a tenant. */
  rentedShare: number;
  /** How long ago residents were first registered, in days: a range by the project's age. */
  registeredDaysAgo: readonly [number, number];
  stewards: number;
  /** 服务热线, filled into call scripts and owner notices. */
  hotline: string;
};

const range = (from: number, to: number, skip: readonly number[] = []) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index).filter((floor) => !skip.includes(floor));

/** 栋 1…count with the same plan; names are bare numbers so that householdLabel adds 栋. */
const residentialBuildings = (count: number, plan: (number: number) => Omit<BuildingPlan, 'name'>) =>
  Array.from({ length: count }, (_, index) => ({ name: String(index + 1), ...plan(index + 1) }));

export const demoProjects: readonly ProjectPlan[] = [
  {
    code: 'SH-LJY',
    slug: 'ljy',
    name: '绿景苑',
    type: 'residential',
    stage: 'mature',
    region: '华东区域',
    city: '上海',
    address: '上海市浦东新区锦绣路2188弄',
    hotline: '021-5888 2188',
    // A 2012 estate: 11-storey 小高层 in front, 18-storey towers behind.
    buildings: residentialBuildings(12, (number) =>
      number <= 6
        ? { units: 2, floors: range(1, 11), roomsPerFloor: 2, areas: [96.42, 128.75] }
        : { units: 2, floors: range(1, 18), roomsPerFloor: 2, areas: [89.36, 118.52] },
    ),
    statusWeights: [
      ['occupied', 90],
      ['vacant', 7],
      ['decorating', 3],
    ],
    rentedShare: 0.18,
    registeredDaysAgo: [900, 3600],
    stewards: 3,
  },
  {
    code: 'HZ-YHF',
    slug: 'yhf',
    name: '云和府',
    type: 'residential',
    stage: 'early',
    region: '华东区域',
    city: '杭州',
    address: '杭州市滨江区江南大道3688号',
    hotline: '0571-8766 3688',
    // Handed over last year: many owners are still renovating or have not moved in.
    buildings: residentialBuildings(8, () => ({ units: 2, floors: range(1, 26), roomsPerFloor: 2, areas: [105.8, 139.6] })),
    statusWeights: [
      ['occupied', 45],
      ['vacant', 25],
      ['decorating', 30],
    ],
    rentedShare: 0.05,
    registeredDaysAgo: [30, 330],
    stewards: 3,
  },
  {
    code: 'SZ-BHW',
    slug: 'bhw',
    name: '碧海湾花园',
    type: 'residential',
    stage: 'growth',
    region: '华南区域',
    city: '深圳',
    address: '深圳市南山区后海大道2388号',
    hotline: '0755-2688 2388',
    buildings: residentialBuildings(7, () => ({ units: 2, floors: range(1, 32), roomsPerFloor: 2, areas: [78.9, 112.45] })),
    statusWeights: [
      ['occupied', 80],
      ['vacant', 11],
      ['decorating', 9],
    ],
    rentedShare: 0.22,
    registeredDaysAgo: [400, 2000],
    stewards: 3,
  },
  {
    code: 'SH-HJZX',
    slug: 'hjzx',
    name: '汇金中心',
    type: 'office',
    stage: 'mature',
    region: '华东区域',
    city: '上海',
    address: '上海市静安区南京西路1266号',
    hotline: '021-6288 1266',
    // Towers skip the unlucky 4th, 13th and 14th floors, as Shanghai office buildings often do.
    buildings: [
      { name: 'A座', units: 0, floors: range(3, 34, [4, 13, 14]), roomsPerFloor: 8, areas: [186.5, 142.3, 98.6, 215.4, 168.2, 120.75, 96.4, 240.1] },
      { name: 'B座', units: 0, floors: range(3, 24, [4, 13, 14]), roomsPerFloor: 6, areas: [312.8, 156.4, 128.9, 276.5, 148.3, 205.6] },
    ],
    statusWeights: [
      ['occupied', 86],
      ['vacant', 12],
      ['decorating', 2],
    ],
    rentedShare: 0.7,
    registeredDaysAgo: [600, 3000],
    stewards: 2,
  },
  {
    code: 'GZ-TLG',
    slug: 'tlg',
    name: '天利广场',
    type: 'commercial',
    stage: 'growth',
    region: '华南区域',
    city: '广州',
    address: '广州市天河区天河路385号',
    hotline: '020-3888 0385',
    buildings: [
      { name: 'A区商铺', units: 0, floors: range(1, 4), roomsPerFloor: 28, areas: [42.5, 68.3, 55.8, 120.6, 36.9, 86.2, 150.4] },
      { name: 'B区商铺', units: 0, floors: range(1, 3), roomsPerFloor: 30, areas: [48.6, 72.1, 260.3, 39.5, 95.7, 58.4] },
    ],
    statusWeights: [
      ['occupied', 82],
      ['vacant', 10],
      ['decorating', 8],
    ],
    rentedShare: 0.85,
    registeredDaysAgo: [200, 1500],
    stewards: 2,
  },
];

/** Frontline posts staffed in every project, with how many technicians each holds. */
export const frontlinePosts = [
  { post: 'engineering', slug: 'repair', count: 2 },
  { post: 'security', slug: 'security', count: 2 },
  { post: 'cleaning', slug: 'cleaning', count: 1 },
  { post: 'greening', slug: 'greening', count: 1 },
] as const;

/** Occupants of office suites and shops are firms; the tenant contact's note names the firm. */
export const officeFirms = [
  '科技有限公司',
  '信息技术有限公司',
  '投资管理有限公司',
  '律师事务所',
  '咨询有限公司',
  '贸易有限公司',
  '文化传媒有限公司',
  '会计师事务所',
] as const;
export const firmPrefixes = [
  '华信',
  '中鼎',
  '博远',
  '泰和',
  '金桥',
  '启明',
  '恒瑞',
  '德成',
  '嘉禾',
  '云帆',
  '锐思',
  '海纳',
  '正源',
  '优品',
  '汇通',
  '星河',
] as const;
export const shopKinds = ['餐饮', '奶茶', '服装', '便利店', '药店', '美容美发', '培训机构', '眼镜店', '烘焙', '母婴用品', '数码维修', '花店'] as const;
