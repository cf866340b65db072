import { Role, type AuthUser } from '@daogang/platform';
import { EmploymentStatus, makeIdNumber, WorkersService } from '@daogang/registry';
import type { CreateWorkerDto } from '@daogang/registry';

/** Households of the demo villages: county, township, village, members (name, birth date, status, wishes). */
interface DemoMember {
  name: string;
  born: string;
  status?: EmploymentStatus;
  wish?: string[];
  skills?: string[];
  move?: boolean;
  training?: boolean;
  business?: boolean;
  userId?: string;
}
interface DemoHousehold { no: string; county: string; township: string; village: string; poor: boolean; members: DemoMember[] }

const E = EmploymentStatus;
const FEMALE = new Set(['马秀兰', '冶玉梅', '何梅花', '韩小芳', '冉秀英', '谭小红']);
const HOUSEHOLDS: DemoHousehold[] = [
  { no: '6229250101001', county: '622925', township: '城关镇', village: '陈家集村', poor: true, members: [
    { name: '马小军', born: '1996-04-12', wish: ['电子厂', '普工'], skills: ['普工'], move: true },
    { name: '马建华', born: '1970-09-03', status: E.PublicWelfarePost, skills: ['农业种植'] },
    { name: '马秀兰', born: '1973-02-21', wish: ['家政'], training: true },
  ] },
  { no: '6229250101002', county: '622925', township: '城关镇', village: '陈家集村', poor: true, members: [
    { name: '冶海军', born: '1992-07-30', status: E.EmployedOutOfProvince, skills: ['电焊'] },
    { name: '冶玉梅', born: '1994-11-08', wish: ['纺织服装'], skills: ['缝纫'], move: true },
  ] },
  { no: '6229250102001', county: '622925', township: '三合镇', village: '三谷村', poor: true, members: [
    { name: '何文忠', born: '1985-05-17', wish: ['建筑'], skills: ['砌筑'], move: true },
    { name: '何梅花', born: '1988-03-02', wish: ['餐饮'], skills: ['拉面'], business: true },
  ] },
  { no: '6229210101001', county: '622921', township: '韩集镇', village: '双城村', poor: false, members: [
    { name: '韩志明', born: '1990-01-25', status: E.EmployedInProvince, skills: ['驾驶'] },
    { name: '韩小芳', born: '2001-06-14', status: E.InTraining, wish: ['电子厂'], training: true },
  ] },
  { no: '4228010101001', county: '422801', township: '龙凤镇', village: '龙马村', poor: true, members: [
    { name: '冉秀英', born: '1987-08-19', wish: ['纺织服装'], skills: ['缝纫'], move: true },
    { name: '向春生', born: '1984-12-05', status: E.EmployedOutOfProvince, skills: ['电子装配'] },
  ] },
  { no: '4228010102001', county: '422801', township: '白杨坪镇', village: '洞下槽村', poor: true, members: [
    { name: '田大山', born: '1979-10-10', wish: ['物流'], skills: ['叉车'], move: true },
  ] },
  { no: '5001010101001', county: '500101', township: '龙驹镇', village: '梨树村', poor: true, members: [
    { name: '谭志勇', born: '1991-02-28', wish: ['制造', '普工'], skills: ['普工'], move: true },
    { name: '谭小红', born: '1993-09-09', status: E.SelfEmployed, business: true },
  ] },
  { no: '5001010101002', county: '500101', township: '龙驹镇', village: '梨树村', poor: false, members: [
    { name: '陈国庆', born: '1982-10-01', wish: ['建筑'], skills: ['钢筋', '木工'], move: true },
  ] },
];

/** The demo villages of Linxia, Enshi and Wanzhou: households with workers in every list, one zero-employment. */
export async function seedDemoRegistry(workers: WorkersService, adminId: string, workerUserId: string): Promise<void> {
  const admin: AuthUser = { id: adminId, role: Role.Admin, countyCodes: [] };
  let sequence = 11;
  for (const household of HOUSEHOLDS) {
    for (const member of household.members) {
      // The 17th digit of an ID number is odd for men, even for women.
      sequence += 2;
      const female = FEMALE.has(member.name);
      const dto: CreateWorkerDto = {
        name: member.name,
        idNumber: makeIdNumber(household.county, member.born, female ? sequence + 1 : sequence),
        homeCountyCode: household.county,
        township: household.township,
        village: household.village,
        householdNo: household.no,
        registeredPoor: household.poor,
        mobile: `1390000${String(sequence).padStart(4, '0')}`,
        education: 'junior',
        skills: member.skills ?? [],
        wishCategories: member.wish ?? [],
        wantsToMove: member.move ?? false,
        wantsTraining: member.training ?? false,
        wantsBusiness: member.business ?? false,
        employmentStatus: member.status ?? E.NotEmployed,
        minMonthlyWage: member.wish ? 4500 : undefined,
        availableFrom: member.status ? undefined : '2027-02-20',
      } as CreateWorkerDto;
      const isDemoWorker = member.name === '马小军';
      if (isDemoWorker) dto.mobile = '13900000001';
      const creator: AuthUser = isDemoWorker ? { id: workerUserId, role: Role.Worker, countyCodes: [] } : admin;
      await workers.create(creator, dto);
    }
  }
}
