// Helpers of the console journeys (Element Plus pages), shared by the browser specs.
import type { Locator, Page } from 'playwright-core';
import { expect } from '@jest/globals';
import { screenshot } from './browser.js';

export const DEMO_PASSWORD = 'daogang123';

/** Logs in through the web login page at `webUrl`. */
export async function login(page: Page, webUrl: string, loginName: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${webUrl}/login`);
  await page.locator('[data-testid="login-input"] input').fill(loginName);
  await page.locator('[data-testid="password-input"] input').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Picks `option` in an Element Plus select. */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.locator('.el-select__wrapper').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^\\s*${option}\\s*$`) }).click();
}

/** Calls the API from inside the page with the signed-in user's token (what the page itself would send). */
export async function apiFromPage<T>(page: Page, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const token = (await page.evaluate('localStorage.getItem("daogang.accessToken")')) as string;
  return page.evaluate(
    async ([p, i, t]) => {
      const res = await fetch(p, {
        method: i.method ?? 'GET',
        headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' },
        body: i.body === undefined ? undefined : JSON.stringify(i.body),
      });
      return { status: res.status, body: await res.json() };
    },
    [path, init, token] as const,
  ) as Promise<{ status: number; body: T }>;
}

/** A full-page screenshot once Element Plus' transitions (fades, dialogs, messages) are over. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await screenshot(page, name);
}

/** Retries `check` on fresh values of `read` until it passes, else its last failure. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      check(await read());
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Waits until the (first) element's text contains `text`. */
export function expectText(locator: Locator, text: string, timeout = 10_000): Promise<void> {
  return eventually(
    async () => ((await locator.count()) ? ((await locator.first().textContent()) ?? '') : ''),
    (value) => expect(value).toContain(text),
    timeout,
  );
}
