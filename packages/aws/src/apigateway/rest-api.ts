// apigateway.RestAPI: a REST API (API Gateway v1) whose routes run
// functions through Lambda proxy integrations (payload format 1.0),
// deployed to one stage (`stageName`, default "stage" as in Pulumi
// Crosswalk) at `url`. Routes become a tree of resources with a method
// each; each function gets a permission for this API alone.
import type { APIGatewayProxyEvent } from "aws-lambda";
import { checkObject, checkTags, defined, invalidArgument } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES, type Tags } from "../core/types.js";
import type { Permission } from "../lambda/permission.js";
import { API_OUTPUTS } from "./api.js";
import { grantRoutes } from "./grants.js";
import { declareRoutes, type Route } from "./routes.js";

export interface RestAPIArgs {
  routes: Array<Route<APIGatewayProxyEvent>>;
  /** The stage the API is deployed to, the first segment of `url`'s path. Default "stage". */
  stageName?: string;
  /** Media types whose bodies reach the function as base64 (and may be answered as binary), e.g. ["image/png"] or ["*\/*"]. */
  binaryMediaTypes?: string[];
  tags?: Tags;
}

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

export class RestAPI extends Resource {
  /** The stage's URL, ending with `/` (`https://<id>.execute-api.<region>.amazonaws.com/<stage>/`). */
  readonly url: Output<string>;
  readonly apiId: Output<string>;
  /** The API's root URL, without the stage. */
  readonly apiEndpoint: Output<string>;
  readonly executionArn: Output<string>;
  readonly permissions: Permission[];

  constructor(name: string, args: RestAPIArgs, options: ResourceOptions = {}) {
    const reading = "readId" in options;
    const given = checkObject(TYPES.restApi, name, args) as Partial<RestAPIArgs>;
    checkTags(TYPES.restApi, name, given.tags);
    const stageName = given.stageName ?? "stage";
    if (typeof stageName !== "string" || !STAGE_NAME.test(stageName)) {
      throw invalidArgument(TYPES.restApi, name, `"stageName" must be letters, digits, '_' and '-' (at most 128), got ${JSON.stringify(stageName)}`);
    }
    const binaryMediaTypes = given.binaryMediaTypes;
    if (
      binaryMediaTypes !== undefined &&
      (!Array.isArray(binaryMediaTypes) || binaryMediaTypes.some((type) => typeof type !== "string" || !type.includes("/")))
    ) {
      throw invalidArgument(TYPES.restApi, name, `"binaryMediaTypes" must list media types such as "image/png" or "*/*"`);
    }
    const routes = reading ? [] : declareRoutes(TYPES.restApi, name, given.routes, true);
    const inputs = defined({
      routes: routes.map((route) => ({ method: route.method, path: route.path, function: route.func.arn })),
      stageName,
      binaryMediaTypes,
      tags: given.tags,
    });
    super(TYPES.restApi, name, reading ? {} : inputs, options, API_OUTPUTS);
    this.url = this.output("url");
    this.apiId = this.output("apiId");
    this.apiEndpoint = this.output("apiEndpoint");
    this.executionArn = this.output("executionArn");
    this.permissions = grantRoutes(name, routes, this.executionArn);
  }

  /** The existing REST API `id` (its API id), read and never changed. */
  static get(name: string, id: Input<string>): RestAPI {
    return new RestAPI(name, { routes: [] }, { readId: id } as ResourceOptions);
  }
}
