// Getting ready for one company: the pre-interview checklist (ticked by the server
// from the bank's real state) with the notes it asks for, on the home page; the
// printable cheat sheet and the Anki deck on the import/export page. Uses app.js's
// helpers (el, api, status, companySelect, state); app.js calls the two hooks below.
'use strict';

const prepare = (() => {
  const companyKey = 'rehearse-prep-company';
  const noteKinds = [
    { kind: 'questions', label: 'Questions to ask the interviewer', placeholder: 'One question a line' },
    { kind: 'news', label: 'Recent news and products', placeholder: 'What they launched or announced lately' },
  ];

  function chosenCompany(select) {
    const saved = localStorage.getItem(companyKey);
    if (saved && state.companies.some(c => c.id === saved)) select.value = saved;
    select.addEventListener('change', () => localStorage.setItem(companyKey, select.value));
    return select;
  }

  // Where a next step gets done, as a link to that page (or, for the notes on this
  // page, a button to their box). The CLI shows `command` instead; the web never does.
  function actionControl(a) {
    if (a.place === 'notes') {
      return el('button', { class: 'secondary', type: 'button', 'data-place': 'notes', onclick: () => {
        const box = document.getElementById('note-' + a.arg);
        if (!box) return;
        box.scrollIntoView({ block: 'center' });
        box.focus();
      } }, a.label);
    }
    const href = {
      story: '#edit/' + encodeURIComponent(a.arg), 'new-story': '#edit/new', practice: '#practice/' + encodeURIComponent(a.arg),
      coverage: '#coverage/' + encodeURIComponent(a.arg), import: '#transfer',
    }[a.place];
    return href ? el('a', { class: 'button secondary', href, 'data-place': a.place }, a.label) : '';
  }

  function checklistItem(item) {
    return el('li', { class: 'check ' + (item.done ? 'done' : 'todo'), 'data-id': item.id, 'data-done': String(item.done) },
      el('span', { class: 'tick', 'aria-hidden': 'true' }, item.done ? '✔' : '○'),
      el('div', {},
        el('strong', {}, item.label), el('span', { class: 'sr-only' }, item.done ? ' (done)' : ' (to do)'),
        el('small', { class: 'muted' }, item.detail),
        item.next_step ? el('div', { class: 'next' }, 'Next: ' + item.next_step) : '',
        item.actions.length ? el('div', { class: 'actions' }, item.actions.map(actionControl)) : ''));
  }

  // The checklist card, at the end of the home page (after the story list).
  async function home(main) {
    const company = chosenCompany(companySelect('prep-company'));
    const summary = el('p', { id: 'checklist-summary', 'aria-live': 'polite' });
    const list = el('ul', { class: 'plain checklist', id: 'checklist-items' });
    const notesBox = el('div', { class: 'row' });
    const card = el('section', { class: 'card', id: 'checklist', 'aria-labelledby': 'checklist-title' },
      el('div', { class: 'row prep-head' }, el('h3', { id: 'checklist-title' }, 'Ready for the interview?'),
        el('label', { for: 'prep-company', class: 'inline' }, 'Company'), company),
      summary, list, notesBox);

    const loadNotes = async () => {
      const notes = await api('/notes?company=' + encodeURIComponent(company.value));
      notesBox.replaceChildren(...noteKinds.map(({ kind, label, placeholder }) => {
        const note = notes.notes.find(n => n.kind === kind);
        const area = el('textarea', { id: 'note-' + kind, placeholder }, note ? note.text : '');
        const saved = el('div', { 'aria-live': 'polite' });
        const save = async () => {
          try {
            const r = await api('/notes?company=' + encodeURIComponent(company.value) + '&kind=' + kind,
              { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: area.value }) });
            saved.replaceChildren(status(`Saved as revision ${r.rev}; earlier ones are kept.`, 'ok'));
            loadChecklist();
          } catch (e) { saved.replaceChildren(status(e.message, 'error')); }
        };
        return el('div', { class: 'grow' }, el('label', { for: 'note-' + kind }, label), area,
          el('button', { class: 'secondary', id: 'save-' + kind, onclick: save }, 'Save ' + (kind === 'news' ? 'news' : 'questions')), saved);
      }));
    };
    const loadChecklist = async () => {
      try {
        const c = await api('/checklist?company=' + encodeURIComponent(company.value));
        summary.textContent = `${c.company_name}: ${c.done} of ${c.total} done.`;
        list.replaceChildren(...c.items.map(checklistItem));
      } catch (e) { list.replaceChildren(el('li', {}, status(e.message, 'error'))); }
    };
    company.addEventListener('change', () => { loadChecklist(); loadNotes(); });
    main.append(card);
    try {
      await Promise.all([loadChecklist(), loadNotes()]);
    } catch (e) { notesBox.replaceChildren(status(e.message, 'error')); }
  }

  async function downloadFile(path, name, out) {
    try {
      const res = await fetch('/api' + path, { headers: { Authorization: 'Bearer ' + state.token } });
      if (!res.ok) throw new Error((await res.json()).error || res.statusText);
      const a = el('a', { href: URL.createObjectURL(await res.blob()), download: name });
      document.body.append(a);
      a.click();
      a.remove();
      out.replaceChildren(status('Downloaded ' + name + '.', 'ok'));
    } catch (e) { out.replaceChildren(status(e.message, 'error')); }
  }

  // The printable exports, as a card on the import/export page.
  function transfer(main) {
    const company = chosenCompany(el('select', { id: 'print-company' },
      el('option', { value: '' }, 'Every company you mapped'), state.companies.map(c => el('option', { value: c.id }, c.name))));
    const paper = el('select', { id: 'print-paper' }, el('option', { value: 'a4' }, 'A4'), el('option', { value: 'letter' }, 'Letter'));
    const out = el('div', { 'aria-live': 'polite' });
    const query = () => 'company=' + encodeURIComponent(company.value);
    main.append(el('section', { class: 'card', id: 'printables' }, el('h3', {}, 'Before the interview'),
      el('p', { class: 'muted' }, 'A one-page-per-topic cheat sheet to print (story cards never split across pages), and flashcards for Anki (File › Import).'),
      el('div', { class: 'row' },
        el('div', {}, el('label', { for: 'print-company' }, 'Company'), company),
        el('div', {}, el('label', { for: 'print-paper' }, 'Paper'), paper)),
      el('p', {},
        el('button', { id: 'download-html', onclick: () => downloadFile(`/export?format=html&${query()}&paper=${paper.value}`, 'rehearse-cheatsheet.html', out) }, 'Cheat sheet (HTML)'), ' ',
        el('button', { class: 'secondary', id: 'download-anki', onclick: () => downloadFile(`/export?format=anki&${query()}`, 'rehearse-anki.txt', out) }, 'Anki deck')),
      out));
  }

  return { home, transfer };
})();
