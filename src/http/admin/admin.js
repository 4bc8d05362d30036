// The admin page: plain DOM over the REST API, nothing else. The token lives in this tab's session storage.
const TOKEN_KEY = 'epgoat.adminToken';
const $ = (id) => document.getElementById(id);
const state = { providers: [], report: null, leagues: [] };

/** An element with attributes (`on*` functions become listeners) and children (strings become text). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

function say(text, error = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
}

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ''}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (res.status === 401) {
    signOut('The token was refused: sign in again.');
    throw new Error('unauthorised');
  }
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const problems = data?.problems?.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new Error(problems ? `${data.message} (${problems})` : (data?.message ?? `HTTP ${res.status}`));
  }
  return data;
}

/** Runs an action, saying what failed instead of throwing. */
async function attempt(action) {
  try {
    await action();
  } catch (err) {
    if (err.message !== 'unauthorised') say(err.message, true);
  }
}

function table(el, headers, rows) {
  el.replaceChildren(
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((x) => h('th', { scope: 'col', class: x.cls }, x.label ?? x)),
      ),
    ),
    h('tbody', {}, rows),
  );
}

/** A matched event as the report shows it: the part of a larger event named (session, round, match, segment). */
function eventText(ev) {
  const part = ev.part ? ` [${ev.part.kind}: ${ev.part.label}]` : '';
  return `${ev.title}${part} (${ev.league}, ${time(ev.startsAt)})`;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

// ---- navigation

const VIEWS = ['providers', 'report', 'review', 'onboard', 'teams'];
const LOADERS = {
  providers: loadProviders,
  report: loadReport,
  review: loadReview,
  onboard: async () => undefined,
  teams: loadTeamsView,
};

async function show(view) {
  for (const v of ['signin', ...VIEWS]) $(`view-${v}`).hidden = v !== view;
  for (const b of document.querySelectorAll('nav button')) {
    if (b.dataset.view === view) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  if (view !== 'signin') {
    say('');
    location.hash = view;
    await attempt(LOADERS[view]);
  }
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  $('nav').hidden = true;
  $('signout').hidden = true;
  void show('signin');
  if (message) say(message, true);
}

async function signIn(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
  await api('GET', '/api/providers');
  $('nav').hidden = false;
  $('signout').hidden = false;
  say('Signed in.');
  const wanted = location.hash.slice(1);
  await show(VIEWS.includes(wanted) ? wanted : 'providers');
}

// ---- providers

async function loadProviders() {
  state.providers = (await api('GET', '/api/providers')).providers;
  table(
    $('providers-table'),
    ['Provider', { label: 'Time zone', cls: 'hide-narrow' }, 'Guide', 'Playlist', 'Last guide', ''],
    state.providers.map((p) =>
      h(
        'tr',
        {},
        h(
          'td',
          {},
          h('strong', {}, p.name),
          h('div', { class: 'muted' }, p.slug, p.enabled ? '' : ' (disabled)'),
        ),
        h('td', { class: 'hide-narrow' }, p.timezone),
        h('td', {}, h('a', { href: `/epg/${p.slug}.xml` }, `${p.slug}.xml`)),
        h('td', {}, h('a', { href: `/playlist/${p.slug}.m3u` }, `${p.slug}.m3u`)),
        h('td', {}, time(p.lastGeneratedAt)),
        h(
          'td',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: () => {
                $('report-provider').value = p.slug;
                void show('report');
              },
            },
            'Match report',
          ),
        ),
      ),
    ),
  );
  say(`${state.providers.length} providers.`);
}

// ---- match report

function fillSelect(select, values, all) {
  const current = select.value;
  select.replaceChildren(h('option', { value: '' }, all), ...values.map((v) => h('option', { value: v }, v)));
  if (values.includes(current)) select.value = current;
}

async function loadReport() {
  if (state.providers.length === 0) state.providers = (await api('GET', '/api/providers')).providers;
  const select = $('report-provider');
  const chosen = select.value || state.providers[0]?.slug || '';
  select.replaceChildren(...state.providers.map((p) => h('option', { value: p.slug }, p.name)));
  select.value = chosen;
  if (!chosen) return say('No provider yet: onboard one.');
  say('Making the guide…');
  state.report = await api('GET', `/api/providers/${chosen}/matches`);
  const channels = state.report.channels.filter((c) => c.channelId !== null);
  fillSelect($('report-status'), ['matched', 'unmatched', 'placeholder'], 'any status');
  fillSelect(
    $('report-family'),
    [...new Set(channels.map((c) => c.parsed.family).filter(Boolean))].sort(),
    'any family',
  );
  fillSelect(
    $('report-league'),
    [...new Set(channels.map((c) => c.event?.league).filter(Boolean))].sort(),
    'any league',
  );
  renderReport();
}

function renderReport() {
  const r = state.report;
  if (!r) return;
  const status = $('report-status').value;
  const family = $('report-family').value;
  const league = $('report-league').value;
  const rows = r.channels.filter(
    (c) =>
      c.channelId !== null &&
      (!status || c.status === status) &&
      (!family || c.parsed.family === family) &&
      (!league || c.event?.league === league),
  );
  const matched = r.channels.filter((c) => c.status === 'matched').length;
  const events = r.channels.filter((c) => c.status === 'matched' || c.status === 'unmatched').length;
  $('report-summary').textContent =
    `Made ${time(r.generatedAt)}${r.stale ? ' (last good guide)' : ''}: ${matched} of ${events} event channels matched; showing ${rows.length}.`;
  table(
    $('report-table'),
    [{ label: 'Channel', cls: 'hide-narrow' }, 'Name', 'Status', 'Event', 'Why'],
    rows.map((c) =>
      h(
        'tr',
        {},
        h('td', { class: 'hide-narrow' }, h('code', {}, c.channelId)),
        h('td', {}, c.name),
        h(
          'td',
          {},
          h('span', { class: `badge ${c.status}` }, c.status),
          c.handler ? h('div', { class: 'muted' }, c.handler) : null,
        ),
        h('td', {}, c.event ? eventText(c.event) : '—'),
        h('td', { class: 'why' }, c.why ?? ''),
      ),
    ),
  );
  say(`${r.provider}: ${rows.length} channels shown.`);
}

// ---- review

async function loadReview() {
  const [{ groups }, { decisions }] = await Promise.all([
    api('GET', '/api/review/unmatched'),
    api('GET', '/api/review/llm?status=pending'),
  ]);
  if (state.providers.length === 0) state.providers = (await api('GET', '/api/providers')).providers;
  const accept = (first, eventId) =>
    attempt(async () => {
      const done = await api('POST', `/api/review/unmatched/${first.id}`, { eventId: Number(eventId) });
      const taught = done.taught.map((t) => `${t.alias} = ${t.team}`).join(', ');
      await loadReview();
      say(`Pinned ${done.pinned.channelId} to ${done.pinned.title}${taught ? `; taught ${taught}` : ''}.`);
    });
  /** Another event of the channel's day, found by any word of its title. */
  const finder = (g, first) => {
    const zone = state.providers.find((p) => p.slug === first.provider)?.timezone ?? 'UTC';
    const results = h('ul', { class: 'candidates' });
    const input = h('input', {
      type: 'search',
      'aria-label': `Find another event for ${g.name}`,
      placeholder: 'team or title',
    });
    let events = null;
    const form = h(
      'form',
      {
        class: 'filters',
        onsubmit: (e) => {
          e.preventDefault();
          void attempt(async () => {
            events ??= (
              await api('GET', `/api/events?date=${first.day}&timezone=${encodeURIComponent(zone)}`)
            ).events;
            const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
            const found = events
              .filter((ev) => words.every((w) => ev.title.toLowerCase().includes(w)))
              .slice(0, 10);
            results.replaceChildren(
              ...(found.length === 0
                ? [h('li', { class: 'muted' }, 'No event of that day has those words.')]
                : []),
              ...found.map((ev) =>
                h(
                  'li',
                  {},
                  h('button', { type: 'button', onclick: () => accept(first, ev.id) }, `Accept ${ev.title}`),
                  h('span', { class: 'muted' }, `${ev.league}, ${time(ev.startsAt)}`),
                ),
              ),
            );
          });
        },
      },
      input,
      h('button', { type: 'submit', class: 'secondary' }, 'Find event'),
    );
    return h('details', {}, h('summary', {}, 'Another event of that day…'), form, results);
  };
  $('review-unmatched').replaceChildren(
    ...(groups.length === 0 ? [h('p', { class: 'muted' }, 'Nothing left unmatched.')] : []),
    ...groups.map((g) => {
      const first = g.channels[0];
      return h(
        'article',
        { class: 'card' },
        h('h4', {}, g.name),
        h(
          'p',
          { class: 'muted' },
          g.channels.map((c) => `${c.provider} ${c.channelId ?? ''}`).join(', '),
          g.llm ? ` · LLM decision #${g.llm.id} (${g.llm.review})` : '',
        ),
        h('details', {}, h('summary', {}, 'Why it is unmatched'), h('p', { class: 'why' }, g.reason)),
        h(
          'ul',
          { class: 'candidates', 'aria-label': `Candidates for ${g.name}` },
          g.candidates.map((c) =>
            h(
              'li',
              {},
              h('button', { type: 'button', onclick: () => accept(first, c.eventId) }, `Accept ${c.title}`),
              h('span', { class: 'muted' }, c.rejected ?? c.reasons.join('; ')),
            ),
          ),
        ),
        finder(g, first),
      );
    }),
  );
  $('review-llm').replaceChildren(
    ...(decisions.length === 0 ? [h('p', { class: 'muted' }, 'No LLM decision waits for review.')] : []),
    ...decisions.map((d) =>
      h(
        'article',
        { class: 'card' },
        h('h4', {}, d.channel),
        h(
          'p',
          {},
          d.event ? `${d.model} chose ${d.event.title}` : `${d.model}: ${d.answer.kind}`,
          d.answer.confidence !== undefined ? ` (confidence ${d.answer.confidence})` : '',
          d.taught.length ? `; taught ${d.taught.map((t) => `${t.alias} = ${t.team}`).join(', ')}` : '',
          ` · $${d.costUsd.toFixed(4)}`,
        ),
        ['accept', 'reject'].map((decision) =>
          h(
            'button',
            {
              type: 'button',
              class: decision === 'reject' ? 'danger' : undefined,
              onclick: () =>
                attempt(async () => {
                  await api('POST', `/api/review/llm/${d.id}`, { decision });
                  await loadReview();
                  say(`Decision #${d.id} ${decision}ed.`);
                }),
            },
            decision === 'accept' ? 'Accept' : 'Reject',
          ),
        ),
      ),
    ),
  );
  say(`${groups.length} names unmatched, ${decisions.length} LLM decisions pending.`);
}

// ---- onboarding

async function onboard(form) {
  const data = Object.fromEntries(new FormData(form));
  say('Reading the playlist…');
  const preview = await api('POST', `/api/providers/${data.slug}/onboard`, {
    playlistUrl: data.playlistUrl,
    timezone: data.timezone,
  });
  const p = preview.playlist;
  const proposals = [
    ...preview.proposals.patterns.map((x) => ({
      kind: 'pattern',
      label: `Pattern for ${x.family}: ${x.pattern}`,
      value: x,
    })),
    ...preview.proposals.mappings.map((x) => ({
      kind: 'mapping',
      label: `Map ${x.family} to ${x.leagues.join(', ')} (${x.why})`,
      value: x,
    })),
  ];
  const familiesTable = h('table');
  table(
    familiesTable,
    [
      'Family',
      'Found by',
      'Slots',
      'Events',
      'Leagues',
      'How sure',
      { label: 'Example', cls: 'hide-narrow' },
    ],
    preview.families.map((f) =>
      h(
        'tr',
        {},
        h('td', {}, f.family),
        h('td', {}, f.recognisedBy),
        h('td', {}, String(f.slots)),
        h('td', {}, String(f.events)),
        h('td', {}, f.leagues.join(', ') || '—'),
        h('td', {}, f.certainty),
        h('td', { class: 'hide-narrow' }, f.example),
      ),
    ),
  );
  const sampleTable = h('table');
  table(
    sampleTable,
    ['Name', 'Family', 'Teams or title', 'Time'],
    preview.sample.map((s) =>
      h(
        'tr',
        {},
        h('td', {}, s.name),
        h('td', {}, s.family ?? '—'),
        h('td', {}, s.teams.join(' / ') || s.title || '—'),
        h('td', {}, s.time ? `${s.time} ${s.timeZone ?? ''}` : '—'),
      ),
    ),
  );
  const choices = h(
    'fieldset',
    {},
    h('legend', {}, 'Proposals'),
    proposals.length === 0
      ? h('p', { class: 'muted' }, 'Nothing to propose: every family is already known.')
      : null,
    proposals.map((x, i) =>
      h(
        'div',
        {},
        h('input', { type: 'checkbox', id: `proposal-${i}`, checked: true }),
        ' ',
        h('label', { for: `proposal-${i}`, class: 'inline' }, x.label),
      ),
    ),
  );
  const save = h(
    'button',
    {
      type: 'button',
      onclick: () =>
        attempt(async () => {
          const exists = (await api('GET', '/api/providers')).providers.some((x) => x.slug === data.slug);
          if (!exists) {
            await api('POST', '/api/providers', {
              slug: data.slug,
              name: data.name || data.slug,
              playlistUrl: data.playlistUrl,
              timezone: data.timezone,
            });
          }
          const picked = proposals.filter((_, i) => document.getElementById(`proposal-${i}`).checked);
          const stored = await api('POST', `/api/providers/${data.slug}/onboard/accept`, {
            patterns: picked
              .filter((x) => x.kind === 'pattern')
              .map((x) => ({ family: x.value.family, pattern: x.value.pattern })),
            mappings: picked
              .filter((x) => x.kind === 'mapping')
              .map((x) => ({ family: x.value.family, leagues: x.value.leagues })),
          });
          await show('providers');
          say(`Saved ${data.slug}: ${stored.patterns.length} patterns, ${stored.mappings.length} mappings.`);
        }),
    },
    'Save provider and accept the checked proposals',
  );
  $('onboard-result').replaceChildren(
    h('p', {}, `${p.entries} entries: ${p.live} live, ${p.vod} VOD, ${p.skipped} lines skipped.`),
    h('h3', {}, 'Families'),
    h('div', { class: 'scroll' }, familiesTable),
    h('h3', {}, 'Names as read'),
    h('div', { class: 'scroll' }, sampleTable),
    h('h3', {}, `Names it could not read (${preview.unreadable.count})`),
    h(
      'ul',
      {},
      preview.unreadable.names.map((n) => h('li', {}, n)),
    ),
    choices,
    save,
  );
  say(`${preview.families.length} families found; ${proposals.length} proposals.`);
}

// ---- teams

async function loadTeamsView() {
  if (state.leagues.length === 0) {
    state.leagues = (await api('GET', '/api/leagues')).leagues;
    $('teams-league').replaceChildren(
      ...state.leagues.map((l) => h('option', { value: l.key }, `${l.key} — ${l.name}`)),
    );
  }
}

async function loadTeams() {
  const league = $('teams-league').value;
  const search = $('teams-search').value.trim();
  const { teams } = await api(
    'GET',
    `/api/leagues/${league}/teams${search ? `?search=${encodeURIComponent(search)}` : ''}`,
  );
  $('teams-list').replaceChildren(
    ...teams.slice(0, 100).map((t) => {
      const input = h('input', {
        'aria-label': `New alias for ${t.name}`,
        placeholder: 'new alias',
        autocomplete: 'off',
      });
      return h(
        'article',
        { class: 'card' },
        h('h4', {}, t.name, t.abbreviation ? ` (${t.abbreviation})` : ''),
        h(
          'div',
          { class: 'chips' },
          t.aliases.map((a) =>
            h(
              'span',
              { class: 'chip' },
              `${a.alias} · ${a.source}${a.pending ? ' (pending)' : ''}`,
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  'aria-label': `Delete alias ${a.alias} of ${t.name}`,
                  onclick: () =>
                    attempt(async () => {
                      await api('DELETE', `/api/leagues/${league}/teams/${t.id}/aliases/${a.id}`);
                      await loadTeams();
                      say(`Deleted ${a.alias}.`);
                    }),
                },
                '×',
              ),
            ),
          ),
        ),
        h(
          'form',
          {
            class: 'filters',
            onsubmit: (e) => {
              e.preventDefault();
              void attempt(async () => {
                await api('POST', `/api/leagues/${league}/teams/${t.id}/aliases`, { alias: input.value });
                const alias = input.value;
                await loadTeams();
                say(`${t.name} now also goes by ${alias}.`);
              });
            },
          },
          input,
          h('button', { type: 'submit' }, 'Add alias'),
        ),
      );
    }),
  );
  say(`${teams.length} teams.`);
}

// ---- wiring

$('signin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void attempt(() => signIn($('token').value));
});
$('signout').addEventListener('click', () => signOut('Signed out.'));
for (const b of document.querySelectorAll('nav button'))
  b.addEventListener('click', () => void show(b.dataset.view));
$('report-provider').addEventListener('change', () => void attempt(loadReport));
for (const id of ['report-status', 'report-family', 'report-league'])
  $(id).addEventListener('change', renderReport);
$('onboard-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void attempt(() => onboard(e.target));
});
$('teams-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void attempt(loadTeams);
});

if (sessionStorage.getItem(TOKEN_KEY)) void attempt(() => signIn(sessionStorage.getItem(TOKEN_KEY)));
else void show('signin');
