// The web app's small script: CSRF on every htmx request, and the clip timeline's buttons seek the player.
(function () {
  'use strict';
  const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;
  document.addEventListener('htmx:configRequest', e => {
    e.detail.headers[meta('csrf-header')] = meta('csrf-token');
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
