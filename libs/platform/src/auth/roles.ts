export enum Role {
  Worker = 'worker',
  Employer = 'employer',
  Broker = 'broker',
  Coordinator = 'coordinator',
  Officer = 'officer',
  Admin = 'admin',
}

export const ROLE_NAMES_ZH: Record<Role, string> = {
  [Role.Worker]: '务工人员',
  [Role.Employer]: '用工企业',
  [Role.Broker]: '劳务经纪人',
  [Role.Coordinator]: '输转协调员',
  [Role.Officer]: '县级干部',
  [Role.Admin]: '系统管理员',
};

export const ALL_ROLES: Role[] = Object.values(Role);
export const STAFF_ROLES: Role[] = [Role.Broker, Role.Coordinator, Role.Officer, Role.Admin];
