// A job's page: its trials (configuration, state, score, traffic light, advice with one-click accept, steering), the
// selected trials' learning curves updating live from the job's event stream, best so far, a parameter against score.
import { api, html, raw, score, stoppable, watchEvents } from './api.js';
import { curvesChart, showCurves, bestChart, showBest, paramChart, showParameter, numericParameters, colour } from './charts.js';

const lights = ['green', 'yellow', 'red'];
const lightOf = j => j == null ? null : (typeof j.light === 'number' ? lights[j.light] : String(j.light).toLowerCase());
const live = s => s === 'Queued' || s === 'Running' || s === 'Paused';

export async function renderJob(view, id, signal) {
  const path = `/api/jobs/${encodeURIComponent(id)}`;
  const state = { job: await api(path, { signal }), trials: [], curves: new Map(), changed: new Map(), selected: new Set(), known: new Set() };
  view.innerHTML = html`<h1>Job <span id="job-id">${id}</span></h1>
    <div id="job-summary"></div>
    <div class="charts">
      <figure><figcaption>Learning curves of the selected trials</figcaption><div class="chart"><canvas id="curves"></canvas></div></figure>
      <figure><figcaption>Best so far over trials</figcaption><div class="chart"><canvas id="best"></canvas></div></figure>
      <figure><figcaption>Parameter <select id="param"></select> against score</figcaption><div class="chart"><canvas id="params"></canvas></div></figure>
    </div>
    <h2>Trials</h2>
    <table id="trials"><thead><tr><th>Show</th><th>#</th><th>Configuration</th><th>State</th><th>Score</th><th>Light</th>
      <th>Advice</th><th>Steer</th></tr></thead><tbody></tbody></table>
    <p id="action-error" class="error" role="alert"></p>`;
  const charts = { curves: curvesChart(view.querySelector('#curves')), best: bestChart(view.querySelector('#best')), params: paramChart(view.querySelector('#params')) };
  signal.addEventListener('abort', () => Object.values(charts).forEach(c => c.destroy()));
  const body = view.querySelector('tbody');
  const picker = view.querySelector('#param');

  const draw = () => {
    view.querySelector('#job-summary').innerHTML = summary(state.job);
    renderRows(body, state.trials.map(t => [t.number, row(t, state.selected.has(t.number))]));
    const names = numericParameters(state.trials);
    const chosen = picker.value || names.find(n => n === 'base_lr') || names[0];
    picker.innerHTML = names.map(n => html`<option${raw(n === chosen ? ' selected' : '')}>${n}</option>`).join('');
    showCurves(charts.curves, state.curves, state.selected);
    showBest(charts.best, state.trials, state.job.baselineScore);
    showParameter(charts.params, state.trials, chosen);
  };
  const refresh = async () => {
    [state.job, state.trials] = await Promise.all([api(path, { signal }), api(`${path}/trials`, { signal })]);
    for (const t of state.trials) {
      if (!state.known.has(t.number)) { state.known.add(t.number); state.selected.add(t.number); }
      if (!state.curves.has(t.number)) state.curves.set(t.number, []);
    }
    draw();
  };
  let pending = null;
  const refreshSoon = () => { pending ??= setTimeout(() => { pending = null; refresh().catch(() => {}); }, 250); };

  picker.addEventListener('change', () => showParameter(charts.params, state.trials, picker.value));
  body.addEventListener('change', e => {
    const n = Number(e.target.dataset.show);
    if (e.target.dataset.show === undefined) return;
    e.target.checked ? state.selected.add(n) : state.selected.delete(n);
    showCurves(charts.curves, state.curves, state.selected);
  });
  body.addEventListener('click', e => act(e, path, state, signal, view.querySelector('#action-error')).then(refreshSoon));
  view.querySelector('#job-summary').addEventListener('click', async e => {
    if (e.target.id !== 'stop-job') return;
    e.target.disabled = true;
    await api(`${path}/stop`, { method: 'POST', signal });
    refreshSoon();
  });

  await refresh();
  watchEvents(id, event => {
    if (event.trial != null && !state.curves.has(event.trial)) state.curves.set(event.trial, []);
    if (event.kind === 'trial-reported' && event.sample) {
      state.curves.get(event.trial).push(event.sample);
      if (state.selected.has(event.trial)) showCurves(charts.curves, state.curves, state.selected);
    }
    if (event.kind === 'trial-changed' && event.message) state.changed.set(`${event.trial}:${event.message.split('=')[0]}`, Number(event.message.split('=')[1]));
    refreshSoon();
  }, signal).catch(error => { view.querySelector('#action-error').textContent = `Live updates stopped: ${error.message}`; });
}

// Replaces only the rows whose content changed, so a click or a half-typed learning rate survives live updates.
function renderRows(body, rows) {
  const existing = new Map([...body.querySelectorAll('tr[data-trial]')].map(tr => [Number(tr.dataset.trial), tr]));
  if (rows.length === 0) { body.innerHTML = '<tr><td colspan="8" class="muted">No trials yet.</td></tr>'; return; }
  body.querySelector('tr:not([data-trial])')?.remove();
  rows.forEach(([n, markup], i) => {
    let tr = existing.get(n);
    if (!tr || tr.dataset.markup !== markup) {
      const fresh = document.createElement('tbody');
      fresh.innerHTML = markup;
      const next = fresh.firstElementChild;
      next.dataset.markup = markup;
      const typed = tr?.querySelector('input[type=number]')?.value;
      if (typed && next.querySelector('input[type=number]')) next.querySelector('input[type=number]').value = typed;
      const checked = tr?.querySelector('input[data-show]')?.checked;
      if (checked !== undefined) next.querySelector('input[data-show]').checked = checked;
      tr ? tr.replaceWith(next) : body.appendChild(next);
      tr = next;
    }
    if (body.children[i] !== tr) body.insertBefore(tr, body.children[i] ?? null);
  });
}

function summary(job) {
  const budget = job.request.budget?.trials;
  return html`<dl class="summary">
    <dt>State</dt><dd><span class="state ${job.status.toLowerCase()}" id="job-state">${job.status}</span>${job.message ? ` — ${job.message}` : ''}</dd>
    <dt>Dataset</dt><dd><a href="#/datasets/${job.datasetId}">${job.datasetId}</a></dd>
    <dt>Base model</dt><dd id="job-base-model">${job.benchmarkModelId ? `${job.benchmarkModelId}, fine-tuned${job.group ? ` (the benchmark model of group ${job.group})` : ''}` : `none, trained from scratch${job.group ? ` (group ${job.group} has no benchmark model for it)` : ''}`}</dd>
    <dt>Progress</dt><dd><progress max="${budget ?? 1}" value="${budget ? job.trialsFinished : 0}"></progress> ${job.trialsFinished} finished, ${job.trialsStarted} started of ${budget ?? '∞'} trials (max ${job.request.maxEpochs} epochs each)</dd>
    ${raw(timeBudget(job))}
    <dt>Best vs default</dt><dd>${score(job.bestScore)} (trial ${job.bestTrial ?? '—'}) vs ${score(job.baselineScore)}${job.testScore != null ? `; held-out test ${score(job.testScore)}` : ''}</dd>
    ${raw(job.modelId ? html`<dt>Model</dt><dd id="job-model">${model(job)}</dd>` : '')}
    <dt>Steps saved</dt><dd>${Math.round(job.stepsSavedShare * 100)} % by early stopping</dd>
  </dl>${raw(stoppable(job) ? '<button type="button" id="stop-job">Stop job</button>' : '')}`;
}

// The time limits of the budget, when it has any: wall time (with when new trials stop) and device-hours (with the used share).
function timeBudget(job) {
  const b = job.request.budget ?? {};
  const parts = [];
  if (b.wallTimeSeconds != null) parts.push(`${Math.round(b.wallTimeSeconds / 60 * 10) / 10} min wall time${job.deadline && job.status === 'Running' ? `, no new trial after ${new Date(job.deadline).toLocaleTimeString()}` : ''}`);
  if (b.deviceHours != null) parts.push(`${(job.deviceHoursUsed ?? 0).toFixed(3)} of ${b.deviceHours} device-hours used`);
  return parts.length ? html`<dt>Time budget</dt><dd id="job-time-budget">${parts.join('; ')}</dd>` : '';
}

// The registered model: the job's ensemble of trials (weights, the in-sample score it was chosen on) or one trial's.
function model(job) {
  const ensemble = job.report?.ensemble;
  if (!ensemble || ensemble.members.length < 2) return `trial ${ensemble?.members[0]?.trial ?? job.bestTrial}'s model`;
  const members = ensemble.members.map(m => `${m.trial} (${Number(m.weight).toFixed(2)})`).join(', ');
  return `ensemble of trials ${members}, chosen from ${ensemble.candidates} on held-out predictions (in-sample ${score(ensemble.score)})`;
}

const value = v => v.number != null ? Number(v.number).toPrecision(4).replace(/\.?0+$/, '') : v.choice ?? (v.layers ?? []).map(l => l.notation ?? l.kind).join('+');

function row(t, shown) {
  const light = lightOf(t.judgement);
  const advice = (t.judgement?.advice ?? []).filter(a => a.action);
  const config = Object.entries(t.configuration).map(([k, v]) => `${k}=${value(v)}`).join(', ');
  return html`<tr data-trial="${t.number}" data-state="${t.status}">
    <td><input type="checkbox" data-show="${t.number}"${raw(shown ? ' checked' : '')} aria-label="show trial ${t.number}'s curve"><span class="swatch" style="background:${colour(t.number)}"></span></td>
    <td>${t.number}${t.isBaseline ? ' (default)' : ''}</td>
    <td class="config">${config}</td>
    <td class="state ${t.status.toLowerCase()}">${t.status}${t.stopReason ? html` <small>${t.stopReason}</small>` : ''}</td>
    <td>${score(t.score)}</td>
    <td>${raw(light ? html`<span class="light ${light}" title="${t.judgement.state}">${light}</span>` : '—')}</td>
    <td>${(t.judgement?.advice ?? []).map(a => a.text).join(' ')}${raw(live(t.status) ? advice.map(a => html` <button type="button" data-accept="${a.action}">Accept: ${a.action}</button>`).join('') : '')}</td>
    <td>${raw(live(t.status) ? html`<button type="button" data-command="stop">Stop</button>
      ${raw(t.status === 'Paused' ? '<button type="button" data-command="resume">Resume</button>' : '<button type="button" data-command="pause">Pause</button>')}
      <input type="number" step="any" min="0" placeholder="base_lr" aria-label="new learning rate"><button type="button" data-command="set-lr">Set lr</button>` : '')}</td>
  </tr>`;
}

// A trial command through the SDK's routes: stop, pause, resume, set?name=base_lr&value=…, or an advice's action.
async function act(e, path, state, signal, errors) {
  const button = e.target.closest('button');
  const tr = e.target.closest('tr[data-trial]');
  if (!button || !tr || (!button.dataset.command && !button.dataset.accept)) return;
  const trial = Number(tr.dataset.trial);
  const post = query => api(`${path}/trials/${trial}/${query}`, { method: 'POST', signal });
  errors.textContent = '';
  button.disabled = true;
  try {
    if (button.dataset.command === 'set-lr') {
      const lr = Number(tr.querySelector('input[type=number]').value);
      if (!(lr > 0)) throw new Error('Enter a learning rate above 0.');
      await post(`set?name=base_lr&value=${lr}`);
    } else if (button.dataset.command) {
      await post(button.dataset.command);
    } else {
      await accept(button.dataset.accept, trial, state, post);
    }
  } catch (error) {
    errors.textContent = `Trial ${trial}: ${error.message}`;
  } finally {
    button.disabled = false;
  }
}

// max_iter has no configured value: the planned steps, from the curve's steps per epoch and the job's epochs (as the SDK does).
function plannedSteps(name, trial, state) {
  if (name !== 'max_iter') return undefined;
  const samples = (state.curves.get(trial) ?? []).filter(s => s.epoch > 0);
  const last = samples[samples.length - 1] ?? state.trials.find(t => t.number === trial)?.curve?.filter(s => s.epoch > 0).pop();
  return last ? Math.round(last.step / last.epoch * state.job.request.maxEpochs) : undefined;
}

// The SDK's AcceptAdviceAsync in the browser: "stop", or "name op number" applied to the trial's current value.
async function accept(action, trial, state, post) {
  if (action.trim() === 'stop') return post('stop');
  const m = action.match(/^\s*([a-z_][a-z0-9_]*)\s*(\*=|\/=|\+=|-=|=)\s*([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*$/);
  if (!m) throw new Error(`'${action}' is not an action like 'base_lr *= 0.1'.`);
  const [, name, op, text] = m;
  const operand = Number(text);
  const current = state.changed.get(`${trial}:${name}`) ?? state.trials.find(t => t.number === trial)?.configuration[name]?.number ?? plannedSteps(name, trial, state);
  if (op !== '=' && current == null) throw new Error(`'${name}' has no current value to apply '${op} ${operand}' to.`);
  const next = { '=': operand, '*=': current * operand, '/=': current / operand, '+=': current + operand, '-=': current - operand }[op];
  return post(`set?name=${name}&value=${next}`);
}
