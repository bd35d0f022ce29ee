// The main flows of the web app, as a user goes through them, in order, on one bank.
const { test, expect } = require('@playwright/test');
const path = require('path');

const shots = path.resolve(__dirname, '../test-results/screens');
const url = () => process.env.REHEARSE_URL;
const origin = () => url().split('/#')[0];

test.describe.configure({ mode: 'serial' });

async function open(page, hash) {
  await page.goto(url());  // takes the token from the address, then routes to the stories
  await expect(page.locator('h2')).toBeVisible();
  if (hash) await page.goto(origin() + '/' + hash);
}

test('without the token the page says what to open', async ({ page }) => {
  await page.goto(origin() + '/');
  await expect(page.getByRole('alert')).toContainText('address that `rehearse serve` printed');
});

test('first run offers the demo bank, which fills the story list', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { name: 'Welcome to rehearse' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, '1-welcome.png') });
  await page.getByRole('button', { name: 'Explore the demo bank' }).click();
  await expect(page.locator('#import-report')).toContainText('11 stories (11 new');
  await expect(page.getByRole('heading', { name: 'Story bank' })).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(11);
  await page.getByRole('combobox', { name: 'Framework' }).selectOption('CARL');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr')).toContainText('production mistake');
  await page.getByRole('combobox', { name: 'Framework' }).selectOption('');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('Debugging');
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('');
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('double-posted');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr')).toContainText('Q8');
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('');
  // Readiness before any practice: the state and its reason, not a lint score.
  await expect(page.locator('tbody td.readiness strong').first()).toHaveText('not practised');
  await expect(page.locator('tbody td.readiness small').first()).toHaveText(/^never answered yet; the written story scores \d+$/);
  await page.screenshot({ path: path.join(shots, '2-stories.png'), fullPage: true });
});

test('a guide uploaded on the import page is imported with a report', async ({ page }) => {
  await open(page, '#transfer');
  await page.setInputFiles('#import-file', path.resolve(__dirname, '../../tests/fixtures/mini_guide.md'));
  const report = page.locator('#import-report');
  await expect(report).toContainText('Imported mini_guide.md: 4 stories');
  await expect(report).toContainText('line 151: question index lists Q9, but the guide has no such story');
  await page.screenshot({ path: path.join(shots, '3-import.png'), fullPage: true });
});

test('editing a story makes a lint finding appear and disappear', async ({ page }) => {
  await open(page, '#edit/q5');
  const result = page.locator('textarea[data-section="Result"]');
  await expect(page.locator('#lint-score')).toHaveText(/\d+/);
  await expect(page.locator('#findings [data-rule="blame"]')).toHaveCount(0);
  const original = await result.inputValue();
  await result.fill(original + '\nIt was not my fault that the launch slipped.');
  await expect(page.locator('#findings [data-rule="blame"]')).toHaveCount(1);
  await expect(page.locator('.section-findings[data-for="Result"] [data-rule="blame"]')).toBeVisible();
  await page.screenshot({ path: path.join(shots, '4-editor-finding.png'), fullPage: true });
  await result.fill(original);
  await expect(page.locator('#findings [data-rule="blame"]')).toHaveCount(0);
});

test('saving keeps a revision, and an old one can be restored', async ({ page }) => {
  await open(page, '#edit/q5');
  await page.locator('#f-notes').fill('Open with the design doc that came back covered in comments.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as revision 2.' })).toBeVisible();
  await expect(page.locator('#history li')).toHaveCount(2);
  await page.locator('#history button[data-rev="1"]').click();
  await expect(page.locator('#history li').first()).toContainText('Revision 3');
  await expect(page.locator('#f-notes')).toHaveValue('');
  await page.screenshot({ path: path.join(shots, '5-history.png'), fullPage: true });
});

test('asking a question gives the framework, values and stories', async ({ page }) => {
  await open(page, '#ask');
  await page.getByLabel('Question').fill('Tell me about a time you disagreed with another team.');
  await page.getByRole('button', { name: 'Ask' }).click();
  await expect(page.locator('#ask-framework')).toHaveText('SOAR');
  await expect(page.locator('#ask-stories li').first()).toContainText('Q7');
  await expect(page.locator('#ask-result')).toContainText('Have Backbone; Disagree and Commit');
  await page.screenshot({ path: path.join(shots, '6-ask.png'), fullPage: true });
});

test('the coverage heatmap shows every value, the gaps and what to prepare', async ({ page }) => {
  await open(page, '#coverage');
  await expect(page.locator('#heatmap tbody tr')).toHaveCount(16);
  await expect(page.locator('#gaps')).toContainText("Strive to be Earth's Best Employer");
  await expect(page.locator('#recommended li').first()).toBeVisible();
  await page.screenshot({ path: path.join(shots, '7-coverage.png'), fullPage: true });
  await page.locator('#cov-company').selectOption('google');
  await expect(page.locator('#heatmap tbody tr')).toHaveCount(4);
});
