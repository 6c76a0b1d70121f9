// The review player: plays through a short-lived listening grant (URL + HttpOnly cookie, never
// the session token), seeks with HTTP Range, and pins comments to the current time.
import { api } from './api.js';
import { mmss, t } from './i18n.js';

export class ReviewPlayer {
  constructor(root) {
    this.audio = root.querySelector('#audio');
    this.play = root.querySelector('#play');
    this.seek = root.querySelector('#seek');
    this.time = root.querySelector('#time');
    this.commentsEl = root.querySelector('#comments');
    this.comments = [];
    this.recordingId = undefined;
    this.audio.addEventListener('loadedmetadata', () => {
      this.seek.max = String(this.audio.duration || 0);
      this.render();
    });
    this.audio.addEventListener('timeupdate', () => this.render());
    this.audio.addEventListener('play', () => (this.play.textContent = t('player.pause')));
    this.audio.addEventListener('pause', () => (this.play.textContent = t('player.play')));
    // A grant expires after a few minutes: get a new one and carry on where we were.
    this.audio.addEventListener('error', () => void this.regrant());
    this.play.addEventListener('click', () => (this.audio.paused ? void this.audio.play() : this.audio.pause()));
    this.seek.addEventListener('input', () => this.jump(Number(this.seek.value)));
  }

  async load(recordingId) {
    this.recordingId = recordingId;
    this.comments = [];
    this.renderComments();
    const { url } = await api('POST', `/api/qa/recordings/${encodeURIComponent(recordingId)}/media-grant`);
    this.audio.src = url;
    this.audio.load();
  }

  async regrant() {
    if (!this.recordingId || this.regranting) return;
    this.regranting = true;
    const at = this.audio.currentTime;
    try {
      const { url } = await api('POST', `/api/qa/recordings/${encodeURIComponent(this.recordingId)}/media-grant`);
      this.audio.src = url;
      this.audio.addEventListener('loadedmetadata', () => (this.audio.currentTime = at), { once: true });
    } finally {
      this.regranting = false;
    }
  }

  jump(seconds) {
    this.audio.currentTime = Math.max(0, Math.min(seconds, this.audio.duration || seconds));
    this.render();
  }

  get currentTime() {
    return this.audio.currentTime;
  }

  get duration() {
    return this.audio.duration || 0;
  }

  addComment(text, itemId) {
    const clean = text.trim();
    if (!clean) return false;
    this.comments.push({ atSeconds: Math.round(this.audio.currentTime * 100) / 100, text: clean, ...(itemId ? { itemId } : {}) });
    this.comments.sort((a, b) => a.atSeconds - b.atSeconds);
    this.renderComments();
    return true;
  }

  render() {
    if (document.activeElement !== this.seek) this.seek.value = String(this.audio.currentTime);
    this.time.textContent = `${mmss(this.audio.currentTime)} / ${mmss(this.audio.duration)}`;
  }

  renderComments() {
    this.commentsEl.replaceChildren(
      ...this.comments.map((c, i) => {
        const li = document.createElement('li');
        const at = document.createElement('a');
        at.textContent = `[${mmss(c.atSeconds)}]`;
        at.dataset.at = String(c.atSeconds);
        at.addEventListener('click', () => this.jump(c.atSeconds));
        const text = document.createElement('span');
        text.textContent = c.text;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'link';
        remove.textContent = '×';
        remove.addEventListener('click', () => {
          this.comments.splice(i, 1);
          this.renderComments();
        });
        li.append(at, text, remove);
        return li;
      }),
    );
  }
}
