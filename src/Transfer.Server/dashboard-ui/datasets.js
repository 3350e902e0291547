// The datasets page (the tenant's datasets with their group, the groups, a 2-D map of the knowledge base's datasets by
// meta-features coloured by group) and a dataset's recommended configurations.
/* global Chart */
import { api, html, score } from './api.js';
import { colour } from './charts.js';

export async function renderDatasets(view, signal) {
  const [page, groups, map] = await Promise.all([
    api('/api/datasets?pageSize=100', { signal }), api('/api/groups', { signal }), api('/api/knowledge/map', { signal })]);
  const knowledge = await Promise.all(page.items.map(d =>
    api(`/api/datasets/${encodeURIComponent(d.id)}/meta-features`, { signal }).catch(() => null)));
  view.innerHTML = html`<h1>Datasets</h1>
    <table id="datasets"><thead><tr><th>Dataset</th><th>Name</th><th>Format</th><th>Examples</th><th>Classes</th>
      <th>Meta-features</th><th>Group</th><th></th></tr></thead><tbody>${{ raw: page.items.map((d, i) => datasetRow(d, knowledge[i])).join('') ||
      '<tr><td colspan="8" class="muted">No datasets yet: upload one with <code>transfer datasets upload</code>.</td></tr>' }}</tbody></table>
    <div class="charts">
      <figure><figcaption>Knowledge base by meta-features (first two principal components; your datasets labelled)</figcaption>
        <div class="chart tall"><canvas id="kb-map"></canvas></div></figure>
      <figure><figcaption>Groups (${groups.datasets} datasets clustered, silhouette ${groups.silhouette.toFixed(2)})</figcaption>
        <table id="groups"><thead><tr><th>Group</th><th>Kind</th><th>Members</th><th>Radius</th><th>Threshold</th><th>Benchmark model</th></tr></thead>
        <tbody>${{ raw: groups.groups.map(g => html`<tr><td><span class="swatch" style="background:${groupColour(g.id)}"></span> ${g.id}</td><td>${g.kind}</td>
          <td>${g.members}</td><td>${g.radius.toFixed(2)}</td><td>${g.threshold.toFixed(2)}</td><td>${g.benchmarkModelId ?? '—'}</td></tr>`).join('') }}</tbody></table></figure>
    </div>`;
  const chart = mapChart(view.querySelector('#kb-map'), map);
  signal.addEventListener('abort', () => chart.destroy());
}

const groupColour = id => id === 'unknown' ? '#9e9e9e' : colour(Number(String(id).replace(/\D/g, '')) || 0);

function datasetRow(d, k) {
  return html`<tr data-dataset="${d.id}"><td>${d.id}</td><td>${d.name}</td><td>${d.schema.format}</td><td>${d.schema.examples}</td>
    <td>${d.schema.classes.length}</td><td>${k?.status ?? '—'}</td>
    <td>${k?.group ? `${k.group.groupId} (confidence ${k.group.confidence.toFixed(2)})` : '—'}</td>
    <td><a href="#/datasets/${d.id}">Recommendations</a></td></tr>`;
}

function mapChart(canvas, map) {
  const groups = [...new Set(map.points.map(p => p.group))].sort();
  const datasets = groups.map(g => {
    const points = map.points.filter(p => p.group === g);
    return { label: g, data: points.map(p => ({ x: p.x, y: p.y, name: p.own ? `${p.name} (${p.datasetId})` : `${p.kind} dataset of the knowledge base` })),
      backgroundColor: groupColour(g), borderColor: points.map(p => p.own ? '#000' : groupColour(g)), borderWidth: points.map(p => p.own ? 2 : 0),
      pointRadius: points.map(p => p.own ? 7 : 4) };
  });
  const [a, b] = map.explainedVariance.map(v => `${Math.round(v * 100)} %`);
  return new Chart(canvas, { type: 'scatter', data: { datasets }, options: {
    animation: false, responsive: true, maintainAspectRatio: false,
    plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: c => c.raw.name } } },
    scales: { x: { title: { display: true, text: `PC 1 (${a})` } }, y: { title: { display: true, text: `PC 2 (${b})` } } } } });
}

export async function renderDataset(view, id, signal) {
  const dataset = await api(`/api/datasets/${encodeURIComponent(id)}`, { signal });
  view.innerHTML = html`<h1>Recommendations for ${dataset.name} <small class="muted">${dataset.id}</small></h1><div id="recommendations">Loading…</div>`;
  const target = view.querySelector('#recommendations');
  try {
    const r = await api('/api/recommendations', { method: 'POST', body: { datasetId: id, count: 10 }, signal });
    target.innerHTML = html`<h2>Configurations, best first</h2><table><thead><tr><th>Configuration</th><th>Expected score</th><th>Utility</th><th>Tried on</th></tr></thead>
      <tbody>${{ raw: r.items.map(i => html`<tr><td class="config">${Object.entries(i.configuration).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}</td>
        <td>${score(i.expectedScore)}</td><td>${i.utility.toFixed(3)}</td><td>${i.datasetIds.length} dataset(s)</td></tr>`).join('') || '<tr><td colspan="4" class="muted">None yet.</td></tr>' }}</tbody></table>
      <h2>Nearest datasets</h2><table><thead><tr><th>Dataset</th><th>Distance</th><th>Weight</th></tr></thead>
      <tbody>${{ raw: r.neighbours.map(n => html`<tr><td>${n.datasetId}</td><td>${n.distance.toFixed(3)}</td><td>${n.weight.toFixed(3)}</td></tr>`).join('') }}</tbody></table>`;
  } catch (error) {
    target.innerHTML = html`<p class="error">${error.title ?? 'Error'}: ${error.message}</p>`;
  }
}
