// Readiness moves with practice: on a bank of its own (the demo bank, nothing
// practised), a story starts "not practised"; one weak answer telling it makes it
// "shaky", on the feedback card, on the Stories page and in the editor, with the same
// state and reason as the API and `rehearse stories --json` give.
const { test, expect } = require('@playwright/test');
const { execFileSync } = require('child_process');
const path = require('path');
const { bin, startServer } = require('./bank-server');

const shots = path.resolve(__dirname, '../test-results/screens');
let server;

test.beforeAll(async () => {
  server = await startServer();
  const res = await fetch(server.origin + '/api/import?demo=1', { method: 'POST', headers: server.auth });
  expect(res.ok).toBe(true);
});
test.afterAll(async () => { await server.stop(); });

const row = (page, key) => page.locator(`tbody tr[data-key="${key}"] td.readiness`);

async function expectReadiness(box, label, reason) {
  await expect(box.locator('strong')).toHaveText(label);
  await expect(box.locator('small')).toHaveText(reason);
}

test('a practice answer moves a story from not practised to shaky', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Story bank' })).toBeVisible();
  // Nothing practised yet: every story says so, whatever its written score.
  await expect(page.locator('tbody td.readiness [data-state="not-practised"]')).toHaveCount(11);
  await expectReadiness(row(page, 'q5'), 'not practised', /^never answered yet; the written story scores \d+$/);
  await page.screenshot({ path: path.join(shots, 'readiness-1-before.png'), fullPage: true });

  await page.goto(server.origin + '/#practice/amazon');
  await expect(page.locator('#p-company')).toHaveValue('amazon');
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.locator('#question-text')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('textbox', { name: 'Your answer' }).fill(
    'We had a design review that went badly. We talked about it and we changed the document. It went fine in the end.');
  await page.getByRole('combobox', { name: 'Story you told' }).selectOption('q5');
  await page.getByRole('button', { name: 'Submit answer' }).click();

  const told = page.locator('#fb-readiness');
  await expect(told).toContainText('Readiness of Q5:');
  await expect(told.locator('[data-state]')).toHaveAttribute('data-state', 'shaky');
  const score = (await page.locator('#fb-score').textContent()).split('/')[0];
  await expectReadiness(told, 'shaky', `last answer scored ${score}, under 70`);
  await page.screenshot({ path: path.join(shots, 'readiness-2-feedback.png'), fullPage: true });

  // The Stories page shows the new state; the other stories have not moved.
  await page.goto(server.origin + '/#stories');
  await expectReadiness(row(page, 'q5'), 'shaky', `last answer scored ${score}, under 70`);
  await expect(page.locator('tbody td.readiness [data-state="not-practised"]')).toHaveCount(10);
  await page.getByRole('combobox', { name: 'Readiness' }).selectOption('shaky');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: path.join(shots, 'readiness-3-stories.png'), fullPage: true });

  // One rule, shown the same everywhere: the API and the CLI say the same.
  const api = await (await fetch(server.origin + '/api/stories', { headers: server.auth })).json();
  const q5 = api.find(s => s.key === 'q5').readiness;
  expect(q5.state).toBe('shaky');
  expect(q5.reason).toBe(`last answer scored ${score}, under 70`);
  const cli = JSON.parse(execFileSync(bin(), ['stories', '--json', '--db', server.db], { encoding: 'utf8' }));
  expect(cli.find(s => s.key === 'q5').readiness).toEqual(q5);

  await page.goto(server.origin + '/#edit/q5');
  await expectReadiness(page.locator('#story-readiness'), 'shaky', `last answer scored ${score}, under 70`);
});

test('the Stories and Practice pages keep to a 390-pixel phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Story bank' })).toBeVisible();
  await expect(page.locator('#checklist-items li').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.locator('tbody tr[data-key="q5"] td.readiness strong')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'readiness-4-phone.png'), fullPage: true });
  await page.goto(server.origin + '/#practice/amazon');
  await expect(page.getByRole('heading', { name: 'Metrics drill' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
