// The quota-day board: the must-stay list, progress and pace per agent, release with a reason.
import { getJson, send } from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = Object.assign(document.createElement(tag), attrs);
  for (const c of children) node.append(c);
  return node;
}

function timeOf(epochMs, timezone) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(epochMs);
}

/** One word for where the agent stands (staying late wins over the count). */
export function stateOf(a) {
  if (a.stay?.state === 'staying') return 'staying';
  if (a.stay?.state === 'met') return 'stayMet';
  if (a.stay?.state === 'released') return 'released';
  if (a.status !== 'working') return a.status;
  if (a.met) return 'met';
  return a.onPace === false ? 'behind' : 'onPace';
}

export class Board {
  constructor({ canRelease, onError }) {
    this.canRelease = canRelease;
    this.onError = onError;
    this.data = undefined;
    this.releasing = undefined;
    $('release-cancel').addEventListener('click', () => $('release-dialog').close());
    $('release-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.confirmRelease();
    });
  }

  async load(day) {
    this.data = await getJson(`/quota-day${day ? `?day=${encodeURIComponent(day)}` : ''}`);
    this.render();
    return this.data;
  }

  render() {
    const d = this.data;
    if (!d) return;
    $('rule-version').textContent = t('ruleVersion', { version: d.ruleVersion });
    $('updated').textContent = t('updated', { time: timeOf(d.now, d.timezone) });
    const working = d.agents.filter((a) => a.status === 'working');
    $('summary').textContent = t('summary', {
      met: working.filter((a) => a.met).length,
      working: working.length,
      effective: working.reduce((s, a) => s + a.effective, 0),
      quota: working.reduce((s, a) => s + a.quota, 0),
    });
    this.renderMustStay(d);
    const rows = d.agents.map((a) => this.row(a, d));
    $('ledger').tBodies[0].replaceChildren(...rows);
  }

  renderMustStay(d) {
    const run = d.mustStay[d.mustStay.length - 1];
    const list = $('must-stay-list');
    $('must-stay').dataset.state = run ? (run.agents.length ? 'list' : 'none') : 'pending';
    $('must-stay-title').textContent = run
      ? t('mustStay.title', { time: timeOf(run.shiftEnd, d.timezone) })
      : t('mustStay.pending');
    if (!run) return list.replaceChildren();
    if (run.agents.length === 0)
      return list.replaceChildren(el('li', { className: 'none', textContent: t('mustStay.none') }));
    list.replaceChildren(
      ...run.agents.map((m) => {
        const agent = d.agents.find((a) => a.agentId === m.agentId);
        const state = agent ? stateOf(agent) : 'staying';
        const li = el(
          'li',
          { className: `stay ${state}` },
          el('span', {
            textContent: t('mustStay.item', {
              name: m.name,
              id: m.agentId,
              shortfall: m.shortfall,
            }),
          }),
        );
        li.dataset.agent = m.agentId;
        li.dataset.state = state;
        if (agent?.stay)
          li.append(
            el('span', {
              className: 'chip',
              textContent: `${t(`status.${state}`)} · ${t('minutes', { n: agent.stay.minutes })}`,
            }),
          );
        if (state === 'staying' && this.canRelease && agent) li.append(this.releaseButton(agent));
        return li;
      }),
    );
  }

  row(a, d) {
    const state = stateOf(a);
    const pct = a.quota > 0 ? Math.min(100, Math.round((a.effective / a.quota) * 100)) : 100;
    const bar = el(
      'div',
      { className: 'bar' },
      el('div', { className: 'fill' }),
      el('span', { className: 'count', textContent: `${a.effective}/${a.quota}` }),
    );
    bar.firstChild.style.width = `${pct}%`;
    const tr = el(
      'tr',
      { className: state },
      el('td', { className: 'id', textContent: a.agentId }),
      el('td', { textContent: a.name }),
      el('td', { textContent: d.teams.find((x) => x.id === a.team)?.name ?? a.team ?? '' }),
      el('td', {}, bar),
      el('td', {
        className: 'num remaining',
        textContent: a.status === 'working' ? String(a.remaining) : '',
      }),
      el('td', { className: 'num pace', textContent: a.pace === undefined ? '' : String(a.pace) }),
      el('td', {}, el('span', { className: `chip ${state}`, textContent: t(`status.${state}`) })),
      el('td', {
        className: 'num stay',
        textContent: a.stay ? t('minutes', { n: a.stay.minutes }) : '',
      }),
      el('td', {}, ...(state === 'staying' && this.canRelease ? [this.releaseButton(a)] : [])),
    );
    tr.dataset.agent = a.agentId;
    tr.dataset.state = state;
    return tr;
  }

  releaseButton(a) {
    const b = el('button', { type: 'button', className: 'release', textContent: t('release') });
    b.dataset.agent = a.agentId;
    b.addEventListener('click', () => this.askRelease(a));
    return b;
  }

  askRelease(a) {
    this.releasing = a;
    $('release-who').textContent = t('release.who', {
      name: a.name,
      id: a.agentId,
      effective: a.effective,
      quota: a.quota,
    });
    $('release-reason').value = '';
    $('release-error').textContent = '';
    $('release-dialog').showModal();
    $('release-reason').focus();
  }

  async confirmRelease() {
    const a = this.releasing;
    const reason = $('release-reason').value.trim();
    if (!reason) {
      $('release-error').textContent = t('release.required');
      return;
    }
    try {
      await send(
        'POST',
        `/quota-day/${this.data.day}/stays/${encodeURIComponent(a.agentId)}/release`,
        { reason },
      );
      $('release-dialog').close();
      await this.load(this.data.day);
    } catch (err) {
      $('release-error').textContent = t('release.failed', { message: err.message });
      this.onError?.(err);
    }
  }
}
