// One mock-interview turn in the browser: question, pause, clock, answer, feedback,
// follow-up, and the progress chart. Shares the server and bank with app.spec.js
// (which runs first); imports the demo bank itself if the bank is empty.
const { test, expect } = require('@playwright/test');
const path = require('path');

const shots = path.resolve(__dirname, '../test-results/screens');
const url = () => process.env.REHEARSE_URL;
const origin = () => url().split('/#')[0];
const token = () => url().split('#token=')[1];

test('one mock question end to end', async ({ page, request }) => {
  const auth = { Authorization: 'Bearer ' + token() };
  const health = await (await request.get(origin() + '/api/health', { headers: auth })).json();
  if (health.stories === 0) await request.post(origin() + '/api/import?demo=1', { headers: auth });

  await page.goto(url());
  await expect(page.locator('h2')).toBeVisible();
  await page.getByRole('link', { name: 'Practice' }).click();
  await expect(page.getByRole('heading', { name: 'Mock interview' })).toBeVisible();
  await page.locator('#p-company').selectOption('amazon');
  await page.getByRole('combobox', { name: 'Question kind' }).selectOption('normal');
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.locator('#question-text')).not.toBeEmpty();
  await expect(page.locator('.badge')).toHaveText('normal');
  // The section guide shows the framework's budget before the clock starts.
  await expect(page.getByRole('list', { name: 'Section guide' })).toContainText(/\d+–\d+ s/);

  await page.getByRole('button', { name: 'Hint: story and framework' }).click();
  await expect(page.locator('.hint')).toContainText('Suggested story:');

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('#phase')).toContainText('Pause and pick your story');
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.locator('#phase')).toContainText('Signpost first');
  await expect(page.locator('#timer')).toHaveText(/^0:0[1-9] \/ 3:00$/, { timeout: 5000 });  // The clock runs.
  await expect(page.locator('.guide-part').first()).toHaveClass(/now/);  // The first section is lit.

  await page.getByRole('textbox', { name: 'Your answer' }).fill(
    'We had a checkout bug at Parcelwise that double-charged some customers. We looked at the logs and we ' +
    'found a retry without an idempotency key. We fixed it and we shipped the fix. It worked great.');
  await page.screenshot({ path: path.join(shots, 'practice-1-answering.png'), fullPage: true });
  await page.getByRole('button', { name: 'Submit answer' }).click();

  const feedback = page.locator('#feedback');
  await expect(feedback).toBeVisible();
  await expect(page.locator('#fb-score')).toHaveText(/^\d+\/100$/);
  await expect(feedback).toContainText('ownership.we');
  expect(await feedback.locator('.split tr').count()).toBeGreaterThanOrEqual(4);  // A header and 3-4 sections.
  // The follow-up asks for the personal contribution, quoting the answer.
  const followups = page.locator('#followups');
  await expect(followups).toContainText('What was your part, specifically');
  await expect(followups).toContainText('We looked at the logs');

  await followups.getByRole('textbox').first().fill(
    'Challenge: the retries double-charged customers.\nAction: I traced the retry path myself and added the ' +
    'idempotency key.\nResult: double charges went from 40 a week to 0.');
  await followups.getByRole('button', { name: 'Answer the follow-up' }).first().click();
  await expect(followups).toContainText('Follow-up score');
  // A quick CAR answer with all three sections: short is right for a follow-up.
  await expect(followups).not.toContainText('length.short');
  await expect(followups).not.toContainText('structure.missing-section');

  // Progress draws the answer as a point on the chart.
  const chart = page.getByRole('img', { name: /Scores of \d+ answers?:/ });
  await expect(chart).toBeVisible();
  expect(await chart.locator('circle').count()).toBeGreaterThan(0);
  await expect(page.locator('#progress')).toContainText('ownership.we');
  await page.screenshot({ path: path.join(shots, 'practice-2-feedback.png'), fullPage: true });
});

test('the metrics drill checks typed figures against the story', async ({ page }) => {
  await page.goto(url());
  await expect(page.locator('h2')).toBeVisible();
  await page.goto(origin() + '/#practice');
  await expect(page.getByRole('heading', { name: 'Metrics drill' })).toBeVisible();
  await page.locator('#drill-story').selectOption('q5');
  await page.locator('#drill-typed').fill('60 minutes down to 25, and 5 of 8 engineers');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('.drill li.ok').first()).toContainText('60 minutes');
  await expect(page.getByText(/Recalled \d+% of the figures/)).toBeVisible();
});
