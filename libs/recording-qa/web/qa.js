// The QA page: a reviewer's assignments with player, timed comments and scorecard; an agent's
// own results with acknowledge / dispute; the monthly summary with chart and exports.
// Plain ES modules, no build step. Every piece of data is set with textContent.
import { api, ApiError, claims, setToken, token } from './api.js';
import { applyStrings, mmss, t, toggleLang } from './i18n.js';
import { ReviewPlayer } from './player.js';
import { ScorecardForm } from './scorecard-form.js';
import { exportSummary, loadSummary } from './summary.js';

const $ = (id) => document.getElementById(id);
const REVIEWERS = ['qa', 'supervisor', 'admin'];
const SUMMARY = ['qa', 'supervisor', 'admin', 'team_leader'];
let player;
let form;
let current;

document.addEventListener('DOMContentLoaded', () => {
  applyStrings();
  for (const b of document.querySelectorAll('.lang-toggle')) b.addEventListener('click', () => toggleLang());
  $('login-form').addEventListener('submit', (e) => void login(e));
  $('logout').addEventListener('click', () => signOut());
  player = new ReviewPlayer($('review'));
  form = new ScorecardForm($('score-form'), $('preview'));
  $('comment-add').addEventListener('click', () => {
    if (player.addComment($('comment-text').value)) $('comment-text').value = '';
  });
  $('submit-score').addEventListener('click', () => void submitScore());
  $('load-summary').addEventListener('click', () => void showSummary());
  $('dl-xlsx').addEventListener('click', () => void exportSummary($('month').value, 'xlsx'));
  $('dl-csv').addEventListener('click', () => void exportSummary($('month').value, 'csv'));
  for (const b of document.querySelectorAll('[data-tab]')) b.addEventListener('click', () => void openTab(b.dataset.tab));
  const now = new Date();
  $('month').value = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  if (token()) void start();
  else showLogin();
});

function showLogin(key) {
  $('app').hidden = true;
  $('login').hidden = false;
  $('login-message').textContent = key ? t(key) : '';
}

async function login(e) {
  e.preventDefault();
  try {
    const res = await fetch(document.querySelector('meta[name="qa-login"]').content, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value }),
    });
    if (!res.ok) return showLogin(res.status === 401 || res.status === 403 ? 'login.failed' : 'login.error');
    setToken((await res.json()).token);
    await start();
  } catch {
    showLogin('login.error');
  }
}

function signOut() {
  setToken(undefined);
  showLogin();
}

async function start() {
  const c = claims();
  if (!c) return showLogin('login.expired');
  $('login').hidden = true;
  $('app').hidden = false;
  $('who').textContent = `${c.sub} · ${c.role}${c.agent ? ` · ${c.agent}` : ''}`;
  for (const b of document.querySelectorAll('[data-tab]')) {
    const tab = b.dataset.tab;
    b.hidden = (tab === 'assignments' && !REVIEWERS.includes(c.role)) || (tab === 'summary' && !SUMMARY.includes(c.role)) || (tab === 'results' && c.role === 'qa');
  }
  const first = [...document.querySelectorAll('[data-tab]')].find((b) => !b.hidden);
  await openTab(first.dataset.tab);
}

async function openTab(name) {
  for (const b of document.querySelectorAll('[data-tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  for (const s of document.querySelectorAll('.tab')) s.hidden = s.id !== `tab-${name}`;
  try {
    if (name === 'assignments') await showAssignments();
    if (name === 'results') await showResults();
    if (name === 'summary') await showSummary();
  } catch (error) {
    handle(error);
  }
}

function handle(error) {
  if (error instanceof ApiError && error.status === 401) return showLogin('login.expired');
  console.error(error);
}

function cell(text) {
  return Object.assign(document.createElement('td'), { textContent: text });
}

async function showAssignments() {
  const list = await api('GET', '/api/qa/assignments/mine');
  $('assignments-empty').hidden = list.length > 0;
  $('assignment-table').tBodies[0].replaceChildren(
    ...list.map((a) => {
      const tr = document.createElement('tr');
      tr.dataset.assignment = a.id;
      const open = Object.assign(document.createElement('button'), { type: 'button', textContent: t('assignments.open') });
      open.addEventListener('click', () => void review(a, tr));
      const r = a.recording ?? {};
      const who = agentLabel(a);
      const agent = a.calibration ? `${who} (${t('assignments.calibration')})` : who;
      const action = document.createElement('td');
      action.append(open);
      tr.append(
        cell(agent),
        cell(callTime(r.startedAt)),
        cell(r.queue ?? ''),
        cell(r.direction ? t(`dir.${r.direction}`) : ''),
        cell(r.customerMasked ?? ''),
        cell(mmss(r.durationSeconds)),
        action,
      );
      return tr;
    }),
  );
}

/** "吴磊 Wu Lei · 1007": the name reviewers know, with the 工号. */
function agentLabel(a) {
  return a.agentName ? `${a.agentName} · ${a.agentId}` : a.agentId;
}

function callTime(at) {
  return at === undefined ? '' : new Date(at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

async function review(assignment, row) {
  for (const tr of row.parentElement.children) tr.classList.toggle('selected', tr === row);
  current = assignment;
  $('review').hidden = false;
  $('review-id').textContent = `${agentLabel(assignment)} · ${callTime(assignment.recording?.startedAt)}`;
  $('score-message').textContent = '';
  // Each call gets its own submit: the last call's submit left the button disabled.
  $('submit-score').disabled = false;
  const mutes = assignment.recording?.mutes ?? [];
  $('mutes').textContent = mutes.length ? `${t('player.muted')}: ${mutes.length}` : '';
  const cards = await api('GET', '/api/qa/scorecards');
  form.show(cards[0]);
  await player.load(assignment.recordingId);
}

async function submitScore() {
  const answers = form.answers();
  const msg = $('score-message');
  msg.classList.remove('ok');
  if (!answers) {
    msg.textContent = t('score.missing');
    return;
  }
  $('submit-score').disabled = true; // one submit per call, even on a double click
  try {
    const e = await api('POST', '/api/qa/evaluations', {
      assignmentId: current.id,
      scorecardId: form.card.id,
      scorecardVersion: form.card.version,
      answers,
      comments: player.comments,
    });
    msg.classList.add('ok');
    msg.textContent = `${t('score.saved')} ${e.result.total}${e.result.criticalFail ? ` (${t('score.criticalFail')})` : ''}`;
    document.querySelector(`tr[data-assignment="${CSS.escape(current.id)}"]`)?.remove();
  } catch (error) {
    $('submit-score').disabled = false;
    msg.textContent = error instanceof ApiError ? (error.body?.message ?? t('error.generic')) : t('error.generic');
    handle(error);
  }
}

async function showResults() {
  const list = await api('GET', '/api/qa/evaluations');
  $('results-empty').hidden = list.length > 0;
  const isAgent = claims()?.role === 'agent';
  $('results-table').tBodies[0].replaceChildren(
    ...list.map((e) => {
      const tr = document.createElement('tr');
      const total = e.state.status === 'amended' ? `${e.state.finalTotal} (${e.state.total})` : String(e.state.total);
      const status = cell(t(`status.${e.state.status}`));
      status.className = `status-${e.state.status}`;
      const comments = cell(e.comments.map((c) => `[${mmss(c.atSeconds)}] ${c.text}`).join('\n'));
      const actions = document.createElement('td');
      if (isAgent && e.state.status === 'submitted') {
        const ack = Object.assign(document.createElement('button'), { type: 'button', textContent: t('results.ack') });
        ack.addEventListener('click', () => void respond(e.id, 'acknowledge'));
        const dispute = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: t('results.dispute') });
        dispute.addEventListener('click', () => {
          const reason = prompt(t('results.reason'));
          if (reason) void respond(e.id, 'dispute', reason);
        });
        actions.append(ack, dispute);
      }
      tr.append(cell(new Date(e.state.submittedAt).toLocaleString()), cell(total), status, comments, actions);
      return tr;
    }),
  );
}

async function respond(id, kind, reason) {
  try {
    await api('POST', `/api/qa/evaluations/${encodeURIComponent(id)}/${kind}`, kind === 'dispute' ? { reason } : undefined);
    await showResults();
  } catch (error) {
    handle(error);
  }
}

async function showSummary() {
  try {
    await loadSummary($('month').value);
  } catch (error) {
    handle(error);
  }
}
