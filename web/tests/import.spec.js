// Importing a guide in a shape of its own on a bank of its own: the preview shows what
// rehearse found, the user reads one story in another framework and leaves one out,
// and only the confirmation writes.
const { test, expect } = require('@playwright/test');
const path = require('path');
const { startServer } = require('./bank-server');

const shots = path.resolve(__dirname, '../test-results/screens');
let server;

test.beforeAll(async () => { server = await startServer(); });
test.afterAll(async () => { await server.stop(); });

const stories = async () => (await (await fetch(server.origin + '/api/stories', { headers: server.auth })).json());

test('the import preview shows what it found and imports only what the user keeps', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Welcome to rehearse' })).toBeVisible();
  await page.goto(server.origin + '/#transfer');
  await page.setInputFiles('#import-file', path.resolve(__dirname, '../../tests/fixtures/guides/14-soar-carl.md'));
  const preview = page.locator('#import-preview');
  await expect(preview).toContainText('7 stories (7 new, 0 updated, 0 unchanged)');
  const rows = preview.locator('tbody tr');
  await expect(rows).toHaveCount(7);
  // The labels as written beside the framework's names; sections rehearse found marked.
  await expect(rows.nth(2)).toContainText('(your “Challenge”)');
  await expect(rows.nth(2).getByRole('combobox')).toHaveValue('SOAR');
  await expect(page.locator('#import-warnings')).toContainText('another telling of');
  expect(await stories()).toEqual([]);  // The preview writes nothing.
  // Read the first story as CAR: the preview maps its sections again.
  await rows.nth(0).getByRole('combobox').selectOption('CAR');
  await expect(rows.nth(0).locator('[data-section="Challenge"]')).toContainText('Challenge (your “Situation”)');
  await expect(rows.nth(0).locator('[data-section="Task"]')).toContainText('Task');
  // Leave the last one out.
  await rows.nth(6).getByRole('checkbox').uncheck();
  await expect(page.locator('#import-confirm')).toHaveText('Import 6 stories');
  await page.screenshot({ path: path.join(shots, 'import-preview.png'), fullPage: true });
  await page.locator('#import-confirm').click();
  await expect(page.locator('#import-report')).toContainText('Imported 14-soar-carl.md: 6 stories (6 new');
  const after = await stories();
  expect(after.length).toBe(6);
  expect(after.filter(s => s.title === 'Cold-start latency on the mobile feed').map(s => s.framework).sort())
    .toEqual(['CAR', 'SOAR']);
  expect(after.some(s => s.title === 'The database upgrade we rushed')).toBe(false);
});

test('a Word document is previewed and imported like Markdown', async ({ page }) => {
  await page.goto(server.url);
  await page.goto(server.origin + '/#transfer');
  await page.setInputFiles('#import-file', path.resolve(__dirname, '../../tests/fixtures/guides/02-amazon-stories-word.docx'));
  await expect(page.locator('#import-preview')).toContainText('5 stories (5 new');
  await page.locator('#import-confirm').click();
  await expect(page.locator('#import-report')).toContainText('Imported 02-amazon-stories-word.docx: 5 stories');
});

test('a file that is not a guide is refused with the reason and writes nothing', async ({ page }) => {
  await page.goto(server.url);
  await page.goto(server.origin + '/#transfer');
  const before = (await stories()).length;
  await page.setInputFiles('#import-file', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) });
  await expect(page.getByRole('alert')).toHaveText('photo.png: an image (png), not a guide; rehearse reads text: .md, .txt, .docx, .odt, .html or .rtf');
  expect((await stories()).length).toBe(before);
});
