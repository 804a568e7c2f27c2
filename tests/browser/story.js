// tests/browser/story.js URL DOCS OUT — copil serve in a real browser, as a
// principal would use it: Debian's Chromium (/usr/bin/chromium) driven by
// playwright-core, each page checked by axe-core. Run by tests/serve.sh
// against a server it started in French on DOCS (a copy of the samples
// with broken.xml, a meeting whose date is wrong); URL is the address the
// server printed. Prints one line per check, "ok NAME" or "FAIL NAME:
// WHY", which tests/serve.sh counts; writes screenshots and the PDF it
// downloads into OUT. Nothing is downloaded from the network.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [url, docs, out] = process.argv.slice(2);
const base = new URL(url).origin;
const say = (good, name, why) => console.log(good ? `ok ${name}` : `FAIL ${name}: ${why}`);

// The serious and critical violations axe-core finds in the page.
async function axe(page, name) {
    await page.evaluate(axeSource); /* by the driver: the page's CSP allows no script */
    const found = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.id} (${v.nodes.length}): ${v.help}`);
    });
    say(found.length === 0, `axe-core: no serious or critical violation on ${name}`, found.join('; '));
}

(async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'fr-FR' });
    try {
        // 1. The address printed: the home page, in French.
        await page.goto(url);
        say(page.url() === base + '/', 'the printed address leads to the home page, token out of the address bar', page.url());
        const h1 = await page.textContent('h1');
        say(h1.includes('Documents du comité numérique'), 'the home page speaks French', h1);
        say(await page.locator('a[href="/file?f=college-2026-t2.xml"]').count() === 1, 'the home page lists the samples', '');
        await page.screenshot({ path: path.join(out, 'home.png'), fullPage: true });
        await axe(page, 'the home page');

        // 2. The keyboard: the first Tab shows the skip link, visibly focused.
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
            const e = document.activeElement, s = getComputedStyle(e);
            return { text: e.textContent, outline: s.outlineStyle, width: s.outlineWidth };
        });
        say(focus.text === 'Aller au contenu' && focus.outline !== 'none' && focus.width !== '0px',
            'Tab first reaches "Aller au contenu", with a visible focus', JSON.stringify(focus));

        // 3. A file with a wrong date: its page, then the form, the error beside the date.
        await page.click('a[href="/file?f=broken.xml"]');
        await page.click('text=Le corriger dans le formulaire');
        const error = await page.textContent('#err-1\\.5');
        say(error.includes('2026-13-01') && error.includes('n’est pas valide'), 'the form shows the wrong date\'s problem beside it, in French', error);
        const described = await page.getAttribute('#e-1\\.5', 'aria-describedby');
        const invalid = await page.getAttribute('#e-1\\.5', 'aria-invalid');
        say(described === 'err-1.5' && invalid === 'true', 'the date field is marked invalid and tied to its message', `${described} ${invalid}`);
        const label = await page.textContent('label[for="e-1.5"]');
        say(label === 'Date de la réunion', 'the date field is labelled from the schema', label);
        await page.screenshot({ path: path.join(out, 'form-error.png') });
        await axe(page, 'the form');

        // 4. Corrected, then saved with the keyboard: Enter in the field. (The
        // date is filled in, not typed: the order of day and month a date
        // field takes depends on the browser's own language.)
        await page.fill('#e-1\\.5', '2026-10-08');
        await page.focus('#e-1\\.5');
        await page.keyboard.press('Enter');
        await page.waitForURL(/saved=1/);
        const notice = await page.textContent('[role=status]');
        say(notice.includes('Enregistré. Le fichier est valide.'), 'saved with Enter: the page says the file is now valid', notice);
        const saved = fs.readFileSync(path.join(docs, 'broken.xml'), 'utf8');
        say(saved.includes('<date>2026-10-08</date>'), 'the date is in the file on the disk', saved.match(/<date>[^<]*<\/date>/));
        const frame = await page.getAttribute('.preview iframe', 'src');
        say(frame === '/pdf?f=broken.xml', 'the saved valid file shows its preview in the page', frame);
        await page.screenshot({ path: path.join(out, 'form-saved.png') });

        // 5. Its document: the link on its page, a PDF.
        await page.goto(base + '/file?f=broken.xml');
        const href = await page.getAttribute('text=Voir l’exemplaire complet', 'href');
        const pdf = await page.request.get(base + href);
        const bytes = await pdf.body();
        say(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf' && bytes.subarray(0, 5).toString() === '%PDF-',
            'its full copy comes as a PDF', `${pdf.status()} ${pdf.headers()['content-type']}`);
        fs.writeFileSync(path.join(out, 'broken-agenda.pdf'), bytes);

        // 6. A sample opened and saved unchanged: same file, same PDF bytes.
        const sample = path.join(docs, 'college-2026-t2.xml');
        const before = fs.readFileSync(sample);
        const pdfBefore = await (await page.request.get(base + '/pdf?f=college-2026-t2.xml')).body();
        await page.goto(base + '/edit?f=college-2026-t2.xml');
        await page.click('button.button[value=save]');
        await page.waitForURL(/saved=1/);
        say(Buffer.compare(before, fs.readFileSync(sample)) === 0, 'a sample saved unchanged keeps its bytes', '');
        const pdfAfter = await (await page.request.get(base + '/pdf?f=college-2026-t2.xml')).body();
        say(Buffer.compare(pdfBefore, pdfAfter) === 0, 'and its PDF keeps its bytes', `${pdfBefore.length} ${pdfAfter.length}`);
    } catch (e) {
        say(false, 'the stories ran to their end', String(e).split('\n')[0]);
    } finally {
        await browser.close();
    }
})();
