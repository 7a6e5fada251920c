// Finds the dashboards and the provisioned data sources the checker works on.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

const NOT_DASHBOARDS = new Set(['package.json', 'package-lock.json', 'tsconfig.json']);

/** Every dashboard JSON directly in the dashboards folder: new dashboards join the check by existing. */
export function listDashboards(dashboardsDir) {
  return fs
    .readdirSync(dashboardsDir)
    .filter((f) => f.endsWith('.json') && !NOT_DASHBOARDS.has(f))
    .sort()
    .map((f) => path.join(dashboardsDir, f));
}

export function readDashboard(file) {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path.basename(file)} is not valid JSON: ${e.message}`);
  }
}

/** uid → data source, from every provisioning/datasources/*.yaml. */
export function loadDatasources(dashboardsDir) {
  const dir = path.join(dashboardsDir, 'provisioning', 'datasources');
  const byUid = new Map();
  for (const f of fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const doc = parseYaml(fs.readFileSync(path.join(dir, f), 'utf8')) ?? {};
    for (const ds of doc.datasources ?? []) {
      if (!ds.uid) throw new Error(`provisioning/datasources/${f}: data source "${ds.name}" has no uid`);
      if (byUid.has(ds.uid)) throw new Error(`provisioning/datasources/${f}: duplicate data source uid ${ds.uid}`);
      byUid.set(ds.uid, { ...ds, jsonData: ds.jsonData ?? {}, file: f });
    }
  }
  return byUid;
}

export function defaultDatasource(datasources) {
  return [...datasources.values()].find((ds) => ds.isDefault) ?? null;
}

/** Panels in layout order, including the panels of collapsed rows; rows themselves included. */
export function allPanels(dashboard) {
  const out = [];
  for (const p of dashboard.panels ?? []) {
    out.push(p);
    if (p.type === 'row') out.push(...(p.panels ?? []));
  }
  return out;
}
