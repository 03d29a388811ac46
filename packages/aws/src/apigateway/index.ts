// aws.apigateway
export { API, type APIArgs } from "./api.js";
export { RestAPI, type RestAPIArgs } from "./rest-api.js";
export type { Route, Method } from "./routes.js";
export type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
} from "aws-lambda";
