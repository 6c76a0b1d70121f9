// Queue panel, status summary and alerts. All text through textContent: names and pause
// reasons come from configuration and the PBX, never trusted as HTML.
import { duration, seconds, shortTime, t } from './i18n.js';

const STATUSES = [
  'available',
  'on-call',
  'ringing',
  'dialing',
  'wrap-up',
  'paused',
  'unavailable',
  'logged-out',
];

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function metric(value, label, className = '') {
  const m = el('div', `metric ${className}`.trim());
  const v = el('span', 'value', value);
  m.append(v, el('span', 'label', label));
  return { m, v };
}

/** Queue cards; returns the timers to refresh (longest wait). */
export function renderQueues(container, queues, now) {
  const timers = [];
  const cards = queues.map((q) => {
    const card = el('section', 'queue');
    card.dataset.queue = q.queue;
    card.append(el('h3', 'q-name', q.queue));
    const row = el('div', 'q-metrics');
    const waitMs = q.oldestWaitSince !== undefined ? now - q.oldestWaitSince : 0;
    const level = q.waiting === 0 ? 'calm' : waitMs > q.serviceLevelSeconds * 1000 ? 'bad' : 'warn';
    const waiting = metric(String(q.waiting), t('queue.waiting'), `waiting ${level}`);
    const longest = metric(
      q.oldestWaitSince !== undefined ? duration(waitMs) : '—',
      t('queue.longest'),
      `longest ${level}`,
    );
    if (q.oldestWaitSince !== undefined)
      timers.push({
        node: longest.v,
        since: q.oldestWaitSince,
        card: waiting.m,
        sl: q.serviceLevelSeconds,
      });
    const pct = q.serviceLevelPct;
    const sl = metric(
      pct === undefined ? '—' : `${Math.round(pct)}%`,
      t('queue.sl', { s: q.serviceLevelSeconds }),
      `sl ${pct === undefined ? '' : pct >= 80 ? 'good' : pct >= 60 ? 'warn' : 'bad'}`,
    );
    const abandonedShare =
      q.answered + q.abandoned > 0 ? q.abandoned / (q.answered + q.abandoned) : 0;
    row.append(
      waiting.m,
      longest.m,
      sl.m,
      metric(String(q.answered), t('queue.answered')).m,
      metric(String(q.abandoned), t('queue.abandoned'), abandonedShare > 0.1 ? 'bad' : '').m,
      metric(seconds(q.asaSeconds), t('queue.asa')).m,
      metric(seconds(q.ahtSeconds), t('queue.aht')).m,
    );
    card.append(row);
    return card;
  });
  container.replaceChildren(...cards);
  container.hidden = cards.length === 0;
  return timers;
}

export function tickQueueTimers(timers, now) {
  for (const { node, since, card, sl } of timers) {
    node.textContent = duration(now - since);
    const bad = now - since > sl * 1000;
    card.classList.toggle('bad', bad);
    card.classList.toggle('warn', !bad);
    node.parentElement.classList.toggle('bad', bad);
  }
}

/** Counts per status of the agents shown. */
export function renderSummary(container, tiles) {
  const counts = new Map(STATUSES.map((s) => [s, 0]));
  for (const tile of tiles) counts.set(tile.status, (counts.get(tile.status) ?? 0) + 1);
  container.replaceChildren(
    ...STATUSES.filter((s) => counts.get(s) > 0 || s === 'available' || s === 'on-call').map(
      (s) => {
        const chip = el('span', `chip s-${s}`);
        chip.dataset.status = s;
        chip.append(
          el('span', 'dot'),
          el('span', 'chip-label', t(`status.${s}`)),
          el('b', 'chip-count', String(counts.get(s))),
        );
        return chip;
      },
    ),
  );
}

const SEVERITY = { 'pause-over-limit': 0, 'must-stay': 1, 'after-shift': 2, 'behind-quota': 3 };
/** Finished stays (quota met, released) stay on the list, greyed, below every open alert. */
const DONE = 9;

const done = (a) => a.kind === 'must-stay' && a.state !== undefined && a.state !== 'staying';
const rank = (a) => (done(a) ? DONE : (SEVERITY[a.kind] ?? DONE - 1));
const order = (a) => (done(a) ? (a.finishedAt ?? a.since) : a.since);

/** The alerts of the agents shown: the most urgent kind first, then the oldest. */
export function renderAlerts(container, alerts, now) {
  const items = [...alerts]
    .sort((a, b) => rank(a) - rank(b) || order(a) - order(b) || (a.agentId < b.agentId ? -1 : 1))
    .map((a) => {
      const item = el('li', `alert k-${a.kind}${done(a) ? ' done' : ''}`);
      item.dataset.kind = a.kind;
      item.dataset.agent = a.agentId;
      if (a.state) item.dataset.state = a.state;
      const who = el('div', 'a-who');
      who.append(el('span', 'a-name', a.name), el('span', 'a-id', a.agentId));
      item.append(who, el('div', 'a-text', alertText(a, now)));
      return item;
    });
  if (items.length === 0) items.push(el('li', 'alert none', t('alerts.none')));
  container.replaceChildren(...items);
}

function alertText(a, now) {
  switch (a.kind) {
    case 'pause-over-limit':
      return t('alert.pause-over-limit', {
        reason: a.pauseReason || t('pause.noReason'),
        over: duration(now - a.since),
        limit: duration((a.limitSeconds ?? 0) * 1000),
      });
    case 'behind-quota':
      return t('alert.behind-quota', a);
    case 'after-shift':
      return t('alert.after-shift', { over: duration(now - a.since) });
    case 'must-stay':
      return mustStayText(a, now);
    default:
      return a.kind;
  }
}

function mustStayText(a, now) {
  const short = a.shortfall ?? Math.max(0, (a.quota ?? 0) - (a.effective ?? 0));
  const vars = {
    short,
    effective: a.effective ?? 0,
    quota: a.quota ?? 0,
    over: duration(now - a.since),
    stayed: duration((a.finishedAt ?? now) - a.since),
    time: a.finishedAt !== undefined ? shortTime(a.finishedAt) : '',
    by: a.releasedBy ?? '',
  };
  if (a.state === 'met') return t('alert.must-stay.met', vars);
  if (a.state === 'released')
    return t(a.releasedBy ? 'alert.must-stay.releasedBy' : 'alert.must-stay.released', vars);
  return t(short === 1 ? 'alert.must-stay.one' : 'alert.must-stay', vars);
}
