// The web app's small script: CSRF on every htmx request, and the clip timeline's buttons seek the player.
(function () {
  'use strict';
  const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;
  document.addEventListener('htmx:configRequest', e => {
    e.detail.headers[meta('csrf-header')] = meta('csrf-token');
  });
  // htmx leaves a refused request's page as it was: say why (the problem's detail) instead of nothing
  document.addEventListener('htmx:responseError', e => {
    const flash = document.getElementById('flash');
    let text = e.detail.xhr.status + ' ' + e.detail.xhr.statusText;
    try {
      const problem = JSON.parse(e.detail.xhr.responseText);
      // a validation problem's detail is generic: its field errors say what to fix
      const fields = (problem.errors || []).map(f => f.field + ': ' + f.message).join('; ');
      text = fields || problem.detail || problem.title || text;
    } catch (ignored) { /* not a problem body */ }
    flash.textContent = text;
    flash.hidden = false;
  });
  // a page that shows a one-time secret is a POST's answer: make its history entry a GET of the same URL, so a
  // reload shows the page without the secret instead of posting again (a second key)
  if (document.getElementById('secret')) history.replaceState(null, '', location.href);
  document.addEventListener('click', e => {
    const button = e.target.closest('[data-start]');
    const player = document.getElementById('player');
    if (!button || !player) return;
    player.currentTime = parseFloat(button.dataset.start);
    player.play().catch(() => {}); // a browser may refuse to autoplay with sound: the seek still happened
    player.focus();
  });
})();

// The video page's timeline: clicking a band selects its clip for the re-score form below; the selected band gets
// two handles, and dragging them (pointer events) fills the form's start and end. The inputs stay the primary,
// keyboard way: typing in them moves the band too.
(function () {
  'use strict';
  const round = t => Math.round(t * 10) / 10;
  const parts = () => {
    const form = document.getElementById('clip-bounds');
    const timeline = document.querySelector('.timeline[data-seconds]');
    if (!form || !timeline) return null;
    return {form, timeline, seconds: parseFloat(timeline.dataset.seconds),
      band: timeline.querySelector('.band.selected')};
  };
  function draw() {
    const p = parts();
    if (!p || !p.band || !(p.seconds > 0)) return;
    const s = parseFloat(p.form.elements.start_s.value), e = parseFloat(p.form.elements.end_s.value);
    if (!(e > s)) return;
    p.band.style.left = (100 * s / p.seconds) + '%';
    p.band.style.width = (100 * (e - s) / p.seconds) + '%';
    p.timeline.querySelectorAll('.handle').forEach(h => {
      h.style.left = (100 * (h.dataset.edge === 'start' ? s : e) / p.seconds) + '%';
      h.hidden = false;
    });
  }
  function select(band) {
    const p = parts();
    if (!p || !band.dataset.rescore) return;
    p.timeline.querySelectorAll('.band').forEach(b => {
      b.classList.toggle('selected', b === band);
      b.setAttribute('aria-pressed', String(b === band));
    });
    p.form.action = band.dataset.rescore;
    p.form.elements.start_s.value = round(parseFloat(band.dataset.start));
    p.form.elements.end_s.value = round(parseFloat(band.dataset.end));
    p.form.querySelector('.bounds-rank').textContent = band.dataset.rank;
    p.form.querySelector('button[type=submit]').disabled = band.dataset.rescoring === 'true';
    draw();
  }
  let drag = null;
  document.addEventListener('click', e => {
    const band = e.target.closest('.timeline .band');
    if (band) select(band);
  });
  document.addEventListener('input', e => {
    if (e.target.closest('#clip-bounds')) draw();
  });
  document.addEventListener('pointerdown', e => {
    const handle = e.target.closest('.timeline .handle');
    if (!handle) return;
    e.preventDefault();
    handle.setPointerCapture(e.pointerId);
    drag = handle;
  });
  document.addEventListener('pointermove', e => {
    const p = drag && parts();
    if (!p) return;
    const box = p.timeline.getBoundingClientRect();
    const t = round(Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)) * p.seconds);
    p.form.elements[drag.dataset.edge === 'start' ? 'start_s' : 'end_s'].value = t;
    draw();
  });
  const drop = () => { drag = null; };
  document.addEventListener('pointerup', drop);
  document.addEventListener('pointercancel', drop);
  document.addEventListener('htmx:afterSwap', draw);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
