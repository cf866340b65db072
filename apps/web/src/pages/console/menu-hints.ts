// One line per console menu item (roles.ts), shown on the console home's cards and the placeholder of a section not
// built yet. Kept out of roles.ts, which is in the entry chunk every worker's phone downloads: only staff read these.
const LABOUR_HINT = '一库五名单：劳动力登记、批量导入、零就业户与信息完整率';

export const MENU_HINTS: Record<string, string> = {
  company: '企业名称、地址、联系人和营业执照',
  orders: '发布用工需求，查看报名和到岗情况',
  arrivals: '开往本单位的车次：乘车名单，车到后确认到达',
  labour: LABOUR_HINT,
  talent: '按技能、意向工种、可到岗日期搜索负责县的劳动力',
  matching: '把劳动力与招聘订单对接，发送岗位邀请',
  'follow-ups': '到岗后按回访计划回访（默认第3、7、30、90、180天）：今日待办、逾期、记录回访',
  cases: '欠薪、工伤、离职意向、本人求助：跟进处理与再就业推荐',
  retention: '30/90/180天留存率、回访完成率与逾期率，按企业、经纪人、地区、工种、月份',
  dispatch: '待安排人员、生成输转计划、车次与乘车名单、上车登记',
  employers: '审核新注册的用工企业：通过后才能发布招聘',
  dashboard: '日调度：各县就业率、去向、信息完整率、逾期回访的日排名；劳动就业去向表；目标任务与东部吸纳',
  users: '账号、角色与负责区域',
  'admin/sms': '短信内容与发送状态',
  queues: '后台任务队列（在新窗口打开）',
};
