// The monthly summary: distribution chart (SVG, no library), table, training needs, exports.
import { api, download } from './api.js';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

export async function loadSummary(month) {
  const { summary, tables } = await api('GET', `/api/qa/reports/monthly?month=${encodeURIComponent(month)}`);
  drawChart(document.getElementById('chart'), summary.bands, summary.overall.distribution);
  const training = document.getElementById('training');
  training.replaceChildren(
    ...summary.trainingNeeds.map((i) => {
      const li = document.createElement('li');
      li.textContent = `${i.text} — ${Math.round(i.failRate * 100)}% (${i.failures}/${i.scored})`;
      return li;
    }),
  );
  const agents = tables.find((x) => x.name === 'agents');
  const table = document.getElementById('summary-table');
  const head = document.createElement('tr');
  head.append(...agents.headers.map((h) => Object.assign(document.createElement('th'), { textContent: h })));
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(
    ...agents.rows.map((r) => {
      const tr = document.createElement('tr');
      tr.append(...r.map((v) => Object.assign(document.createElement('td'), { textContent: v === null ? '' : String(v) })));
      return tr;
    }),
  );
  return summary;
}

export function drawChart(svg, bands, counts) {
  const max = Math.max(1, ...counts);
  const w = 420 / counts.length;
  const nodes = [];
  counts.forEach((n, i) => {
    const h = Math.round((n / max) * 160);
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('class', 'bar');
    rect.setAttribute('x', String(i * w + 8));
    rect.setAttribute('y', String(180 - h));
    rect.setAttribute('width', String(w - 16));
    rect.setAttribute('height', String(h));
    const value = document.createElementNS(SVG, 'text');
    value.setAttribute('x', String(i * w + w / 2));
    value.setAttribute('y', String(175 - h));
    value.setAttribute('text-anchor', 'middle');
    value.textContent = String(n);
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', String(i * w + w / 2));
    label.setAttribute('y', '200');
    label.setAttribute('text-anchor', 'middle');
    label.textContent = i + 1 < bands.length ? `${bands[i]}-${bands[i + 1] - 1}` : `${bands[i]}-100`;
    nodes.push(rect, value, label);
  });
  svg.replaceChildren(...nodes);
  svg.setAttribute('aria-label', t('summary.distribution'));
}

export function exportSummary(month, kind) {
  const path = kind === 'xlsx' ? `/api/qa/reports/monthly.xlsx?month=${month}` : `/api/qa/reports/monthly.csv?month=${month}&table=agents`;
  return download(path, kind === 'xlsx' ? `qa-monthly-${month}.xlsx` : `qa-monthly-${month}-agents.csv`);
}
