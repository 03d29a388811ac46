// Resolving what a crashed run left in `pending`, against moto: each
// journaled operation is read back by its id and adopted or forgotten.
import { CreateBucketCommand, GetBucketTaggingCommand, PutBucketTaggingCommand } from "@aws-sdk/client-s3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { Journal } from "../src/engine/journal.js";
import { recoverPending } from "../src/engine/recover.js";
import { emptyState, readState, type PendingOperation, type ResourceState } from "../src/engine/state.js";
import { createProviderContext, type ProviderContext } from "../src/provider/context.js";
import { providerFor } from "../src/provider/providers.js";
import { hasMoto, startMoto, type Moto } from "./support/moto.js";

const enabled = hasMoto();
let moto: Moto;
let sdk: ProviderContext;
let dir: string;

beforeAll(async () => {
  if (!enabled) return;
  moto = await startMoto();
  sdk = createProviderContext(
    { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
    { stack: "dev", project: "p" },
  );
});
afterAll(async () => {
  sdk?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  if (!enabled) return;
  await moto.reset();
  // Made by this stack (a create cut short sets the tags), and one someone else made.
  await sdk.clients.s3.send(new CreateBucketCommand({ Bucket: "exists-1234567" }));
  const ours = [
    { Key: "closure-pack:project", Value: "p" },
    { Key: "closure-pack:stack", Value: "dev" },
    { Key: "closure-pack:name", Value: "docs" },
  ];
  await sdk.clients.s3.send(new PutBucketTaggingCommand({ Bucket: "exists-1234567", Tagging: { TagSet: ours } }));
  await sdk.clients.s3.send(new CreateBucketCommand({ Bucket: "theirs-1234567" }));
  await sdk.clients.s3.send(new PutBucketTaggingCommand({ Bucket: "theirs-1234567", Tagging: { TagSet: [{ Key: "owner", Value: "them" }] } }));
  dir = mkdtempSync(join(tmpdir(), "aws-recover-"));
  return () => rmSync(dir, { recursive: true, force: true });
});

const BUCKET = "aws:s3:Bucket";
const record = (id: string): ResourceState => ({
  type: BUCKET,
  name: "docs",
  id,
  generation: 0,
  inputs: { forceDestroy: false },
  outputs: { bucketName: id },
  dependencies: [],
});
const pending = (op: PendingOperation["op"], id: string): PendingOperation => ({
  op,
  type: BUCKET,
  name: "docs",
  id,
  generation: 0,
  inputs: { forceDestroy: false },
  dependencies: [],
});

const CASES: Array<{ name: string; before: ResourceState[]; op: PendingOperation; after: Array<Partial<ResourceState>> }> = [
  {
    name: "create: it happened, so it is adopted (dirty: the next plan makes it whole)",
    before: [],
    op: pending("create", "exists-1234567"),
    after: [{ id: "exists-1234567", dirty: true }],
  },
  { name: "create: it did not happen, so it is forgotten", before: [], op: pending("create", "missing-1234567"), after: [] },
  {
    name: "create: the name is held by a bucket this stack did not make (its tags say), so it is forgotten, never adopted",
    before: [],
    op: pending("create", "theirs-1234567"),
    after: [],
  },
  {
    name: "update: it may have half happened, so the record is dirty",
    before: [record("exists-1234567")],
    op: pending("update", "exists-1234567"),
    after: [{ id: "exists-1234567", dirty: true }],
  },
  { name: "delete: it happened, so the record goes", before: [record("missing-1234567")], op: pending("delete", "missing-1234567"), after: [] },
  {
    name: "delete: it did not happen, so the record stays (deleted again if still undeclared)",
    before: [record("exists-1234567")],
    op: pending("delete", "exists-1234567"),
    after: [{ id: "exists-1234567" }],
  },
];

describe.skipIf(!enabled)("recover pending operations", () => {
  test.each(CASES)("$name", async ({ before, op, after }) => {
    const state = emptyState("dev", "aws:us-east-1");
    state.resources.push(...before);
    state.pending.push(op);
    const journal = new Journal(dir, state);
    const resolved = await recoverPending(journal, providerFor, (name) => ({ ...sdk, name, artifact: () => Promise.reject(new Error("no code here")) }));
    expect(resolved).toBe(1);
    const written = readState(dir, "dev")!;
    expect(written.pending).toEqual([]);
    expect(written.resources).toEqual(after.map((expected) => expect.objectContaining(expected)));
    // Recovery only reads: the other bucket keeps its tags.
    expect((await sdk.clients.s3.send(new GetBucketTaggingCommand({ Bucket: "theirs-1234567" }))).TagSet).toEqual([{ Key: "owner", Value: "them" }]);
  });
});
