// The host dashboard: plain JavaScript over the admin API (/api/v1, docs/API.md), no framework and no network
// access beyond this host. The token lives in this tab's session storage only; every value from the API is
// written as text, never as HTML.
'use strict';

const TOKEN_KEY = 'pult.token';
const POLL_IDLE_MS = 3000;
const POLL_SYNCING_MS = 1000;
const STATE_LABELS = {
  ACTIVE: 'Active',
  SYNCING: 'Syncing',
  DEGRADED: 'Degraded',
  AWAITING_CONFIRMATION: 'Awaiting confirmation',
  PAUSED: 'Paused',
  DISABLED: 'Disabled',
  PROVIDER_MISSING: 'Provider missing',
};

const app = {
  token: sessionStorage.getItem(TOKEN_KEY),
  providers: [],
  integrations: [],
  lastRuns: {},
  form: null,
  pollTimer: null,
  inspectorPage: 0,
  inspectorTotal: 0,
};

const $ = (selector, root = document) => root.querySelector(selector);

/** An API failure: the HTTP status and the RFC 9457 problem the host answered. */
class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'The host answered ' + status + '.');
    this.status = status;
    this.problem = problem;
  }
}

async function api(method, path, body, { signOutOn401 = true } = {}) {
  const headers = { Authorization: 'Bearer ' + app.token };
  const init = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { title: 'The host does not answer', detail: 'The host does not answer; is it running?' });
  }
  const text = await response.text();
  const data = text ? parseJson(text) : null;
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : { detail: 'The host answered ' + response.status + '.' };
    if (response.status === 401 && signOutOn401) {
      signOut('Your token is no longer accepted: ' + (problem.detail || 'sign in again.'));
    }
    throw new ApiError(response.status, problem);
  }
  return data;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return { detail: text.slice(0, 200) };
  }
}

// ---- elements -------------------------------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = value;
    } else if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child);
    }
  }
  return node;
}

function show(node, visible) {
  node.hidden = !visible;
}

function setError(node, message) {
  node.textContent = message || '';
  show(node, Boolean(message));
}

function toast(message) {
  const node = $('#toast');
  node.textContent = message;
  show(node, true);
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => show(node, false), 4000);
}

function when(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return isNaN(date) ? iso : date.toLocaleString();
}

function count(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString();
}

// ---- sign in and navigation -----------------------------------------------------------------------------------

async function signIn(event) {
  event.preventDefault();
  const token = $('#token-input').value.trim();
  setError($('#sign-in-error'), '');
  if (!token) {
    setError($('#sign-in-error'), 'Paste a token first.');
    return;
  }
  app.token = token;
  try {
    await api('GET', '/api/v1/integrations', undefined, { signOutOn401: false });
  } catch (e) {
    app.token = null;
    const message = e.status === 401
      ? 'This token is not accepted: it is unknown, deleted or was rotated. Ask an admin for a current one.'
      : e.message;
    setError($('#sign-in-error'), message);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  $('#token-input').value = '';
  enter();
}

function signOut(message) {
  app.token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  clearTimeout(app.pollTimer);
  for (const id of ['#nav', '#sign-out', '#health']) {
    show($(id), false);
  }
  showView('sign-in');
  setError($('#sign-in-error'), typeof message === 'string' ? message : '');
}

function enter() {
  show($('#nav'), true);
  show($('#sign-out'), true);
  route();
  poll();
  loadProviders().catch(() => {});
}

function showView(name) {
  for (const view of document.querySelectorAll('.view')) {
    show(view, view.id === 'view-' + name);
  }
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('current', link.dataset.view === name);
  }
}

function route() {
  if (!app.token) {
    showView('sign-in');
    return;
  }
  const name = (location.hash || '#integrations').slice(1);
  const known = ['integrations', 'providers', 'inspector', 'lookup', 'presence'];
  const view = known.includes(name) ? name : 'integrations';
  showView(view);
  const loaders = { providers: loadProviders, inspector: loadInspector, presence: loadUsers };
  if (loaders[view]) {
    loaders[view]().catch((e) => toast(e.message));
  }
}

// ---- integrations ---------------------------------------------------------------------------------------------

async function poll() {
  clearTimeout(app.pollTimer);
  if (!app.token) {
    return;
  }
  try {
    await loadIntegrations();
  } catch (e) {
    if (e.status !== 401) {
      toast(e.message);
    }
  }
  if (app.token) {
    const syncing = app.integrations.some((one) => one.state === 'SYNCING' || one.progress);
    app.pollTimer = setTimeout(poll, syncing ? POLL_SYNCING_MS : POLL_IDLE_MS);
  }
}

async function loadIntegrations() {
  const answer = await api('GET', '/api/v1/integrations');
  app.integrations = answer.integrations;
  await Promise.all(app.integrations.map(async (one) => {
    try {
      const history = await api('GET', '/api/v1/integrations/' + encodeURIComponent(one.id) + '/runs?limit=1');
      app.lastRuns[one.id] = history.runs[0] || null;
    } catch (e) {
      app.lastRuns[one.id] = null;
    }
  }));
  renderHealth();
  renderIntegrations();
}

function renderHealth() {
  const node = $('#health');
  const states = app.integrations.map((one) => one.state);
  let text;
  let tone;
  if (states.length === 0) {
    [text, tone] = ['Needs integrations', 'warn'];
  } else if (states.includes('PAUSED')) {
    const paused = states.filter((state) => state === 'PAUSED').length;
    [text, tone] = [paused + ' paused: needs an admin', 'bad'];
  } else if (states.some((state) => ['DEGRADED', 'AWAITING_CONFIRMATION', 'PROVIDER_MISSING'].includes(state))) {
    [text, tone] = ['Needs attention', 'warn'];
  } else if (states.every((state) => state === 'DISABLED')) {
    [text, tone] = ['All integrations disabled', 'warn'];
  } else {
    [text, tone] = ['All integrations working', 'good'];
  }
  node.textContent = text;
  node.className = 'pill ' + tone;
  show(node, true);
}

function renderIntegrations() {
  const container = $('#integrations');
  container.replaceChildren(...app.integrations.map(card));
  show($('#integrations-empty'), app.integrations.length === 0);
}

function card(one) {
  const run = app.lastRuns[one.id];
  const facts = el('dl', { class: 'facts' },
    fact('Devices', count(one.devices), 'devices'),
    fact('Last sync', when(one.lastSyncAt), 'last-sync'),
    fact('Last success', when(one.lastSuccessAt), 'last-success'),
    fact('Next sync', one.state === 'PAUSED' || one.state === 'DISABLED' ? '—' : when(one.nextSyncAt), 'next-sync'),
    fact('Requests (last run)', run ? count(run.requests) : '—', 'requests'),
    fact('429 answers (last run)', run ? count(run.rateLimited) : '—', 'rate-limited'),
    fact('Every', one.intervalMinutes + ' min', 'interval'));
  const node = el('article', { class: 'card state-' + one.state.toLowerCase(), 'data-id': one.id },
    el('div', { class: 'row' },
      el('h3', { text: one.name }),
      el('span', { class: 'state badge', text: STATE_LABELS[one.state] || one.state })),
    el('p', { class: 'provider', text: providerName(one.provider) }),
    el('p', { class: 'reason', text: one.reason || '' }),
    one.state === 'PAUSED' ? el('p', { class: 'warning', role: 'alert',
      text: 'Paused: no requests are made until an admin fixes the credentials and resets this integration.' })
      : null,
    progress(one),
    facts,
    actions(one));
  return node;
}

function fact(label, value, name) {
  return el('div', { class: 'fact' }, el('dt', { text: label }), el('dd', { class: name, text: value }));
}

function progress(one) {
  if (!one.progress) {
    return null;
  }
  const p = one.progress;
  const bar = el('progress', { max: p.total > 0 ? p.total : undefined, value: p.total > 0 ? p.done : undefined });
  const total = p.total > 0 ? ' of ' + count(p.total) : '';
  return el('div', { class: 'progress' }, bar,
    el('span', { class: 'progress-text',
      text: p.phase + ': ' + count(p.done) + total + ' · ' + count(p.requests) + ' requests' }));
}

function actions(one) {
  const buttons = el('div', { class: 'actions' });
  const add = (action, label, handler, extra = {}) =>
    buttons.append(el('button', { type: 'button', 'data-action': action, onclick: handler, text: label, ...extra }));
  add('sync', 'Sync now', () => act(one, 'sync', 'Sync started.'),
    { disabled: ['SYNCING', 'PAUSED', 'DISABLED', 'PROVIDER_MISSING'].includes(one.state) });
  if (one.state === 'AWAITING_CONFIRMATION') {
    add('confirm-removals', 'Confirm removals', () => act(one, 'confirm-removals', 'Removals confirmed.'));
  }
  add('edit', 'Edit', () => openForm('edit', one));
  add('reset', 'Reset', () => openForm('reset', one));
  if (one.state === 'DISABLED') {
    add('enable', 'Enable', () => act(one, 'enable', 'Enabled.'));
  } else {
    add('disable', 'Disable', () => act(one, 'disable', 'Disabled.'));
  }
  add('history', 'History', () => showRuns(one));
  add('delete', 'Delete', () => remove(one), { class: 'danger' });
  return buttons;
}

async function act(one, action, done) {
  try {
    await api('POST', '/api/v1/integrations/' + encodeURIComponent(one.id) + '/' + action);
    toast(done);
  } catch (e) {
    toast(e.message);
  }
  poll();
}

async function remove(one) {
  if (!confirm('Delete "' + one.name + '"? Its devices, secrets and history go with it.')) {
    return;
  }
  try {
    await api('DELETE', '/api/v1/integrations/' + encodeURIComponent(one.id));
    toast('Deleted.');
  } catch (e) {
    toast(e.message);
  }
  poll();
}

async function showRuns(one) {
  try {
    const answer = await api('GET', '/api/v1/integrations/' + encodeURIComponent(one.id) + '/runs?limit=20');
    $('#runs-title').textContent = 'Sync history: ' + one.name;
    $('#runs-table tbody').replaceChildren(...answer.runs.map((run) => el('tr', {},
      el('td', { text: when(run.startedAt) }),
      el('td', { text: run.outcome }),
      el('td', { text: count(run.devicesSeen) }),
      el('td', { text: count(run.rejected) }),
      el('td', { text: count(run.removed) }),
      el('td', { text: count(run.detailsFetched) }),
      el('td', { text: count(run.requests) }),
      el('td', { text: count(run.rateLimited) }),
      el('td', { text: run.message || '' }))));
    show($('#runs-panel'), true);
  } catch (e) {
    toast(e.message);
  }
}

function providerName(id) {
  const provider = app.providers.find((one) => one.id === id);
  return provider ? provider.displayName + ' · ' + provider.version : id;
}

// ---- the integration form -------------------------------------------------------------------------------------

async function openForm(mode, integration) {
  try {
    await loadProviders();
  } catch (e) {
    toast(e.message);
    return;
  }
  const usable = app.providers.filter((one) => one.enabled && one.status === 'SERVING');
  if (mode === 'add' && usable.length === 0) {
    toast('No provider is deployed and enabled: deploy a plugin into the host\'s deploy/ folder first.');
    return;
  }
  app.form = { mode, integration };
  const titles = { add: 'Add integration', edit: 'Edit ' + (integration && integration.name),
    reset: 'Reset ' + (integration && integration.name) };
  $('#integration-form-title').textContent = titles[mode];
  $('#integration-save').textContent = mode === 'reset' ? 'Reset and validate' : 'Save';
  const select = $('#provider-select');
  select.replaceChildren(...usable.map((one) => el('option', { value: one.id, text: one.displayName })));
  show($('#provider-choice'), mode === 'add');
  show($('#name-field'), mode !== 'reset');
  show($('#interval-field'), mode !== 'reset');
  $('#field-name').value = integration ? integration.name : '';
  $('#field-interval').value = integration ? integration.intervalMinutes : 15;
  renderProviderFields();
  clearFormErrors();
  show($('#runs-panel'), false);
  show($('#integration-form'), true);
  $('#integration-form').scrollIntoView({ block: 'nearest' });
}

function formProvider() {
  const id = app.form.mode === 'add' ? $('#provider-select').value : app.form.integration.provider;
  return app.providers.find((one) => one.id === id);
}

function renderProviderFields() {
  const provider = formProvider();
  const container = $('#provider-fields');
  if (!provider) {
    container.replaceChildren(el('p', { class: 'error',
      text: 'The provider of this integration is not deployed; deploy its plugin to edit it.' }));
    return;
  }
  const saved = app.form.integration ? app.form.integration.fields || {} : {};
  if (app.form.mode === 'add' && !$('#field-name').value) {
    $('#field-name').value = provider.displayName;
  }
  container.replaceChildren(...provider.fields.map((field) => {
    const keep = app.form.mode !== 'add' && field.secret;
    const input = el('input', {
      id: 'provider-field-' + field.name,
      name: field.name,
      type: field.secret ? 'password' : 'text',
      placeholder: keep ? 'unchanged (type a new value to replace it)' : field.formatHint,
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: '4096',
    });
    if (!field.secret && saved[field.name] !== undefined) {
      input.value = saved[field.name];
    }
    return el('div', { class: 'field' },
      el('label', { for: input.id, text: field.label + (field.required ? '' : ' (optional)') }),
      input,
      field.helpText ? el('p', { class: 'help', text: field.helpText }) : null,
      el('p', { class: 'field-error', 'data-for': field.name, hidden: true }));
  }));
}

function clearFormErrors() {
  for (const node of document.querySelectorAll('#integration-form .field-error')) {
    setError(node, '');
  }
  setError($('#form-error'), '');
}

function collectFields(provider) {
  const fields = {};
  for (const field of provider.fields) {
    const value = $('#provider-field-' + CSS.escape(field.name)).value.trim();
    if (value !== '' || (!field.secret && app.form.mode !== 'add')) {
      fields[field.name] = value;
    }
  }
  return fields;
}

async function saveForm(event) {
  event.preventDefault();
  clearFormErrors();
  const provider = formProvider();
  if (!provider) {
    return;
  }
  const { mode, integration } = app.form;
  const fields = collectFields(provider);
  const missing = provider.fields.filter((field) => field.required && mode === 'add' && !fields[field.name]);
  for (const field of missing) {
    setError($('.field-error[data-for="' + CSS.escape(field.name) + '"]'), field.label + ' is required.');
  }
  if (missing.length > 0) {
    return;
  }
  const interval = Number($('#field-interval').value);
  const button = $('#integration-save');
  button.disabled = true;
  try {
    if (mode === 'add') {
      await api('POST', '/api/v1/integrations',
        { provider: provider.id, name: $('#field-name').value.trim() || provider.displayName, fields,
          intervalMinutes: interval });
      toast('Integration added; the first sync has started.');
    } else if (mode === 'edit') {
      await api('PATCH', '/api/v1/integrations/' + encodeURIComponent(integration.id),
        { name: $('#field-name').value.trim(), fields, intervalMinutes: interval });
      toast('Saved.');
    } else {
      await api('POST', '/api/v1/integrations/' + encodeURIComponent(integration.id) + '/reset', { fields });
      toast('Reset: the credentials were accepted and syncing resumes.');
    }
    show($('#integration-form'), false);
    app.form = null;
  } catch (e) {
    showProblem(e);
  } finally {
    button.disabled = false;
  }
  poll();
}

/** Puts each of a problem's field problems under its input; the rest goes above the buttons. */
function showProblem(error) {
  const problem = error.problem || {};
  const unplaced = [];
  for (const item of problem.problems || []) {
    const field = (item.field || '').replace(/^fields\./, '');
    const slot = field ? $('#integration-form .field-error[data-for="' + CSS.escape(field) + '"]') : null;
    const text = item.message + (item.permission ? ' (permission: ' + item.permission + ')' : '');
    if (slot) {
      setError(slot, text);
    } else {
      unplaced.push(text);
    }
  }
  const placed = (problem.problems || []).length - unplaced.length;
  const summary = placed > 0 && problem.title ? problem.title + '.'
    : problem.title && problem.detail ? problem.title + ': ' + problem.detail : error.message;
  setError($('#form-error'), [summary, ...unplaced].join(' '));
}

// ---- providers ------------------------------------------------------------------------------------------------

async function loadProviders() {
  const answer = await api('GET', '/api/v1/providers');
  app.providers = answer.providers;
  $('#providers-table tbody').replaceChildren(...app.providers.map((one) => el('tr', { 'data-id': one.id },
    el('td', { text: one.displayName + ' (' + one.id + ')' }),
    el('td', { text: one.version }),
    el('td', { text: one.jar }),
    el('td', { text: one.status }),
    el('td', { class: 'enabled', text: one.enabled ? 'yes' : 'no' }),
    el('td', {}, el('button', { type: 'button', 'data-action': one.enabled ? 'disable' : 'enable',
      text: one.enabled ? 'Disable' : 'Enable', onclick: () => toggleProvider(one) })))));
  $('#plugin-problems').replaceChildren(...answer.problems.map((problem) =>
    el('p', { class: 'error', text: problem.jar + ': ' + problem.reason })));
}

async function toggleProvider(one) {
  setError($('#providers-error'), '');
  try {
    await api('POST', '/api/v1/providers/' + encodeURIComponent(one.id) + (one.enabled ? '/disable' : '/enable'));
    await loadProviders();
    poll();
  } catch (e) {
    setError($('#providers-error'), e.message);
  }
}

// ---- inspector ------------------------------------------------------------------------------------------------

async function loadInspector() {
  const summary = await api('GET', '/api/v1/inspector/summary');
  $('#inspector-summary').replaceChildren(
    stat('MDM devices', summary.mdmDevices),
    stat('Manual devices', summary.manualDevices),
    stat('WiFi clients (last ' + summary.windowMinutes + ' min)', summary.wifiClients),
    stat('Matched clients', summary.matchedClients));
  const query = encodeURIComponent($('#inspector-search').value.trim());
  const answer = await api('GET', '/api/v1/inspector/devices?q=' + query + '&page=' + app.inspectorPage + '&size=50');
  app.inspectorTotal = answer.total;
  $('#inspector-table tbody').replaceChildren(...answer.items.map((row) => el('tr', {},
    el('td', { text: row.userEmail || 'no Pult person' }),
    el('td', { text: row.email || '—' }),
    el('td', { text: row.serial || '—' }),
    el('td', { text: row.wifiMac || '—' }),
    el('td', { text: integrationName(row.integrationId) }),
    el('td', { text: when(row.lastUpdated) }),
    el('td', { text: row.seenOnWifi ? 'yes' : 'no' }))));
  const pages = Math.max(1, Math.ceil(answer.total / answer.size));
  $('#inspector-page').textContent = 'Page ' + (answer.page + 1) + ' of ' + pages + ' · ' + count(answer.total)
    + ' devices';
  $('#inspector-prev').disabled = answer.page === 0;
  $('#inspector-next').disabled = answer.page + 1 >= pages;
}

function stat(label, value) {
  return el('div', { class: 'stat' }, el('strong', { text: count(value) }), el('span', { text: label }));
}

function integrationName(id) {
  const one = app.integrations.find((integration) => integration.id === id);
  return one ? one.name : id === 'manual' ? 'manual list' : id;
}

// ---- lookup ---------------------------------------------------------------------------------------------------

async function lookup(event) {
  event.preventDefault();
  const kind = $('#lookup-kind').value;
  const value = $('#lookup-input').value.trim();
  const result = $('#lookup-result');
  try {
    const match = await api('GET', '/api/v1/lookups/' + kind + '/' + encodeURIComponent(value));
    const device = match.device;
    result.replaceChildren(
      el('p', { class: 'lookup-verdict ' + (match.resolved ? 'good' : 'bad'),
        text: match.resolved ? 'Belongs to ' + (match.user ? match.user.name || match.user.email : match.email)
          : 'No person found (' + match.reason + ')' }),
      el('dl', { class: 'facts' },
        fact('Person', match.user ? match.user.email : match.email || '—', 'lookup-user'),
        fact('Reason', match.reason, 'lookup-reason'),
        fact('Looked up', match.normalized || match.input, 'lookup-normalized'),
        fact('Device', device ? device.name || device.deviceId : '—', 'lookup-device'),
        fact('Serial', device ? device.serial || '—' : '—', 'lookup-serial'),
        fact('WiFi MAC', device ? device.wifiMac || '—' : '—', 'lookup-mac'),
        fact('Source', device ? integrationName(device.integrationId) : '—', 'lookup-source')),
      el('h4', { text: 'Trace' }),
      el('pre', { class: 'trace', text: match.explanation }));
  } catch (e) {
    result.replaceChildren(el('p', { class: 'error', role: 'alert', text: e.message }));
  }
  show(result, true);
}

// ---- presence -------------------------------------------------------------------------------------------------

async function loadUsers() {
  const answer = await api('GET', '/api/v1/users');
  const select = $('#presence-user');
  const chosen = select.value;
  select.replaceChildren(...answer.users.map((user) =>
    el('option', { value: user.id, text: user.email + (user.name ? ' (' + user.name + ')' : '') })));
  if (chosen) {
    select.value = chosen;
  }
  if (!$('#presence-to').value) {
    const today = new Date();
    $('#presence-to').value = today.toISOString().slice(0, 10);
    $('#presence-from').value = new Date(today.getTime() - 6 * 86400000).toISOString().slice(0, 10);
  }
}

async function presence(event) {
  event.preventDefault();
  setError($('#presence-error'), '');
  const user = $('#presence-user').value;
  if (!user) {
    setError($('#presence-error'), 'Import users first: presence is per Pult person.');
    return;
  }
  const query = '?from=' + $('#presence-from').value + '&to=' + $('#presence-to').value;
  try {
    const answer = await api('GET', '/api/v1/presence/' + encodeURIComponent(user) + query);
    const rows = answer.days.map((day) => el('tr', {},
      el('td', { text: day.day }),
      el('td', { text: day.firstSeen }),
      el('td', { text: day.lastSeen }),
      el('td', { text: count(day.sightings) }),
      el('td', { text: day.lastAccessPoint || '—' })));
    $('#presence-table tbody').replaceChildren(...rows);
    if (rows.length === 0) {
      setError($('#presence-error'), 'Not seen in the office on these days.');
    }
  } catch (e) {
    setError($('#presence-error'), e.message);
  }
}

// ---- wiring ---------------------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('#sign-in-form').addEventListener('submit', signIn);
  $('#sign-out').addEventListener('click', () => signOut(''));
  $('#add-integration').addEventListener('click', () => openForm('add', null));
  $('#provider-select').addEventListener('change', renderProviderFields);
  $('#integration-form').addEventListener('submit', saveForm);
  $('#integration-cancel').addEventListener('click', () => show($('#integration-form'), false));
  $('#runs-close').addEventListener('click', () => show($('#runs-panel'), false));
  $('#inspector-form').addEventListener('submit', (event) => {
    event.preventDefault();
    app.inspectorPage = 0;
    loadInspector().catch((e) => toast(e.message));
  });
  $('#inspector-prev').addEventListener('click', () => {
    app.inspectorPage = Math.max(0, app.inspectorPage - 1);
    loadInspector().catch((e) => toast(e.message));
  });
  $('#inspector-next').addEventListener('click', () => {
    app.inspectorPage += 1;
    loadInspector().catch((e) => toast(e.message));
  });
  $('#lookup-form').addEventListener('submit', lookup);
  $('#presence-form').addEventListener('submit', presence);
  window.addEventListener('hashchange', route);
  if (app.token) {
    enter();
  } else {
    showView('sign-in');
  }
});
