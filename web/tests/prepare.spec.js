// Getting ready for an interview: the checklist on the home page ticks when the bank
// changes, and the import/export page downloads the cheat sheet and the Anki deck.
// Shares the server and bank with the other specs: it imports nothing and holds
// whether or not they ran first (empty bank, demo bank, or more).
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

const shots = path.resolve(__dirname, '../test-results/screens');
const url = () => process.env.REHEARSE_URL;
const origin = () => url().split('/#')[0];
const token = () => url().split('#token=')[1];

async function open(page, hash) {
  await page.goto(url());
  await expect(page.locator('#main h2')).toBeVisible();
  if (hash) await page.goto(origin() + '/' + hash);
}

async function storyCount(request) {
  const res = await request.get(origin() + '/api/health', { headers: { Authorization: 'Bearer ' + token() } });
  return (await res.json()).stories;
}

test('the home page shows the checklist; writing questions down ticks their item', async ({ page, request }) => {
  await open(page);
  await expect(page.locator('#checklist')).toBeVisible();
  await page.locator('#prep-company').selectOption('meta');
  await expect(page.locator('#checklist-summary')).toContainText(/^Meta: \d of 9 done\.$/);
  await expect(page.locator('#checklist-items li')).toHaveCount(9);
  const questions = page.locator('#checklist-items li[data-id="questions"]');
  await expect(questions).toHaveAttribute('data-done', 'false');
  await expect(questions).toContainText('Next: Write down three or four questions for the interviewer');
  const practiced = page.locator('#checklist-items li[data-id="practiced"]');
  // practice.spec.js may have practised already: the item follows the bank either way.
  const progress = await (await request.get(origin() + '/api/practice/progress', { headers: { Authorization: 'Bearer ' + token() } })).json();
  // It asks for the stories to prepare first to be ready, and says when practice last happened.
  await expect(practiced).toContainText('The stories to prepare first are practised and ready');
  if (await storyCount(request) === 0) await expect(practiced).toContainText('The bank has no stories');
  else if (progress.answers === 0) await expect(practiced).toContainText('no practice recorded yet');
  else await expect(practiced).toContainText('last practised today');

  await page.locator('#note-questions').fill('Which team would I join first?\nHow is on-call shared?');
  await page.locator('#save-questions').click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as revision 1; earlier ones are kept.' })).toBeVisible();
  await expect(questions).toHaveAttribute('data-done', 'true');
  await expect(questions).toContainText('2 lines written down');
  await expect(questions.locator('.next')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'prepare-1-checklist.png'), fullPage: true });

  // The company is remembered, and the note is still there after a reload.
  await page.reload();
  await expect(page.locator('#prep-company')).toHaveValue('meta');
  await expect(page.locator('#note-questions')).toHaveValue('Which team would I join first?\nHow is on-call shared?');
  await page.locator('#prep-company').selectOption('google');
  await expect(page.locator('#checklist-summary')).toContainText('Google:');
  await expect(page.locator('#note-questions')).toHaveValue('');
});

test('the import/export page downloads the cheat sheet and the Anki deck', async ({ page, request }) => {
  const stories = await storyCount(request);
  await open(page, '#transfer');
  await expect(page.locator('#printables')).toBeVisible();
  await page.locator('#print-company').selectOption('amazon');
  await page.locator('#print-paper').selectOption('letter');
  const [html] = await Promise.all([page.waitForEvent('download'), page.locator('#download-html').click()]);
  expect(html.suggestedFilename()).toBe('rehearse-cheatsheet.html');
  const sheet = fs.readFileSync(await html.path(), 'utf8');
  expect(sheet).toContain('<h1>Interview cheat sheet: Amazon</h1>');
  expect(sheet).toContain('@page { size: letter;');
  expect(sheet.split('<article class="card"').length - 1).toBe(stories);

  const [anki] = await Promise.all([page.waitForEvent('download'), page.locator('#download-anki').click()]);
  expect(anki.suggestedFilename()).toBe('rehearse-anki.txt');
  const deck = fs.readFileSync(await anki.path(), 'utf8');
  expect(deck.startsWith('#separator:tab\n#html:false\n#notetype:Basic\n#deck:rehearse::amazon\n#tags column:3\n')).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded rehearse-anki.txt.' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'prepare-2-exports.png'), fullPage: true });
});
