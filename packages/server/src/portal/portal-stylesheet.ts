/*
 * The portal's one stylesheet, served at /portal/portal.css. Kept in a module rather than a .css
 * file so that the build carries it without a copy step. System fonts only (no downloads), text
 * at least 4.5:1 against its background (navy #1b2a4a and #0b4f8a on white, white on navy), a
 * focus ring on everything that takes focus, and one column that reads at 360 px.
 */
export const PORTAL_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  line-height: 1.5; color: #1a1a1a; background: #ffffff; -webkit-text-size-adjust: 100%; }
body { margin: 0; overflow-wrap: anywhere; }
a { color: #0b4f8a; text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { color: #062f55; }
:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 1rem;
  background: #1b2a4a; color: #ffffff; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.site-header { background: #1b2a4a; color: #ffffff; padding: 0.75rem 1rem; }
.site-header a { color: #ffffff; }
.site-name { margin: 0; font-weight: 700; font-size: 1.125rem; }
.languages ul { list-style: none; margin: 0.5rem 0 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: 0.25rem 1rem; }
.languages a[aria-current="true"] { font-weight: 700; text-decoration-thickness: 3px; }
main { display: block; max-width: 60rem; margin: 0 auto; padding: 1rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.375rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.125rem; margin: 0 0 0.5rem; }
.lead { font-size: 1.125rem; }
.way-back { margin: 0 0 0.5rem; }
.plain, .cards, .agenda, .documents, .columns { list-style: none; padding: 0; margin: 0; }
.plain li { margin: 0.25rem 0; }
.columns { columns: 16rem; }
.columns li { margin: 0.25rem 0; break-inside: avoid; }
.cards > li, .card { border: 1px solid #767676; border-radius: 0.5rem; padding: 0.75rem 1rem;
  margin: 0 0 0.75rem; }
.facts { margin: 0.5rem 0; }
.fact { display: flex; flex-wrap: wrap; gap: 0 0.5rem; }
.fact dt { font-weight: 600; }
.fact dt::after { content: ":"; }
.fact dd { margin: 0; }
.agenda > li { margin: 0.5rem 0; }
.agenda .number { font-weight: 700; }
.agenda .depth-1 { margin-left: 1.5rem; }
.agenda .depth-2 { margin-left: 3rem; }
.documents { margin: 0.25rem 0 0 1.5rem; }
.figures, .counts { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.5rem 0; }
.figure, .count { border: 1px solid #767676; border-radius: 0.5rem; padding: 0.5rem 0.75rem;
  min-width: 8rem; }
.figure dd, .count dd { margin: 0; font-size: 1.5rem; font-weight: 700; }
.verdict { font-weight: 700; font-size: 1.125rem; margin: 0.25rem 0; }
.verdict--passed { color: #1d6b2f; }
.verdict--failed { color: #a3191f; }
.arithmetic { font-style: italic; }
.warning { color: #a3191f; font-weight: 600; }
.meta { color: #4a4a4a; }
.text { white-space: pre-line; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; overflow-wrap: break-word; }
th, td { text-align: left; vertical-align: top; padding: 0.375rem 0.5rem;
  border-bottom: 1px solid #767676; }
thead th { border-bottom-width: 2px; }
fieldset { border: 1px solid #767676; border-radius: 0.5rem; display: flex; flex-wrap: wrap;
  gap: 0.75rem; align-items: flex-end; }
label { display: flex; flex-direction: column; font-weight: 600; gap: 0.25rem; }
select, input, textarea, button { font: inherit; min-height: 2.75rem; padding: 0.25rem 0.5rem;
  border: 1px solid #4a4a4a; border-radius: 0.25rem; background: #ffffff; color: #1a1a1a; }
button { background: #1b2a4a; color: #ffffff; border-color: #1b2a4a; cursor: pointer; }
.speak-form input, .speak-form select, .speak-form textarea { box-sizing: border-box;
  width: 100%; max-width: 40rem; }
.speak-form .meta, .speak-form .warning { display: block; font-weight: 400; margin-top: 0.25rem; }
.problems { border: 2px solid #a3191f; border-radius: 0.5rem; padding: 0 1rem; margin: 1rem 0; }
.search-row { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.25rem; }
.search-row input { flex: 1 1 12rem; }
.site-footer { border-top: 1px solid #767676; padding: 1rem; max-width: 60rem; margin: 2rem auto 0; }
.person-votes td:first-child { white-space: nowrap; }
.person-votes .meta, .register .meta { display: block; font-weight: 400; font-size: 0.875rem; }
.consult-form .question { margin: 1rem 0; }
.consult-form fieldset.question { display: block; max-width: 40rem; padding: 0.5rem 1rem 0.75rem; }
.consult-form legend { font-weight: 600; padding: 0 0.25rem; }
.consult-form label.choice { flex-direction: row; align-items: center; gap: 0.5rem;
  font-weight: 400; margin: 0.25rem 0; }
.consult-form label.choice input { width: auto; min-height: 1.5rem; min-width: 1.5rem; margin: 0; }
.consult-form .scale { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
.consult-form .rank { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem;
  margin: 0.5rem 0; }
.consult-form .rank label { font-weight: 400; flex: 1 1 10rem; }
.consult-form .rank select { width: auto; flex: 0 0 auto; }
.marker { font-weight: 400; color: #4a4a4a; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
.month-nav { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; }
.month { table-layout: fixed; font-size: 0.875rem; }
.month caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
.month td { border: 1px solid #767676; height: 3.5rem; padding: 0.25rem; }
.month th { text-align: center; }
.month abbr { text-decoration: none; }
.month .day { display: block; font-weight: 700; }
.month .today { background: #eef3fa; }
.month .today .day { text-decoration: underline; }
.results { max-width: 40rem; }
.results th[scope="row"] { font-weight: 400; }
.results .bar-cell { width: 40%; vertical-align: middle; }
.bar { display: block; }
.texts { padding-left: 1.25rem; }
.texts li { margin: 0.25rem 0; }
@media (max-width: 30rem) {
  .month { font-size: 0.75rem; }
  .month td { padding: 0.125rem; }
  h1 { font-size: 1.5rem; }
  th, td { padding: 0.375rem 0.25rem; }
}
`;
