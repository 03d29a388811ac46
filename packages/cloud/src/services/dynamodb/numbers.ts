// DynamoDB's Number: up to 38 significant digits, magnitudes from 1E-130 to
// below 1E+126, exact decimal arithmetic (ADD, SET a = a + :n). Numbers are
// kept as text in DynamoDB's normal form; sortableNumber() encodes one as
// text whose byte order is the numeric order, the way sort keys are stored.
import { validation } from "./dynamodb-protocol.js";

interface Decimal {
  negative: boolean;
  /** Significant digits, no leading or trailing zeros; "" for zero. */
  digits: string;
  /** The power of ten of the first digit (1.5 has 0, 150 has 2). */
  exponent: number;
}

const NUMBER = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

function parse(text: string): Decimal {
  const match = NUMBER.exec(text);
  if (match === null || (match[2] === "" && (match[3] ?? "") === "")) throw validation("A value provided cannot be converted into a number");
  const whole = match[2]!;
  const fraction = match[3] ?? "";
  const all = whole + fraction;
  const lead = all.search(/[1-9]/);
  if (lead === -1) return { negative: false, digits: "", exponent: 0 };
  const digits = all.slice(lead).replace(/0+$/, "");
  const exponent = whole.length - 1 - lead + Number(match[4] ?? "0");
  if (digits.length > 38) throw validation("Attempting to store more than 38 significant digits in a Number");
  if (exponent > 125) throw validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
  if (exponent < -130) throw validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
  return { negative: match[1] === "-", digits, exponent };
}

function format(value: Decimal): string {
  const { digits, exponent } = value;
  if (digits === "") return "0";
  let text: string;
  if (exponent >= digits.length - 1) text = digits + "0".repeat(exponent - digits.length + 1);
  else if (exponent >= 0) text = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  else text = `0.${"0".repeat(-exponent - 1)}${digits}`;
  return value.negative ? `-${text}` : text;
}

/** A number in DynamoDB's stored form, or ValidationException when it is not one DynamoDB accepts. */
export function normalizeNumber(text: string): string {
  return format(parse(text));
}

/** Text whose byte order is the numeric order: "0" negatives < "1" zero < "2" positives. */
export function sortableNumber(text: string): string {
  const { negative, digits, exponent } = parse(text);
  if (digits === "") return "1";
  if (!negative) return `2${String(exponent + 500).padStart(3, "0")}${digits}`;
  // Negatives: a larger magnitude sorts first; "~" ends the digits so 1.25 (more negative) sorts before 1.2.
  const complement = [...digits].map((digit) => String(9 - Number(digit))).join("");
  return `0${String(499 - exponent).padStart(3, "0")}${complement}~`;
}

export function compareNumbers(a: string, b: string): number {
  const left = sortableNumber(a);
  const right = sortableNumber(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The value as an integer times 10^scale. */
function scaled(value: Decimal): { units: bigint; scale: number } {
  if (value.digits === "") return { units: 0n, scale: 0 };
  const units = BigInt(value.digits) * (value.negative ? -1n : 1n);
  return { units, scale: value.exponent - (value.digits.length - 1) };
}

/** a + b exactly, in DynamoDB's form (subject to its range and precision). */
export function addNumbers(a: string, b: string): string {
  const left = scaled(parse(a));
  const right = scaled(parse(b));
  const scale = Math.min(left.scale, right.scale);
  const sum = left.units * 10n ** BigInt(left.scale - scale) + right.units * 10n ** BigInt(right.scale - scale);
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString();
  return normalizeNumber(`${negative ? "-" : ""}${digits}e${scale}`);
}

export function subtractNumbers(a: string, b: string): string {
  return addNumbers(a, b.startsWith("-") ? b.slice(1) : `-${b}`);
}
