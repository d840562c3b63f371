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
  document.addEventListener('click', e => {
    const button = e.target.closest('[data-start]');
    const player = document.getElementById('player');
    if (!button || !player) return;
    player.currentTime = parseFloat(button.dataset.start);
    player.play().catch(() => {}); // a browser may refuse to autoplay with sound: the seek still happened
    player.focus();
  });
})();
