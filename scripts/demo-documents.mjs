// Renders the demo council's documents (PDF) with the system Chromium, once; the PDFs are
// committed under packages/server/demo-assets/ and attached to the demo sitting's items.
// Run again after changing the texts: node scripts/demo-documents.mjs
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const OUT = new URL('../packages/server/demo-assets/', import.meta.url);

const page = (title, paragraphs) => `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>${title}</title>
<style>
  body { font-family: 'DejaVu Serif', serif; font-size: 12pt; line-height: 1.5; margin: 0; }
  h1 { font-size: 15pt; text-align: center; margin: 0 0 1.5em; }
  p { text-align: justify; margin: 0 0 0.8em; }
  .head { text-align: center; font-weight: bold; margin-bottom: 0.3em; }
  .sign { margin-top: 3em; text-align: right; }
</style></head>
<body>${paragraphs.join('\n')}</body></html>`;

const DOCUMENTS = {
  'projekt-uchwaly-budzet-2026.pdf': page(
    'Projekt uchwały w sprawie zmian w budżecie gminy na 2026 rok',
    [
      '<p class="head">PROJEKT</p>',
      '<h1>Uchwała Nr XXIV/…/2026<br>Rady Miejskiej w Wierzbowie<br>w sprawie zmian w budżecie gminy na 2026 rok</h1>',
      '<p>Na podstawie art. 18 ust. 2 pkt 4 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym oraz art. 211 i 212 ustawy z dnia 27 sierpnia 2009 r. o finansach publicznych Rada Miejska w Wierzbowie uchwala, co następuje:</p>',
      '<p>§ 1. Zwiększa się dochody budżetu gminy o kwotę 412 500,00 zł, w tym dochody bieżące o kwotę 112 500,00 zł i dochody majątkowe o kwotę 300 000,00 zł, zgodnie z załącznikiem nr 1.</p>',
      '<p>§ 2. Zwiększa się wydatki budżetu gminy o kwotę 412 500,00 zł, z przeznaczeniem na przebudowę drogi gminnej ul. Łąkowej oraz doposażenie świetlic wiejskich, zgodnie z załącznikiem nr 2.</p>',
      '<p>§ 3. Wykonanie uchwały powierza się Burmistrzowi Wierzbowa.</p>',
      '<p>§ 4. Uchwała wchodzi w życie z dniem podjęcia i podlega ogłoszeniu w Dzienniku Urzędowym Województwa.</p>',
      '<p class="sign">Przewodniczący Rady Miejskiej</p>',
    ],
  ),
  'uzasadnienie-budzet-2026.pdf': page('Uzasadnienie do projektu uchwały budżetowej', [
    '<h1>Uzasadnienie<br>do projektu uchwały w sprawie zmian w budżecie gminy na 2026 rok</h1>',
    '<p>Zmiany wynikają z przyznania gminie dofinansowania z Rządowego Funduszu Rozwoju Dróg w wysokości 300 000,00 zł na przebudowę ul. Łąkowej oraz z wyższych niż planowano wpływów z podatku od nieruchomości.</p>',
    '<p>Środki przeznacza się na zadania wskazane przez sołectwa i mieszkańców w konsultacjach przeprowadzonych we wrześniu 2026 r.</p>',
  ]),
  'projekt-mpzp-osiedle-nad-stawem.pdf': page('Projekt miejscowego planu „Osiedle nad Stawem”', [
    '<p class="head">PROJEKT</p>',
    '<h1>Uchwała Nr XXIV/…/2026<br>Rady Miejskiej w Wierzbowie<br>w sprawie miejscowego planu zagospodarowania przestrzennego „Osiedle nad Stawem”</h1>',
    '<p>Na podstawie art. 20 ust. 1 ustawy z dnia 27 marca 2003 r. o planowaniu i zagospodarowaniu przestrzennym Rada Miejska w Wierzbowie, po stwierdzeniu, że plan nie narusza ustaleń planu ogólnego gminy, uchwala, co następuje:</p>',
    '<p>§ 1. Uchwala się miejscowy plan zagospodarowania przestrzennego „Osiedle nad Stawem” obejmujący obszar o powierzchni 14,2 ha, położony między ul. Stawową, ul. Polną i terenami leśnymi.</p>',
    '<p>§ 2. Ustala się przeznaczenie terenów: zabudowa mieszkaniowa jednorodzinna (MN), zieleń urządzona (ZP) wokół stawu oraz drogi publiczne (KDD).</p>',
    '<p class="sign">Przewodniczący Rady Miejskiej</p>',
  ]),
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const tab = await browser.newPage();
  for (const [name, html] of Object.entries(DOCUMENTS)) {
    await tab.setContent(html);
    const pdf = await tab.pdf({
      format: 'A4',
      margin: { top: '2.5cm', bottom: '2.5cm', left: '2.5cm', right: '2.5cm' },
    });
    writeFileSync(new URL(name, OUT), pdf);
    process.stdout.write(`${name}: ${String(pdf.byteLength)} bytes\n`);
  }
} finally {
  await browser.close();
}
