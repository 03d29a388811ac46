// Which stage of an API a request is for, and that stage's compiled route
// table, kept in memory per API and dropped whenever the API or one of its
// parts is written. HTTP APIs: a path starting with a named stage goes to
// it, any other to the `$default` stage. REST APIs: the first segment is
// always the stage (`/prod/items/1`).
import type { ApiRow, ApiStore } from "./api-store.js";
import { stageTable, type StageDoc } from "./http-api-stages.js";
import type { RestApiDoc } from "./rest-apis.js";
import { restStageTable, type RestStageDoc } from "./rest-stages.js";
import { CompiledTable } from "./route-table.js";

interface ServedStage {
  variables: Record<string, string>;
  /** Undefined when nothing is deployed to the stage. */
  table: CompiledTable | undefined;
}

interface ServedApi {
  api: ApiRow;
  binaryMediaTypes: readonly string[];
  stages: Map<string, ServedStage>;
}

export interface ApiMatch {
  api: ApiRow;
  binaryMediaTypes: readonly string[];
  /** The stage the path is for, if any. */
  stage: StageMatch | undefined;
}

export interface StageMatch {
  stageName: string;
  variables: Record<string, string>;
  table: CompiledTable | undefined;
  /** The request's raw path without the stage prefix (`/` at least). */
  path: string;
}

export class ServedApis {
  readonly #store: ApiStore;
  readonly #cache = new Map<string, ServedApi>();

  constructor(store: ApiStore) {
    this.#store = store;
    store.onChange((apiId) => this.#cache.delete(apiId));
  }

  /** The API and the stage `rawPath` is for; undefined when the API is gone. */
  resolve(apiId: string, rawPath: string): ApiMatch | undefined {
    const served = this.#served(apiId);
    if (served === undefined) return undefined;
    return { api: served.api, binaryMediaTypes: served.binaryMediaTypes, stage: stageOf(served, rawPath) };
  }

  #served(apiId: string): ServedApi | undefined {
    const cached = this.#cache.get(apiId);
    if (cached !== undefined) return cached;
    const api = this.#store.getApi(apiId, "http") ?? this.#store.getApi(apiId, "rest");
    if (api === undefined) return undefined;
    const stages = new Map<string, ServedStage>();
    if (api.kind === "http") {
      for (const stage of this.#store.listItems<StageDoc>(apiId, "stage")) {
        const table = stageTable(this.#store, apiId, stage);
        stages.set(stage.stageName, { variables: stage.stageVariables, table: table === undefined ? undefined : new CompiledTable(table) });
      }
    } else {
      for (const stage of this.#store.listItems<RestStageDoc>(apiId, "stage")) {
        const table = restStageTable(this.#store, apiId, stage);
        stages.set(stage.stageName, { variables: stage.variables, table: table === undefined ? undefined : new CompiledTable(table) });
      }
    }
    const served = { api, binaryMediaTypes: api.kind === "rest" ? ((api.doc as RestApiDoc).binaryMediaTypes ?? []) : [], stages };
    this.#cache.set(apiId, served);
    return served;
  }
}

function stageOf(served: ServedApi, rawPath: string): StageMatch | undefined {
  const first = rawPath.split("/")[1] ?? "";
  const named = first !== "" && first !== "$default" ? served.stages.get(decode(first)) : undefined;
  if (named !== undefined) return { stageName: decode(first), ...named, path: rawPath.slice(first.length + 1) || "/" };
  const fallback = served.api.kind === "http" ? served.stages.get("$default") : undefined;
  return fallback === undefined ? undefined : { stageName: "$default", ...fallback, path: rawPath };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
