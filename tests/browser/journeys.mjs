// The scholar's journey in a real browser: register, enrol, read a module with a table, mark it complete,
// take the timed quiz and pass it, then see on the course page what is left. Run once per "run" below:
// every journey in English at 360 px and 1280 px with JavaScript on, at 360 px with JavaScript off, and
// in Russian and Ukrainian at 360 px (Ukrainian in the device's dark mode). On every page visited, axe-core (WCAG 2.0/2.1/2.2 A and AA) must
// find no violation, no word in a table may be broken across lines, and the header must fit in 15 % of a
// 740 px phone screen.
//
// Started by tests/app/browser.rs with PRAVO_URL (the app under test) and CHROMIUM (the browser binary);
// SHOTS names a folder to keep a screenshot of every page in (optional). Prints one line per page and
// exits non-zero on the first failure, saying what failed.

import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const BASE = process.env.PRAVO_URL;
// The site's onion name (PRAVO_ONION_URL's host); Chromium resolves it to the app under test.
const ONION_HOST = process.env.ONION_HOST || "";
const SHOTS = process.env.SHOTS || "";
const PASSWORD = "a calm river of twelve";
const COURSE = "journey";

if (!BASE) {
  console.error("PRAVO_URL is not set");
  process.exit(2);
}
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

const RUNS = [
  { lang: "en", width: 1280, js: true },
  { lang: "en", width: 360, js: true },
  { lang: "en", width: 360, js: false },
  { lang: "ru", width: 360, js: false },
  { lang: "uk", width: 360, js: true, dark: true },
  // Tor Browser in its "Safest" mode: no JavaScript, the site reached under its onion name.
  { lang: "ru", width: 360, js: false, onion: true },
];

// The words each language uses at the end of the journey (the result page and the course page).
const PASSED = { en: "You passed this quiz.", ru: "Вы прошли этот тест.", uk: "Ви пройшли цей тест." };

class Failure extends Error {}

function fail(message) {
  throw new Failure(message);
}

/// Checks a page as a scholar meets it: axe-core, unbroken words in tables, the header's height.
async function check(shown, run, label, checker) {
  const url = shown.url();
  if (run.onion) {
    // Under the onion address every link, image, script and form stays on it (the quick exit aside).
    const away = await shown.evaluate(() =>
      [...document.querySelectorAll("[href], [src], form[action]")]
        .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action"))
        .filter((a) => !/^([/?#](?!\/)|$)/.test(a) && !a.startsWith(location.origin)),
    );
    const exit = await shown.evaluate(() => document.querySelector("a.exit, a[data-exit], #exit")?.getAttribute("href"));
    const others = away.filter((a) => a !== exit);
    if (others.length > 0) fail(`${url} under the onion address points elsewhere: ${others.join(", ")}`);
    if (new URL(url).hostname !== ONION_HOST) fail(`left the onion address for ${url}`);
  }
  let page = shown;
  if (!run.js) {
    // axe-core waits on timers, which do not run in a page with JavaScript off; the same document, its
    // scripts removed, is checked in a page of the same size where they do.
    const html = (await shown.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
    await checker.goto(`${BASE}/static/pravo.css`);
    await checker.setContent(html, { waitUntil: "load" });
    page = checker;
  }
  // Evaluated by the browser's debugging protocol, which the page's Content-Security-Policy does not
  // govern, and which runs with the page's own scripts turned off too.
  await page.evaluate(`${AXE}\n;0`);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " :: " + n.failureSummary.replace(/\s+/g, " ")),
    }));
  });
  if (result.length > 0) {
    fail(`axe found ${result.length} violation(s) on ${url}:\n` + JSON.stringify(result, null, 2));
  }
  const broken = await page.evaluate(() => {
    const found = [];
    for (const cell of document.querySelectorAll("table td, table th")) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const re = /\S+/g;
        let m;
        while ((m = re.exec(node.data)) !== null) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) found.push(m[0]);
        }
      }
    }
    return found;
  });
  if (broken.length > 0) fail(`words broken across lines in a table on ${url}: ${broken.slice(0, 5).join(", ")}`);
  if (run.width === 360) {
    const header = await page.evaluate(() => document.querySelector("body > header")?.getBoundingClientRect().height ?? 0);
    if (header > 0.15 * 740) fail(`the header is ${header} px high on ${url}, more than 15 % of 740 px`);
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (wide > 1) fail(`the page is ${wide} px wider than the screen on ${url}`);
  if (SHOTS) {
    const name = `${run.lang}-${run.width}-${run.js ? "js" : "nojs"}-${label}.png`;
    await shown.screenshot({ path: `${SHOTS}/${name}`, fullPage: true });
  }
  console.log(`  ok ${label}: ${new URL(url).pathname}`);
}

/// A browser context as a run's reader has it: the screen, JavaScript on or off, the device's colour
/// scheme and language.
function contextFor(browser, run) {
  return browser.newContext({
    viewport: { width: run.width, height: run.width === 360 ? 740 : 900 },
    javaScriptEnabled: run.js,
    colorScheme: run.dark ? "dark" : "light",
    locale: run.lang,
    extraHTTPHeaders: { "Accept-Language": run.lang },
  });
}

async function expectText(page, text, what) {
  const body = await page.locator("body").innerText();
  if (!body.includes(text)) fail(`${what}: expected "${text}" on ${page.url()}, found:\n${body.slice(0, 1500)}`);
}

async function journey(browser, run, index) {
  const BASE = run.onion ? ONION_BASE : PLAIN_BASE;
  const context = await contextFor(browser, run);
  const page = await context.newPage();
  const checkerContext = run.js ? null : await browser.newContext({ viewport: { width: run.width, height: 740 } });
  const checker = checkerContext ? await checkerContext.newPage() : null;
  const handle = `j-${run.lang}-${run.width}-${run.js ? "js" : "nojs"}-${index}-${process.pid}`;
  console.log(`run ${index}: ${run.lang}, ${run.width} px, JavaScript ${run.js ? "on" : "off"}${run.dark ? ", dark mode" : ""}${run.onion ? ", onion address" : ""}`);
  try {
    // Registration, in her language.
    await page.goto(`${BASE}/register`);
    await check(page, run, "register", checker);
    // A first try with a password too short: the error summary at the top takes focus and links to it.
    await page.fill("#f-handle", handle);
    await page.fill("#f-password", "short");
    await Promise.all([page.waitForNavigation(), page.click("form[action='/register'] button[type=submit]")]);
    await check(page, run, "register-error", checker);
    const focused = await page.evaluate(() => document.activeElement?.id);
    if (focused !== "form-problem") fail(`after a failed submit the focus is on "${focused}", not the error summary`);
    if ((await page.locator("#form-problem a[href='#f-password']").count()) !== 1) fail("the summary links to the field");
    if ((await page.inputValue("#f-handle")) !== handle) fail("the handle typed was not kept");
    await page.fill("#f-password", PASSWORD);
    await page.selectOption("#f-locale", run.lang);
    await Promise.all([page.waitForNavigation(), page.click("form[action='/register'] button[type=submit]")]);
    await check(page, run, "after-register", checker);

    // The catalogue and the course, then enrolment.
    await page.goto(`${BASE}/courses`);
    await check(page, run, "catalogue", checker);
    await page.goto(`${BASE}/courses/${COURSE}`);
    await check(page, run, "course", checker);
    await Promise.all([page.waitForNavigation(), page.click(`form[action='/courses/${COURSE}/enrol'] button[type=submit]`)]);
    await check(page, run, "enrolled", checker);

    // "Start" opens the first module; it has a table that must not break words.
    await Promise.all([page.waitForNavigation(), page.click(`a[href='/courses/${COURSE}/modules/reading-a-table']`)]);
    await check(page, run, "module", checker);
    if ((await page.locator("main table").count()) === 0) fail("the module's table is missing");
    await Promise.all([
      page.waitForNavigation(),
      page.click(`form[action='/courses/${COURSE}/modules/reading-a-table/complete'] button[type=submit]`),
    ]);
    await check(page, run, "marked-complete", checker);

    // The quiz: its introduction, then the timed attempt.
    await page.goto(`${BASE}/courses/${COURSE}/modules/reading-a-table`);
    await Promise.all([page.waitForNavigation(), page.click("a[href^='/quizzes/']")]);
    await check(page, run, "quiz-intro", checker);
    await Promise.all([page.waitForNavigation(), page.click("form[action$='/start'] button[type=submit]")]);
    await check(page, run, "attempt", checker);
    await page.locator("input[type=text], input[inputmode=decimal], input[type=number]").first().fill("4");
    if (run.js && !run.onion) {
      // The connection drops in the middle of the timed quiz: the save says so instead of pretending, and
      // what she answered stays in the page; back online, she carries on.
      const said = await page.getAttribute("form.quiz", "data-not-saved");
      await context.setOffline(true);
      const answer = page.locator("input[type=text], input[inputmode=decimal], input[type=number]").first();
      await answer.fill("");
      await answer.fill("4");
      await page.waitForFunction((text) => document.querySelector("form.quiz .save-state")?.textContent === text, said, { timeout: 15000 });
      await check(page, run, "attempt-offline", checker);
      await context.setOffline(false);
    }
    // Submitting with two questions open asks first; going back finds the answer given kept.
    await Promise.all([page.waitForNavigation(), page.click("button[name=action][value=submit]")]);
    await check(page, run, "submit-check", checker);
    if ((await page.locator("main li a[href*='#question-']").count()) !== 2) fail("the check names the two open questions");
    await Promise.all([page.waitForNavigation(), page.click("main a.button.primary")]);
    const kept = await page.locator("input[type=text], input[inputmode=decimal], input[type=number]").first().inputValue();
    if (kept !== "4") fail(`the answer given before the check was not kept: ${kept}`);
    await page.locator("input[type=radio][value='true']").first().check();
    await page.locator("fieldset").nth(2).locator("input[type=radio]").first().check();
    await Promise.all([page.waitForNavigation(), page.click("button[name=action][value=submit]")]);
    await check(page, run, "result", checker);
    await expectText(page, PASSED[run.lang], "the result");

    // The course page says what is left.
    await page.goto(`${BASE}/courses/${COURSE}`);
    await check(page, run, "course-after", checker);
    await page.goto(`${BASE}/inbox`);
    await check(page, run, "inbox", checker);
  } finally {
    // A failure above is the one to report, not a failure to close after it.
    await context.close().catch(() => {});
    if (checkerContext) await checkerContext.close().catch(() => {});
  }
}

// Reading offline (static/sw.js and static/offline.js): keep a course on the device, lose the connection,
// read two modules, mark one complete, come back, and find the mark on the server; then remove the
// course and sign out, each leaving nothing of it in the browser's storage.
const OFFLINE_COURSE = "drug-policy-and-remedies";
const M1 = "conventions-and-human-rights";
const M2 = "law-enforcement-abuses";

async function stored(page) {
  return page.evaluate(async () => ({
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
}

async function offline(browser, run) {
  const context = await browser.newContext({
    viewport: { width: run.width, height: 740 },
    locale: run.lang,
    extraHTTPHeaders: { "Accept-Language": run.lang },
  });
  const page = await context.newPage();
  const handle = `off-${run.lang}-${process.pid}`;
  console.log(`offline: ${run.lang}, ${run.width} px, JavaScript on`);
  try {
    await page.goto(`${BASE}/register`);
    await page.fill("#f-handle", handle);
    await page.fill("#f-password", PASSWORD);
    await page.selectOption("#f-locale", run.lang);
    await Promise.all([page.waitForNavigation(), page.click("form[action='/register'] button[type=submit]")]);
    await page.goto(`${BASE}/courses/${OFFLINE_COURSE}`);
    await Promise.all([page.waitForNavigation(), page.click(`form[action='/courses/${OFFLINE_COURSE}/enrol'] button[type=submit]`)]);
    await page.goto(`${BASE}/courses/${OFFLINE_COURSE}`);

    // Keep it: the panel appears (the script is there), the pages are stored.
    await page.locator("#keep-course button.keep").waitFor({ state: "visible" });
    await check(page, run, "keep-panel", null);
    await page.click("#keep-course button.keep");
    await page.locator("#keep-course button.remove").waitFor({ state: "visible", timeout: 30000 });
    await check(page, run, "kept", null);
    const kept = await page.evaluate(async (c) => (await (await caches.open("pravo-course-" + c)).keys()).map((r) => new URL(r.url).pathname), OFFLINE_COURSE);
    for (const m of [M1, M2]) {
      if (!kept.includes(`/courses/${OFFLINE_COURSE}/modules/${m}`)) fail(`module ${m} was not kept: ${kept.join(", ")}`);
    }

    // No connection: two modules open from the device; "mark as complete" waits there.
    await context.setOffline(true);
    for (const m of [M1, M2]) {
      const response = await page.goto(`${BASE}/courses/${OFFLINE_COURSE}/modules/${m}`);
      if (!response || !response.fromServiceWorker()) fail(`offline, module ${m} did not come from the device`);
      if ((await page.locator("article.module-text h2, article.module-text p").count()) < 2) fail(`offline, module ${m} has no text`);
      await check(page, run, `offline-${m}`, null);
    }
    await Promise.all([
      page.waitForNavigation(),
      page.click(`form[action='/courses/${OFFLINE_COURSE}/modules/${M2}/complete'] button[type=submit]`),
    ]);
    if (!page.url().includes("offline=queued")) fail(`offline, marking complete led to ${page.url()}`);
    await page.locator("#offline-status:not([hidden])").waitFor();
    await check(page, run, "offline-queued", null);
    // A page that was not kept says there is no connection, instead of the browser's error.
    await page.goto(`${BASE}/certificates`);
    if ((await page.locator("h1").count()) !== 1) fail("offline, a page not kept shows no page");
    await check(page, run, "offline-not-kept", null);

    // Back online: the waiting step is sent and the page says what became of it.
    // (The page she is on sends it when the browser says it is online; if that signal does not come,
    // the next page she opens does.)
    await context.setOffline(false);
    const sentHere = await page.locator("#offline-status li.done").waitFor({ timeout: 5000 }).then(() => true, () => false);
    if (sentHere) await check(page, run, "sent-on-the-same-page", null);
    await page.goto(`${BASE}/courses/${OFFLINE_COURSE}`);
    if (!sentHere) {
      await page.locator("#offline-status li.done").waitFor({ timeout: 15000 }).catch(async () => {
        fail(`back online, nothing was reported sent: "${await page.locator("#offline-status").innerText().catch(() => "")}"`);
      });
      await check(page, run, "sent", null);
    }
    const queue = await page.evaluate(async () => (await (await caches.open("pravo-queue")).keys()).length);
    if (queue !== 0) fail("the queue was not emptied after sending");
    await page.reload();
    const done = await page.locator(`ol.modules li.done a[href='/courses/${OFFLINE_COURSE}/modules/${M2}']`).count();
    if (done !== 1) fail("the mark made offline did not reach the server");

    // Remove: nothing of the course is left, nor the worker (no other course is kept).
    await page.click("#keep-course button.remove");
    await page.locator("#keep-course button.keep").waitFor({ state: "visible" });
    let left = await stored(page);
    if (left.caches.length || left.workers) fail(`after removing, the browser still holds ${JSON.stringify(left)}`);

    // Keep it again and sign out: everything goes.
    await page.click("#keep-course button.keep");
    await page.locator("#keep-course button.remove").waitFor({ state: "visible", timeout: 30000 });
    await Promise.all([page.waitForNavigation(), page.click("form[action='/logout'] button[type=submit]")]);
    left = await stored(page);
    if (left.caches.length || left.workers) fail(`after signing out, the browser still holds ${JSON.stringify(left)}`);
    console.log("  ok offline: kept, read offline, sent, removed, signed out");
  } finally {
    await context.close().catch(() => {});
  }
}

// Applying for a scholarship without email, on a phone, without JavaScript: register from the call's page
// and come back to it, start the form, switch language half-way (the text is kept), send it; an admin
// awards the place (through the API); the inbox tells her, the call's page says until when she can
// answer, and she accepts.
const APPLY = {
  ru: { title: "Стипендия по мониторингу", answerBy: "Пожалуйста, ответьте до", accepted: "Вы приняли место." },
  en: { title: "Monitoring scholarship", answerBy: "Please answer by", accepted: "You have accepted your place." },
};

async function api(path, { method = "GET", token, body } = {}) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const r = await fetch(`${PLAIN_BASE}/api/v1${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

async function applying(browser, run) {
  const words = APPLY[run.lang];
  const admin = await api("/auth/token", { method: "POST", body: { handle: process.env.ADMIN_HANDLE, password: PASSWORD } });
  if (admin.status !== 200) fail(`the admin could not sign in: ${JSON.stringify(admin.json)}`);
  const token = admin.json.token;
  const now = Date.now();
  const call = {
    title: APPLY.en.title,
    description: "Twelve weeks of training in documenting violations.\n\nThe courses are online.",
    texts: { ru: { title: APPLY.ru.title, description: "Двенадцать недель обучения документированию нарушений." } },
    seats: 1,
    offer_days: 10,
    opens_at: new Date(now - 3600e3).toISOString(),
    closes_at: new Date(now + 48 * 3600e3).toISOString(),
    deadline: new Date(now + 90 * 86400e3).toISOString(),
    course_slugs: [COURSE],
    criteria: [{ name: "Need", weight: 1 }],
    questions: [{ label: "Which city do you work in?", kind: "short", required: true, labels: { ru: "В каком городе вы работаете?" } }],
  };
  const created = await api("/programmes", { method: "POST", token, body: call });
  if (created.status !== 201) fail(`the call was not created: ${JSON.stringify(created.json)}`);
  const pid = created.json.id;
  const context = await contextFor(browser, run);
  let page = await context.newPage();
  const checkerContext = run.js ? null : await browser.newContext({ viewport: { width: run.width, height: 740 } });
  const checker = checkerContext ? await checkerContext.newPage() : null;
  const handle = `a-${run.lang}-${run.width}-${process.pid}`;
  console.log(`applying: ${run.lang}, ${run.width} px, JavaScript ${run.js ? "on" : "off"}`);
  try {
    await page.goto(`${BASE}/programmes/${pid}`);
    await check(page, run, "call", checker);
    await Promise.all([page.waitForNavigation(), page.click(`main a[href='/register?next=/programmes/${pid}']`)]);
    await page.fill("#f-handle", handle);
    await page.fill("#f-password", PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("form[action='/register'] button[type=submit]")]);
    await check(page, run, "apply-codes", checker);
    await Promise.all([page.waitForNavigation(), page.click(`main a[href='/programmes/${pid}']`)]);
    await check(page, run, "apply-form", checker);

    // Half-way through she switches language: the page comes back in Ukrainian with her text, then back.
    const experience = "Три года документирую задержания в Одессе.";
    await page.fill("#f-country", "UA");
    await page.fill("#f-experience", experience);
    await Promise.all([page.waitForNavigation(), page.click("form.lang button[value=uk]")]);
    if ((await page.getAttribute("html", "lang")) !== "uk") fail("the language did not switch");
    if ((await page.inputValue("#f-experience")) !== experience) fail("switching language lost the text typed");
    await Promise.all([page.waitForNavigation(), page.click(`form.lang button[value=${run.lang}]`)]);
    const motivation = "Чтобы нарушения доходили до комитетов ООН.";
    if (run.js) {
      // Typed without a connection, then the page closed: the draft waits on the device and is offered
      // back the next time the form is opened.
      await context.setOffline(true);
      await page.fill("#f-motivation", motivation);
      await page.waitForFunction(() => {
        const s = document.querySelector("form.application .save-state");
        return s && s.textContent === s.getAttribute("data-kept");
      }, null, { timeout: 15000 });
      await page.close();
      await context.setOffline(false);
      page = await context.newPage();
      await page.goto(`${BASE}/programmes/${pid}`);
      await page.locator("#draft-on-device").waitFor({ state: "visible", timeout: 10000 });
      await check(page, run, "apply-draft-on-device", checker);
      if ((await page.inputValue("#f-motivation")) !== "") fail("the kept draft was put back before she chose to");
      await page.click("#draft-on-device button[data-use]");
      if ((await page.inputValue("#f-motivation")) !== motivation) fail("the draft kept on the device did not come back");
      await page.waitForFunction(() => {
        const s = document.querySelector("form.application .save-state");
        return s && s.textContent === s.getAttribute("data-saved");
      }, null, { timeout: 15000 });
      if (await page.evaluate((k) => localStorage.getItem(k), `pravo-draft:${pid}`)) fail("the draft stayed on the device after it was saved");
    }
    await page.fill("#f-motivation", motivation);
    await page.fill("[name='answer.q1']", "Одесса");
    await page.check("#f-consent");
    await Promise.all([page.waitForNavigation(), page.click("main button[name=action][value=submit]")]);
    await check(page, run, "apply-sent", checker);

    // The admin awards the place; her inbox says a decision came, and the call's page says until when.
    const ranking = await api(`/programmes/${pid}/ranking`, { token });
    const application = ranking.json.items[0].application_id;
    const decided = await api(`/applications/${application}/decision`, { method: "POST", token, body: { decision: "award" } });
    if (decided.status !== 200) fail(`the award failed: ${JSON.stringify(decided.json)}`);
    await page.goto(`${BASE}/inbox`);
    await check(page, run, "apply-inbox", checker);
    await Promise.all([page.waitForNavigation(), page.click("main ul a, main ol a")]);
    await check(page, run, "apply-notice", checker);
    await page.goto(`${BASE}/programmes/${pid}`);
    await check(page, run, "apply-offer", checker);
    await expectText(page, words.answerBy, "the offer's deadline");
    await Promise.all([page.waitForNavigation(), page.click("main button[name=answer][value=accept]")]);
    await check(page, run, "apply-accepted", checker);
    await expectText(page, words.accepted, "the answer to the offer");
    await page.goto(`${BASE}/`);
    await check(page, run, "apply-home", checker);
    console.log("  ok applying: registered, applied, switched language, learnt of the award, accepted");
  } finally {
    await context.close().catch(() => {});
    if (checkerContext) await checkerContext.close().catch(() => {});
  }
}

// Staff in the browser: an administrator runs a call from its form to published decisions (with a
// reviewer scoring from the "Review" link), and a trainer grades an essay from the queue. Applicants
// and the essay come in through the API; every page staff visit is checked like a scholar's.
async function signedIn(browser, run, handle) {
  const context = await contextFor(browser, run);
  const page = await context.newPage();
  await page.goto(`${PLAIN_BASE}/login`);
  await page.fill("#f-handle", handle);
  await page.fill("#f-password", PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click("form[action='/login'] button[type=submit]")]);
  if ((await page.getAttribute("html", "lang")) !== run.lang) {
    await Promise.all([page.waitForNavigation(), page.click(`form.lang button[value=${run.lang}]`)]);
  }
  return { context, page };
}

async function applicant(handle, pid) {
  await api("/auth/register", { method: "POST", body: { handle, password: PASSWORD, locale: "ru" } });
  const token = (await api("/auth/token", { method: "POST", body: { handle, password: PASSWORD } })).json.token;
  const draft = { country: "UA", experience: "Outreach since 2020.", motivation: "To document what we see.",
    answers: { q1: "Odesa" }, consent: true };
  await api(`/programmes/${pid}/application`, { method: "PUT", token, body: draft });
  const sent = await api(`/programmes/${pid}/application/submit`, { method: "POST", token });
  if (sent.status !== 201) fail(`${handle} could not apply: ${JSON.stringify(sent.json)}`);
}

async function staff(browser, run) {
  console.log(`staff: ${run.lang}, ${run.width} px, JavaScript ${run.js ? "on" : "off"}`);
  const checkerContext = run.js ? null : await browser.newContext({ viewport: { width: run.width, height: 740 } });
  const checker = checkerContext ? await checkerContext.newPage() : null;
  const tag = `${run.lang}${run.width}${process.pid}`;
  // A reviewer of her own for each run, so that each finds only this call's applications.
  const reviewerHandle = `rev-${tag}`;
  await api("/auth/register", { method: "POST", body: { handle: reviewerHandle, password: PASSWORD, locale: run.lang } });
  const admin = await signedIn(browser, run, process.env.ADMIN_HANDLE);
  const reviewer = await signedIn(browser, run, reviewerHandle);
  const trainer = await signedIn(browser, run, process.env.TRAINER_HANDLE);
  try {
    // The call, from its form.
    let page = admin.page;
    await page.goto(`${PLAIN_BASE}/admin`);
    await check(page, run, "admin-hub", checker);
    await page.goto(`${PLAIN_BASE}/admin/programmes/new`);
    await check(page, run, "call-new", checker);
    // A question is a row of its own: added with a button, which sends the form back unsaved.
    await Promise.all([page.waitForNavigation(), page.click("button[name=row][value=question-add]")]);
    await check(page, run, "call-question-added", checker);
    await page.fill("[name='q.0.label']", "Which city?");
    await page.check("[name='q.0.required']");
    await page.fill("[name='c.0.description']", "How much the scholarship would change for her: 1 little, 5 a great deal.");
    const at = (hours) => new Date(Date.now() + hours * 3600e3).toISOString().slice(0, 16);
    await page.fill("#f-title", `Call ${tag}`);
    await page.fill("#f-description", "Twelve weeks.\n\nOnline.");
    await page.fill("#f-seats", "1");
    await page.fill("#f-opens_at", at(-1));
    await page.fill("#f-closes_at", at(48));
    await page.fill("#f-deadline", at(24 * 90));
    await page.check(`input[name=course][value=${COURSE}]`);
    await Promise.all([page.waitForNavigation(), page.click("main form.programme > button.primary[type=submit]")]);
    await check(page, run, "call-created", checker);
    const pid = new URL(page.url()).pathname.split("/")[3];
    await page.fill("#f-handle", reviewerHandle);
    await Promise.all([page.waitForNavigation(), page.click(`form[action='/admin/programmes/${pid}/reviewers'] button[type=submit]`)]);
    await check(page, run, "reviewer-added", checker);
    await applicant(`ap1-${tag}`, pid);
    await applicant(`ap2-${tag}`, pid);

    // The reviewer finds her work from the navigation, scores, and is led to the next application.
    page = reviewer.page;
    await page.goto(`${PLAIN_BASE}/`);
    await Promise.all([page.waitForNavigation(), page.click("header nav a[href='/review']")]);
    await check(page, run, "review-list", checker);
    await Promise.all([page.waitForNavigation(), page.click(`main a[href^='/applications/']`)]);
    if (run.js) {
      // A comment half-typed survives a language switch (static/keep.js), then she switches back.
      const comment = "Strong need; the city is small.";
      await page.fill("form[action$='/review'] textarea[name=comment]", comment);
      await Promise.all([page.waitForNavigation(), page.click("form.lang button[value=uk]")]);
      const kept = await page.inputValue("form[action$='/review'] textarea[name=comment]");
      if (kept !== comment) fail(`the comment typed before switching language was lost: "${kept}"`);
      await Promise.all([page.waitForNavigation(), page.click(`form.lang button[value=${run.lang}]`)]);
    }
    for (const n of [1, 2]) {
      await check(page, run, `review-${n}`, checker);
      for (const fieldset of await page.locator("form[action$='/review'] fieldset").all()) {
        await fieldset.locator("input[type=radio]").nth(3).check();
      }
      await Promise.all([page.waitForNavigation(), page.click("form[action$='/review'] button.primary")]);
    }
    await check(page, run, "review-done", checker);

    // The admin drafts two awards for one place: the page names who was drafted and who was not.
    page = admin.page;
    await page.goto(`${PLAIN_BASE}/admin/programmes/${pid}`);
    for (const box of await page.locator("input[name=application]").all()) await box.check();
    await page.selectOption("#f-decision", "award");
    await Promise.all([page.waitForNavigation(), page.click(`form[action='/admin/programmes/${pid}/decisions'] button[type=submit]`)]);
    await check(page, run, "decisions-drafted", checker);
    if ((await page.locator("#form-problem").count()) !== 1) fail("the refused award is not named at the top");
    await Promise.all([page.waitForNavigation(), page.click(`form[action='/admin/programmes/${pid}/decisions/publish'] button[type=submit]`)]);
    await check(page, run, "decisions-published", checker);
    await page.goto(`${PLAIN_BASE}/admin/programmes/${pid}/dashboard`);
    await check(page, run, "dashboard", checker);

    // An essay to grade: a course of the trainer's, answered through the API.
    const trainerToken = (await api("/auth/token", { method: "POST", body: { handle: process.env.TRAINER_HANDLE, password: PASSWORD } })).json.token;
    const slug = `essays-${tag}`;
    await api(`/courses/${slug}`, { method: "PUT", token: trainerToken, body: { texts: { en: { title: "Essays", summary: "" } }, open: true } });
    await api(`/courses/${slug}/modules/m1`, { method: "PUT", token: trainerToken, body: { language: "en", title: "One", markdown: "Read." } });
    await api(`/courses/${slug}/publish`, { method: "POST", token: trainerToken, body: {} });
    const quiz = await api(`/courses/${slug}/modules/m1/quiz`, { method: "PUT", token: trainerToken,
      body: { format: "gift", source: "::Case:: Describe one violation you documented, and how. {}" } });
    if (quiz.status !== 200) fail(`the essay quiz was not saved: ${JSON.stringify(quiz.json)}`);
    const writer = `w-${tag}`;
    await api("/auth/register", { method: "POST", body: { handle: writer, password: PASSWORD, locale: "uk" } });
    const writerToken = (await api("/auth/token", { method: "POST", body: { handle: writer, password: PASSWORD } })).json.token;
    await api(`/courses/${slug}/enrol`, { method: "POST", token: writerToken, body: {} });
    const attempt = (await api(`/quizzes/${quiz.json.quiz_id}/attempts`, { method: "POST", token: writerToken, body: {} })).json;
    const question = attempt.questions[0].id;
    await api(`/attempts/${attempt.id}/answers/${question}`, { method: "PUT", token: writerToken, body: { answer: "A detention without a lawyer; I wrote it down the same day." } });
    await api(`/attempts/${attempt.id}/submit`, { method: "POST", token: writerToken, body: {} });

    page = trainer.page;
    await page.goto(`${PLAIN_BASE}/trainer`);
    await check(page, run, "teaching", checker);
    await page.goto(`${PLAIN_BASE}/trainer/grading`);
    await check(page, run, "grading-queue", checker);
    const form = page.locator(`form[action='/trainer/grading/${attempt.id}/${question}']`);
    await form.locator("input[name=score]").fill("1");
    await Promise.all([page.waitForNavigation(), form.locator("button[type=submit]").click()]);
    await check(page, run, "graded", checker);
    if ((await page.locator(`form[action='/trainer/grading/${attempt.id}/${question}']`).count()) !== 0) fail("the graded essay is still in the queue");
    console.log("  ok staff: call created, reviewed, drafted, published; essay graded");
  } finally {
    for (const c of [admin.context, reviewer.context, trainer.context, checkerContext]) if (c) await c.close().catch(() => {});
  }
}

const PLAIN_BASE = BASE;
const ONION_BASE = ONION_HOST ? BASE.replace(/\/\/[^/:]+/, `//${ONION_HOST}`) : "";
const RUNNING = RUNS.filter((r) => !r.onion || ONION_HOST);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", ...(ONION_HOST ? [`--host-resolver-rules=MAP ${ONION_HOST} 127.0.0.1`] : [])],
});
let failed = false;
try {
  for (const [i, run] of RUNNING.entries()) {
    await journey(browser, run, i);
  }
  await offline(browser, { lang: "en", width: 360, js: true });
  await applying(browser, { lang: "ru", width: 360, js: false });
  await applying(browser, { lang: "en", width: 1280, js: true });
  await staff(browser, { lang: "ru", width: 360, js: false });
  await staff(browser, { lang: "en", width: 1280, js: true });
} catch (e) {
  failed = true;
  console.error(e instanceof Failure ? `FAILED: ${e.message}` : e);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
