// The coverage heatmap keeps to the window however many stories the bank holds: at 30
// stories it fits a 1280-pixel window whole; at 100 it scrolls inside its own box with
// the value column held in place; on a 390-pixel phone it stays readable. Each bank
// is generated here, on a server of its own.
const { test, expect } = require('@playwright/test');
const path = require('path');
const { serverWithStories } = require('./bank-server');

const shots = path.resolve(__dirname, '../test-results/screens');

async function openCoverage(page, server, count) {
  await page.goto(server.url);
  await expect(page.locator('#main h2')).toBeVisible();
  await page.goto(server.origin + '/#coverage/amazon');
  await expect(page.locator('#cov-company')).toHaveValue('amazon');
  await expect(page.locator('#heatmap thead th.story')).toHaveCount(count);
  await expect(page.locator('#heatmap tbody tr')).toHaveCount(16);
}

// The page never scrolls sideways, and the heatmap's box ends inside the window.
async function expectWithinWindow(page, width) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const box = await page.locator('#heatmap-box').boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  return box;
}

for (const count of [30, 100]) {
  test.describe(`coverage of ${count} stories`, () => {
    let server;
    test.beforeAll(async () => { server = await serverWithStories(count); });
    test.afterAll(async () => { await server.stop(); });

    test('fits a 1280-pixel window', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await openCoverage(page, server, count);
      const box = await expectWithinWindow(page, 1280);
      const scroller = page.locator('#heatmap-box');
      const overflow = await scroller.evaluate(b => b.scrollWidth - b.clientWidth);
      const last = page.locator('#heatmap thead th.story').last();
      await expect(last).toHaveText(`Q${count}`);
      if (count === 30) {
        // The whole table shows at once: nothing to scroll, the last column inside the box.
        expect(overflow).toBeLessThanOrEqual(0);
        const lb = await last.boundingBox();
        expect(lb.x + lb.width).toBeLessThanOrEqual(box.x + box.width);
      } else {
        // Too wide to show whole: the box scrolls, the value column stays at its left.
        expect(overflow).toBeGreaterThan(0);
        await scroller.evaluate(b => { b.scrollLeft = b.scrollWidth; });
        const lb = await last.boundingBox();
        expect(lb.x + lb.width).toBeLessThanOrEqual(box.x + box.width + 1);
        const value = await page.locator('#heatmap tbody th.value').first().boundingBox();
        expect(Math.abs(value.x - box.x)).toBeLessThanOrEqual(1);
        await expect(page.locator('#heatmap tbody th.value').first()).toBeVisible();
      }
      await page.screenshot({ path: path.join(shots, `coverage-${count}-1280.png`), fullPage: true });
    });

    test('stays readable on a 390-pixel phone', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openCoverage(page, server, count);
      const box = await expectWithinWindow(page, 390);
      const value = page.locator('#heatmap tbody th.value').first();
      await expect(value).toHaveText('Customer Obsession');
      const vb = await value.boundingBox();
      expect(vb.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(vb.width).toBeGreaterThanOrEqual(100);  // The value names wrap but stay whole words.
      expect(parseFloat(await value.evaluate(v => getComputedStyle(v).fontSize))).toBeGreaterThanOrEqual(12);
      // At least a few story columns show beside the value column.
      const third = await page.locator('#heatmap thead th.story').nth(2).boundingBox();
      expect(third.x + third.width).toBeLessThanOrEqual(box.x + box.width);
      await page.screenshot({ path: path.join(shots, `coverage-${count}-390.png`), fullPage: true });
    });
  });
}
