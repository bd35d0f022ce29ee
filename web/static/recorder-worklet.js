// rehearse web app: the audio worklet behind recorder.js. Runs on the audio thread of
// an AudioContext created at 16 kHz (the browser resamples the microphone), turns each
// block into 16-bit samples and hands them to the page about four times a second.
'use strict';

class PcmRecorder extends AudioWorkletProcessor {
  constructor() {
    super();
    this.buffer = new Int16Array(4096);
    this.used = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) {
      for (let i = 0; i < channel.length; ++i) {
        const s = Math.max(-1, Math.min(1, channel[i]));
        this.buffer[this.used++] = s < 0 ? s * 0x8000 : s * 0x7fff;
        if (this.used === this.buffer.length) {
          this.port.postMessage(this.buffer.buffer, [this.buffer.buffer]);
          this.buffer = new Int16Array(4096);
          this.used = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('pcm-recorder', PcmRecorder);
