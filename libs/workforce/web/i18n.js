// The page's words in Chinese and English; the language follows the browser until switched.
const WORDS = {
  'zh-CN': {
    title: '今日定额',
    'login.title': '今日定额 · 登录',
    'login.user': '用户名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.failed': '用户名或密码错误',
    'login.error': '登录失败，请稍后再试',
    'login.expired': '登录已过期，请重新登录',
    logout: '退出',
    'tab.quota': '今日定额',
    'tab.followup': '跟进记录',
    'tab.reports': '报表',
    day: '日期',
    month: '月份',
    updated: '更新于 {time}',
    ruleVersion: '规则版本 {version}',
    'mustStay.title': '需留下人员（{time} 下班）',
    'mustStay.none': '下班时全部完成电话量',
    'mustStay.pending': '下班后生成需留下名单',
    'mustStay.item': '{name}（{id}）差 {shortfall} 个',
    summary: '{met}/{working} 人已达标 · 有效通话 {effective}/{quota}',
    'col.agent': '工号',
    'col.name': '姓名',
    'col.team': '班组',
    'col.progress': '有效通话 / 定额',
    'col.remaining': '差额',
    'col.pace': '预计下班时',
    'col.status': '状态',
    'col.stay': '留下',
    'col.actions': '操作',
    'status.met': '已达标',
    'status.onPace': '进度正常',
    'status.behind': '落后',
    'status.leave': '请假',
    'status.off': '休息',
    'status.staying': '留下中',
    'status.stayMet': '留下后完成',
    'status.released': '已放行',
    minutes: '{n} 分钟',
    release: '放行',
    'release.title': '放行',
    'release.who': '{name}（{id}）：{effective}/{quota}',
    'release.reason': '放行原因',
    'release.confirm': '确认放行',
    'release.required': '请填写放行原因',
    'release.failed': '放行失败：{message}',
    cancel: '取消',
    'followup.new': '新建跟进记录',
    'followup.list': '跟进记录',
    'followup.contactName': '联系人',
    'followup.phone': '电话',
    'followup.content': '跟进内容',
    'followup.kind': '类型',
    'followup.time': '时间',
    'followup.save': '保存',
    'followup.saved': '已保存',
    'followup.failed': '保存失败：{message}',
    'kind.intent': '意向客户',
    'kind.developable': '能发展的客户',
    'report.agent-daily': '坐席工作日报',
    'report.team-daily': '班组日报',
    'report.monthly': '月度报表',
    'report.failed': '下载失败：{message}',
    'report.done': '已下载 {file}',
    langSwitch: 'English',
  },
  en: {
    title: 'Quota day',
    'login.title': 'Quota day · Sign in',
    'login.user': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.failed': 'Wrong username or password',
    'login.error': 'Sign-in failed, please try again',
    'login.expired': 'Your session has expired, please sign in again',
    logout: 'Sign out',
    'tab.quota': 'Quota day',
    'tab.followup': 'Follow-ups',
    'tab.reports': 'Reports',
    day: 'Day',
    month: 'Month',
    updated: 'Updated {time}',
    ruleVersion: 'Rules {version}',
    'mustStay.title': 'Must stay (shift ended {time})',
    'mustStay.none': 'Everybody met the quota by the end of the shift',
    'mustStay.pending': 'The must-stay list comes at the end of the shift',
    'mustStay.item': '{name} ({id}) {shortfall} short',
    summary: '{met}/{working} met the quota · effective calls {effective}/{quota}',
    'col.agent': 'Agent',
    'col.name': 'Name',
    'col.team': 'Team',
    'col.progress': 'Effective / quota',
    'col.remaining': 'Remaining',
    'col.pace': 'Pace at shift end',
    'col.status': 'Status',
    'col.stay': 'Stayed',
    'col.actions': 'Actions',
    'status.met': 'Met',
    'status.onPace': 'On pace',
    'status.behind': 'Behind',
    'status.leave': 'On leave',
    'status.off': 'Off',
    'status.staying': 'Staying late',
    'status.stayMet': 'Met after staying',
    'status.released': 'Released',
    minutes: '{n} min',
    release: 'Release',
    'release.title': 'Release',
    'release.who': '{name} ({id}): {effective}/{quota}',
    'release.reason': 'Reason',
    'release.confirm': 'Release',
    'release.required': 'A reason is required',
    'release.failed': 'Release failed: {message}',
    cancel: 'Cancel',
    'followup.new': 'New follow-up record',
    'followup.list': 'Follow-up records',
    'followup.contactName': 'Contact',
    'followup.phone': 'Number',
    'followup.content': 'Follow-up',
    'followup.kind': 'Kind',
    'followup.time': 'Time',
    'followup.save': 'Save',
    'followup.saved': 'Saved',
    'followup.failed': 'Not saved: {message}',
    'kind.intent': 'Intent customer',
    'kind.developable': 'Developable customer',
    'report.agent-daily': 'Agent daily work record',
    'report.team-daily': "Team leader's daily sheet",
    'report.monthly': 'Monthly report',
    'report.failed': 'Download failed: {message}',
    'report.done': 'Downloaded {file}',
    langSwitch: '中文',
  },
};

const KEY = 'workforce.lang';
let lang =
  localStorage.getItem(KEY) ??
  ((navigator.language || 'zh-CN').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

export function locale() {
  return lang;
}

export function setLocale(next) {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  translatePage();
}

/** The word for `key`, with `{name}` placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const text = WORDS[lang][key] ?? WORDS['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

export function translatePage() {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  document.title = t('title');
}
