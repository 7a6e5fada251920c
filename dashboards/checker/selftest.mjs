// The checker checks itself: a check that cannot fail is a defect. Each self-test feeds the step a
// fixture that must fail in known ways (and, for queries, panels that must pass).
import path from 'node:path';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

export const BROKEN_DASHBOARD = path.join(FIXTURES, 'broken-dashboard.json');
export const QUERIES_DASHBOARD = path.join(FIXTURES, 'queries-selftest.json');

/** Each mistake planted in broken-dashboard.json and how tsc must name it. */
const PLANTED = [
  { what: 'misspelt timepicker.refreshIntervals', at: '$.timepicker.refreshIntervals', text: /refreshIntervals/ },
  { what: 'schemaVersion as a string', at: '$.schemaVersion', text: /not assignable to type 'number'/ },
  { what: 'unknown panel property gridPoss', at: '$.panels[0].gridPoss', text: /gridPoss/ },
  { what: 'legend placement "middle"', at: '$.panels[1].options.legend.placement', text: /"middle"/ },
  { what: 'misspelt ClickHouse rawSQL', at: '$.panels[2].targets[0].rawSQL', text: /rawSQL/ },
  { what: 'lineWidth as a string', at: '$.panels[3].fieldConfig.defaults.custom.lineWidth', text: /not assignable to type 'number'/ },
  { what: 'unknown panel type timeseriez', at: '$.panels[4]', text: /timeseriez/ },
];

/** @returns problems: planted mistakes the type check let through. */
export function judgeBrokenDashboard(errors) {
  return PLANTED.filter(
    (p) => !errors.some((e) => (e.path === p.at || e.path.startsWith(`${p.at}.`) || e.path.startsWith(`${p.at}[`)) && p.text.test(e.message)),
  ).map((p) => `the type check let through: ${p.what} (${p.at})`);
}

/** Panels titled "expect OK: …" must pass, "expect FAIL: …" must fail. */
export function judgeQueryResults(results) {
  const problems = [];
  for (const r of results) {
    const want = r.title.match(/^expect (OK|FAIL):/)?.[1];
    if (!want) continue;
    const got = r.ok ? 'OK' : 'FAIL';
    if (want !== got) {
      problems.push(`"${r.title}" was ${got}${r.errors.length ? `: ${r.errors.join('; ')}` : ''}`);
    }
  }
  return problems;
}
