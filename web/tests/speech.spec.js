// A spoken answer in the browser: Chromium's fake microphone plays the answer that the
// build synthesised (build/release/speech/answer.wav, from tests/speech/answer.txt),
// the page streams it to the server, and the transcript and delivery measures come
// back from PocketSphinx running on this machine.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

const url = () => process.env.REHEARSE_URL;
const origin = () => url().split('/#')[0];
const token = () => url().split('#token=')[1];
const wav = path.join(path.dirname(process.env.REHEARSE_BIN || '../build/release/rehearse'), 'speech', 'answer.wav');

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-fake-ui-for-media-stream',
           '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}%noloop`],
  },
});

test('a spoken answer is transcribed offline and judged as spoken', async ({ page, request }) => {
  test.setTimeout(120000);  // The answer plays in real time: 31 s.
  expect(fs.existsSync(wav), `${wav} is made by the build (espeak-ng and sox)`).toBe(true);
  const auth = { Authorization: 'Bearer ' + token() };
  const health = await (await request.get(origin() + '/api/health', { headers: auth })).json();
  if (health.stories === 0) await request.post(origin() + '/api/import?demo=1', { headers: auth });

  await page.goto(url());
  await page.getByRole('link', { name: 'Practice' }).click();
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.locator('#question-text')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Start now' }).click();

  // The fake microphone starts playing the 31 s answer when the page opens it. The
  // recording names the practice turn's story, whose words the bank's speech model
  // weighs most; the general English model is an option, off by default.
  await expect(page.getByRole('checkbox', { name: /general English model/ })).not.toBeChecked();
  const begun = page.waitForRequest(r => r.url().includes('/api/speech?') && r.method() === 'POST');
  await page.getByRole('button', { name: 'Speak your answer' }).click();
  expect(new URL((await begun).url()).searchParams.get('story')).toMatch(/^q\d+$/);
  expect(new URL((await begun).url()).searchParams.get('model')).toBeNull();
  await expect(page.locator('#record-state')).toContainText('● Recording', { timeout: 10000 });
  await expect(page.locator('#record-state')).toContainText(/\((your stories' model|general model)\)/);
  await expect(page.locator('#record-state')).toContainText('● Recording 0:3', { timeout: 45000 });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(page.locator('#record-state')).toContainText('Transcribed', { timeout: 20000 });

  // What PocketSphinx heard, through the browser's own audio processing (its words
  // vary from run to run, unlike from the file itself, see speech_test.cc): some 40
  // words or more, with the figures written as digits.
  const answer = page.getByRole('textbox', { name: 'Your answer' });
  await expect(answer).toHaveValue(/^(\S+\s+){40}[^]*\b(2|300)\b/);
  // The delivery measures: the 2.5 s silence is the one long pause; sections timed.
  await expect(page.locator('#delivery-pace')).toHaveText(/^\d+ words a minute$/);
  await expect(page.locator('#delivery-pauses')).toHaveText(/^Long pauses: [2-3]\.\d s after "\w+" at 0:1[45]$/);
  await expect(page.locator('#delivery-sections')).toBeVisible();
  await page.screenshot({ path: path.resolve(__dirname, '../test-results/screens/speech.png'), fullPage: true });

  // Submitted as spoken: judged at the pace it was said (delivery.pace applies).
  const answered = page.waitForResponse(r => r.url().endsWith('/api/practice/answer'));
  await page.getByRole('button', { name: 'Submit answer' }).click();
  const body = JSON.parse((await answered).request().postData());
  expect(body.spoken).toBe(true);
  expect(body.seconds).toBeGreaterThan(25);
  await expect(page.locator('#feedback')).toBeVisible();
  await expect(page.locator('#feedback')).toContainText('delivery.pace');
});
