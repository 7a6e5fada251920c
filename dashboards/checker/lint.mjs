// Consistency rules the types cannot express: provisioned data source uids, unique ids.
import { allPanels } from './files.mjs';

const BUILTIN_DATASOURCES = new Set(['-- Grafana --', '-- Dashboard --', '-- Mixed --', 'grafana']);

function checkRef(ref, where, datasources, problems) {
  if (!ref) return;
  if (typeof ref === 'string') {
    problems.push(`${where}: datasource given by name (${JSON.stringify(ref)}); use { "type", "uid" }`);
    return;
  }
  if (BUILTIN_DATASOURCES.has(ref.uid) || /^\$\{?\w+\}?$/.test(ref.uid ?? '')) return;
  const ds = datasources.get(ref.uid);
  if (!ds) {
    problems.push(
      `${where}: data source uid ${JSON.stringify(ref.uid)} is not provisioned ` +
        `(known: ${[...datasources.keys()].join(', ')})`,
    );
  } else if (ref.type && ref.type !== ds.type) {
    problems.push(`${where}: data source ${ref.uid} has type ${ds.type}, not ${ref.type}`);
  }
}

/** @returns a list of problems, each a sentence naming where it is. */
export function lintDashboard(dashboard, datasources, seenUids, fileName) {
  const problems = [];
  if (!dashboard.uid) problems.push('dashboard has no uid (provisioned dashboards need a stable uid)');
  else if (dashboard.uid.length > 40) problems.push(`uid ${dashboard.uid} is longer than 40 characters`);
  else if (seenUids.has(dashboard.uid)) problems.push(`uid ${dashboard.uid} is also used by ${seenUids.get(dashboard.uid)}`);
  else seenUids.set(dashboard.uid, fileName);
  if (!dashboard.title) problems.push('dashboard has no title');

  const ids = new Map();
  for (const panel of allPanels(dashboard)) {
    const where = `panel ${panel.id ?? '?'} ${JSON.stringify(panel.title ?? '')}`;
    if (panel.id === undefined) problems.push(`${where}: no id`);
    else if (ids.has(panel.id)) problems.push(`${where}: id ${panel.id} also used by ${ids.get(panel.id)}`);
    else ids.set(panel.id, where);
    if (!panel.gridPos) problems.push(`${where}: no gridPos`);
    checkRef(panel.datasource, where, datasources, problems);
    const refIds = new Set();
    for (const target of panel.targets ?? []) {
      checkRef(target.datasource, `${where} target ${target.refId}`, datasources, problems);
      if (refIds.has(target.refId)) problems.push(`${where}: refId ${target.refId} used twice`);
      refIds.add(target.refId);
    }
  }
  for (const v of dashboard.templating?.list ?? []) {
    checkRef(v.datasource, `variable ${v.name}`, datasources, problems);
  }
  return problems;
}
