/**
 * Debian's Chromium driven by playwright-core, as the bench and the report's browser test
 * open it: headless, no sandbox (root here), and no background networking (this machine's
 * closed network refuses its connections), in a fresh profile folder.
 */
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install -y chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** A persistent context of the system Chromium in `profile`, at a width. */
export function launchChromium(profile: string, width: number): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width, height: 900 },
  });
}
