// Function packages for tests: a fixture handler (fixtures/cloud/<name>.mjs)
// zipped as index.mjs with the project's zip writer, a role Lambda can
// assume, and CreateFunction with both, as the engine will call it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CreateRoleCommand, EntityAlreadyExistsException } from "@aws-sdk/client-iam";
import { CreateFunctionCommand, type CreateFunctionCommandInput, type FunctionConfiguration } from "@aws-sdk/client-lambda";
import { writeZip } from "@closure-pack/pack";
import { LAMBDA_TRUST_POLICY, type Clients } from "./clients.js";

export const FIXTURES = fileURLToPath(new URL("../../../../fixtures/cloud/", import.meta.url));
export const ROLE_ARN = "arn:aws:iam::000000000000:role/lambda-role";

/** A zip holding `files` (path -> source). */
export function zipOf(files: Record<string, string>): Promise<Buffer> {
  return writeZip(Object.entries(files).map(([path, bytes]) => ({ path, bytes })));
}

/** fixtures/cloud/<fixture>.mjs zipped as index.mjs (handler index.handler). */
export function fixtureZip(fixture: string): Promise<Buffer> {
  return zipOf({ "index.mjs": readFileSync(`${FIXTURES}${fixture}.mjs`, "utf8") });
}

/** The role every test function uses, created once per daemon. */
export async function ensureRole(aws: Clients): Promise<string> {
  try {
    await aws.iam.send(new CreateRoleCommand({ RoleName: "lambda-role", AssumeRolePolicyDocument: LAMBDA_TRUST_POLICY }));
  } catch (error) {
    if (!(error instanceof EntityAlreadyExistsException)) throw error;
  }
  return ROLE_ARN;
}

/** CreateFunction of a fixture, nodejs22.x, index.handler, with `extra` settings. */
export async function createFixtureFunction(
  aws: Clients,
  name: string,
  fixture: string,
  extra: Partial<CreateFunctionCommandInput> = {},
): Promise<FunctionConfiguration> {
  await ensureRole(aws);
  return aws.lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: "nodejs22.x",
      Role: ROLE_ARN,
      Handler: "index.handler",
      Code: { ZipFile: await fixtureZip(fixture) },
      ...extra,
    }),
  );
}
