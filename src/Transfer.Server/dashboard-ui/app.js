// Sign-in, navigation between the pages (hash routes), and the session's cluster cookie.
import { api, session, ApiError, html } from './api.js';
import { renderJobs } from './jobs.js';
import { renderJob } from './job.js';
import { renderDatasets, renderDataset } from './datasets.js';

const $ = id => document.getElementById(id);
let current = null; // the AbortController of the page on screen

const routes = [
  [/^#?\/?$/, () => renderJobs],
  [/^#\/jobs\/([\w-]+)$/, m => (view, signal) => renderJob(view, m[1], signal)],
  [/^#\/datasets$/, () => renderDatasets],
  [/^#\/datasets\/([\w-]+)$/, m => (view, signal) => renderDataset(view, m[1], signal)],
];

async function signIn(key) {
  session.key = key;
  const who = await api('/dashboard/session', { method: 'POST' });
  sessionStorage.setItem('transfer.who', JSON.stringify(who));
  return who;
}

async function signOut() {
  try { await api('/dashboard/session', { method: 'DELETE' }); } catch { /* the key may be revoked already */ }
  session.key = null;
  sessionStorage.removeItem('transfer.who');
  location.hash = '#/';
  show();
}

async function show() {
  current?.abort();
  current = new AbortController();
  const who = JSON.parse(sessionStorage.getItem('transfer.who') ?? 'null');
  const signedIn = session.key && who;
  $('sign-in').hidden = !!signedIn;
  $('nav').hidden = $('sign-out').hidden = !signedIn;
  $('cluster-link').hidden = !who?.clusterView;
  $('who').textContent = signedIn ? `${who.tenant} (${who.role})` : '';
  const view = $('view');
  view.innerHTML = '';
  if (!signedIn) return;
  const route = routes.map(([pattern, page]) => [location.hash.match(pattern), page]).find(([m]) => m);
  if (!route) { view.innerHTML = html`<p class="error">No such page: ${location.hash}</p>`; return; }
  try {
    await route[1](route[0])(view, current.signal);
  } catch (error) {
    if (current.signal.aborted) return;
    if (error instanceof ApiError && error.status === 401) { await signOut(); return; }
    view.innerHTML = html`<p class="error" role="alert" id="page-error">${error.title ?? 'Error'}: ${error.message}</p>`;
  }
}

$('sign-in-form').addEventListener('submit', async e => {
  e.preventDefault();
  $('sign-in-error').textContent = '';
  try {
    await signIn($('api-key').value.trim());
    $('api-key').value = '';
    show();
  } catch (error) {
    session.key = null;
    $('sign-in-error').textContent = error.message;
  }
});
$('sign-out').addEventListener('click', signOut);
window.addEventListener('hashchange', show);
show();
