// The quota-day page: sign in, then the board, the follow-up form and the report downloads.
import { ApiError, claims, forget, login, username } from './api.js';
import { Board } from './board.js';
import { FollowUps } from './follow-up.js';
import { locale, setLocale, t, translatePage } from './i18n.js';
import { Reports } from './reports.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 15_000;
let timer;

function showLogin(messageKey) {
  clearInterval(timer);
  $('app').hidden = true;
  $('login').hidden = false;
  $('login-message').textContent = messageKey ? t(messageKey) : '';
}

async function onLogin(e) {
  e.preventDefault();
  try {
    await login($('username').value, $('password').value);
    $('password').value = '';
    await start();
  } catch (err) {
    $('login-message').textContent = t(
      err instanceof ApiError && (err.status === 401 || err.status === 403)
        ? 'login.failed'
        : 'login.error',
    );
  }
}

function selectTab(name) {
  for (const b of document.querySelectorAll('[data-tab]'))
    b.setAttribute('aria-selected', String(b.dataset.tab === name));
  for (const s of document.querySelectorAll('.tab')) s.hidden = s.id !== `tab-${name}`;
}

async function start() {
  const c = claims();
  if (!c) return showLogin();
  $('login').hidden = true;
  $('app').hidden = false;
  $('who').textContent = `${username() ?? c.agent ?? c.sub.slice(0, 8)} · ${c.role}`;
  const board = new Board({
    canRelease: c.role === 'supervisor' || c.role === 'admin',
    onError: onApiError,
  });
  let data;
  try {
    data = await board.load($('day').value || undefined);
  } catch (err) {
    return onApiError(err);
  }
  $('day').value ||= data.day;
  $('day').onchange = () => void board.load($('day').value).catch(onApiError);
  const followUps = new FollowUps({ writesForOthers: c.role !== 'agent', timezone: data.timezone });
  const reports = new Reports({ role: c.role, team: c.team, today: data.day });
  // QA reads follow-up records but does not write them.
  $('followup-form').hidden = c.role === 'qa';
  document.querySelector('[data-tab="followup"]').onclick = () => {
    selectTab('followup');
    void followUps.load().catch(onApiError);
  };
  document.querySelector('[data-tab="quota"]').onclick = () => selectTab('quota');
  document.querySelector('[data-tab="reports"]').onclick = () => selectTab('reports');
  selectTab(c.role === 'agent' ? 'followup' : 'quota');
  if (c.role === 'agent') void followUps.load().catch(onApiError);
  $('lang').onclick = () => {
    setLocale(locale() === 'zh-CN' ? 'en' : 'zh-CN');
    $('lang').textContent = t('langSwitch');
    board.render();
    reports.render();
  };
  clearInterval(timer);
  timer = setInterval(() => void board.load($('day').value).catch(onApiError), REFRESH_MS);
}

function onApiError(err) {
  if (err instanceof ApiError && err.status === 401) {
    forget();
    showLogin('login.expired');
  }
}

document.documentElement.lang = locale();
translatePage();
$('lang').textContent = t('langSwitch');
$('login-form').addEventListener('submit', (e) => void onLogin(e));
$('logout').addEventListener('click', () => {
  forget();
  showLogin();
});
void start();
