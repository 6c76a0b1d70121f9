// Report downloads: the daily work record, the team leader's sheet, the monthly report (XLSX, CSV).
import { download } from './api.js';
import { locale, t } from './i18n.js';

const $ = (id) => document.getElementById(id);

const REPORTS = [
  {
    kind: 'agent-daily',
    period: 'day',
    roles: ['agent', 'team_leader', 'supervisor', 'qa', 'admin'],
  },
  { kind: 'team-daily', period: 'day', roles: ['team_leader', 'supervisor', 'qa', 'admin'] },
  { kind: 'monthly', period: 'month', roles: ['team_leader', 'supervisor', 'qa', 'admin'] },
];

export class Reports {
  constructor({ role, team, today }) {
    this.role = role;
    this.team = team;
    $('report-day').value = today;
    $('report-month').value = today.slice(0, 7);
    this.render();
  }

  render() {
    $('report-list').replaceChildren(
      ...REPORTS.filter((r) => r.roles.includes(this.role)).map((r) => {
        const li = document.createElement('li');
        li.dataset.report = r.kind;
        const name = document.createElement('span');
        name.textContent = t(`report.${r.kind}`);
        li.append(name);
        for (const format of ['xlsx', 'csv']) {
          const b = document.createElement('button');
          b.type = 'button';
          b.dataset.format = format;
          b.textContent = format.toUpperCase();
          b.addEventListener('click', () => void this.get(r, format));
          li.append(b);
        }
        return li;
      }),
    );
  }

  async get(r, format) {
    const params = new URLSearchParams({ format, lang: locale() });
    if (r.period === 'day') params.set('day', $('report-day').value);
    else params.set('month', $('report-month').value);
    if (r.kind === 'team-daily' && this.team) params.set('teamId', this.team);
    try {
      const file = await download(`/reports/${r.kind}?${params}`);
      $('report-message').textContent = t('report.done', { file });
    } catch (err) {
      $('report-message').textContent = t('report.failed', { message: err.message });
    }
  }
}
