// Importing a guide: the user chooses a file (Markdown, text, Word, OpenDocument, a web
// page or RTF) and first sees what rehearse made of it — each story with its key,
// framework, sections (the ones rehearse found in an unlabeled answer marked as such),
// values and themes; the questions; everything not imported, by line, with the
// reason. They can read a story in another framework or leave it out, and only then
// import. Uses app.js's helpers (el, api, status, plural, state, route).
'use strict';

const importer = (() => {
  const accept = '.md,.markdown,.txt,.docx,.odt,.html,.htm,.rtf';

  // The report after an import (or the demo bank's).
  function report(r, name) {
    const byStatus = s => (r.story_list || []).filter(x => x.status === s).map(x => x.key);
    const keys = ['new', 'updated', 'unchanged'].filter(s => byStatus(s).length)
      .map(s => el('li', {}, `${s[0].toUpperCase() + s.slice(1)}: ${byStatus(s).join(', ')}`));
    return el('div', { class: 'card', id: 'import-report' },
      el('p', { class: 'status ok' }, `Imported ${name}: ${plural(r.stories, 'story', 'stories')} (${r.created} new, ` +
        `${r.updated} updated, ${r.unchanged} unchanged), ${plural(r.questions, 'question', 'questions')}, ` +
        `${plural(r.mappings, 'value mapping', 'value mappings')}.`),
      keys.length && r.story_list.length <= 60 ? el('ul', { class: 'plain' }, keys) : '',
      notImported(r));
  }

  function notImported(r) {
    return r.warnings.length
      ? el('details', { open: true }, el('summary', {}, `Not imported or worth a look (${r.warnings.length})`),
        el('ul', { id: 'import-warnings' }, r.warnings.map(w => el('li', {}, `line ${w.line}: ${w.message}`))))
      : el('p', {}, 'Everything in the file was understood.');
  }

  function sectionList(s) {
    if (s.outline) return el('span', { class: 'muted' }, 'an outline: notes, no sections yet');
    return el('ul', { class: 'plain sections' }, s.sections.map(sec => el('li', { 'data-section': sec.name },
      el('strong', {}, sec.name),
      sec.inferred ? el('span', { class: 'badge inferred', title: 'rehearse found this part in your unlabeled answer; check the split' }, ' found') : '',
      !sec.inferred && sec.written && sec.written.toLowerCase() !== sec.name.toLowerCase() ? el('span', { class: 'muted' }, ` (your “${sec.written}”)`) : '')));
  }

  function valuesText(s) {
    return Object.entries(s.values).flatMap(([company, names]) => names.map(n => `${company}: ${n}`)).join('; ');
  }

  // The preview of `bytes` as a table the user can change, and the button that imports.
  function preview(out, name, bytes, choices) {
    const query = () => {
      const params = new URLSearchParams({ name });
      const skip = [...choices.skip];
      const use = Object.entries(choices.use).map(([line, f]) => `${line}:${f}`);
      if (skip.length) params.set('skip', skip.join(','));
      if (use.length) params.set('use', use.join(','));
      return params.toString();
    };
    const send = dry => api('/import?' + query() + (dry ? '&dry_run=1' : ''),
      { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes });

    const render = async () => {
      // Stories left out are asked for as imported, so that the preview keeps showing them.
      const shown = { skip: choices.skip, use: choices.use };
      let r;
      try {
        choices.skip = new Set();
        r = await send(true);
      } catch (e) {
        out.replaceChildren(status(e.message, 'error'));
        return;
      } finally {
        choices.skip = shown.skip;
      }
      const kept = r.story_list.filter(s => !choices.skip.has(s.line)).length;
      const confirm = el('button', { id: 'import-confirm', disabled: kept === 0 && r.questions === 0 },
        kept ? `Import ${plural(kept, 'story', 'stories')}` : 'Import the questions');
      const rows = r.story_list.map(s => {
        const include = el('input', { type: 'checkbox', checked: !choices.skip.has(s.line), 'aria-label': `Import ${s.title}` });
        include.addEventListener('change', () => {
          if (include.checked) choices.skip.delete(s.line); else choices.skip.add(s.line);
          render();
        });
        const framework = el('select', { 'aria-label': `Framework of ${s.title}` },
          state.frameworks.map(f => el('option', { value: f.id, selected: f.id === s.framework }, f.id)));
        framework.addEventListener('change', () => { choices.use[s.line] = framework.value; render(); });
        return el('tr', { 'data-line': s.line, class: choices.skip.has(s.line) ? 'skipped' : '' },
          el('td', {}, include),
          el('td', {}, el('strong', {}, s.key), el('br'), el('small', { class: 'muted' }, s.status)),
          el('td', {}, s.title, el('br'), el('small', { class: 'muted' }, `line ${s.line}` + (s.project ? ` · ${s.project}` : ''))),
          el('td', {}, framework, el('br'), el('small', { class: 'muted' }, s.framework_reason)),
          el('td', {}, sectionList(s)),
          el('td', {}, valuesText(s), s.themes.length ? el('div', { class: 'muted' }, 'themes: ' + s.themes.join('; ')) : ''));
      });
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        try {
          const done = await send(false);
          out.replaceChildren(report(done, name));
          state.stories = [];
        } catch (e) { out.replaceChildren(status(e.message, 'error')); }
      });
      out.replaceChildren(el('div', { class: 'card', id: 'import-preview' },
        el('h3', {}, `What rehearse found in ${name}`),
        el('p', { id: 'import-summary' }, `${plural(r.stories, 'story', 'stories')} (${r.created} new, ${r.updated} updated, ` +
          `${r.unchanged} unchanged), ${plural(r.questions, 'question', 'questions')}, ` +
          `${plural(r.mappings, 'value mapping', 'value mappings')}. Nothing is written until you import.`),
        r.story_list.length ? el('div', { class: 'table-box' }, el('table', { class: 'preview' },
          el('thead', {}, el('tr', {}, ['Import', 'Key', 'Story', 'Framework', 'Sections', 'Values'].map(h => el('th', {}, h)))),
          el('tbody', {}, rows))) : '',
        r.question_list.length ? el('details', {}, el('summary', {}, `Questions (${r.question_list.length})`),
          el('ul', { id: 'import-questions' }, r.question_list.map(q => el('li', {}, q.text,
            q.stories.length ? el('span', { class: 'muted' }, ' → ' + q.stories.join(', ')) : '')))) : '',
        notImported(r),
        el('p', {}, confirm, ' ', el('button', { class: 'secondary', onclick: () => out.replaceChildren() }, 'Cancel'))));
    };
    return render();
  }

  // A file input that previews what it is given in `out`.
  function fileInput(id, out) {
    const input = el('input', { type: 'file', accept, id });
    input.addEventListener('change', async () => {
      const file = input.files[0];
      if (!file) return;
      out.replaceChildren(status(`Reading ${file.name}…`, 'ok'));
      const bytes = await file.arrayBuffer();
      await preview(out, file.name, bytes, { skip: new Set(), use: {} });
    });
    return input;
  }

  return { report, fileInput, accept };
})();
