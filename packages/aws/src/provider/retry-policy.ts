// How the provider retries, in one place. Two kinds of retry, each bounded:
// - what AWS says to retry (throttling, 5xx, timeouts, connection resets):
//   the SDK's "standard" retry mode on every client, with maxAttempts from
//   the target (AWS_MAX_ATTEMPTS), else DEFAULT_MAX_ATTEMPTS;
// - AWS converging (a new role not yet assumable, a function mid-update):
//   the provider's own `retrying` (calls.ts), ProviderOptions.retries times.
import type { Target } from "./target.js";

/**
 * Attempts per call (the first one included) for errors AWS marks
 * retryable. The SDK's default is 3; a deploy makes bursts of control-plane
 * calls (IAM, Lambda), which AWS throttles at a few per second per account,
 * so closure-pack allows more. The SDK's standard mode waits a random time
 * up to base × 2^retry between attempts (base 1 s after a throttling error,
 * 50 ms after others; each wait at most 20 s), so 8 attempts give up after
 * at most about 70 s of waiting on throttling, about 35 s on average.
 * The SDK also stops early when its per-client retry quota runs out.
 */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** The errors the standard mode retries, by AWS error code (besides HTTP 429, 500, 502, 503, 504 and timeouts). */
export const THROTTLING_CODES: readonly string[] = [
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "TransactionInProgressException",
  "RequestLimitExceeded",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "RequestThrottled",
  "SlowDown",
  "PriorRequestNotComplete",
  "EC2ThrottledException",
];

export interface ClientRetryConfig {
  retryMode: "standard";
  maxAttempts: number;
}

/** The retry settings every @aws-sdk client of a target gets. */
export function clientRetryConfig(target: Target): ClientRetryConfig {
  return { retryMode: "standard", maxAttempts: target.maxAttempts ?? DEFAULT_MAX_ATTEMPTS };
}

export function isThrottling(code: string): boolean {
  return THROTTLING_CODES.includes(code);
}
