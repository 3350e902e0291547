// The jobs page: each job of the tenant with its state, its progress against the trial budget, best against default.
import { api, html, raw, score, stoppable } from './api.js';

export async function renderJobs(view, signal) {
  view.innerHTML = html`<h1>Jobs</h1><table id="jobs"><thead><tr><th>Job</th><th>Dataset</th><th>State</th><th>Progress</th>
    <th>Best</th><th>Default</th><th>Test</th><th>Started</th><th></th></tr></thead><tbody></tbody></table>`;
  const body = view.querySelector('tbody');
  const refresh = async () => {
    const page = await api('/api/jobs?pageSize=100', { signal });
    body.innerHTML = page.items.length === 0
      ? '<tr><td colspan="9" class="muted">No jobs yet: start one with <code>transfer train</code> or the SDK.</td></tr>'
      : page.items.map(row).join('');
  };
  body.addEventListener('click', async e => {
    const id = e.target.dataset.stopJob;
    if (!id) return;
    e.target.disabled = true;
    await api(`/api/jobs/${encodeURIComponent(id)}/stop`, { method: 'POST', signal });
    await refresh();
  });
  await refresh();
  const timer = setInterval(() => refresh().catch(() => {}), 3000);
  signal.addEventListener('abort', () => clearInterval(timer));
}

function row(job) {
  const budget = job.request.budget?.trials;
  const share = budget ? Math.min(1, job.trialsFinished / budget) : 0;
  return html`<tr data-job="${job.id}">
    <td><a href="#/jobs/${job.id}">${job.id}</a></td>
    <td>${job.datasetId}</td>
    <td><span class="state ${job.status.toLowerCase()}">${job.status}</span></td>
    <td><progress max="1" value="${share}"></progress> ${job.trialsFinished}/${budget ?? '∞'} trials</td>
    <td>${score(job.bestScore)}</td>
    <td>${score(job.baselineScore)}</td>
    <td>${score(job.testScore)}</td>
    <td>${new Date(job.createdAt).toLocaleString()}</td>
    <td>${raw(stoppable(job) ? html`<button type="button" data-stop-job="${job.id}">Stop job</button>` : '')}</td>
  </tr>`;
}
