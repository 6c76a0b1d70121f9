// zh-CN first (the center's language), English second. Data never goes through innerHTML.
const STRINGS = {
  'zh-CN': {
    lang: 'English', title: '录音质检', logout: '退出',
    'login.title': '质检 · 登录', 'login.user': '用户名', 'login.password': '密码', 'login.submit': '登录',
    'login.failed': '用户名或密码错误', 'login.error': '暂时无法登录', 'login.expired': '登录已过期，请重新登录',
    'tab.assignments': '我的抽检任务', 'tab.results': '我的成绩', 'tab.summary': '月度汇总',
    'assignments.title': '待评分录音', 'assignments.empty': '暂无任务', 'assignments.open': '评分', 'assignments.calibration': '校准',
    'col.day': '日期', 'col.agent': '坐席', 'col.customer': '客户', 'col.duration': '时长', 'col.submitted': '评分时间',
    'col.total': '得分', 'col.status': '状态', 'col.comments': '评语',
    'col.time': '通话时间', 'col.queue': '队列', 'col.direction': '方向', 'dir.inbound': '呼入', 'dir.outbound': '呼出',
    'review.title': '评分', 'player.play': '播放', 'player.pause': '暂停', 'player.muted': '静音时段',
    'comment.placeholder': '在当前时间添加评语', 'comment.add': '在此时间点评',
    'score.submit': '提交评分', 'score.preview': '预估得分', 'score.saved': '已提交，得分', 'score.missing': '请为每一项评分',
    'score.na': '不适用', 'score.yes': '是', 'score.no': '否', 'score.critical': '致命项', 'score.criticalFail': '致命项不合格',
    'results.title': '我的质检成绩', 'results.empty': '暂无成绩', 'results.ack': '确认', 'results.dispute': '申诉',
    'results.reason': '申诉理由', 'status.submitted': '待确认', 'status.acknowledged': '已确认', 'status.disputed': '申诉中',
    'status.upheld': '维持原分', 'status.amended': '已改分',
    'summary.title': '月度质检汇总', 'summary.load': '查看', 'summary.distribution': '分数分布', 'summary.training': '培训需求（最常不合格项）',
    'error.generic': '操作失败', 'error.forbidden': '无权限',
  },
  en: {
    lang: '中文', title: 'Recording QA', logout: 'Sign out',
    'login.title': 'QA · Sign in', 'login.user': 'Username', 'login.password': 'Password', 'login.submit': 'Sign in',
    'login.failed': 'Wrong username or password', 'login.error': 'Cannot sign in right now', 'login.expired': 'Session expired, sign in again',
    'tab.assignments': 'My assignments', 'tab.results': 'My results', 'tab.summary': 'Monthly summary',
    'assignments.title': 'Calls to score', 'assignments.empty': 'Nothing assigned', 'assignments.open': 'Score', 'assignments.calibration': 'calibration',
    'col.day': 'Day', 'col.agent': 'Agent', 'col.customer': 'Customer', 'col.duration': 'Length', 'col.submitted': 'Scored at',
    'col.total': 'Score', 'col.status': 'Status', 'col.comments': 'Comments',
    'col.time': 'Call time', 'col.queue': 'Queue', 'col.direction': 'Direction', 'dir.inbound': 'inbound', 'dir.outbound': 'outbound',
    'review.title': 'Scoring', 'player.play': 'Play', 'player.pause': 'Pause', 'player.muted': 'Muted',
    'comment.placeholder': 'Comment at the current time', 'comment.add': 'Comment here',
    'score.submit': 'Submit score', 'score.preview': 'Estimated', 'score.saved': 'Submitted, score', 'score.missing': 'Score every item',
    'score.na': 'n/a', 'score.yes': 'Yes', 'score.no': 'No', 'score.critical': 'critical', 'score.criticalFail': 'critical item failed',
    'results.title': 'My QA results', 'results.empty': 'No scores yet', 'results.ack': 'Acknowledge', 'results.dispute': 'Dispute',
    'results.reason': 'Reason for the dispute', 'status.submitted': 'to acknowledge', 'status.acknowledged': 'acknowledged',
    'status.disputed': 'disputed', 'status.upheld': 'upheld', 'status.amended': 'amended',
    'summary.title': 'Monthly QA summary', 'summary.load': 'Show', 'summary.distribution': 'Score distribution',
    'summary.training': 'Training needs (most failed items)', 'error.generic': 'Something went wrong', 'error.forbidden': 'Not allowed',
  },
};

let lang = localStorage.getItem('qa.lang') === 'en' ? 'en' : 'zh-CN';

export function t(key) {
  return STRINGS[lang][key] ?? STRINGS['zh-CN'][key] ?? key;
}

export function currentLang() {
  return lang;
}

export function toggleLang() {
  lang = lang === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem('qa.lang', lang);
  applyStrings();
}

/** Fills every [data-i18n] element (and placeholders) from the dictionary. */
export function applyStrings(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}

export function mmss(seconds) {
  const s = Math.max(0, Math.floor(seconds || 0));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
