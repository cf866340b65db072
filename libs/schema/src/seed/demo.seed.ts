import { CreateUserDto, User, UsersService } from '@daogang/accounts';
import { Employer, JobOrder, JOBS_TOPIC, makeCreditCode } from '@daogang/jobs';
import { OutboxEvent, PiiCipher, Role } from '@daogang/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { WorkersService } from '@daogang/registry';
import type { DataSource } from 'typeorm';
import { seedDemoApplications } from './demo-applications.seed.js';
import { seedDemoReports } from './demo-reports.seed.js';
import { seedDemoRegistry } from './demo-registry.seed.js';
import { seedDemoTransport } from './demo-transport.seed.js';

export const DEMO_PASSWORD = 'daogang123';

/** Eastern employers of the pairings in DOMAIN.md (Xiamen–Linxia, Jiaxing/Hangzhou–Enshi, Shandong–Chongqing). */
const EMPLOYERS: Array<Pick<Employer, 'id' | 'name' | 'creditCode' | 'countyCode' | 'address' | 'kind' | 'verification' | 'lng' | 'lat' | 'description'>> = [
  { id: '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e01', name: '厦门集美宏泰电子有限公司', creditCode: makeCreditCode('350211', 1001), countyCode: '350211', address: '福建省厦门市集美区杏林街道', kind: 'enterprise', verification: 'verified', lng: 118.1, lat: 24.58, description: '消费电子组装，员工宿舍四人间，食堂有清真窗口。' },
  { id: '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e02', name: '嘉兴南湖锦绣纺织服装有限公司', creditCode: makeCreditCode('330402', 2002), countyCode: '330402', address: '浙江省嘉兴市南湖区', kind: 'enterprise', verification: 'verified', lng: 120.78, lat: 30.75, description: '针织服装生产，计件工资。' },
  { id: '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e03', name: '济宁任城鲁达机械制造有限公司', creditCode: makeCreditCode('370811', 3003), countyCode: '370811', address: '山东省济宁市任城区', kind: 'enterprise', verification: 'pending', lng: 116.6, lat: 35.41, description: '工程机械零部件。' },
];

/** Job orders of the demo employers (published unless said). */
const JOB_ORDERS = [
  { employer: 0, title: '电子厂普工（长白班，包吃住）', category: '电子厂', headcount: 50, wageMin: 5500, wageMax: 7000, benefits: ['dorm', 'meals', 'insurance', 'travel'], shift: 'day', requiredSkills: [], trainingOffered: true, trainingNote: '岗前培训3天，带薪', description: '手机主板组装、检测。电子厂长白班操作工，8小时工作制，加班另计。专列接送。' },
  { employer: 0, title: 'SMT操作工（两班倒）', category: '电子厂', headcount: 20, wageMin: 6000, wageMax: 8000, benefits: ['dorm', 'meals', 'insurance'], shift: 'two_shift', requiredSkills: ['电子装配'], trainingOffered: false, trainingNote: '', description: '贴片机上下料、巡检，有电子装配经验优先。' },
  { employer: 1, title: '缝纫工（计件，多劳多得）', category: '纺织服装', headcount: 30, wageMin: 5000, wageMax: 9000, benefits: ['dorm', 'meals'], shift: 'day', requiredSkills: ['缝纫'], trainingOffered: true, trainingNote: '不会可学，师傅带', description: '针织服装平车、拷边。计件工资，熟练工月入8000以上。' },
  { employer: 1, title: '仓库分拣员', category: '物流', headcount: 10, wageMin: 4800, wageMax: 6000, benefits: ['dorm', 'insurance'], shift: 'two_shift', requiredSkills: [], trainingOffered: false, trainingNote: '', description: '成衣分拣、打包、上架。' },
  { employer: 2, title: '机加工学徒（以岗定训）', category: '制造', headcount: 15, wageMin: 4500, wageMax: 6500, benefits: ['dorm', 'meals', 'insurance'], shift: 'day', requiredSkills: [], trainingOffered: true, trainingNote: '订单式培训，结业上岗', description: '车床、铣床操作，企业负责培训。', draft: true },
];

export interface DemoAccount {
  login: string;
  role: Role;
  displayName: string;
  note: string;
}

const ACCOUNTS: Array<CreateUserDto & { note: string }> = [
  { role: Role.Admin, username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD, note: '管理账号、队列监控' },
  { role: Role.Broker, username: 'broker_linxia', mobile: '13809300001', displayName: '马建国', password: DEMO_PASSWORD, countyCodes: ['622921', '622925'], note: '临夏县、和政县的劳务经纪人（驻厦门集美）' },
  { role: Role.Broker, username: 'broker_enshi', displayName: '向春燕', password: DEMO_PASSWORD, countyCodes: ['422801'], note: '恩施市的劳务经纪人' },
  { role: Role.Broker, username: 'broker_wanzhou', displayName: '谭志强', password: DEMO_PASSWORD, countyCodes: ['500101'], note: '万州区的劳务经纪人' },
  { role: Role.Employer, username: 'employer_xiamen', displayName: '林晓红（宏泰电子人事）', password: DEMO_PASSWORD, employerId: EMPLOYERS[0].id, note: '厦门集美宏泰电子' },
  { role: Role.Employer, username: 'employer_jiaxing', displayName: '沈国平（锦绣纺织人事）', password: DEMO_PASSWORD, employerId: EMPLOYERS[1].id, note: '嘉兴锦绣纺织' },
  { role: Role.Employer, username: 'employer_jining', displayName: '孔德胜（鲁达机械人事）', password: DEMO_PASSWORD, employerId: EMPLOYERS[2].id, note: '济宁鲁达机械' },
  { role: Role.Coordinator, username: 'coordinator', mobile: '13809300009', displayName: '王海燕', password: DEMO_PASSWORD, note: '输转协调员（包车、专列）' },
  { role: Role.Officer, username: 'officer_linxia', displayName: '何文斌', password: DEMO_PASSWORD, countyCodes: ['622921', '622925'], note: '临夏州人社干部' },
  { role: Role.Worker, mobile: '13900000001', displayName: '马小军', password: DEMO_PASSWORD, note: '和政县务工人员' },
  { role: Role.Worker, mobile: '13900000002', displayName: '冉秀英', password: DEMO_PASSWORD, note: '恩施市务工人员' },
];

export const DEMO_ACCOUNTS: DemoAccount[] = ACCOUNTS.map((a) => ({
  login: a.username ?? a.mobile!,
  role: a.role,
  displayName: a.displayName,
  note: a.note,
}));

/** Seeds the demo on first run: does nothing when any account exists already. Returns whether it seeded. */
export async function seedDemo(app: INestApplicationContext): Promise<boolean> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const users = app.get(UsersService);
  if ((await dataSource.getRepository(User).count()) > 0) return false;
  await dataSource.getRepository(Employer).upsert(EMPLOYERS, ['id']);
  await seedJobOrders(dataSource);
  const created = new Map<string, string>();
  for (const { note: _note, ...account } of ACCOUNTS) {
    const user = await users.create(account);
    created.set(account.username ?? account.mobile!, user.id);
  }
  await seedDemoRegistry(app.get(WorkersService), created.get('admin')!, created.get('13900000001')!);
  await seedDemoTransport(dataSource, app.get(PiiCipher));
  await seedDemoApplications(app, dataSource, {
    broker: created.get('broker_linxia')!, employer: created.get('employer_xiamen')!, employerId: EMPLOYERS[0].id,
    workerUserId: created.get('13900000001')!,
  });
  await seedDemoReports(app, dataSource);
  return true;
}

/** Published orders start 2–3 months ahead so the demo stays valid whatever day it is seeded. */
async function seedJobOrders(dataSource: DataSource): Promise<void> {
  const start = new Date(Date.now() + 75 * 86_400_000).toISOString().slice(0, 10);
  const repo = dataSource.getRepository(JobOrder);
  const ids: string[] = [];
  for (const order of JOB_ORDERS) {
    const employer = EMPLOYERS[order.employer];
    const { employer: _e, draft, ...fields } = order as typeof order & { draft?: boolean };
    const saved = await repo.save(repo.create({
      ...fields,
      employerId: employer.id,
      benefits: fields.benefits as JobOrder['benefits'],
      shift: fields.shift as JobOrder['shift'],
      workCountyCode: employer.countyCode!,
      workAddress: employer.address ?? '',
      lng: employer.lng, lat: employer.lat,
      startDate: start, expiresOn: start,
      status: draft ? 'draft' : 'published',
      publishedAt: draft ? null : new Date(),
    }));
    ids.push(saved.id);
  }
  // Announced like any other change, so running API processes index them.
  await dataSource.getRepository(OutboxEvent).insert(ids.map((key) => ({ topic: JOBS_TOPIC, key })));
}
