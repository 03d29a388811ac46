// The help text: every command and flag, printed by --help and after a usage error.

export const USAGE = `Usage:
  closure-pack <entry> -o <out.zip> [options]   pack a handler file into a Lambda zip
  closure-pack print <entry> [--export name] [--format cjs|esm]
                                                print the serialized handler module
  closure-pack hash <zip> [--json]              print codeSha256 and contentHash of a zip
  closure-pack diff <a.zip> <b.zip> [--json]    list entries added, removed and changed
                                                (exit 0 when equal, 1 when not, 2 on error)

The entry (.ts, .mts, .cts, .js, .mjs, .cjs) is compiled and loaded once, so its
module-level code runs at pack time; the live export is serialized with
everything it captures. The package always exports it as "handler": set the
Lambda handler to index.handler. To pack an entry named like a command, write
./print.

Options:
  -o, --output <file>      the zip to write (required); left untouched when its
                           content is unchanged
      --mode eval|bundle   eval (default): load the entry and serialize the live
                           export; bundle: bundle the file without running it
      --export <name>      the export to pack (default "handler")
      --format cjs|esm     index.js (cjs, default) or index.mjs (esm)
      --runtime <name>     nodejs20.x or nodejs22.x (default nodejs22.x)
      --external <module>  keep a module out of the bundle (repeatable);
                           @aws-sdk/* is external unless --bundle-aws-sdk
      --bundle-aws-sdk     bundle @aws-sdk/* instead of using the runtime's copy
      --no-minify          do not minify (output may then depend on the layout)
      --sourcemap          write <out.zip>.map beside the zip (never inside it)
      --manifest <file>    write the manifest (files, packages, captures, hashes)
      --analyze            list the largest contributors to the bundle
      --json               print the result as JSON on stdout
  -q, --quiet              print nothing but errors
  -h, --help               print this help
  -v, --version            print the version

Exit codes: 0 success, 1 a known error (message printed), 2 a usage error.`;
