// pa11y (HTML_CodeSniffer runner, WCAG 2.1 AA) on a list of pages, in one Debian Chromium.
// Used by tests/browser/test_pa11y.py:  node run.mjs job.json  ->  JSON on stdout.
//
// job.json: {"chromium": "/usr/bin/chromium", "args": [...], "pages": [
//   {"name": "essay", "url": "http://127.0.0.1:8000/essays/x/", "actions": ["click element #x", ...],
//    "colorScheme": "dark"}]}   (actions and colorScheme are optional)
// Output: {"versions": {...}, "results": {"essay": [{"code", "type", "message", "selector", "context"}]}}
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const require = createRequire(import.meta.url);
const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const browser = await puppeteer.launch({
  executablePath: job.chromium,
  args: job.args,
  headless: true,
});
const results = {};
const chromium = await browser.version();
try {
  for (const page of job.pages) {
    const tab = await browser.newPage();
    try {
      if (page.colorScheme) await tab.emulateMediaFeatures([{ name: "prefers-color-scheme", value: page.colorScheme }]);
      const found = await pa11y(page.url, {
        browser,
        page: tab,
        runners: ["htmlcs"],
        standard: "WCAG2AA",
        includeNotices: false,
        includeWarnings: false,
        actions: page.actions || [],
        timeout: 60000,
        log: { debug() {}, info() {}, error: console.error },
      });
      results[page.name] = found.issues.map(({ code, type, message, selector, context }) =>
        ({ code, type, message, selector, context }));
    } finally {
      await tab.close();
    }
  }
} finally {
  await browser.close();
}
const versions = {
  pa11y: require("pa11y/package.json").version,
  html_codesniffer: require("@pa11y/html_codesniffer/package.json").version,
  puppeteer: require("puppeteer/package.json").version,
  chromium,
};
process.stdout.write(JSON.stringify({ versions, results }));
