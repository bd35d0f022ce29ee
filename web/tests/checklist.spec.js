// The checklist on the home page, in the web app's words: each open item's next step
// is a link or a button to the place that does it (the notes box, the Practice page
// with the company chosen, the story's editor, the coverage page), never a command
// line. On the demo bank, on a server of its own so that every item is as the demo
// leaves it.
const { test, expect } = require('@playwright/test');
const path = require('path');
const { startServer } = require('./bank-server');

const shots = path.resolve(__dirname, '../test-results/screens');
let server;

test.beforeAll(async () => {
  server = await startServer();
  const res = await fetch(server.origin + '/api/import?demo=1', { method: 'POST', headers: server.auth });
  expect(res.ok).toBe(true);
});
test.afterAll(async () => { await server.stop(); });

async function openChecklist(page) {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Story bank' })).toBeVisible();
  await page.locator('#prep-company').selectOption('amazon');
  await expect(page.locator('#checklist-summary')).toHaveText('Amazon: 4 of 9 done.');
  return page.locator('#checklist-items');
}

test('each open item links to where it gets done, and no command line shows', async ({ page }) => {
  const items = await openChecklist(page);
  await expect(items).not.toContainText('rehearse ');
  await expect(items).not.toContainText('--company');
  for (const item of await items.locator('li[data-done="false"]').all()) {
    expect(await item.locator('.actions a, .actions button').count(), await item.getAttribute('data-id')).toBeGreaterThan(0);
  }
  for (const item of await items.locator('li[data-done="true"]').all()) await expect(item.locator('.actions')).toHaveCount(0);
  const practiced = items.locator('li[data-id="practiced"]');
  await expect(practiced).toContainText('0 of the 6 to prepare first ready (not practised: q7, q6, q9, q5, q1 and q11)');
  await expect(practiced).toContainText('Next: Practise q7, q6, q9, q5, q1 and q11 out loud in a mock interview');
  await page.screenshot({ path: path.join(shots, 'checklist-1-links.png'), fullPage: true });
});

test('the notes button goes to the box on the same page', async ({ page }) => {
  const items = await openChecklist(page);
  await items.locator('li[data-id="questions"]').getByRole('button', { name: 'Write them in the questions box' }).click();
  await expect(page.locator('#note-questions')).toBeFocused();
  await items.locator('li[data-id="news"]').getByRole('button', { name: 'Note it in the news box' }).click();
  await expect(page.locator('#note-news')).toBeFocused();
});

test('the practice link opens the Practice page with the company chosen', async ({ page }) => {
  const items = await openChecklist(page);
  await items.locator('li[data-id="practiced"]').getByRole('link', { name: 'Practise for Amazon' }).click();
  await expect(page).toHaveURL(/#practice\/amazon$/);
  await expect(page.getByRole('heading', { name: 'Mock interview' })).toBeVisible();
  await expect(page.locator('#p-company')).toHaveValue('amazon');
});

test("a story's link opens its editor, and a new story's the empty editor", async ({ page }) => {
  const items = await openChecklist(page);
  const failure = items.locator('li[data-id="failure-stories"]');
  await expect(failure).toContainText('Next: Add a Learning section to q5, or write a new CARL story about a mistake');
  await failure.getByRole('link', { name: 'Edit q5' }).click();
  await expect(page).toHaveURL(/#edit\/q5$/);
  await expect(page.getByRole('heading', { name: 'Edit Q5' })).toBeVisible();
  await page.goBack();
  await failure.getByRole('link', { name: 'Write a new story' }).click();
  await expect(page.getByRole('heading', { name: 'New story' })).toBeVisible();
});

test('a value without a story links to the coverage page for the company', async ({ page }) => {
  const items = await openChecklist(page);
  await items.locator('li[data-id="values-covered"]').getByRole('link', { name: "See Amazon's coverage" }).click();
  await expect(page).toHaveURL(/#coverage\/amazon$/);
  await expect(page.locator('#cov-company')).toHaveValue('amazon');
  await expect(page.locator('#gaps')).toContainText("Strive to be Earth's Best Employer");
});
