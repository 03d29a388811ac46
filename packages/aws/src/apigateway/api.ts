// apigateway.API: an HTTP API (API Gateway v2) whose routes run functions
// with payload format 2.0, served by the auto-deployed `$default` stage at
// `url`. Each route's handler becomes a function (or is one), and each
// function gets a permission for this API alone. Physical name
// `<name>-<7 hex>`; the API's id is AWS's.
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { checkObject, checkTags, defined } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES, type Tags } from "../core/types.js";
import type { Permission } from "../lambda/permission.js";
import { grantRoutes } from "./grants.js";
import { declareRoutes, type Route } from "./routes.js";

export interface APIArgs {
  routes: Array<Route<APIGatewayProxyEventV2>>;
  tags?: Tags;
}

export const API_OUTPUTS = ["apiId", "apiEndpoint", "url", "executionArn"] as const;

export class API extends Resource {
  /** Where the API answers, ending with `/` (`https://<id>.execute-api.<region>.amazonaws.com/`; locally `http://127.0.0.1:<port>/`). */
  readonly url: Output<string>;
  readonly apiId: Output<string>;
  /** The URL without the trailing `/`, as AWS reports it. */
  readonly apiEndpoint: Output<string>;
  /** `arn:aws:execute-api:<region>:<account>:<apiId>`, what permissions name. */
  readonly executionArn: Output<string>;
  /** The permission of each function the routes run. */
  readonly permissions: Permission[];

  constructor(name: string, args: APIArgs, options: ResourceOptions = {}) {
    const reading = "readId" in options;
    const given = checkObject(TYPES.httpApi, name, args) as Partial<APIArgs>;
    checkTags(TYPES.httpApi, name, given.tags);
    const routes = reading ? [] : declareRoutes(TYPES.httpApi, name, given.routes, false);
    const inputs = defined({ routes: routes.map((route) => ({ method: route.method, path: route.path, function: route.func.arn })), tags: given.tags });
    super(TYPES.httpApi, name, reading ? {} : inputs, options, API_OUTPUTS);
    this.url = this.output("url");
    this.apiId = this.output("apiId");
    this.apiEndpoint = this.output("apiEndpoint");
    this.executionArn = this.output("executionArn");
    this.permissions = grantRoutes(name, routes, this.executionArn);
  }

  /** The existing HTTP API `id` (its API id), read and never changed. */
  static get(name: string, id: Input<string>): API {
    return new API(name, { routes: [] }, { readId: id } as ResourceOptions);
  }
}
