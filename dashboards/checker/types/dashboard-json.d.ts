/**
 * Guardian's view of a Grafana dashboard JSON file, built from Grafana's own types (@grafana/schema).
 *
 * The checker generates one .ts file per dashboard that assigns the parsed JSON, as an object
 * literal, to these types; `tsc --noEmit` then rejects unknown properties (excess property checks)
 * and mistyped values. Three layers are checked:
 *   1. the whole dashboard against Grafana's `Dashboard`;
 *   2. each panel against its panel plugin's `Options` / `FieldConfig` (from `raw/composable/…`);
 *   3. each query target against the query model of its data source (ClickHouse, Elasticsearch,
 *      InfluxQL), modelled below on the plugins' own query types.
 */
import type * as grafana from '@grafana/schema';
import type * as AnnotationsList from '@grafana/schema/dist/esm/raw/composable/annotationslist/panelcfg/x/AnnotationsListPanelCfg_types.gen';
import type * as BarChart from '@grafana/schema/dist/esm/raw/composable/barchart/panelcfg/x/BarChartPanelCfg_types.gen';
import type * as BarGauge from '@grafana/schema/dist/esm/raw/composable/bargauge/panelcfg/x/BarGaugePanelCfg_types.gen';
import type * as Candlestick from '@grafana/schema/dist/esm/raw/composable/candlestick/panelcfg/x/CandlestickPanelCfg_types.gen';
import type * as Canvas from '@grafana/schema/dist/esm/raw/composable/canvas/panelcfg/x/CanvasPanelCfg_types.gen';
import type * as DashboardList from '@grafana/schema/dist/esm/raw/composable/dashboardlist/panelcfg/x/DashboardListPanelCfg_types.gen';
import type * as Gauge from '@grafana/schema/dist/esm/raw/composable/gauge/panelcfg/x/GaugePanelCfg_types.gen';
import type * as Geomap from '@grafana/schema/dist/esm/raw/composable/geomap/panelcfg/x/GeomapPanelCfg_types.gen';
import type * as Heatmap from '@grafana/schema/dist/esm/raw/composable/heatmap/panelcfg/x/HeatmapPanelCfg_types.gen';
import type * as Histogram from '@grafana/schema/dist/esm/raw/composable/histogram/panelcfg/x/HistogramPanelCfg_types.gen';
import type * as Logs from '@grafana/schema/dist/esm/raw/composable/logs/panelcfg/x/LogsPanelCfg_types.gen';
import type * as NodeGraph from '@grafana/schema/dist/esm/raw/composable/nodegraph/panelcfg/x/NodeGraphPanelCfg_types.gen';
import type * as PieChart from '@grafana/schema/dist/esm/raw/composable/piechart/panelcfg/x/PieChartPanelCfg_types.gen';
import type * as Stat from '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen';
import type * as StateTimeline from '@grafana/schema/dist/esm/raw/composable/statetimeline/panelcfg/x/StateTimelinePanelCfg_types.gen';
import type * as StatusHistory from '@grafana/schema/dist/esm/raw/composable/statushistory/panelcfg/x/StatusHistoryPanelCfg_types.gen';
import type * as Table from '@grafana/schema/dist/esm/raw/composable/table/panelcfg/x/TablePanelCfg_types.gen';
import type * as Text from '@grafana/schema/dist/esm/raw/composable/text/panelcfg/x/TextPanelCfg_types.gen';
import type * as TimeSeries from '@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen';
import type * as Trend from '@grafana/schema/dist/esm/raw/composable/trend/panelcfg/x/TrendPanelCfg_types.gen';
import type * as XYChart from '@grafana/schema/dist/esm/raw/composable/xychart/panelcfg/x/XYChartPanelCfg_types.gen';

/**
 * How a value of type T is written in JSON. Grafana's types use TypeScript string enums
 * (e.g. ThresholdsMode.Absolute); in JSON those are their plain string values ("absolute").
 */
export type Json<T> = T extends string
  ? `${T}`
  : T extends number | boolean | null | undefined
    ? T
    : T extends ReadonlyArray<infer U>
      ? Array<Json<U>>
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

/** Grafana fills panel options from the plugin's defaults, so a panel may omit any of them. */
export type DeepPartial<T> = T extends ReadonlyArray<infer U>
  ? Array<DeepPartial<U>>
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A whole dashboard, exactly as Grafana's own Dashboard type describes it. */
export type DashboardJson = Json<grafana.Dashboard>;

type NoCustom = Record<string, unknown>;

/** Core panel plugins by panel `type` id: their options and per-field custom config. */
export interface PanelPlugins {
  annolist: { options: AnnotationsList.Options; custom: NoCustom };
  barchart: { options: BarChart.Options; custom: BarChart.FieldConfig };
  bargauge: { options: BarGauge.Options; custom: NoCustom };
  candlestick: { options: Candlestick.Options; custom: Candlestick.FieldConfig };
  canvas: { options: Canvas.Options; custom: NoCustom };
  dashlist: { options: DashboardList.Options; custom: NoCustom };
  gauge: { options: Gauge.Options; custom: NoCustom };
  geomap: { options: Geomap.Options; custom: NoCustom };
  heatmap: { options: Heatmap.Options; custom: Heatmap.FieldConfig };
  histogram: { options: Histogram.Options; custom: Histogram.FieldConfig };
  logs: { options: Logs.Options; custom: NoCustom };
  nodeGraph: { options: NodeGraph.Options; custom: NoCustom };
  piechart: { options: PieChart.Options; custom: PieChart.FieldConfig };
  stat: { options: Stat.Options; custom: NoCustom };
  'state-timeline': { options: StateTimeline.Options; custom: StateTimeline.FieldConfig };
  'status-history': { options: StatusHistory.Options; custom: StatusHistory.FieldConfig };
  table: { options: Table.Options; custom: Table.FieldConfig };
  text: { options: Text.Options; custom: NoCustom };
  timeseries: { options: TimeSeries.Options; custom: TimeSeries.FieldConfig };
  trend: { options: Trend.Options; custom: Trend.FieldConfig };
  xychart: { options: XYChart.Options; custom: XYChart.FieldConfig };
}

type FieldConfigJson<Custom> = Omit<Json<grafana.FieldConfigSource>, 'defaults'> & {
  defaults: Omit<Json<grafana.FieldConfig>, 'custom'> & { custom?: DeepPartial<Json<Custom>> };
};

/** One panel of a core panel type, with its plugin's options and field config. */
export type PanelJson<Type extends keyof PanelPlugins> = Omit<
  Json<grafana.Panel>,
  'type' | 'options' | 'fieldConfig'
> & {
  type: Type;
  options?: DeepPartial<Json<PanelPlugins[Type]['options']>>;
  fieldConfig?: FieldConfigJson<PanelPlugins[Type]['custom']>;
};

/** A row; its panels (when collapsed) are checked one by one as panels. */
export type RowPanelJson = Omit<Json<grafana.RowPanel>, 'panels'> & { panels: unknown[] };

interface TargetBase {
  refId: string;
  hide?: boolean;
  key?: string;
  queryType?: string;
}

/**
 * grafana-clickhouse-datasource (v4) query in the SQL editor. The checker runs `rawSql`; builder
 * mode is not accepted (its SQL is generated in the browser, so it cannot be checked here).
 */
export interface ClickHouseTarget extends TargetBase {
  datasource?: { type: 'grafana-clickhouse-datasource'; uid: string };
  editorType: 'sql';
  rawSql: string;
  /** table | logs | timeSeries | traces */
  queryType?: 'table' | 'logs' | 'timeSeries' | 'traces';
  /** 0 time series, 1 table, 2 logs, 3 traces, 4 auto */
  format?: 0 | 1 | 2 | 3 | 4;
  selectedFormat?: 0 | 1 | 2 | 3 | 4;
  pluginVersion?: string;
  database?: string;
  table?: string;
  expand?: boolean;
  meta?: { timezone?: string; builderOptions?: Record<string, unknown> };
}

type EsSettingValue = string;

export type ElasticsearchBucketAgg =
  | {
      id: string;
      type: 'date_histogram';
      field?: string;
      settings?: {
        interval?: string;
        min_doc_count?: EsSettingValue;
        trimEdges?: EsSettingValue;
        offset?: string;
        timeZone?: string;
      };
    }
  | {
      id: string;
      type: 'histogram';
      field?: string;
      settings?: { interval?: EsSettingValue; min_doc_count?: EsSettingValue };
    }
  | {
      id: string;
      type: 'terms';
      field?: string;
      settings?: {
        order?: 'desc' | 'asc';
        size?: EsSettingValue;
        min_doc_count?: EsSettingValue;
        orderBy?: string;
        missing?: string;
      };
    }
  | {
      id: string;
      type: 'filters';
      settings?: { filters?: Array<{ query: string; label: string }> };
    }
  | { id: string; type: 'geohash_grid'; field?: string; settings?: { precision?: EsSettingValue } }
  | { id: string; type: 'nested'; field?: string; settings?: Record<string, unknown> };

type InlineScript = string | { inline?: string };

export type ElasticsearchMetric =
  | { id: string; hide?: boolean; type: 'count' }
  | {
      id: string;
      hide?: boolean;
      type: 'avg' | 'sum' | 'min' | 'max';
      field?: string;
      settings?: { script?: InlineScript; missing?: string };
    }
  | {
      id: string;
      hide?: boolean;
      type: 'extended_stats';
      field?: string;
      meta?: Record<string, unknown>;
      settings?: { script?: InlineScript; missing?: string; sigma?: string };
    }
  | {
      id: string;
      hide?: boolean;
      type: 'percentiles';
      field?: string;
      settings?: { script?: InlineScript; missing?: string; percents?: string[] };
    }
  | {
      id: string;
      hide?: boolean;
      type: 'cardinality';
      field?: string;
      settings?: { precision_threshold?: string; missing?: string };
    }
  | { id: string; hide?: boolean; type: 'raw_document' | 'raw_data'; settings?: { size?: string } }
  | { id: string; hide?: boolean; type: 'logs'; settings?: { limit?: string } }
  | { id: string; hide?: boolean; type: 'rate'; field?: string; settings?: { unit?: string; mode?: string } }
  | {
      id: string;
      hide?: boolean;
      type: 'top_metrics';
      settings?: { order?: string; orderBy?: string; metrics?: string[] };
    }
  | {
      id: string;
      hide?: boolean;
      type: 'derivative' | 'serial_diff' | 'cumulative_sum' | 'moving_avg' | 'moving_fn';
      field?: string;
      pipelineAgg?: string;
      settings?: Record<string, unknown>;
    }
  | {
      id: string;
      hide?: boolean;
      type: 'bucket_script';
      pipelineVariables?: Array<{ name: string; pipelineAgg: string }>;
      settings?: { script?: InlineScript };
    };

/** Grafana's core Elasticsearch query (Lucene query string + metric and bucket aggregations). */
export interface ElasticsearchTarget extends TargetBase {
  datasource?: { type: 'elasticsearch'; uid: string };
  queryType?: 'lucene';
  query?: string;
  alias?: string;
  metrics: ElasticsearchMetric[];
  bucketAggs: ElasticsearchBucketAgg[];
  timeField?: string;
  editorType?: string;
}

/** Grafana's core InfluxDB query in InfluxQL raw mode (the checker runs `query` as written). */
export interface InfluxQLTarget extends TargetBase {
  datasource?: { type: 'influxdb'; uid: string };
  rawQuery: true;
  query: string;
  resultFormat?: 'time_series' | 'table' | 'logs';
  alias?: string;
  orderByTime?: 'ASC' | 'DESC';
  policy?: string;
  tz?: string;
}

/** Query models by data source plugin type. */
export interface Targets {
  'grafana-clickhouse-datasource': ClickHouseTarget;
  elasticsearch: ElasticsearchTarget;
  influxdb: InfluxQLTarget;
}
