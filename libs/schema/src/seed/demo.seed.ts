import { CreateUserDto, User, UsersService } from '@daogang/accounts';
import { Employer } from '@daogang/jobs';
import { Role } from '@daogang/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { WorkersService } from '@daogang/registry';
import type { DataSource } from 'typeorm';
import { seedDemoRegistry } from './demo-registry.seed.js';

export const DEMO_PASSWORD = 'daogang123';

/** Eastern employers of the pairings in DOMAIN.md (Xiamen–Linxia, Jiaxing/Hangzhou–Enshi, Shandong–Chongqing). */
const EMPLOYERS: Array<Pick<Employer, 'id' | 'name' | 'creditCode' | 'countyCode' | 'address'>> = [
  { id: '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e01', name: '厦门集美宏泰电子有限公司', creditCode: null, countyCode: '350211', address: '福建省厦门市集美区杏林街道' },
  { id: '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e02', name: '嘉兴南湖锦绣纺织服装有限公司', creditCode: null, countyCode: '330402', address: '浙江省嘉兴市南湖区' },
  { id: '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e03', name: '济宁任城鲁达机械制造有限公司', creditCode: null, countyCode: '370811', address: '山东省济宁市任城区' },
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
  { role: Role.Coordinator, username: 'coordinator', displayName: '王海燕', password: DEMO_PASSWORD, note: '输转协调员（包车、专列）' },
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
  const created = new Map<string, string>();
  for (const { note: _note, ...account } of ACCOUNTS) {
    const user = await users.create(account);
    created.set(account.username ?? account.mobile!, user.id);
  }
  await seedDemoRegistry(app.get(WorkersService), created.get('admin')!, created.get('13900000001')!);
  return true;
}
