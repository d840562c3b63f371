// Drag-and-drop upload over tus 1.0 (creation, PATCH in chunks, HEAD to resume after a dropped connection), with
// the session cookie and the CSRF header: about as much of tus as the library page needs.
(function () {
  'use strict';
  const CHUNK = 4 * 1024 * 1024;
  const zone = document.getElementById('dropzone');
  if (!zone) return;
  const input = document.getElementById('file');
  const box = document.getElementById('upload');
  const bar = document.getElementById('upload-progress');
  const percent = document.getElementById('upload-percent');
  const retry = document.getElementById('upload-retry');
  const error = document.getElementById('upload-error');
  const meta = name => document.querySelector('meta[name="' + name + '"]').content;
  const b64 = s => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

  function headers(extra) {
    return Object.assign({'Tus-Resumable': '1.0.0', [meta('csrf-header')]: meta('csrf-token')}, extra);
  }

  function show(sent, total) {
    const p = total === 0 ? 100 : Math.floor(sent * 100 / total);
    bar.value = p;
    percent.textContent = p + '%';
  }

  async function problem(response) {
    try {
      const body = await response.json();
      return body.detail || body.title || response.statusText;
    } catch (e) {
      return response.status + ' ' + response.statusText;
    }
  }

  // PATCH one chunk through XMLHttpRequest, for its upload progress events
  function patch(url, file, offset) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const end = Math.min(offset + CHUNK, file.size);
      xhr.open('PATCH', url);
      Object.entries(headers({'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream'}))
        .forEach(([k, v]) => xhr.setRequestHeader(k, v));
      xhr.upload.onprogress = e => show(offset + e.loaded, file.size);
      xhr.onload = () => xhr.status === 204 ? resolve(xhr)
        : reject(new Error(problemText(xhr)));
      xhr.onerror = () => reject(new Error('the connection dropped'));
      xhr.send(file.slice(offset, end));
    });
  }

  function problemText(xhr) {
    try {
      return JSON.parse(xhr.responseText).detail || xhr.statusText;
    } catch (e) {
      return xhr.status + ' ' + xhr.statusText;
    }
  }

  async function offsetOf(url) {
    const response = await fetch(url, {method: 'HEAD', headers: headers({})});
    if (!response.ok) throw new Error('the upload cannot be resumed (' + response.status + ')');
    return parseInt(response.headers.get('Upload-Offset'), 10);
  }

  async function send(file, url) {
    let offset = await offsetOf(url);
    let last = null;
    while (offset < file.size) {
      last = await patch(url, file, offset);
      offset = parseInt(last.getResponseHeader('Upload-Offset'), 10);
    }
    show(file.size, file.size);
    box.dataset.done = 'true';
    box.dataset.videoId = last ? last.getResponseHeader('X-SocialSync-Video-Id') || '' : '';
    htmx.trigger(document.body, 'library-changed');
  }

  async function upload(file) {
    error.hidden = true;
    retry.hidden = true;
    box.hidden = false;
    delete box.dataset.done;
    document.getElementById('upload-name').textContent = file.name;
    show(0, file.size);
    let url = null;
    try {
      const created = await fetch(zone.dataset.endpoint, {method: 'POST', headers: headers({
        'Upload-Length': String(file.size),
        'Upload-Metadata': 'filename ' + b64(file.name) + ',filetype ' + b64(file.type || 'video/mp4')})});
      if (created.status !== 201) throw new Error(await problem(created));
      url = created.headers.get('Location');
      await send(file, url);
    } catch (e) {
      error.textContent = 'Upload stopped: ' + e.message;
      error.hidden = false;
      if (url) {
        retry.hidden = false;
        retry.onclick = () => { error.hidden = true; retry.hidden = true; send(file, url).catch(err => {
          error.textContent = 'Upload stopped: ' + err.message; error.hidden = false; retry.hidden = false; }); };
      }
    }
  }

  input.addEventListener('change', () => input.files.length && upload(input.files[0]));
  ['dragenter', 'dragover'].forEach(type => zone.addEventListener(type, e => {
    e.preventDefault();
    zone.classList.add('over');
  }));
  ['dragleave', 'drop'].forEach(type => zone.addEventListener(type, () => zone.classList.remove('over')));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    if (e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
  });
})();
