import { ConflictError, Role } from '@daogang/platform';
import { APPLICATION_STATUS_ZH, ApplicationStatus } from './application-status.js';

/** What a person can do to an application. */
export type ApplicationAction = 'screen' | 'offer' | 'accept' | 'decline' | 'withdraw' | 'reject' | 'place' | 'arrive' | 'leave';
export const APPLICATION_ACTIONS: ApplicationAction[] = ['screen', 'offer', 'accept', 'decline', 'withdraw', 'reject', 'place', 'arrive', 'leave'];
export const APPLICATION_ACTION_ZH: Record<ApplicationAction, string> = {
  screen: '进入筛选', offer: '发录用意向', accept: '接受', decline: '拒绝', withdraw: '撤回', reject: '不予录用',
  place: '确认录用', arrive: '确认到岗', leave: '登记离职',
};

/** The only moves there are: from a state, an action leads to exactly one state. */
const MOVES: Record<ApplicationStatus, Partial<Record<ApplicationAction, ApplicationStatus>>> = {
  applied: { screen: 'screening', offer: 'offered', reject: 'rejected', withdraw: 'withdrawn' },
  screening: { offer: 'offered', reject: 'rejected', withdraw: 'withdrawn' },
  offered: { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' },
  accepted: { place: 'placed', withdraw: 'withdrawn' },
  placed: { arrive: 'arrived', withdraw: 'withdrawn' },
  arrived: { leave: 'left' },
  left: {}, declined: {}, withdrawn: {}, rejected: {},
};

/**
 * Who may take each action. The worker decides on offers (a broker may do it for them with recorded consent); the
 * hiring side (employer of the order, the broker of the worker's county) screens, offers, rejects and confirms.
 */
const ACTORS: Record<ApplicationAction, Role[]> = {
  screen: [Role.Broker, Role.Employer, Role.Admin],
  offer: [Role.Broker, Role.Employer, Role.Admin],
  reject: [Role.Broker, Role.Employer, Role.Admin],
  accept: [Role.Worker, Role.Broker],
  decline: [Role.Worker, Role.Broker],
  withdraw: [Role.Worker, Role.Broker, Role.Employer, Role.Admin],
  place: [Role.Employer, Role.Broker, Role.Admin],
  arrive: [Role.Employer, Role.Broker, Role.Coordinator, Role.Admin],
  leave: [Role.Employer, Role.Broker, Role.Worker, Role.Admin],
};

/** Actions that must say why (拒绝、撤回、不予录用、离职都要写原因). */
export const REASON_REQUIRED: ApplicationAction[] = ['decline', 'withdraw', 'reject', 'leave'];
/** Actions a broker takes for the worker, which need the worker's recorded consent. */
export const ON_BEHALF_OF_WORKER: ApplicationAction[] = ['accept', 'decline'];

export function nextApplicationStatus(from: ApplicationStatus, action: ApplicationAction): ApplicationStatus {
  const to = MOVES[from][action];
  if (!to) {
    throw new ConflictError(`当前状态“${APPLICATION_STATUS_ZH[from]}”不能${APPLICATION_ACTION_ZH[action]}`, { status: from, action });
  }
  return to;
}

export function mayAct(role: Role, action: ApplicationAction): boolean {
  return ACTORS[action].includes(role);
}

/** The actions open from a state for a role: the buttons a screen shows. */
export function availableActions(from: ApplicationStatus, role: Role): ApplicationAction[] {
  return (Object.keys(MOVES[from]) as ApplicationAction[]).filter((a) => mayAct(role, a));
}
