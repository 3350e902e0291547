// The job page's charts, drawn by chart.js (the pinned npm package the build embeds): learning curves, best so far,
// and a hyper-parameter against the score.
/* global Chart */
const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
export const colour = n => palette[n % palette.length];

const base = (x, y) => ({
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  parsing: false,
  plugins: { legend: { position: 'bottom' } },
  scales: { x: { type: 'linear', title: { display: true, text: x } }, y: { title: { display: true, text: y } } },
});

export function curvesChart(canvas) {
  return new Chart(canvas, { type: 'line', data: { datasets: [] }, options: base('epoch', 'validation accuracy') });
}

// One line per selected trial; a point per report (validation accuracy, else the negated loss is not invented: skipped).
export function showCurves(chart, curves, selected) {
  const numbers = [...selected].filter(n => curves.has(n)).sort((a, b) => a - b);
  chart.data.datasets = numbers.map(n => {
    const existing = chart.data.datasets.find(d => d.trial === n);
    const data = curves.get(n).filter(s => s.validationAccuracy != null).map(s => ({ x: s.epoch, y: s.validationAccuracy }));
    if (existing) { existing.data = data; return existing; }
    return { trial: n, label: `trial ${n}`, data, borderColor: colour(n), backgroundColor: colour(n), pointRadius: 2, tension: 0 };
  });
  chart.update('none');
  chart.canvas.dataset.points = chart.data.datasets.reduce((sum, d) => sum + d.data.length, 0); // what a reader (or a test) can wait on
}

export function bestChart(canvas) {
  return new Chart(canvas, { type: 'line', data: { datasets: [] }, options: base('trial', 'score') });
}

export function showBest(chart, trials, baseline) {
  const scored = trials.filter(t => t.score != null).sort((a, b) => a.number - b.number);
  let best = -Infinity;
  const running = scored.map(t => ({ x: t.number, y: (best = Math.max(best, t.score)) }));
  chart.data.datasets = [
    { label: 'best so far', data: running, stepped: true, borderColor: '#2ca02c', backgroundColor: '#2ca02c', pointRadius: 0 },
    { label: 'trial score', data: scored.map(t => ({ x: t.number, y: t.score })), showLine: false, borderColor: '#1f77b4', backgroundColor: '#1f77b4' },
  ];
  if (baseline != null && scored.length > 0) {
    const xs = scored.map(t => t.number);
    chart.data.datasets.push({ label: 'default configuration', data: [{ x: Math.min(...xs), y: baseline }, { x: Math.max(...xs), y: baseline }],
      borderDash: [6, 4], borderColor: '#7f7f7f', backgroundColor: '#7f7f7f', pointRadius: 0 });
  }
  chart.update('none');
}

export function paramChart(canvas) {
  return new Chart(canvas, { type: 'scatter', data: { datasets: [] }, options: base('parameter', 'score') });
}

// The numeric parameters the trials have, for the parameter picker.
export const numericParameters = trials =>
  [...new Set(trials.flatMap(t => Object.entries(t.configuration).filter(([, v]) => v.number != null).map(([k]) => k)))].sort();

export function showParameter(chart, trials, name) {
  const points = trials.filter(t => t.score != null && t.configuration[name]?.number != null)
    .map(t => ({ x: t.configuration[name].number, y: t.score, trial: t.number }));
  const xs = points.map(p => p.x);
  const log = xs.length > 1 && Math.min(...xs) > 0 && Math.max(...xs) / Math.min(...xs) > 100;
  chart.options.scales.x = { type: log ? 'logarithmic' : 'linear', title: { display: true, text: name ?? 'parameter' } };
  chart.data.datasets = [{ label: 'trials', data: points, backgroundColor: points.map(p => colour(p.trial)), pointRadius: 5 }];
  chart.update('none');
}
