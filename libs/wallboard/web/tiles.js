// Agent tiles: built once per agent, updated in place; timers are computed from `since`
// every second on the client, so the server sends nothing per second.
import { duration, t } from './i18n.js';

function el(tag, className, parent) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (parent) parent.appendChild(node);
  return node;
}

export function createTile() {
  const root = el('article', 'tile');
  const head = el('div', 't-head', root);
  const parts = {
    root,
    name: el('span', 't-name', head),
    id: el('span', 't-id', head),
  };
  const status = el('div', 't-status', root);
  parts.label = el('span', 't-label', status);
  parts.timer = el('span', 't-timer', status);
  const detail = el('div', 't-detail', root);
  parts.detail = el('span', 't-info', detail);
  parts.badge = el('span', 't-badge', detail);
  const progress = el('div', 't-progress', root);
  const bar = el('div', 'bar', progress);
  parts.fill = el('div', 'fill', bar);
  parts.count = el('span', 't-count', progress);
  return parts;
}

/** Writes a tile's content; `now` is server time. */
export function fillTile(parts, tile, now) {
  parts.tile = tile;
  parts.root.dataset.id = tile.id;
  parts.root.dataset.status = tile.status;
  parts.name.textContent = tile.name;
  parts.id.textContent = tile.id;
  parts.label.textContent = statusLabel(tile);
  parts.badge.textContent = tile.held ? t('tile.held') : '';
  parts.badge.hidden = !tile.held;
  const ratio = tile.quota > 0 ? Math.min(1, tile.effective / tile.quota) : 0;
  parts.fill.style.width = `${Math.round(ratio * 100)}%`;
  parts.root.classList.toggle('quota-met', tile.quota > 0 && tile.effective >= tile.quota);
  parts.count.textContent = `${tile.effective}/${tile.quota}`;
  parts.count.title = t('tile.quota', tile);
  tickTile(parts, now);
}

function statusLabel(tile) {
  const status = t(`status.${tile.status}`);
  if (tile.status === 'paused')
    return tile.pauseReason ? `${status} · ${tile.pauseReason}` : status;
  if (tile.status === 'wrap-up' && tile.pauseReason) return `${status} · ${tile.pauseReason}`;
  if (tile.status === 'on-call' && tile.direction)
    return `${status} · ${t(`dir.${tile.direction}`)}`;
  return status;
}

/** Updates the timers of a tile (called every second). */
export function tickTile(parts, now) {
  const tile = parts.tile;
  let timer = '';
  let detail = '';
  let over = false;
  switch (tile.status) {
    case 'on-call':
      timer = duration(now - (tile.callSince ?? tile.since));
      detail = tile.customerNumber ?? '';
      break;
    case 'paused': {
      const start = tile.pauseSince ?? tile.since;
      timer = duration(now - start);
      if (tile.pauseLimitSeconds !== undefined) {
        detail = t('tile.limit', { limit: duration(tile.pauseLimitSeconds * 1000) });
        over = now - start > tile.pauseLimitSeconds * 1000;
      }
      break;
    }
    case 'wrap-up':
      timer = duration(now - tile.since);
      if (tile.wrapUpUntil !== undefined && tile.wrapUpUntil > now)
        detail = t('tile.wrapLeft', { left: duration(tile.wrapUpUntil - now + 999) });
      break;
    case 'logged-out':
      break;
    default:
      if (tile.since > 0) timer = duration(now - tile.since);
  }
  if (parts.timer.textContent !== timer) parts.timer.textContent = timer;
  if (parts.detail.textContent !== detail) parts.detail.textContent = detail;
  parts.root.classList.toggle('over', over);
}

/** Logged-in agents first, then by team and employee number: positions stay put. */
export function tileOrder(a, b) {
  if (a.loggedIn !== b.loggedIn) return a.loggedIn ? -1 : 1;
  const team = (a.team ?? '').localeCompare(b.team ?? '');
  return team !== 0 ? team : a.id.localeCompare(b.id, undefined, { numeric: true });
}
