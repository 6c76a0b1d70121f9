// The follow-up form for agents (意向客户 / 能发展的客户) and the list of records the caller may see.
import { getJson, send } from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

export class FollowUps {
  constructor({ writesForOthers, timezone }) {
    this.timezone = timezone;
    $('followup-agent-row').hidden = !writesForOthers;
    $('followup-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.save();
    });
  }

  async save() {
    const body = {
      kind: document.querySelector('input[name="kind"]:checked')?.value,
      contactName: $('followup-name').value,
      phoneNumber: $('followup-phone').value,
      content: $('followup-content').value,
    };
    if (!$('followup-agent-row').hidden && $('followup-agent').value)
      body.agentId = $('followup-agent').value.trim();
    const message = $('followup-message');
    try {
      await send('POST', '/follow-ups', body);
      message.textContent = t('followup.saved');
      message.dataset.state = 'ok';
      for (const id of ['followup-name', 'followup-phone', 'followup-content']) $(id).value = '';
      await this.load();
    } catch (err) {
      const fields = err.body?.details?.fields?.map((f) => f.field).join(', ');
      message.textContent = t('followup.failed', { message: fields || err.message });
      message.dataset.state = 'error';
    }
  }

  async load() {
    const page = await getJson('/follow-ups?pageSize=50');
    const time = new Intl.DateTimeFormat('zh-CN', {
      timeZone: this.timezone,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    $('followups').tBodies[0].replaceChildren(
      ...page.items.map((r) => {
        const tr = document.createElement('tr');
        tr.dataset.id = r.id;
        for (const text of [
          time.format(r.createdAt),
          r.agentName,
          t(`kind.${r.kind}`),
          r.contactName,
          r.phoneNumber,
          r.content,
        ]) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
  }
}
