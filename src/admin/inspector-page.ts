// The inspector page (issue 9) served at GET /_emulator/: the journal as a live table, filters by
// model, operation and status, each row opening to the request and the response (stream events
// listed). One self-contained page: inline CSS and JS, no build step, no external assets. It reads
// only the admin API: GET /_emulator/requests?afterSeq=N every second (new entries only), and
// GET /_emulator/requests/:seq when a row opens (a stream's events are complete by then).
export const INSPECTOR_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>bedrock-emulator inspector</title>
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 13px/1.4 system-ui, sans-serif; margin: 0; color: #1d2329; background: #fafbfc; }
  header { display: flex; gap: 12px; align-items: center; padding: 10px 16px; background: #232f3e; color: #fff; flex-wrap: wrap; }
  header h1 { font-size: 15px; margin: 0 12px 0 0; }
  header label { display: flex; gap: 4px; align-items: center; }
  select, button { font: inherit; padding: 2px 6px; }
  #count { margin-left: auto; opacity: .8; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid #e3e6ea; white-space: nowrap; }
  th { background: #eef1f4; position: sticky; top: 0; }
  tr.entry { cursor: pointer; }
  tr.entry:hover { background: #f0f6ff; }
  tr.entry.open { background: #e3eefc; }
  td.status.ok { color: #177245; } td.status.err { color: #b3261e; font-weight: 600; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  tr.detail > td { white-space: normal; background: #fff; padding: 8px 16px 14px; }
  .panes { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
  .panes h3 { margin: 6px 0; font-size: 13px; }
  pre { margin: 0; padding: 8px; background: #f5f7f9; border: 1px solid #e3e6ea; max-height: 360px; overflow: auto; font: 12px/1.35 ui-monospace, monospace; white-space: pre-wrap; word-break: break-word; }
  ol.events { margin: 0; padding-left: 40px; max-height: 200px; overflow: auto; font: 12px ui-monospace, monospace; }
  #empty { padding: 24px 16px; color: #5f6b7a; }
</style>
</head>
<body>
<header>
  <h1>bedrock-emulator · requests</h1>
  <label>Model <select id="f-model"><option value="">all</option></select></label>
  <label>Operation <select id="f-operation"><option value="">all</option></select></label>
  <label>Status <select id="f-status"><option value="">all</option></select></label>
  <label><input type="checkbox" id="live" checked> live</label>
  <button id="clear" title="DELETE /_emulator/requests">Clear journal</button>
  <span id="count"></span>
</header>
<table>
  <thead><tr><th>#</th><th>Time</th><th>Operation</th><th>Model</th><th>Status</th><th>Error type</th><th>Duration</th><th>Rule</th></tr></thead>
  <tbody id="rows"></tbody>
</table>
<div id="empty">No requests yet. Point an SDK at this server and they appear here.</div>
<script>
(() => {
  const base = location.pathname.replace(/index\\.html$/, '').replace(/\\/?$/, '/');
  const entries = [];
  let lastSeq = 0;
  const open = new Set();
  const $ = (id) => document.getElementById(id);
  const filters = { model: $('f-model'), operation: $('f-operation'), status: $('f-status') };
  const el = (tag, props, ...children) => {
    const node = Object.assign(document.createElement(tag), props || {});
    for (const child of children) node.append(child);
    return node;
  };
  const modelOf = (e) => e.modelId || '';
  const keep = (e) =>
    (!filters.model.value || modelOf(e) === filters.model.value) &&
    (!filters.operation.value || e.operation === filters.operation.value) &&
    (!filters.status.value || String(e.status) === filters.status.value);
  function options(select, values) {
    const have = new Set([...select.options].map((o) => o.value));
    for (const v of [...values].sort()) if (!have.has(v)) select.append(el('option', { value: v, textContent: v }));
  }
  const pretty = (value) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  function detail(entry) {
    const response = { status: entry.status };
    if (entry.errorType) response.errorType = entry.errorType;
    if (entry.resolvedModelId) response.resolvedModelId = entry.resolvedModelId;
    if (entry.ruleId) response.ruleId = entry.ruleId;
    if (entry.reply) response.reply = entry.reply;
    const right = [el('h3', { textContent: 'Response' }), el('pre', { className: 'response', textContent: pretty(response) })];
    if (entry.streamEvents) {
      right.push(el('h3', { textContent: 'Stream events (' + entry.streamEvents.length + ')' }));
      right.push(el('ol', { className: 'events' }, ...entry.streamEvents.map((name) => el('li', { textContent: name }))));
    }
    const left = [
      el('h3', { textContent: entry.method + ' ' + entry.path }),
      el('pre', { className: 'request', textContent: pretty(entry.body) }),
      el('h3', { textContent: 'Headers' }),
      el('pre', { className: 'headers', textContent: pretty(entry.headers) }),
    ];
    return el('div', { className: 'panes' }, el('div', {}, ...left), el('div', {}, ...right));
  }
  async function toggle(entry) {
    if (open.has(entry.seq)) open.delete(entry.seq);
    else {
      open.add(entry.seq);
      // Fresh: a stream's events are written after its entry was first listed.
      const res = await fetch(base + 'requests/' + entry.seq);
      if (res.ok) Object.assign(entry, await res.json());
    }
    render();
  }
  function render() {
    const tbody = $('rows');
    const shown = entries.filter(keep);
    tbody.replaceChildren();
    for (const e of shown.slice().reverse()) {
      const row = el('tr', { className: 'entry' + (open.has(e.seq) ? ' open' : '') },
        el('td', { className: 'num', textContent: e.seq }),
        el('td', { textContent: new Date(e.startedAt).toLocaleTimeString() }),
        el('td', { className: 'operation', textContent: e.operation }),
        el('td', { className: 'model', textContent: modelOf(e) }),
        el('td', { className: 'status ' + (e.status < 400 ? 'ok' : 'err'), textContent: e.status }),
        el('td', { className: 'error-type', textContent: e.errorType || '' }),
        el('td', { className: 'num duration', textContent: e.durationMs + ' ms' }),
        el('td', { className: 'rule', textContent: e.ruleId || '' }));
      row.dataset.seq = e.seq;
      row.addEventListener('click', () => toggle(e));
      tbody.append(row);
      if (open.has(e.seq)) tbody.append(el('tr', { className: 'detail' }, el('td', { colSpan: 8 }, detail(e))));
    }
    $('empty').style.display = entries.length ? 'none' : '';
    $('count').textContent = shown.length + ' of ' + entries.length + ' requests';
  }
  async function poll() {
    try {
      const res = await fetch(base + 'requests?afterSeq=' + lastSeq);
      const fresh = await res.json();
      // The journal was cleared (or reset): start over.
      if (Number(res.headers.get('x-emulator-journal-size')) < entries.length + fresh.length) {
        entries.length = 0; open.clear(); lastSeq = 0;
        return poll();
      }
      if (fresh.length) {
        entries.push(...fresh);
        lastSeq = fresh[fresh.length - 1].seq;
        options(filters.model, new Set(entries.map(modelOf).filter(Boolean)));
        options(filters.operation, new Set(entries.map((e) => e.operation)));
        options(filters.status, new Set(entries.map((e) => String(e.status))));
      }
      render();
    } catch {}
  }
  for (const select of Object.values(filters)) select.addEventListener('change', render);
  $('clear').addEventListener('click', async () => { await fetch(base + 'requests', { method: 'DELETE' }); await poll(); });
  poll();
  setInterval(() => { if ($('live').checked) poll(); }, 1000);
})();
</script>
</body>
</html>
`;
