// EventBridge event patterns: what matches (one table, each row a pattern,
// an event and whether it matches), and what PutRule refuses (each row the
// pattern and the whole message: the rule engine's reason and the key).
import { describe, expect, it } from "vitest";
import { matchesEventPattern, parseEventPattern, RuleError } from "../src/index.js";
import { thrown } from "./support.js";

const EVENT = {
  version: "0",
  id: "ddddd4-aaaa-7777-4444-345dd43cc333",
  "detail-type": "EC2 Instance State-change Notification",
  source: "aws.ec2",
  account: "012345679012",
  time: "2017-10-02T16:24:49Z",
  region: "us-east-1",
  resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"],
  detail: {
    "c-count": 5,
    "d-count": 3,
    "x-limit": 301.8,
    "source-ip": "10.0.0.33",
    "instance-id": "i-000000aaaaaa00000",
    state: "running",
    flag: true,
    gone: null,
    nested: { deep: "x" },
  },
};

const EMPLOYEES = {
  employees: [
    { first: "John", last: "Doe" },
    { first: "Anna", last: "Smith" },
    { first: "Peter", last: "Jones" },
  ],
};

const MATCHES: Array<[string, object, unknown, boolean]> = [
  ["exact: a value of the list", { detail: { state: ["initializing", "running"] } }, EVENT, true],
  ["exact: no value of the list", { detail: { state: ["stopped"] } }, EVENT, false],
  ["exact: an array in the event intersects", { resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"] }, EVENT, true],
  ["exact: a number matches numerically", { detail: { "x-limit": [3.018e2] } }, EVENT, true],
  ["exact: a string does not match a number", { detail: { "c-count": ["5"] } }, EVENT, false],
  ["exact: true and null", { detail: { flag: [true], gone: [null] } }, EVENT, true],
  ["exact: several fields, all must match", { source: ["aws.ec2"], detail: { state: ["stopped"] } }, EVENT, false],
  ["prefix", { time: [{ prefix: "2017-10-02" }] }, EVENT, true],
  ["prefix: not on numbers", { detail: { "c-count": [{ prefix: "5" }] } }, EVENT, false],
  ["prefix: equals-ignore-case", { source: [{ prefix: { "equals-ignore-case": "AWS.E" } }] }, EVENT, true],
  ["suffix", { source: [{ suffix: "ec2" }] }, EVENT, true],
  ["suffix: equals-ignore-case", { source: [{ suffix: { "equals-ignore-case": "EC2" } }] }, EVENT, true],
  ["equals-ignore-case", { source: [{ "equals-ignore-case": "AWS.EC2" }] }, EVENT, true],
  ["wildcard", { "detail-type": [{ wildcard: "EC2*Notification" }] }, EVENT, true],
  ["wildcard: * may be empty", { source: [{ wildcard: "aws.ec2*" }] }, EVENT, true],
  ["wildcard: no match", { source: [{ wildcard: "aws.s3*" }] }, EVENT, false],
  ["anything-but: a string", { detail: { state: [{ "anything-but": "initializing" }] } }, EVENT, true],
  ["anything-but: the value itself", { detail: { state: [{ "anything-but": ["stopped", "running"] }] } }, EVENT, false],
  ["anything-but: numbers", { detail: { "x-limit": [{ "anything-but": [100, 200, 300] }] } }, EVENT, true],
  ["anything-but: a missing field does not match", { detail: { absent: [{ "anything-but": "x" }] } }, EVENT, false],
  ["anything-but: prefix", { detail: { state: [{ "anything-but": { prefix: "run" } }] } }, EVENT, false],
  ["anything-but: suffix list", { detail: { "instance-id": [{ "anything-but": { suffix: ["1234", "6789"] } }] } }, EVENT, true],
  ["anything-but: equals-ignore-case", { detail: { state: [{ "anything-but": { "equals-ignore-case": "RUNNING" } }] } }, EVENT, false],
  ["anything-but: wildcard", { detail: { state: [{ "anything-but": { wildcard: "r*g" } }] } }, EVENT, false],
  ["numeric: range", { detail: { "c-count": [{ numeric: [">", 0, "<=", 5] }] } }, EVENT, true],
  ["numeric: below", { detail: { "d-count": [{ numeric: ["<", 3] }] } }, EVENT, false],
  ["numeric: equals", { detail: { "x-limit": [{ numeric: ["=", 301.8] }] } }, EVENT, true],
  ["numeric: not on strings", { detail: { state: [{ numeric: [">", 0] }] } }, EVENT, false],
  ["cidr: inside", { detail: { "source-ip": [{ cidr: "10.0.0.0/24" }] } }, EVENT, true],
  ["cidr: outside", { detail: { "source-ip": [{ cidr: "10.0.1.0/24" }] } }, EVENT, false],
  ["cidr: IPv6", { ip: [{ cidr: "2001:db8::/32" }] }, { ip: "2001:db8:0:0:1::7" }, true],
  ["exists: true", { detail: { "c-count": [{ exists: true }] } }, EVENT, true],
  ["exists: true on null", { detail: { gone: [{ exists: true }] } }, EVENT, true],
  ["exists: false", { detail: { absent: [{ exists: false }] } }, EVENT, true],
  ["exists: false on a present field", { detail: { state: [{ exists: false }] } }, EVENT, false],
  ["exists: only leaves count", { detail: { nested: [{ exists: false }] } }, EVENT, true],
  ["nested: two levels", { detail: { nested: { deep: ["x"] } } }, EVENT, true],
  ["$or: one branch holds", { source: ["aws.ec2"], $or: [{ "detail-type": ["nope"] }, { detail: { state: ["running"] } }] }, EVENT, true],
  ["$or: no branch holds", { $or: [{ "detail-type": ["nope"] }, { detail: { state: ["stopped"] } }] }, EVENT, false],
  ["$or: nested in a key", { detail: { $or: [{ "c-count": [{ numeric: [">", 10] }] }, { "d-count": [3] }] } }, EVENT, true],
  ["arrays: a value of one element", { employees: { first: ["Anna"] } }, EMPLOYEES, true],
  ["arrays: two fields of one element", { employees: { first: ["Anna"], last: ["Smith"] } }, EMPLOYEES, true],
  ["arrays: two fields of different elements", { employees: { first: ["Anna"], last: ["Jones"] } }, EMPLOYEES, false],
  ["arrays: an empty array is no value", { list: [{ exists: false }] }, { list: [] }, true],
];

const REFUSED: Array<[string, string, string]> = [
  ["not JSON", "{", "Filter is not valid JSON"],
  ["not an object", "[]", "Filter is not an object"],
  ["an empty object", "{}", "Empty objects are not allowed"],
  ["a value not in an array", '{"source":"aws.ec2"}', '"source" must be an object or an array'],
  ["an empty array", '{"detail":{"state":[]}}', 'Empty arrays are not allowed at "detail.state"'],
  ["a nested array", '{"source":[["a"]]}', 'Match value must be String, number, true, false, or null at "source"'],
  ["an unknown match type", '{"detail":{"state":[{"prefx":"a"}]}}', 'Unrecognized match type prefx at "detail.state"'],
  ["an empty match expression", '{"source":[{}]}', 'Match expression name not found at "source"'],
  ["two keys in an expression", '{"source":[{"prefix":"a","suffix":"b"}]}', 'Only one key allowed in match expression at "source"'],
  ["prefix of a number", '{"source":[{"prefix":5}]}', 'prefix match pattern must be a string at "source"'],
  ["prefix with another operator", '{"source":[{"prefix":{"wildcard":"a"}}]}', 'Unsupported prefix pattern: wildcard at "source"'],
  ["equals-ignore-case of a number", '{"source":[{"equals-ignore-case":1}]}', 'equals-ignore-case match pattern must be a string at "source"'],
  ["wildcard: consecutive stars", '{"source":[{"wildcard":"a**b"}]}', 'Consecutive wildcard characters at pos 2 at "source"'],
  ["wildcard: a bad escape", '{"source":[{"wildcard":"a\\\\b"}]}', 'Invalid escape character at pos 2 at "source"'],
  ["exists: not a boolean", '{"source":[{"exists":"yes"}]}', 'exists match pattern must be either true or false. at "source"'],
  ["numeric: not an array", '{"n":[{"numeric":5}]}', 'Value of numeric must be an array. at "n"'],
  ["numeric: empty", '{"n":[{"numeric":[]}]}', 'Invalid member in numeric match: ] at "n"'],
  ["numeric: unknown operator", '{"n":[{"numeric":["~",5]}]}', 'Unrecognized numeric range operator: ~ at "n"'],
  ["numeric: a string bound", '{"n":[{"numeric":["<","5"]}]}', 'Value of < must be numeric at "n"'],
  ["numeric: = with a string", '{"n":[{"numeric":["=","5"]}]}', 'Value of equals must be numeric at "n"'],
  ["numeric: < then more", '{"n":[{"numeric":["<",5,">",1]}]}', 'Too many elements in numeric expression at "n"'],
  ["numeric: bad upper operator", '{"n":[{"numeric":[">",5,">",9]}]}', 'Bad numeric range operator: > at "n"'],
  ["numeric: bottom above top", '{"n":[{"numeric":[">",5,"<",1]}]}', 'Bottom must be less than top at "n"'],
  ["numeric: too many terms", '{"n":[{"numeric":[">",1,"<",5,"<",9]}]}', 'Too many terms in numeric range expression at "n"'],
  ["anything-but: a boolean", '{"s":[{"anything-but":true}]}', 'Value of anything-but must be an array or single string/number value. at "s"'],
  [
    "anything-but: mixed list",
    '{"s":[{"anything-but":["a",1]}]}',
    'Inside anything but list, either all values are number or string, mixed type is not supported at "s"',
  ],
  ["anything-but: null in a list", '{"s":[{"anything-but":["a",null]}]}', 'Inside anything but list, start|null|boolean is not supported. at "s"'],
  ["anything-but: unsupported operator", '{"s":[{"anything-but":{"numeric":[">",1]}}]}', 'Unsupported anything-but pattern: numeric at "s"'],
  ["anything-but: empty prefix", '{"s":[{"anything-but":{"prefix":""}}]}', 'Null prefix/suffix not allowed at "s"'],
  ["anything-but: numeric prefix", '{"s":[{"anything-but":{"prefix":5}}]}', 'prefix/suffix match pattern must be a string at "s"'],
  ["cidr: no slash", '{"ip":[{"cidr":"10.0.0.1"}]}', `Malformed CIDR, one '/' required at "ip"`],
  ["cidr: bad mask", '{"ip":[{"cidr":"10.0.0.0/x"}]}', 'Malformed CIDR, mask bits must be an integer at "ip"'],
  ["cidr: mask too long", '{"ip":[{"cidr":"10.0.0.0/32"}]}', 'IPv4 mask bits must be < 32 at "ip"'],
  ["cidr: not an address", '{"ip":[{"cidr":"10.0.0.300/8"}]}', 'Nonstandard IP address: 10.0.0.300 at "ip"'],
  ["$or: not an array", '{"$or":{"a":["b"]}}', 'It must be an Array followed with $or. at "$or"'],
  ["$or: one branch", '{"$or":[{"a":["b"]}]}', 'There must have at least 2 Objects in $or relationship. at "$or"'],
  ["$or: not objects", '{"detail":{"$or":[{"a":["b"]},"c"]}}', 'Only JSON object is allowed in array of $or relationship. at "detail.$or"'],
  ["$or: a reserved field name", '{"$or":[{"numeric":[1]},{"a":["b"]}]}', 'numeric is Ruler reserved fieldName which cannot be used inside $or. at "numeric"'],
];

describe("event patterns", () => {
  it.each(MATCHES)("match: %s", (_name, pattern, event, expected) => {
    expect(matchesEventPattern(parseEventPattern(JSON.stringify(pattern)), event)).toBe(expected);
  });

  it.each(REFUSED)("refused: %s", (_name, text, message) => {
    const error = thrown(() => parseEventPattern(text));
    expect([error instanceof RuleError, error.code, error.message]).toEqual([true, "INVALID_EVENT_PATTERN", message]);
  });

  it("refused: the error carries the key", () => {
    expect(thrown(() => parseEventPattern('{"detail":{"state":[{"prefx":"a"}]}}')).key).toBe("detail.state");
  });
});
