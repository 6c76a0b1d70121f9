// The scorecard form: yes/no and 0..N items, n/a where allowed, critical items marked; the
// preview mirrors the server's weighting (the server's score is the one that is stored).
import { t } from './i18n.js';

export class ScorecardForm {
  constructor(form, preview) {
    this.form = form;
    this.preview = preview;
    this.card = undefined;
    form.addEventListener('change', () => this.renderPreview());
  }

  show(card) {
    this.card = card;
    const sections = card.sections.map((s) => {
      const fs = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = `${s.title} (${s.weight})`;
      fs.append(legend, ...s.items.map((item) => this.itemRow(item)));
      return fs;
    });
    const head = document.createElement('p');
    head.className = 'muted small';
    head.textContent = `${card.name} · v${card.version}`;
    this.form.replaceChildren(head, ...sections);
    this.renderPreview();
  }

  itemRow(item) {
    const row = document.createElement('div');
    row.className = 'item';
    const label = document.createElement('span');
    label.textContent = item.text;
    if (item.critical) {
      const c = document.createElement('span');
      c.className = 'critical';
      c.textContent = t('score.critical');
      label.append(c);
    }
    const choices = document.createElement('span');
    choices.className = 'choices';
    const options = item.scale.kind === 'yes-no'
      ? [[1, item.scale.passLabel ?? t('score.yes')], [0, item.scale.failLabel ?? t('score.no')]]
      : Array.from({ length: item.scale.max + 1 }, (_, i) => [item.scale.max - i, String(item.scale.max - i)]);
    if (item.allowNa) options.push(['na', t('score.na')]);
    for (const [value, text] of options) {
      const l = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = item.id;
      input.value = String(value);
      input.dataset.item = item.id;
      l.append(input, ` ${text}`);
      choices.append(l);
    }
    row.append(label, choices);
    return row;
  }

  /** itemId → number | 'na', or undefined when an item is unanswered. */
  answers() {
    const out = {};
    for (const item of this.card.sections.flatMap((s) => s.items)) {
      const checked = this.form.querySelector(`input[name="${CSS.escape(item.id)}"]:checked`);
      if (!checked) return undefined;
      out[item.id] = checked.value === 'na' ? 'na' : Number(checked.value);
    }
    return out;
  }

  renderPreview() {
    const a = this.answers();
    if (!a) {
      this.preview.textContent = '';
      return;
    }
    let total = 0;
    let weights = 0;
    let critical = false;
    for (const s of this.card.sections) {
      let sum = 0;
      let w = 0;
      for (const item of s.items) {
        if (a[item.id] === 'na') continue;
        const max = item.scale.kind === 'points' ? item.scale.max : 1;
        sum += (a[item.id] / max) * item.weight;
        w += item.weight;
        const passAt = item.scale.kind === 'points' ? item.passAt ?? Math.ceil(max / 2) : 1;
        if (item.critical && a[item.id] < passAt) critical = true;
      }
      if (w > 0) {
        total += (sum / w) * s.weight;
        weights += s.weight;
      }
    }
    const score = weights ? Math.round((total / weights) * 10000) / 100 : 0;
    this.preview.textContent = critical ? `${t('score.preview')}: 0 (${t('score.criticalFail')})` : `${t('score.preview')}: ${score}`;
  }
}
