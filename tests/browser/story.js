// tests/browser/story.js URL DOCS OUT — copil serve in a real browser, as a
// principal would use it: Debian's Chromium (/usr/bin/chromium) driven by
// playwright-core, each page checked by axe-core. Run by tests/serve.sh
// against a server it started in French on DOCS (a copy of the samples
// with broken.xml, a meeting whose date is wrong, and college-2027-t2.xml,
// the agenda of the meeting after college-2026-t1.xml); URL is the address
// the server printed. Prints one line per check, "ok NAME" or "FAIL NAME:
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

// What a principal types in place of the template's [[BLANKS]]; a blank
// not named here gets a sentence (or an address, in an e-mail field).
const letterValues = {
    UAI: '0370012A', CODE_POSTAL: '37000', TELEPHONE: '02 47 12 34 56', ANNEE_SCOLAIRE: '2026-2027',
    VILLE: 'Tours', ACADEMIE: 'Académie d’Orléans-Tours', NOM_ETABLISSEMENT: 'Collège Jean-Moulin',
    ADRESSE: '12 rue des Écoles', NOM_COORDONNATEUR: 'Claire Lemaire', NOM_CHEF_ETABLISSEMENT: 'Hélène Rousseau',
    NOM_DAN: 'Marc Duval', HEURES_PAR_SEMAINE: '3', TAUX_IMP: '2', MONTANT_ANNUEL: '1250', DELAI_HEURES: '48',
};

// Fills every blank of the mission letter's form, as its principal would;
// the report's due date is typed before the letter's, by mistake.
async function fillLetter(page) {
    for (const input of await page.locator('form.edit input[type=text], form.edit input[type=email]').all()) {
        const m = (await input.inputValue()).match(/^\[\[([A-Z_]+)\]\]$/);
        if (!m)
            continue;
        const email = (await input.getAttribute('type')) === 'email';
        await input.fill(letterValues[m[1]] || (email ? 'prenom.nom@ac-orleans-tours.fr' : 'Texte convenu avec la direction'));
    }
    for (const area of await page.locator('form.edit textarea').all())
        if ((await area.inputValue()).includes('[['))
            await area.fill('Le collège poursuit le déploiement de l’ENT et la formation des enseignants.');
    for (const select of await page.locator('form.edit select').all())
        if ((await select.inputValue()).startsWith('[['))
            await select.selectOption({ index: 1 });
    for (const date of await page.locator('form.edit input[type=date]').all())
        if (!(await date.inputValue()))
            await date.fill((await date.getAttribute('id')).endsWith('-due') ? '2026-06-30' : '2026-09-01');
}

// Writes what the drafted record leaves blank: each choice to make, each
// measure and comment, each discussion; the first action is now done.
async function fillRecord(page) {
    for (const select of await page.locator('form.edit select[aria-invalid=true]').all())
        await select.selectOption({ index: 1 });
    for (const input of await page.locator('form.edit input[type=text]').all())
        if ((await input.inputValue()) === '' && (await input.getAttribute('aria-invalid')) === 'true')
            await input.fill('Deux ateliers sur quatre');
    for (const area of await page.locator('form.edit textarea').all())
        if ((await area.inputValue()) === '')
            await area.fill('Le comité fait le point sur ce sujet et retient les propositions présentées.');
    await page.locator('form.edit select:has(option[value="fait"])').first().selectOption('fait');
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

        // 7. A principal's mission letter: created from the template on the
        // home page, filled in, a report date before the letter's corrected.
        await page.goto(base + '/');
        await page.selectOption('#kind', 'mission-letter');
        await page.fill('#name', 'lettre-ctice-2027');
        await page.click('text=Créer à partir du modèle');
        await page.waitForURL(/\/edit\?f=lettre-ctice-2027\.xml/);
        const blanks = await page.locator('.summary li').count();
        say(blanks >= 10, 'the new letter\'s form lists the template\'s blanks to fill in', String(blanks));
        await fillLetter(page);
        await page.click('button.button[value=save]');
        await page.waitForURL(/saved=1/);
        const due = page.locator('[id$="-due"][id^="err-"]');
        const dueError = (await due.count()) ? await due.first().textContent() : '';
        const dueInput = (await due.count()) ? page.locator(`[aria-describedby="${await due.first().getAttribute('id')}"]`) : null;
        say(dueInput && (await dueInput.getAttribute('aria-invalid')) === 'true', 'the report date\'s field is marked invalid and tied to its message', '');
        say(dueError.includes('2026-06-30') && dueError.includes('après'),
            'filled in, with a report due before the letter: the French error beside that date', dueError);
        await page.screenshot({ path: path.join(out, 'letter-error.png') });
        const dueField = await due.first().getAttribute('id');
        await page.fill(`[id="a-${dueField.slice(4)}"]`, '2027-06-30');
        await page.click('button.button[value=save]');
        await page.waitForURL(/saved=1/);
        const letterNotice = await page.textContent('[role=status]');
        say(letterNotice.includes('Le fichier est valide'), 'the date corrected and saved: the letter is valid', letterNotice);
        say(await page.getAttribute('.preview iframe', 'src') === '/pdf?f=lettre-ctice-2027.xml', 'its preview is in the page', '');
        const letter = await page.request.get(base + '/pdf?f=lettre-ctice-2027.xml&download=1');
        fs.writeFileSync(path.join(out, 'letter.pdf'), await letter.body());
        say(letter.status() === 200 && /attachment/.test(letter.headers()['content-disposition']),
            'the letter downloads as a PDF', String(letter.status()));

        // 8. After a meeting: its agenda's file gets its record, the previous
        // meeting's actions followed up and its objectives evaluated.
        await page.goto(base + '/edit?f=college-2027-t2.xml');
        const previous = await page.locator('#previous option[selected]').textContent();
        say(previous.includes('college-2026-t1.xml'), 'the agenda offers its record, the previous meeting chosen', previous);
        await page.click('text=Rédiger le compte rendu');
        await page.waitForURL(/saved=1/);
        await page.screenshot({ path: path.join(out, 'record-drafted.png') });
        await axe(page, 'the drafted record\'s form');
        const followed = await page.locator('fieldset legend', { hasText: /^Action \d/ }).count();
        const evaluations = await page.locator('select[id$="-objective"]').count();
        say(followed === 5 && evaluations === 3, 'the record lists the 5 open actions and an evaluation per objective',
            `${followed} actions, ${evaluations} evaluations`);
        const objective = await page.locator('select[id$="-objective"] option[selected]').first().textContent();
        say(objective.includes('cahier de textes'), 'an evaluation names its objective in the previous meeting\'s words', objective);
        await fillRecord(page);
        await page.click('button.button[value=save]');
        await page.waitForURL(/saved=1/);
        const recordNotice = await page.textContent('[role=status]');
        say(recordNotice.includes('Le fichier est valide'), 'the record written and saved: the file is valid', recordNotice);
        await page.screenshot({ path: path.join(out, 'record-saved.png') });
        const minutes = await page.request.get(base + '/pdf?f=college-2027-t2.xml&download=1');
        fs.writeFileSync(path.join(out, 'record.pdf'), await minutes.body());
        say(minutes.status() === 200, 'its minutes download as a PDF', String(minutes.status()));

        // 9. Who gets it: the plan and the drafts, accessible too.
        await page.goto(base + '/mail?f=college-2026-t2.xml');
        const drafts = await page.locator('a[href^="/eml?"]').count();
        say(drafts === 2, 'the mail page offers a draft per group', String(drafts));
        await page.screenshot({ path: path.join(out, 'mail.png'), fullPage: true });
        await axe(page, 'the mail page');
    } catch (e) {
        say(false, 'the stories ran to their end', String(e).split('\n')[0]);
    } finally {
        await browser.close();
    }
})();
