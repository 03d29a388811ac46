// The permissions an API's routes need: one lambda.Permission per function
// of the API, letting apigateway.amazonaws.com invoke it for this API's
// execute-api ARN only (any stage, method and route of this API, no other
// API). A closure's permission has its function's name; a function passed in
// gets `<api>-<function>`.
import { interpolate, type Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { Permission } from "../lambda/permission.js";
import type { DeclaredRoute } from "./routes.js";

export function grantRoutes(api: string, routes: readonly DeclaredRoute[], executionArn: Output<string>): Permission[] {
  const granted = new Map<object, Permission>();
  for (const route of routes) {
    if (granted.has(route.func)) continue;
    const functionName = descriptorOf(route.func)?.name ?? route.path;
    const name = route.made ? functionName : `${api}-${functionName}`;
    granted.set(route.func, new Permission(name, { function: route.func, principal: "apigateway.amazonaws.com", sourceArn: interpolate`${executionArn}/*/*` }));
  }
  return [...granted.values()];
}
