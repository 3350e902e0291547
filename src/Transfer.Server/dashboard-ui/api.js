// The dashboard's only way to the server: the same /api routes the SDK uses, with the key in the X-Api-Key header.
const keyName = 'transfer.apiKey';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code;
    this.title = problem?.title;
  }
}

export const session = {
  get key() { return sessionStorage.getItem(keyName); },
  set key(value) { value ? sessionStorage.setItem(keyName, value) : sessionStorage.removeItem(keyName); },
};

export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { 'X-Api-Key': session.key ?? '', Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not a problem document */ }
    throw new ApiError(response.status, problem);
  }
  return response.status === 204 ? null : response.json();
}

// Server-sent events through fetch (EventSource cannot send the key header), resumed with Last-Event-ID after a drop.
// Calls onEvent(event) per event in order; resolves when the server ends the stream after job-finished or signal aborts.
export async function watchEvents(jobId, onEvent, signal) {
  let lastId = 0;
  let finished = false;
  while (!finished && !signal.aborted) {
    try {
      const headers = { 'X-Api-Key': session.key ?? '', Accept: 'text/event-stream' };
      if (lastId > 0) headers['Last-Event-ID'] = String(lastId);
      const response = await fetch(`/api/jobs/${encodeURIComponent(jobId)}/events`, { headers, signal });
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').filter(l => l.startsWith('data: ')).map(l => l.slice(6)).join('\n');
          if (!data) continue; // a heartbeat comment
          const event = JSON.parse(data);
          lastId = event.id;
          finished ||= event.kind === 'job-finished';
          onEvent(event);
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && error.status < 500) throw error;
    }
    if (!finished && !signal.aborted) await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function html(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? (values[i]?.raw ?? escapeHtml(values[i])) : ''), '');
}

export const raw = value => ({ raw: value });

export const score = value => value == null ? '—' : Number(value).toFixed(4);

// Whether a stop would change anything: the job runs and a trial is still going (once every trial has ended the job only
// registers its model, and a stop leaves it to complete).
export const stoppable = job => job.status === 'Running' && (job.trialsStarted === 0 || job.trialsFinished < job.trialsStarted);
