// The wallboard page: login, then a live board. Plain ES modules, no build step, no framework.
import { BoardState } from './board-state.js';
import { Connection } from './connection.js';
import { clockTime, detectLanguage, language, setLanguage, t } from './i18n.js';
import { renderAlerts, renderQueues, renderSummary, tickQueueTimers } from './panels.js';
import { createTile, fillTile, tickTile, tileOrder } from './tiles.js';

const TOKEN_KEY = 'wallboard.token';
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const meta = (name, fallback) =>
  document.querySelector(`meta[name="${name}"]`)?.content || fallback;

const ui = {
  tv: params.get('tv') === '1',
  team: params.get('team') ?? '',
  queue: params.get('queue') ?? '',
};
let board = new BoardState();
let connection;
let welcome;
const tiles = new Map();
let order = '';
let queueTimers = [];

function init() {
  setLanguage(detectLanguage());
  document.documentElement.classList.toggle('tv', ui.tv);
  $('tv-toggle').textContent = t(ui.tv ? 'tv.exit' : 'tv.enter');
  for (const b of document.querySelectorAll('.lang-toggle'))
    b.addEventListener('click', toggleLanguage);
  $('login-form').addEventListener('submit', (e) => void onLogin(e));
  $('logout').addEventListener('click', logout);
  $('tv-toggle').addEventListener('click', () => setTv(!ui.tv, true));
  $('team-filter').addEventListener('change', (e) => setFilter('team', e.target.value));
  $('queue-filter').addEventListener('change', (e) => setFilter('queue', e.target.value));
  document.addEventListener('keydown', (e) => {
    if (
      (e.key === 't' || e.key === 'T') &&
      !(e.target instanceof HTMLInputElement) &&
      !$('board').hidden
    )
      setTv(!ui.tv, true);
  });
  setInterval(tick, 1000);
  addEventListener('resize', fitTv);
  if (sessionStorage.getItem(TOKEN_KEY)) startBoard();
  else showLogin();
}

function showLogin(messageKey) {
  $('board').hidden = true;
  $('login').hidden = false;
  $('login-message').textContent = messageKey ? t(messageKey) : '';
  $('login-message').dataset.key = messageKey ?? '';
  $('username').focus();
}

async function onLogin(e) {
  e.preventDefault();
  const message = $('login-message');
  message.textContent = '';
  try {
    const res = await fetch(meta('wallboard-login', '/api/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value }),
    });
    if (!res.ok) {
      message.textContent = t(
        res.status === 401 || res.status === 403 ? 'login.failed' : 'login.error',
      );
      return;
    }
    const { token } = await res.json();
    sessionStorage.setItem(TOKEN_KEY, token);
    $('password').value = '';
    startBoard();
  } catch {
    message.textContent = t('login.error');
  }
}

function startBoard() {
  $('login').hidden = true;
  $('board').hidden = false;
  board = new BoardState();
  tiles.clear();
  order = '';
  $('tiles').replaceChildren();
  connection = new Connection({
    url: meta('wallboard-ws', '/ws'),
    token: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
    board,
    subscription: () => ({ scope: welcome.scope, masked: ui.tv }),
    onWelcome: (m) => (welcome = m),
    onChange: (change) => (change === 'all' ? renderAll() : update(change)),
    onStatus: (status) => {
      $('conn').dataset.status = status;
      $('conn').querySelector('.conn-label').textContent = t(`conn.${status}`);
      renderBanner();
    },
    onDenied: (reason) => {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin(
        reason === 'forbidden'
          ? 'login.forbidden'
          : reason === 'expired'
            ? 'login.expired'
            : 'login.noToken',
      );
    },
  });
  connection.start();
  tick();
}

function logout() {
  sessionStorage.removeItem(TOKEN_KEY);
  connection?.stop();
  showLogin();
}

const visible = (tile) =>
  (!ui.team || tile.team === ui.team) && (!ui.queue || tile.queues.includes(ui.queue));

function renderAll() {
  for (const id of tiles.keys()) if (!board.agents.has(id)) tiles.delete(id);
  const now = board.now();
  for (const tile of board.agents.values()) fillTile(tileParts(tile.id), tile, now);
  renderFilters();
  order = '';
  layout();
  renderPanels(true, true);
  renderBanner();
  tick();
  fitTv();
}

function update(change) {
  if (change.agents) {
    const now = board.now();
    for (const id of change.agents) fillTile(tileParts(id), board.agents.get(id), now);
    for (const id of change.removedAgents) tiles.delete(id);
    if (change.agents.size || change.removedAgents.size) layout();
  }
  renderPanels(change.queues, change.alerts || change.agents?.size > 0);
  renderBanner();
}

function tileParts(id) {
  let parts = tiles.get(id);
  if (!parts) tiles.set(id, (parts = createTile()));
  return parts;
}

/** Re-orders the grid only when the visible set or its order changed. */
function layout() {
  const shown = [...board.agents.values()].filter(visible).sort(tileOrder);
  const key = shown.map((a) => `${a.id}:${a.loggedIn}`).join(',');
  if (key !== order) {
    order = key;
    $('tiles').replaceChildren(...shown.map((a) => tiles.get(a.id).root));
    requestAnimationFrame(fitTv);
  }
  $('empty').hidden = shown.length > 0;
  renderSummary($('summary'), shown);
}

function renderPanels(queues, alerts) {
  const now = board.now();
  if (queues) {
    const list = [...board.queues.values()]
      .filter((q) => !ui.queue || q.queue === ui.queue)
      .sort((a, b) => a.queue.localeCompare(b.queue));
    queueTimers = renderQueues($('queues'), list, now);
  }
  if (alerts) {
    const shownAgents = new Set([...board.agents.values()].filter(visible).map((a) => a.id));
    renderAlerts(
      $('alerts'),
      [...board.alerts.values()].filter((a) => shownAgents.has(a.agentId)),
      now,
    );
  }
}

function renderFilters() {
  const teams = board.teams;
  const teamSelect = $('team-filter');
  teamSelect.replaceChildren(
    new Option(t('filter.allTeams'), ''),
    ...teams.map((tm) => new Option(tm.name, tm.id)),
  );
  teamSelect.value = teams.some((tm) => tm.id === ui.team) ? ui.team : '';
  teamSelect.hidden = teams.length <= 1;
  $('team-name').textContent = teams.length === 1 ? teams[0].name : '';
  const queueSelect = $('queue-filter');
  const queues = [...board.queues.keys()].sort();
  queueSelect.replaceChildren(
    new Option(t('filter.allQueues'), ''),
    ...queues.map((q) => new Option(q, q)),
  );
  queueSelect.value = queues.includes(ui.queue) ? ui.queue : '';
  queueSelect.hidden = queues.length <= 1;
}

function renderBanner() {
  const banner = $('stale');
  const down = connection?.downSince;
  let text = '';
  if (down !== undefined) text = t('stale.connection', { time: clockTime(down) });
  else if (board.staleSince !== undefined)
    text = t('stale.link', { time: clockTime(board.staleSince - board.offset) });
  banner.textContent = text;
  banner.hidden = text === '';
  document.body.classList.toggle('is-stale', text !== '');
}

function tick() {
  if ($('board').hidden) return;
  const now = board.now();
  $('clock').textContent = clockTime(Date.now());
  for (const parts of tiles.values()) if (parts.root.isConnected) tickTile(parts, now);
  tickQueueTimers(queueTimers, now);
  renderPanels(false, true);
}

/** In TV mode the type grows until the tiles fill the screen (a team of 12 reads from afar). */
function fitTv() {
  const root = document.documentElement;
  root.style.fontSize = '';
  if (!ui.tv || $('board').hidden) return;
  const fits = () =>
    $('tiles').getBoundingClientRect().bottom <= innerHeight - 8 && root.scrollWidth <= innerWidth;
  let lo = 14;
  let hi = 44;
  for (let i = 0; i < 8; i++) {
    const mid = (lo + hi) / 2;
    root.style.fontSize = `${mid}px`;
    if (fits()) lo = mid;
    else hi = mid;
  }
  root.style.fontSize = `${lo}px`;
}

function setFilter(kind, value) {
  ui[kind] = value;
  updateUrl();
  layout();
  renderPanels(true, true);
  fitTv();
}

function setTv(on, byUser) {
  ui.tv = on;
  document.documentElement.classList.toggle('tv', on);
  $('tv-toggle').textContent = t(on ? 'tv.exit' : 'tv.enter');
  updateUrl();
  if (byUser && on) document.documentElement.requestFullscreen?.().catch(() => undefined);
  if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  fitTv();
  // A TV in an open room never shows customers' numbers: it joins the masked audience.
  connection?.subscribe();
}

function updateUrl() {
  const p = new URLSearchParams(location.search);
  for (const [k, v] of [
    ['tv', ui.tv ? '1' : ''],
    ['team', ui.team],
    ['queue', ui.queue],
  ])
    v ? p.set(k, v) : p.delete(k);
  const qs = p.toString();
  history.replaceState(null, '', `${location.pathname}${qs ? `?${qs}` : ''}`);
}

function toggleLanguage() {
  setLanguage(language() === 'zh-CN' ? 'en' : 'zh-CN', true);
  $('tv-toggle').textContent = t(ui.tv ? 'tv.exit' : 'tv.enter');
  $('conn').querySelector('.conn-label').textContent = t(`conn.${$('conn').dataset.status}`);
  const key = $('login-message').dataset.key;
  if (key) $('login-message').textContent = t(key);
  if (!$('board').hidden) renderAll();
}

init();
