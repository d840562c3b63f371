// The calendar's drag, on pointer events rather than HTML5 drag and drop, so a mouse, a pen, a finger and
// WebDriver's actions all work. A drop posts the post's own move form with the cell's day and hour; the server
// plans it (windows, gaps) and a refusal snaps the post back with the reason. The Move form is the keyboard's way.
(function () {
  'use strict';
  const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;
  let drag = null;

  const say = (text, ok) => {
    const status = document.getElementById('calendar-status');
    const flash = document.getElementById('flash');
    (ok ? status : flash).textContent = text;
    status.hidden = !ok;
    flash.hidden = ok;
  };
  const cellAt = e => document.elementFromPoint(e.clientX, e.clientY)?.closest('#calendar .cell');
  const mark = cell => {
    document.querySelectorAll('#calendar .cell.target').forEach(c => c.classList.remove('target'));
    if (cell) cell.classList.add('target');
  };
  const snapBack = post => {
    post.classList.remove('dragging', 'saving');
    post.style.transform = '';
  };

  document.addEventListener('pointerdown', e => {
    const post = e.target.closest('#calendar .post[data-movable="true"]');
    if (!post || e.button !== 0 || e.target.closest('details, form, a, button, input')) return;
    e.preventDefault(); // no text selection while dragging
    drag = {post, x: e.clientX, y: e.clientY, moved: false};
  });

  document.addEventListener('pointermove', e => {
    if (!drag) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    drag.post.classList.add('dragging');
    drag.post.style.transform = 'translate(' + dx + 'px, ' + dy + 'px)';
    mark(cellAt(e));
  });

  document.addEventListener('pointercancel', () => {
    if (drag) snapBack(drag.post);
    drag = null;
    mark(null);
  });

  document.addEventListener('pointerup', e => {
    if (!drag) return;
    const {post, moved} = drag;
    drag = null;
    const cell = moved ? cellAt(e) : null;
    mark(null);
    if (!cell || cell === post.closest('.cell')) {
      snapBack(post);
      return;
    }
    move(post, cell);
  });

  function move(post, cell) {
    const local = post.dataset.local; // 2030-01-07T19:30, the account's wall clock
    const hour = cell.dataset.hour;   // absent in a month: keep the time of day
    const to = cell.dataset.day + 'T' + (hour === undefined ? local.slice(11, 13) : hour.padStart(2, '0'))
        + local.slice(13);
    post.classList.add('saving');
    fetch(post.querySelector('form.move').action, {
      method: 'POST',
      headers: {[meta('csrf-header')]: meta('csrf-token'), 'HX-Request': 'true', 'Accept': 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({to, span: hour === undefined ? 'day' : 'hour'})
    }).then(async r => {
      let detail = null;
      try {
        detail = JSON.parse(await r.text()).detail;
      } catch (ignored) { /* not JSON */ }
      if (!r.ok) {
        snapBack(post);
        say('Not moved: ' + (detail || r.status + ' ' + r.statusText), false);
        return;
      }
      say(detail || 'Moved', true);
      document.body.dispatchEvent(new Event('calendar-changed')); // htmx redraws the grid
    }).catch(() => {
      snapBack(post);
      say('Not moved: the server did not answer', false);
    });
  }
})();
