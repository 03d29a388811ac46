// @ts-check
// What a function is told when it imports an @aws-sdk package nobody
// provides: Lambda has every client, closure-pack only those installed.

/**
 * The hint for a module that was not found, or undefined when it is not part of the AWS SDK.
 * @param {string} specifier
 */
export function sdkHint(specifier) {
  const match = /^(@aws-sdk\/[^/]+)/.exec(specifier);
  if (match === null) return undefined;
  const name = match[1];
  return `hint: Lambda's Node.js runtimes include ${name}; closure-pack gives functions the @aws-sdk packages installed in your project or beside closure-pack, and ${name} is in neither: install it (npm install ${name}), or bundle it into the function`;
}
