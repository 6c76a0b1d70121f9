// Texts of the wallboard in Simplified Chinese and English. Chinese is the default when the
// browser asks for it; the choice is kept per browser.

const TEXTS = {
  'zh-CN': {
    title: '坐席实时监控',
    'login.title': '坐席实时监控 · 登录',
    'login.user': '用户名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.failed': '用户名或密码错误',
    'login.error': '登录失败，请稍后再试',
    'login.expired': '登录已过期，请重新登录',
    'login.forbidden': '无权查看该范围，请联系管理员',
    'login.noToken': '请先登录',
    'filter.allTeams': '全部班组',
    'filter.allQueues': '全部队列',
    'tv.enter': '大屏模式',
    'tv.exit': '退出大屏',
    logout: '退出登录',
    'conn.live': '实时',
    'conn.connecting': '连接中…',
    'conn.down': '连接中断',
    'stale.link': '数据已过期：自 {time} 起与电话系统（AMI）的连接中断，恢复同步前数据可能不准确',
    'stale.connection': '与服务器的连接自 {time} 起中断，正在重连…',
    'queues.title': '队列',
    'queue.waiting': '排队',
    'queue.longest': '最长等待',
    'queue.sl': '服务水平 {s}秒',
    'queue.answered': '接通',
    'queue.abandoned': '放弃',
    'queue.asa': '平均应答',
    'queue.aht': '平均通话',
    'alerts.title': '告警',
    'alerts.none': '暂无告警',
    'alert.pause-over-limit': '{reason}超时 {over}（限时 {limit}）',
    'alert.behind-quota': '进度落后：有效通话 {effective}/{quota}',
    'alert.after-shift': '下班后仍在线 {over}',
    'alert.must-stay': '须留岗：还差 {short} 通 · 已留 {over}',
    'alert.must-stay.one': '须留岗：还差 {short} 通 · 已留 {over}',
    'alert.must-stay.met': '已达标：{time} 完成 · 留岗 {stayed}',
    'alert.must-stay.released': '已放行：{time} · 还差 {short} 通 · 留岗 {stayed}',
    'alert.must-stay.releasedBy': '已放行：{time}（{by}）· 还差 {short} 通 · 留岗 {stayed}',
    'agents.none': '当前范围内没有坐席',
    'tile.limit': '限时 {limit}',
    'tile.wrapLeft': '剩余 {left}',
    'tile.held': '保持',
    'tile.quota': '有效 {effective}/{quota}',
    'status.logged-out': '离线',
    'status.available': '空闲',
    'status.ringing': '振铃',
    'status.dialing': '外拨中',
    'status.on-call': '通话中',
    'status.wrap-up': '话后处理',
    'status.paused': '示忙',
    'status.unavailable': '不可用',
    'dir.inbound': '呼入',
    'dir.outbound': '呼出',
    'dir.internal': '内部',
    'pause.noReason': '示忙',
    lang: 'English',
  },
  en: {
    title: 'Live Agent Board',
    'login.title': 'Live Agent Board · Sign in',
    'login.user': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.failed': 'Wrong username or password',
    'login.error': 'Sign-in failed, please try again',
    'login.expired': 'Your session has expired, please sign in again',
    'login.forbidden': 'You may not watch this board; ask an administrator',
    'login.noToken': 'Please sign in',
    'filter.allTeams': 'All teams',
    'filter.allQueues': 'All queues',
    'tv.enter': 'TV mode',
    'tv.exit': 'Leave TV mode',
    logout: 'Sign out',
    'conn.live': 'Live',
    'conn.connecting': 'Connecting…',
    'conn.down': 'Disconnected',
    'stale.link':
      'Data stale since {time}: the phone system (AMI) link is down; figures may be wrong until it resyncs',
    'stale.connection': 'Connection to the server lost since {time}; reconnecting…',
    'queues.title': 'Queues',
    'queue.waiting': 'Waiting',
    'queue.longest': 'Longest wait',
    'queue.sl': 'Service level {s}s',
    'queue.answered': 'Answered',
    'queue.abandoned': 'Abandoned',
    'queue.asa': 'ASA',
    'queue.aht': 'AHT',
    'alerts.title': 'Alerts',
    'alerts.none': 'No alerts',
    'alert.pause-over-limit': '{reason} over by {over} (limit {limit})',
    'alert.behind-quota': 'Behind quota: {effective}/{quota} effective calls',
    'alert.after-shift': 'Still logged in, shift ended {over} ago',
    'alert.must-stay': 'Must stay: {short} calls short · stayed {over}',
    'alert.must-stay.one': 'Must stay: 1 call short · stayed {over}',
    'alert.must-stay.met': 'Quota met at {time} · stayed {stayed}',
    'alert.must-stay.released': 'Released at {time}, {short} calls short · stayed {stayed}',
    'alert.must-stay.releasedBy':
      'Released at {time} by {by}, {short} calls short · stayed {stayed}',
    'agents.none': 'No agents in this view',
    'tile.limit': 'limit {limit}',
    'tile.wrapLeft': '{left} left',
    'tile.held': 'On hold',
    'tile.quota': '{effective}/{quota} effective',
    'status.logged-out': 'Logged out',
    'status.available': 'Available',
    'status.ringing': 'Ringing',
    'status.dialing': 'Dialing',
    'status.on-call': 'On call',
    'status.wrap-up': 'Wrap-up',
    'status.paused': 'Paused',
    'status.unavailable': 'Unavailable',
    'dir.inbound': 'In',
    'dir.outbound': 'Out',
    'dir.internal': 'Internal',
    'pause.noReason': 'Pause',
    lang: '中文',
  },
};

const STORAGE_KEY = 'wallboard.lang';
let current = 'en';

/** ?lang= wins, then the user's earlier choice, then the browser's languages. */
export function detectLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked) return normalise(asked);
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && TEXTS[saved]) return saved;
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return normalise(first);
}

function normalise(tag) {
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function language() {
  return current;
}

export function setLanguage(lang, remember = false) {
  current = TEXTS[lang] ? lang : 'en';
  if (remember) localStorage.setItem(STORAGE_KEY, current);
  document.documentElement.lang = current;
  document.title = t('title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]'))
    el.placeholder = t(el.dataset.i18nPlaceholder);
}

export function t(key, vars) {
  const text = TEXTS[current][key] ?? TEXTS.en[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? '')) : text;
}

/** 65 s → "1:05", 3 h → "3:00:00". */
export function duration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Short seconds: 12.5 → "13s" / "13秒"; 200 → "3:20". */
export function seconds(value) {
  if (value === undefined || value === null) return '—';
  if (value < 60) return current === 'zh-CN' ? `${Math.round(value)}秒` : `${Math.round(value)}s`;
  return duration(value * 1000);
}

/** 18:42 in the browser's time zone. */
export function shortTime(epochMs) {
  return new Date(epochMs).toLocaleTimeString(current === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    hour12: false,
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function clockTime(epochMs) {
  return new Date(epochMs).toLocaleTimeString(current === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    hour12: false,
  });
}
