// The region the shared config file gives a profile (`region = …` in
// ~/.aws/config, or AWS_CONFIG_FILE), read as the SDK reads it: what
// `--target aws` uses when neither --region nor AWS_REGION says.
import { stsApi } from "./sdk.js";

/** The configured region of `profile` (else AWS_PROFILE, else default), or undefined when none is set. */
export async function configuredRegion(profile: string | undefined): Promise<string | undefined> {
  const client = new (stsApi().STSClient)(profile === undefined ? {} : { profile });
  try {
    return await client.config.region();
  } catch {
    // "Region is missing": no region configured for that profile.
    return undefined;
  } finally {
    client.destroy();
  }
}
