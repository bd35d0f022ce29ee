// rehearse web app: records a spoken answer and has the server transcribe it, offline.
// The microphone is read at 16 kHz mono through an audio worklet, and the audio is
// streamed to /api/speech a second at a time while the user speaks, so the transcript
// is ready moments after they stop. Nothing leaves this machine: the server is local.
'use strict';

// Starts recording. `opts.story`: the story being told, whose words the server's
// speech model weighs most; `opts.general`: transcribe with the general English model
// instead of the bank's (for comparison). Resolves to { stop(framework) -> transcript
// JSON, cancel(), seconds(), model } once the microphone is open ("bank" or "general":
// the bank's model serves once built, a second or so after the stories change);
// rejects with a message a person can act on.
async function startRecording(opts = {}) {
  if (!navigator.mediaDevices || !window.AudioWorkletNode) throw new Error('This browser cannot record audio here.');
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
  } catch (e) {
    throw new Error('The microphone is not available (' + e.name + '): allow it for this page, or type your answer.');
  }
  let rec;
  try {
    const q = new URLSearchParams();
    if (opts.story) q.set('story', opts.story);
    if (opts.general) q.set('model', 'general');
    rec = await api('/speech' + (q.toString() ? '?' + q : ''), { method: 'POST' });
  } catch (e) {
    stream.getTracks().forEach(t => t.stop());
    throw e;
  }
  const ctx = new AudioContext({ sampleRate: rec.sample_rate });
  await ctx.audioWorklet.addModule('recorder-worklet.js');
  const source = ctx.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(ctx, 'pcm-recorder');
  let pending = [], pendingSamples = 0, total = 0, failed = null;
  let sending = Promise.resolve();
  const send = () => {
    if (!pendingSamples) return;
    const chunk = new Int16Array(pendingSamples);
    let at = 0;
    for (const p of pending) { chunk.set(p, at); at += p.length; }
    pending = []; pendingSamples = 0;
    // One request at a time, in order: the server decodes them as they come.
    sending = sending.then(() => failed ? null : api('/speech/' + rec.id + '/audio',
      { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: chunk.buffer }))
      .catch(e => { failed = e; });
  };
  node.port.onmessage = e => {
    const samples = new Int16Array(e.data);
    pending.push(samples);
    pendingSamples += samples.length;
    total += samples.length;
    if (pendingSamples >= rec.sample_rate) send();
  };
  source.connect(node);
  node.connect(ctx.destination);  // Pulled by the graph; it writes only silence.
  const close = async () => {
    source.disconnect(); node.disconnect();
    stream.getTracks().forEach(t => t.stop());
    await ctx.close();
  };
  return {
    model: rec.model,
    seconds: () => total / rec.sample_rate,
    async stop(framework) {
      await close();
      send();
      await sending;
      if (failed) throw failed;
      return api('/speech/' + rec.id + '/end?framework=' + encodeURIComponent(framework || 'STAR'), { method: 'POST' });
    },
    async cancel() {
      await close();
      await sending;
      api('/speech/' + rec.id, { method: 'DELETE' }).catch(() => {});
    },
  };
}

// How the answer was spoken: pace, think time, fillers, long pauses, seconds per section.
function deliveryView(speech) {
  const d = speech.delivery;
  const pace = d.wpm < 120 ? 'slow' : d.wpm > 170 ? 'fast' : 'good';
  const at = s => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
  return el('div', { class: 'delivery', id: 'delivery' },
    el('h3', {}, 'How you said it'),
    el('p', {}, el('strong', { class: pace === 'good' ? 'ok' : 'warn', id: 'delivery-pace' }, `${Math.round(d.wpm)} words a minute`),
      ` (${pace}; aim for 120–170) · ${plural(d.words, 'word', 'words')} in ${at(d.speaking_seconds)} · ${d.think_seconds.toFixed(1)} s before the first word`),
    el('p', { id: 'delivery-fillers' }, d.fillers.length ? `Fillers: ${d.fillers.map(f => `"${f.word}" at ${at(f.at)}`).join(', ')}` : 'No filler sounds heard.'),
    d.pauses.length ? el('p', { id: 'delivery-pauses' }, 'Long pauses: ' + d.pauses.map(p => `${(p.end - p.start).toFixed(1)} s after "${p.after}" at ${at(p.start)}`).join('; ')) : '',
    d.sections.length ? el('table', { class: 'split', id: 'delivery-sections' },
      el('tr', {}, el('th', {}, 'Section'), el('th', {}, 'Spoken for')),
      d.sections.map(s => el('tr', {}, el('td', {}, s.name), el('td', {}, `${Math.round(s.seconds)} s`)))) : '',
    speech.signposts ? '' : el('p', { class: 'muted' }, 'Tip: say each section\'s name on its own ("Situation." then a pause): it signposts the answer, and the sections are timed.'));
}
