// rehearse web app: one page, plain DOM, talking to the local JSON API. The launch
// token comes from the address `rehearse serve` printed (#token=...) and is kept for
// this tab only.
'use strict';

const state = { token: '', frameworks: [], companies: [], stories: [] };
// Pages other scripts add (practice.js): name -> async function(arg).
const pages = {};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

async function api(path, options = {}) {
  const headers = Object.assign({ Authorization: 'Bearer ' + state.token }, options.headers || {});
  const res = await fetch('/api' + path, Object.assign({}, options, { headers }));
  const type = res.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const error = new Error((body && body.error) || res.statusText);
    error.status = res.status;
    error.body = body;
    throw error;
  }
  return body;
}
const post = (path, data) => api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });

function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}

// "1 word", "2 words": a count with its noun in agreement.
function plural(n, one, many) { return `${n} ${n === 1 ? one : many}`; }

function scoreClass(s) { return s >= 80 ? 'good' : s >= 60 ? 'fair' : 'poor'; }

// True while the address still shows `page`: a page that awaited the server checks it
// before drawing, or a slow load would replace a page the user has since opened.
function stillOn(page) {
  const shown = (location.hash.slice(1) || 'stories').split('/')[0];
  const known = ['edit', 'ask', 'coverage', 'transfer'].includes(shown) || pages[shown];
  return (known ? shown : 'stories') === page;
}

function show(...nodes) {
  const main = document.getElementById('main');
  main.replaceChildren(...nodes);
  main.focus();
}

function status(text, kind) { return el('p', { class: 'status ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text); }

// ---- Stories ---------------------------------------------------------------------------

async function pageStories() {
  const health = await api('/health');
  if (!stillOn('stories')) return;
  if (health.stories === 0) return pageWelcome();
  state.stories = await api('/stories');
  if (!stillOn('stories')) return;
  const search = el('input', { type: 'search', placeholder: 'Search stories', 'aria-label': 'Search stories' });
  const framework = el('select', { 'aria-label': 'Framework' }, el('option', { value: '' }, 'All frameworks'),
    state.frameworks.map(f => el('option', { value: f.id }, f.id)));
  const values = new Set();
  state.stories.forEach(s => Object.values(s.values).flat().forEach(v => values.add(v)));
  const value = el('select', { 'aria-label': 'Company value' }, el('option', { value: '' }, 'All values'),
    [...values].sort().map(v => el('option', { value: v }, v)));
  const themes = [...new Set(state.stories.flatMap(s => s.themes))].sort();
  const theme = el('select', { 'aria-label': 'Theme' }, el('option', { value: '' }, 'All themes'),
    themes.map(t => el('option', { value: t }, t)));
  const projects = [...new Set(state.stories.map(s => s.project.split(' - ')[0]).filter(Boolean))].sort();
  const project = el('select', { 'aria-label': 'Project' }, el('option', { value: '' }, 'All projects'),
    projects.map(p => el('option', { value: p }, p)));
  const states = [...new Map(state.stories.map(s => [s.readiness.state, s.readiness.label]))];
  const ready = el('select', { 'aria-label': 'Readiness' }, el('option', { value: '' }, 'Any readiness'),
    states.map(([id, label]) => el('option', { value: id }, label)));
  const body = el('tbody');
  const render = () => {
    const q = search.value.toLowerCase();
    body.replaceChildren(...state.stories.filter(s =>
      (!q || JSON.stringify(Object.assign({}, s, { readiness: undefined })).toLowerCase().includes(q)) &&
      (!framework.value || s.framework === framework.value) &&
      (!value.value || Object.values(s.values).flat().includes(value.value)) &&
      (!theme.value || s.themes.includes(theme.value)) &&
      (!project.value || s.project.startsWith(project.value)) &&
      (!ready.value || s.readiness.state === ready.value)
    ).map(s => el('tr', { 'data-key': s.key },
      el('td', {}, el('a', { href: '#edit/' + s.key }, s.key.toUpperCase())),
      el('td', {}, s.title), el('td', { class: 'framework' }, s.framework), el('td', { class: 'project' }, s.project || '—'),
      el('td', { class: 'readiness' }, readinessBadge(s.readiness)))));
  };
  [search, framework, theme, value, project, ready].forEach(c => c.addEventListener('input', render));
  render();
  show(el('h2', {}, 'Story bank'),
    el('div', { class: 'filters' }, search, framework, theme, value, project, ready,
      el('button', { class: 'secondary', onclick: () => { location.hash = '#edit/new'; } }, 'New story')),
    el('table', { class: 'stories' }, el('thead', {}, el('tr', {}, ['Key', 'Question', 'Framework', 'Project', 'Readiness'].map(h => el('th', { scope: 'col', class: h.toLowerCase() }, h)))), body));
  prepare.home(document.getElementById('main'));
}

// A story's readiness as the server judged it (one rule for the CLI, the API and this
// page): the state, then its reason.
function readinessBadge(r) {
  if (!r) return '';
  return el('span', { class: 'ready-state ' + r.state, 'data-state': r.state },
    el('strong', {}, r.label), el('small', {}, r.reason));
}

function pageWelcome() {
  const out = el('div', { 'aria-live': 'polite' });
  const file = importer.fileInput('welcome-file', out);
  show(el('h2', {}, 'Welcome to rehearse'),
    el('div', { class: 'card' },
      el('p', {}, 'Your story bank is empty. Start from your own interview guide, or look around with a demo bank first.'),
      el('label', { for: 'welcome-file' }, 'Import your guide (Markdown, text, Word, OpenDocument, a web page or RTF)'), file,
      el('p', {}, el('button', { onclick: async () => {
        try { out.replaceChildren(importer.report(await api('/import?demo=1', { method: 'POST' }), 'demo')); setTimeout(() => { location.hash = '#stories'; route(); }, 600); }
        catch (e) { out.replaceChildren(status(e.message, 'error')); }
      } }, 'Explore the demo bank'))),
    out);
  prepare.home(document.getElementById('main'));
}

// ---- Editor ----------------------------------------------------------------------------

async function pageEdit(key) {
  const isNew = key === 'new';
  const story = isNew ? { key: '', title: '', project: '', framework: 'STAR', sections: [], notes: '', rev: 0 }
                      : await api('/stories/' + encodeURIComponent(key));
  const keyInput = el('input', { type: 'text', id: 'f-key', value: isNew ? 'q' + (Date.now() % 100000) : story.key, disabled: !isNew });
  const title = el('input', { type: 'text', id: 'f-title', value: story.title, class: 'grow' });
  const project = el('input', { type: 'text', id: 'f-project', value: story.project });
  const framework = el('select', { id: 'f-framework' }, state.frameworks.map(f => el('option', { value: f.id, selected: f.id === story.framework }, f.id)));
  const sectionsBox = el('div');
  const findingsBox = el('div', { 'aria-live': 'polite' });
  const bar = el('div');
  const notes = el('textarea', { id: 'f-notes' }, story.notes || '');
  const saveStatus = el('div', { 'aria-live': 'polite' });
  let rev = story.rev;
  const areas = new Map();

  const renderSections = () => {
    const fw = state.frameworks.find(f => f.id === framework.value);
    const names = fw.sections.map(s => s.name);
    story.sections.forEach(s => { if (!names.includes(s.name)) names.push(s.name); });
    const old = new Map([...areas].map(([n, a]) => [n, a.value]));
    areas.clear();
    sectionsBox.replaceChildren(...names.map((name, i) => {
      const def = fw.sections.find(s => s.name === name);
      const existing = story.sections.find(s => s.name === name);
      const area = el('textarea', { id: 'sec-' + i, 'data-section': name, placeholder: def ? def.prompt : '' },
        old.get(name) ?? (existing ? existing.text : ''));
      area.addEventListener('input', lintSoon);
      areas.set(name, area);
      return el('div', {}, el('label', { for: 'sec-' + i }, name + (def ? ` (${def.share}% of the time)` : '')), area,
        el('div', { class: 'section-findings', 'data-for': name }));
    }));
  };

  const composed = () => [...areas].filter(([, a]) => a.value.trim()).map(([n, a]) => n + ':\n' + a.value.trim()).join('\n\n');
  const lint = async () => {
    const text = composed();
    document.querySelectorAll('.section-findings').forEach(d => d.replaceChildren());
    if (!text) { findingsBox.replaceChildren(el('p', { class: 'muted' }, 'Write the story to see what an interviewer would say.')); bar.replaceChildren(); return; }
    try {
      const r = await post('/lint', { framework: framework.value, text });
      findingsBox.replaceChildren(
        el('p', {}, 'Score ', el('span', { class: 'score ' + scoreClass(r.score), id: 'lint-score' }, String(r.score)), ` / 100 · ${plural(r.stats.words, 'word', 'words')} · about ${Math.round(r.stats.seconds)} s spoken`),
        r.findings.length ? el('div', { id: 'findings' }, r.findings.map(f => {
          const node = el('div', { class: 'finding ' + f.severity, 'data-rule': f.rule }, el('strong', {}, f.message), el('small', {}, f.suggestion + ' [' + f.rule + ']'));
          const slot = document.querySelector(`.section-findings[data-for="${CSS.escape(f.section)}"]`);
          if (slot) slot.append(node.cloneNode(true));
          return node;
        })) : el('p', { class: 'status ok', id: 'findings' }, 'No findings: this answer says what an interviewer needs.'));
      bar.replaceChildren(timingBar('Your split', Object.entries(r.stats.split)), timingBar('Framework target', Object.entries(r.stats.targets)));
    } catch (e) { findingsBox.replaceChildren(status(e.message, 'error')); }
  };
  const lintSoon = debounce(lint, 250);
  framework.addEventListener('change', () => { renderSections(); lint(); });

  const save = async () => {
    const body = { rev, title: title.value, project: project.value, framework: framework.value, notes: notes.value,
      sections: [...areas].map(([name, a]) => ({ name, text: a.value })) };
    const k = isNew ? keyInput.value.trim() : story.key;
    try {
      const r = await api('/stories/' + encodeURIComponent(k), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      rev = r.rev;
      saveStatus.replaceChildren(status(r.changed ? `Saved as revision ${r.rev}.` : 'Nothing changed.', 'ok'));
      loadHistory();
      if (isNew) location.hash = '#edit/' + k;
    } catch (e) { saveStatus.replaceChildren(status(e.message, 'error')); }
  };

  const historyBox = el('ul', { class: 'plain', id: 'history' });
  const loadHistory = async () => {
    if (isNew && !rev) return;
    const h = await api('/stories/' + encodeURIComponent(story.key || keyInput.value) + '/history');
    historyBox.replaceChildren(...h.revisions.slice().reverse().map(r => el('li', {},
      `Revision ${r.rev} · ${r.created_at.replace('T', ' ').replace('Z', ' UTC')} · ${r.reason} `,
      r.rev === rev ? el('em', {}, '(current)') : el('button', { class: 'secondary', 'data-rev': r.rev, onclick: async () => {
        const out = await post('/stories/' + encodeURIComponent(story.key) + '/restore', { rev: r.rev });
        saveStatus.replaceChildren(status(`Revision ${r.rev} restored as revision ${out.rev}.`, 'ok'));
        route();
      } }, 'Restore'))));
  };

  renderSections();
  show(el('h2', {}, isNew ? 'New story' : 'Edit ' + story.key.toUpperCase()),
    story.readiness ? el('p', { id: 'story-readiness' }, 'Readiness: ', readinessBadge(story.readiness)) : '',
    el('div', { class: 'row' },
      el('div', { class: 'grow card' },
        isNew ? [el('label', { for: 'f-key' }, 'Key'), keyInput] : [],
        el('label', { for: 'f-title' }, 'Question it answers'), title,
        el('div', { class: 'row' }, el('div', {}, el('label', { for: 'f-project' }, 'Project'), project),
          el('div', {}, el('label', { for: 'f-framework' }, 'Framework'), framework)),
        sectionsBox, el('label', { for: 'f-notes' }, 'Notes'), notes,
        el('p', {}, el('button', { onclick: save, id: 'save' }, 'Save'), ' ', el('a', { href: '#stories' }, 'Back to the bank')), saveStatus),
      el('div', { class: 'grow card' }, el('h3', {}, 'Feedback'), findingsBox, bar, el('h3', {}, 'History'), historyBox)));
  lint();
  loadHistory();
}

function timingBar(label, entries) {
  const bar = el('div', { class: 'bar', role: 'img', 'aria-label': label + ': ' + entries.map(([n, v]) => `${n} ${Math.round(v * 100)}%`).join(', ') });
  entries.forEach(([name, share], i) => {
    const seg = el('span', { class: 'seg' + (i % 5), title: `${name} ${Math.round(share * 100)}%` }, share > 0.08 ? `${name} ${Math.round(share * 100)}%` : '');
    seg.style.width = (share * 100) + '%';
    bar.append(seg);
  });
  return el('div', {}, el('small', { class: 'muted' }, label), bar);
}

// ---- Ask ---------------------------------------------------------------------------------

// A company picker; `chosen` (a company id, e.g. from the address) is selected when
// known, else Amazon, as in the CLI (the list is alphabetical: Airbnb would come first).
function companySelect(id, chosen) {
  const pick = state.companies.some(c => c.id === chosen) ? chosen : 'amazon';
  return el('select', { id }, state.companies.map(c => el('option', { value: c.id, selected: c.id === pick }, c.name)));
}

function pageAsk() {
  const question = el('input', { type: 'text', id: 'ask-q', class: 'grow', placeholder: 'Tell me about a time you…' });
  const company = companySelect('ask-company');
  const out = el('div', { 'aria-live': 'polite' });
  const ask = async (event) => {
    event.preventDefault();
    try {
      const [c, m] = await Promise.all([post('/classify', { question: question.value, company: company.value }),
        post('/match', { question: question.value, company: company.value, top: 3 })]);
      out.replaceChildren(el('div', { class: 'card', id: 'ask-result' },
        el('p', {}, 'Answer with ', el('strong', { id: 'ask-framework' }, c.framework), ' — ', c.framework_reasons.join('; ')),
        el('p', {}, 'Themes: ', c.themes.join(', ') || '—'),
        el('h3', {}, 'Values it probes'), el('ul', {}, c.values.slice(0, 3).map(v => el('li', {}, el('strong', {}, v.name),
          ` ${Math.round(100 * v.probability)}% sure — ${v.reasons.join('; ')}`))),
        el('h3', {}, 'Stories to tell'),
        m.stories.length ? el('ol', { id: 'ask-stories' }, m.stories.map((s, i) => el('li', {},
          el('a', { href: '#edit/' + s.key }, s.key.toUpperCase()), ` ${i === 0 ? '(go-to) ' : i === 1 ? '(backup) ' : ''}${s.title}`,
          el('small', { class: 'muted' }, ' — ' + s.reasons.join('; ')))))
          : el('p', { class: 'muted' }, 'No story in your bank fits yet.')));
    } catch (e) { out.replaceChildren(status(e.message, 'error')); }
  };
  show(el('h2', {}, 'Ask a question'),
    el('form', { class: 'card row', onsubmit: ask }, el('label', { for: 'ask-q', class: 'sr-only' }, 'Question'), question, company, el('button', { type: 'submit' }, 'Ask')),
    out);
  question.focus();
}

// ---- Coverage ------------------------------------------------------------------------------

function pageCoverage(companyId) {
  const company = companySelect('cov-company', companyId);
  const out = el('div');
  const load = async () => {
    try {
      const p = await api('/plan?company=' + encodeURIComponent(company.value));
      const stories = await api('/stories');
      // Values down, stories across: the table scrolls inside its own box, the value
      // column stays put, so the page keeps the window's width at any bank size.
      const table = el('table', { class: 'heat', id: 'heatmap' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'value' }, 'Value'),
          stories.map(s => el('th', { scope: 'col', class: 'story', title: s.title }, s.key.toUpperCase())))),
        el('tbody', {}, p.values.map(v => el('tr', {}, el('th', { scope: 'row', class: 'value' }, v.name), stories.map(({ key: k }) => {
          const cell = v.stories.find(s => s.key === k);
          const level = !cell ? 0 : cell.tagged ? 3 : cell.score >= 0.6 ? 2 : 1;
          return el('td', { class: 'cell h' + level, title: cell ? `${v.name} · ${k}: ${cell.tagged ? 'your mapping' : 'inferred'} ${cell.score.toFixed(2)}` : '' }, level === 3 ? '●' : level ? '○' : '');
        })))));
      out.replaceChildren(
        el('div', { class: 'card' }, el('p', {}, '● your mapping · ○ inferred from the story · blank: not covered'),
          el('div', { class: 'heat-wrap', id: 'heatmap-box', tabindex: '0', role: 'region', 'aria-label': 'Coverage heatmap' }, table)),
        el('div', { class: 'row' },
          el('div', { class: 'card grow' }, el('h3', {}, 'Prepare these first'), el('ol', { id: 'recommended' }, p.recommended.map(k => el('li', {}, el('a', { href: '#edit/' + k }, k.toUpperCase()))))),
          el('div', { class: 'card grow' }, el('h3', {}, `Gaps (${p.gaps.length})`),
            p.gaps.length ? el('ul', { id: 'gaps' }, p.gaps.map(g => el('li', {}, el('strong', {}, g.value), ' — ', g.advice))) : el('p', {}, 'Every value has a story.'))),
        p.overlaps.length ? el('div', { class: 'card' }, el('h3', {}, 'Too alike to back each other up'),
          el('ul', {}, p.overlaps.map(o => el('li', {}, `${o.a.toUpperCase()} and ${o.b.toUpperCase()} (${Math.round(o.similarity * 100)}% alike)`)))) : '');
    } catch (e) { out.replaceChildren(status(e.message, 'error')); }
  };
  company.addEventListener('change', load);
  show(el('h2', {}, 'Coverage of company values'), el('p', {}, el('label', { for: 'cov-company' }, 'Company'), company), out);
  load();
}

// ---- Import / export -----------------------------------------------------------------------

async function download(format) {
  const res = await fetch('/api/export?format=' + format, { headers: { Authorization: 'Bearer ' + state.token } });
  const blob = await res.blob();
  const a = el('a', { href: URL.createObjectURL(blob), download: 'rehearse-bank.' + format });
  document.body.append(a);
  a.click();
  a.remove();
}

function pageTransfer() {
  const out = el('div', { 'aria-live': 'polite' });
  const file = importer.fileInput('import-file', out);
  show(el('h2', {}, 'Import and export'),
    el('div', { class: 'card' }, el('label', { for: 'import-file' }, 'Import a guide or an exported bank'), file,
      el('p', { class: 'muted' }, 'Markdown, text, Word (.docx), OpenDocument (.odt), a web page or RTF. You see what ' +
        'rehearse found before anything is written; stories that changed become new revisions, nothing is deleted, ' +
        'and another guide never replaces these stories.')),
    out,
    el('div', { class: 'card' }, el('h3', {}, 'Download the bank'),
      el('button', { onclick: () => download('md') }, 'Markdown (lossless)'), ' ',
      el('button', { class: 'secondary', onclick: () => download('json') }, 'JSON')));
  prepare.transfer(document.getElementById('main'));
}

// ---- Routing -------------------------------------------------------------------------------

async function route() {
  const [page, arg] = (location.hash.slice(1) || 'stories').split('/');
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === page));
  try {
    if (page === 'edit') return await pageEdit(decodeURIComponent(arg || 'new'));
    if (page === 'ask') return pageAsk();
    if (page === 'coverage') return pageCoverage(decodeURIComponent(arg || ''));
    if (page === 'transfer') return pageTransfer();
    if (pages[page]) return await pages[page](arg && decodeURIComponent(arg));
    return await pageStories();
  } catch (e) {
    show(status(e.status === 401 ? 'This page needs the address that `rehearse serve` printed (it carries the token).' : e.message, 'error'));
  }
}

// Deferred scripts run in order, and DOMContentLoaded fires once all of them have.
const allScripts = new Promise(resolve => document.addEventListener('DOMContentLoaded', resolve));

async function start() {
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromUrl) {
    sessionStorage.setItem('rehearse-token', fromUrl);
    history.replaceState(null, '', location.pathname + '#stories');
  }
  state.token = sessionStorage.getItem('rehearse-token') || '';
  try {
    [state.frameworks, state.companies] = await Promise.all([api('/frameworks'), api('/companies')]);
  } catch (e) {
    return show(status('This page needs the address that `rehearse serve` printed (it carries the token).', 'error'));
  }
  // The other scripts (practice.js, prepare.js) run after this one; route only once
  // they have, or a page could call into a script not yet loaded.
  await allScripts;
  window.addEventListener('hashchange', route);
  route();
}

start();
