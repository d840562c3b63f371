// The schedule form: the typed time's zone follows the picked account, and the caption is checked against the
// account's platform limits while it is typed. The server checks the same limits (CaptionLimit) when it plans.
// On the accounts page, a new account gets this browser's zone.
(function () {
  'use strict';
  const HASHTAG = /#[\p{L}\p{N}_]+/gu; // CaptionLimit.HASHTAG
  const utf8 = new TextEncoder();

  function picked() {
    const select = document.getElementById('account');
    return select && select.selectedOptions[0];
  }

  function check() {
    const account = picked();
    const caption = document.getElementById('caption');
    const status = document.getElementById('caption-status');
    if (!account || !caption) return;
    document.getElementById('zone').textContent = account.dataset.zone;
    const d = account.dataset;
    const bytes = d.bytes === 'true';
    const text = caption.value;
    const length = bytes ? utf8.encode(text).length : text.length;
    const max = parseInt(d.maxLength, 10);
    const tags = (text.match(HASHTAG) || []).length;
    const maxTags = d.maxHashtags ? parseInt(d.maxHashtags, 10) : null;
    const unit = bytes ? 'bytes' : 'characters';
    const problems = [];
    if (length > max) problems.push(`too long for ${d.platform}: ${length} of at most ${max} ${unit}`);
    if (maxTags !== null && tags > maxTags) problems.push(`${tags} hashtags, ${d.platform} takes at most ${maxTags}`);
    status.textContent = problems.length ? 'Caption ' + problems.join('; ')
      : `${length} / ${max} ${unit}` + (maxTags === null ? ` · ${tags} hashtags` : ` · ${tags} / ${maxTags} hashtags`);
    status.classList.toggle('over', problems.length > 0);
    caption.setAttribute('aria-invalid', problems.length > 0 ? 'true' : 'false');
  }

  document.addEventListener('input', e => {
    if (e.target.id === 'caption') check();
    if (e.target.id === 'at') document.getElementById('when-at').checked = true;
  });
  document.addEventListener('change', e => {
    if (e.target.id === 'account') check();
    // another account, variant or time makes the shown plan stale: check again before confirming
    if (e.target.form && e.target.form.id === 'schedule' && e.target.id !== 'caption') {
      document.getElementById('preview').replaceChildren();
    }
  });
  // a refusal shown for an earlier check no longer applies once a check succeeds
  document.addEventListener('htmx:afterRequest', e => {
    if (e.detail.elt.id === 'check' && e.detail.successful) document.getElementById('flash').hidden = true;
  });
  document.addEventListener('DOMContentLoaded', () => {
    check();
    // the accounts page: a new account's zone is this browser's, unless it cannot say
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) document.querySelectorAll('input.browser-zone').forEach(i => { i.value = zone; });
  });
})();
