// AWS's naming rules for general purpose buckets
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html),
// checked by CreateBucket: a name that breaks one is InvalidBucketName.

const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/** The rule `name` breaks, or undefined when it is a valid bucket name. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return "must be 3 to 63 characters long";
  if (!/^[a-z0-9.-]+$/.test(name)) return "may contain only lower-case letters, digits, dots and hyphens";
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return "must begin and end with a letter or digit";
  if (name.includes("..")) return "must not contain two adjacent dots";
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return "must not be formatted as an IP address";
  if (RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix))) return "must not start with a reserved prefix";
  if (RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix))) return "must not end with a reserved suffix";
  return undefined;
}
