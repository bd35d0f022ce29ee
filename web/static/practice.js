// rehearse web app: the practice page. A mock-interview turn (question, a pause to
// pick the story, a visible clock with the framework's section guide, the answer,
// feedback and a follow-up), the metrics drill, and progress over time. Uses the
// helpers of app.js (el, api, post, show, stillOn, status, scoreClass, companySelect).
'use strict';

const practice = { session: '', next: null, timer: null, started: 0, elapsed: 0 };

const clock = s => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

function findingList(findings) {
  if (!findings.length) return el('p', { class: 'status ok' }, 'No findings: an interviewer would have nothing to hold against this.');
  return el('div', {}, findings.map(f => el('div', { class: 'finding ' + f.severity },
    el('strong', {}, f.message), ' ', el('code', {}, f.rule), f.suggestion ? el('small', {}, f.suggestion) : '')));
}

// The framework's sections as a strip, widths by time share; the current one lit.
function sectionGuide(budget) {
  const total = budget.reduce((t, b) => t + b.high, 0) || 1;
  const strip = el('div', { class: 'guide', role: 'list', 'aria-label': 'Section guide' });
  budget.forEach((b, i) => {
    const part = el('div', { class: 'guide-part seg' + (i % 5), role: 'listitem', title: b.prompt },
      el('strong', {}, b.section), el('small', {}, `${Math.round(b.low)}–${Math.round(b.high)} s`));
    part.style.flexBasis = (b.high / total * 100) + '%';
    strip.append(part);
  });
  return strip;
}

function lightSection(strip, budget, seconds) {
  let t = 0;
  let current = budget.length;
  for (let i = 0; i < budget.length; ++i) {
    t += (budget[i].low + budget[i].high) / 2;
    if (seconds < t) { current = i; break; }
  }
  [...strip.children].forEach((c, i) => c.classList.toggle('now', i === current));
}

function feedbackView(f, onFollowUp) {
  const split = f.budget.map(b => {
    const secs = (f.stats.split[b.section] || 0) * f.timing.seconds;
    const verdict = secs < b.low * 0.75 ? 'short' : secs > b.high * 1.25 ? 'long' : 'on budget';
    return el('tr', {}, el('td', {}, b.section), el('td', {}, `${Math.round(secs)} s`),
      el('td', {}, `${Math.round(b.low)}–${Math.round(b.high)} s`), el('td', { class: verdict === 'on budget' ? 'ok' : 'warn' }, verdict));
  });
  return el('div', { class: 'card', id: 'feedback' },
    el('h3', {}, 'Feedback ', el('span', { class: 'score ' + scoreClass(f.score), id: 'fb-score' }, `${f.score}/100`)),
    f.readiness ? el('p', { id: 'fb-readiness' }, `Readiness of ${f.story.toUpperCase()}: `, readinessBadge(f.readiness)) : '',
    el('p', { class: 'muted' }, `${plural(f.stats.words, 'word', 'words')} · about ${clock(f.timing.seconds)} spoken`,
      f.timing.measured ? ` · took ${clock(f.timing.measured)}` : '', f.timing.over ? ' · over 3 minutes' : '',
      f.story ? ` · story ${f.story}${f.story_recognised ? ' (recognised)' : ''}` : ''),
    findingList(f.findings),
    el('table', { class: 'split' }, el('tr', {}, el('th', {}, 'Section'), el('th', {}, 'Spoken'), el('th', {}, 'Budget'), el('th', {}, '')), split),
    f.nudges.length ? el('ul', { class: 'nudges' }, f.nudges.map(n => el('li', {}, n))) : '',
    f.followups.length ? el('div', { id: 'followups' }, el('h3', {}, 'Follow-ups'),
      f.followups.map(u => followUpView(u, onFollowUp))) : '');
}

function followUpView(u, onAnswered) {
  const box = el('textarea', { 'aria-label': 'Answer to: ' + u.question, placeholder: 'Answer briefly: challenge, action, result.' });
  const out = el('div', { 'aria-live': 'polite' });
  const answer = async () => {
    if (!box.value.trim()) return;
    try {
      const f = await post('/practice/answer', { question_id: u.id, text: box.value });
      out.replaceChildren(el('p', {}, 'Follow-up score ', el('span', { class: 'score ' + scoreClass(f.score) }, `${f.score}/100`)), findingList(f.findings));
      onAnswered && onAnswered();
    } catch (e) { out.replaceChildren(status(e.message, 'error')); }
  };
  return el('div', { class: 'followup' }, el('p', {}, el('strong', {}, u.question), el('small', { class: 'muted' }, ' (' + u.why + ')')),
    box, el('button', { class: 'secondary', onclick: answer }, 'Answer the follow-up'), out);
}

// A line chart of scores over time (answers only), drawn as SVG.
function scoreChart(timeline) {
  const points = timeline.filter(t => t.kind === 'answer');
  const W = 640, H = 180, P = 28;
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Scores of ${plural(points.length, 'answer', 'answers')}: ${points.map(p => p.score).join(', ')}`);
  const add = (tag, attrs, text) => {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    svg.append(n);
    return n;
  };
  for (const s of [0, 50, 100]) {
    const y = H - P - (H - 2 * P) * s / 100;
    add('line', { x1: P, x2: W - 8, y1: y, y2: y, class: 'grid' });
    add('text', { x: 2, y: y + 4, class: 'axis' }, String(s));
  }
  const x = i => P + (points.length < 2 ? (W - P - 8) / 2 : i * (W - P - 8) / (points.length - 1));
  const y = s => H - P - (H - 2 * P) * s / 100;
  if (points.length > 1) add('polyline', { points: points.map((p, i) => `${x(i)},${y(p.score)}`).join(' '), class: 'line' });
  points.forEach((p, i) => {
    const dot = add('circle', { cx: x(i), cy: y(p.score), r: 4, class: 'dot ' + scoreClass(p.score) });
    const title = document.createElementNS(NS, 'title');
    title.textContent = `${p.at.slice(0, 10)} ${p.story || '(no story)'}: ${p.score}`;
    dot.append(title);
  });
  return svg;
}

async function progressView() {
  const [p, due] = await Promise.all([api('/practice/progress'), api('/practice/due')]);
  const today = due.filter(d => d.due_now);
  // Scores over time for every answer, or for one story's.
  const chartBox = el('div');
  const pick = el('select', { id: 'progress-story', 'aria-label': 'Scores of' }, el('option', { value: '' }, 'All stories'),
    p.stories.map(s => el('option', { value: s.key }, `${s.key}: ${plural(s.attempts, 'answer', 'answers')}, ${s.first} → ${s.last}`)));
  const draw = () => chartBox.replaceChildren(scoreChart(p.timeline.filter(t => !pick.value || t.story === pick.value)));
  pick.addEventListener('change', draw);
  if (p.answers) draw();
  return el('div', { class: 'card', id: 'progress' }, el('h3', {}, 'Progress'),
    p.answers ? el('div', {}, pick, chartBox) : el('p', { class: 'muted' }, 'No answers yet: your scores will be drawn here.'),
    p.rules.length ? el('table', { class: 'rules' }, el('tr', {}, el('th', {}, 'Rule'), el('th', {}, 'Answers it fired in'), el('th', {}, `In the last ${p.window}`)),
      p.rules.slice(0, 8).map(r => el('tr', {}, el('td', {}, el('code', {}, r.rule)), el('td', {}, `${r.attempts} of ${p.answers}`), el('td', {}, String(r.recent))))) : '',
    el('h3', {}, `Due today (${today.length})`),
    today.length ? el('ul', {}, today.slice(0, 6).map(d => el('li', {}, `${d.story} — ${d.title}`, d.new ? el('small', { class: 'muted' }, ' new') : ''))) :
      el('p', { class: 'muted' }, 'Nothing due today.'));
}

function drillView() {
  const story = el('select', { id: 'drill-story', 'aria-label': 'Story to drill' }, state.stories.map(s => el('option', { value: s.key }, `${s.key} — ${s.title}`)));
  const typed = el('input', { type: 'text', id: 'drill-typed', class: 'grow', placeholder: 'Type the figures you remember: 3-4 s to 700 ms, 80%…' });
  const out = el('div', { 'aria-live': 'polite' });
  const check = async () => {
    try {
      const r = await post('/practice/drill', { story: story.value, typed: typed.value, session: practice.session });
      out.replaceChildren(el('ul', { class: 'drill' }, r.metrics.map(m => el('li', { class: m.recalled ? 'ok' : 'miss' }, (m.recalled ? '✓ ' : '✗ ') + m.metric))),
        r.stray.length ? el('p', { class: 'muted' }, 'Not in the story: ' + r.stray.join(', ')) : '',
        el('p', {}, `Recalled ${r.score}% of the figures.`),
        r.readiness ? el('p', { id: 'drill-readiness' }, `Readiness of ${r.story.toUpperCase()}: `, readinessBadge(r.readiness)) : '');
    } catch (e) { out.replaceChildren(status(e.message, 'error')); }
  };
  return el('div', { class: 'card' }, el('h3', {}, 'Metrics drill'),
    el('p', { class: 'muted' }, 'Know your numbers cold: pick a story and type its figures from memory.'),
    el('div', { class: 'row' }, story, typed, el('button', { class: 'secondary', onclick: check }, 'Check')), out);
}

// `companyId` comes from the address (#practice/amazon: the checklist's link).
async function pagePractice(companyId) {
  if (!state.stories.length) state.stories = await api('/stories');
  if (!stillOn('practice')) return;
  if (!state.stories.length) return pageWelcome();
  const company = companySelect('p-company', companyId);
  const kind = el('select', { id: 'p-kind', 'aria-label': 'Question kind' },
    el('option', { value: 'mix' }, 'Normal and grilling'), el('option', { value: 'normal' }, 'Normal only'), el('option', { value: 'grilling' }, 'Grilling only'));
  const turn = el('div', { id: 'turn' });
  const progressBox = el('div');
  const refreshProgress = async () => { try { progressBox.replaceChildren(await progressView()); } catch (e) { progressBox.replaceChildren(status(e.message, 'error')); } };

  const nextQuestion = async () => {
    stopTimer();
    try {
      const q = new URLSearchParams({ company: company.value, kind: kind.value, session: practice.session });
      const n = await api('/practice/next?' + q);
      practice.session = n.session;
      practice.next = n;
      turn.replaceChildren(questionView(n, company.value, refreshProgress));
    } catch (e) { turn.replaceChildren(status(e.message, 'error')); }
  };
  show(el('h2', {}, 'Mock interview'),
    el('div', { class: 'filters' }, company, kind, el('button', { id: 'next-question', onclick: nextQuestion }, 'Next question')),
    turn, drillView(), progressBox);
  refreshProgress();
}

function stopTimer() { if (practice.timer) clearInterval(practice.timer); practice.timer = null; }

function questionView(n, company, refreshProgress) {
  const hint = el('div', { class: 'hint', hidden: true },
    el('p', {}, 'Framework: ', el('strong', {}, n.framework), n.framework_reasons.length ? ` (${n.framework_reasons.join('; ')})` : ''),
    n.suggested.length ? el('p', {}, 'Suggested story: ', el('strong', {}, `${n.suggested[0].key} — ${n.suggested[0].title}`),
      n.suggested[1] ? el('small', { class: 'muted' }, ` backup ${n.suggested[1].key}`) : '') : el('p', { class: 'muted' }, 'Every story was used this session.'),
    n.values.length ? el('p', {}, 'Probes: ' + n.values.join('; ')) : '');
  const guide = sectionGuide(n.budget);
  const timerText = el('span', { class: 'timer', id: 'timer', 'aria-live': 'off' }, '0:00 / 3:00');
  const phase = el('p', { class: 'phase', id: 'phase', 'aria-live': 'polite' }, 'Read the question. When you are ready, start: you get a few seconds to pick your story.');
  const answer = el('textarea', { id: 'answer', 'aria-label': 'Your answer', disabled: true, placeholder: 'Type or paste your answer as you would say it.' });
  // The story told counts toward its readiness; left to the server, it is recognised
  // from the answer's words when they are close enough to one story.
  const told = el('select', { id: 'answer-story', 'aria-label': 'Story you told' },
    el('option', { value: '' }, 'Story told: recognise it from my answer'),
    state.stories.map(s => el('option', { value: s.key }, `${s.key.toUpperCase()} — ${s.title}`)));
  const submit = el('button', { id: 'submit-answer', disabled: true }, 'Submit answer');
  // Speaking instead of typing: the transcript fills the answer box (still editable)
  // and the answer is judged as spoken, at the pace it was said.
  const recordBtn = el('button', { class: 'secondary', id: 'record', disabled: true }, 'Speak your answer');
  const recState = el('span', { class: 'muted', id: 'record-state', 'aria-live': 'polite' });
  // The bank's speech model knows the stories' words; the general one is for comparison.
  const generalModel = el('input', { type: 'checkbox', id: 'general-model' });
  const modelOption = el('label', { class: 'muted' }, generalModel, ' transcribe with the general English model, not your stories\' (to compare)');
  const deliveryBox = el('div');
  let recording = null, spoken = null, recTick = null;
  recordBtn.addEventListener('click', async () => {
    if (!recording) {
      recordBtn.disabled = true;
      recState.textContent = 'Opening the microphone…';
      try {
        // The story told (as picked below the answer), else the one the turn suggests.
        const story = told.value || (n.suggested[0] && n.suggested[0].key);
        recording = await startRecording({ story, general: generalModel.checked });
      } catch (e) { recordBtn.disabled = false; recState.textContent = ''; out.replaceChildren(status(e.message, 'error')); return; }
      recordBtn.disabled = false;
      recordBtn.textContent = 'Stop recording';
      const modelName = recording.model === 'bank' ? 'your stories\' model' : 'general model';
      const show = () => { recState.textContent = `● Recording ${clock(recording.seconds())} (${modelName})`; };
      show();
      recTick = setInterval(show, 250);
      return;
    }
    clearInterval(recTick);
    recordBtn.disabled = true;
    recState.textContent = 'Transcribing (on this machine)…';
    try {
      spoken = await recording.stop(n.framework);
      answer.value = spoken.text;
      recState.textContent = `Transcribed ${clock(spoken.seconds)} of speech: check the words, then submit.`;
      deliveryBox.replaceChildren(deliveryView(spoken));
    } catch (e) { recState.textContent = ''; out.replaceChildren(status(e.message, 'error')); }
    recording = null;
    recordBtn.textContent = 'Speak again';
    recordBtn.disabled = false;
  });
  const out = el('div', { 'aria-live': 'polite' });
  const startBtn = el('button', { id: 'start' }, 'Start');
  const skipPause = el('button', { class: 'secondary', id: 'skip-pause', hidden: true }, 'Start now');

  const runClock = () => {
    practice.started = Date.now();
    answer.disabled = false;
    submit.disabled = false;
    recordBtn.disabled = false;
    answer.focus();
    phase.textContent = `Signpost first: "Let me share an example; I'll walk you through it with ${n.framework}." End on the impact, then offer to go deeper.`;
    const tick = () => {
      const s = (Date.now() - practice.started) / 1000;
      timerText.textContent = `${clock(s)} / 3:00`;
      timerText.classList.toggle('over', s > 180);
      if (s > 180) phase.textContent = 'Past 3 minutes: land the result now.';
      lightSection(guide, n.budget, s);
    };
    tick();
    practice.timer = setInterval(tick, 250);
  };
  startBtn.addEventListener('click', () => {
    startBtn.hidden = true;
    skipPause.hidden = false;
    let left = n.think_seconds;
    phase.textContent = `Pause and pick your story: ${left} s`;
    const pause = setInterval(() => {
      left -= 1;
      if (left > 0) { phase.textContent = `Pause and pick your story: ${left} s`; return; }
      clearInterval(pause); skipPause.hidden = true; runClock();
    }, 1000);
    skipPause.onclick = () => { clearInterval(pause); skipPause.hidden = true; runClock(); };
  });
  submit.addEventListener('click', async () => {
    if (!answer.value.trim()) { out.replaceChildren(status('Write your answer first.', 'error')); return; }
    const body = { question_id: n.question.id, company, session: practice.session, text: answer.value,
                   seconds: (Date.now() - practice.started) / 1000 };
    if (told.value) body.story = told.value;
    if (spoken) Object.assign(body, { spoken: true, seconds: spoken.delivery.speaking_seconds });
    stopTimer();
    submit.disabled = true;
    try {
      const f = await post('/practice/answer', body);
      out.replaceChildren(feedbackView(f, refreshProgress));
      refreshProgress();
    } catch (e) { submit.disabled = false; out.replaceChildren(status(e.message, 'error')); }
  });
  return el('div', { class: 'card', id: 'question-card' },
    el('p', {}, el('span', { class: 'badge ' + n.question.kind }, n.question.kind), ' ', el('strong', { id: 'question-text' }, n.question.text)),
    el('p', {}, el('button', { class: 'secondary', onclick: () => { hint.hidden = !hint.hidden; } }, 'Hint: story and framework')), hint,
    guide, el('p', {}, startBtn, ' ', skipPause, ' ', timerText), phase, answer, el('p', {}, told),
    el('p', {}, submit, ' ', recordBtn, ' ', modelOption, ' ', recState), deliveryBox, out);
}

pages.practice = pagePractice;
