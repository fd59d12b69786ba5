import { z } from 'zod';

// The `boundaries` key of a rule file: architectural layers and dependency hygiene. Only zod here: the
// build bundles config/schema.ts (which imports this) on its own to generate the JSON Schema.

const glob = z.string().min(1).describe('A minimatch glob, relative to the workspace root (e.g. `src/ui/**`).');

const layerName = z
  .string()
  .regex(/^[A-Za-z0-9_][\w.-]*$/, 'layer names are letters, digits, `_`, `.` and `-`')
  .describe('A layer name, as declared in `boundaries.layers`.');

const layerRef = z.string().min(1).describe('A layer name declared in `boundaries.layers`, or `*` for every layer.');

export const layerSchema = z
  .object({
    paths: z
      .array(glob)
      .min(1)
      .describe('Files that belong to this layer. A file belongs to the first layer (in declaration order) whose globs match it.'),
    public: z
      .array(glob)
      .optional()
      .describe(
        "The layer's public entry points (e.g. `src/billing/index.ts`). Files outside the layer may import only these; importing any other file of the layer from outside it is a `boundaries/private-import`, even when the layer is allowed. Omit to make every file public.",
      ),
    description: z.string().optional().describe('What the layer is for (shown in `conductor graph`).'),
  })
  .strict()
  .describe('A layer: a set of files, and optionally its public entry points.');

export const boundariesSchema = z
  .object({
    layers: z
      .record(layerName, layerSchema)
      .optional()
      .describe('Architectural layers by name, e.g. `{ "ui": { "paths": ["src/ui/**"] } }`. Files in no layer are not layer-checked.'),
    allow: z
      .record(z.string(), z.array(layerRef).describe('The layers the key layer may import (`*`: all).'))
      .optional()
      .describe(
        'Which layers each layer may import: `{ "ui": ["domain", "shared"] }`. When present, every import between two different declared layers that is not listed here is a `boundaries/layer-violation` (a layer may always import itself; a layer with no entry may import no other layer). When absent, layers may import each other unless `deny` says otherwise.',
      ),
    deny: z
      .array(
        z
          .object({
            from: layerRef.describe('The importing layer, or `*`.'),
            to: layerRef.describe('The imported layer, or `*`.'),
            reason: z.string().min(1).describe('Why: shown in every finding this denial produces.'),
          })
          .strict()
          .describe('Imports from `from` to `to` are forbidden, for `reason`.'),
      )
      .optional()
      .describe('Explicit denials with a reason. A denial wins over `allow`.'),
    packages: z
      .object({
        requireDeclared: z
          .boolean()
          .optional()
          .meta({ default: true })
          .describe(
            'External packages must be declared in the nearest manifest: package.json (dependencies, devDependencies, peerDependencies, optionalDependencies), requirements*.txt or pyproject.toml, go.mod. An undeclared package that is not installed either is reported as possibly hallucinated. Default: true.',
          ),
        allow: z
          .array(z.string().min(1).describe('A package name or glob.'))
          .optional()
          .describe('Packages that need no declaration (provided by the runtime, e.g. `vscode`, `electron`). Names or globs such as `@acme/*`.'),
        deny: z
          .array(
            z
              .object({
                name: z.string().min(1).describe('Package name or glob (npm name, Python import or distribution name, Go module path, Java package prefix). Built-ins count too, e.g. `child_process`.'),
                reason: z.string().min(1).describe('Why it is banned and what to use instead.'),
              })
              .strict()
              .describe('A banned package and the reason.'),
          )
          .optional()
          .describe('Banned packages, e.g. `{ "name": "moment", "reason": "Use date-fns." }`. Checked even where no workspace root is known.'),
      })
      .strict()
      .optional()
      .describe('Dependency hygiene for third-party packages.'),
    typeOnlyImports: z
      .enum(['check', 'ignore'])
      .optional()
      .meta({ default: 'check' })
      .describe(
        'TypeScript type-only imports (`import type`, `export type … from`, all-`type` specifier lists, `import("x").T` types): `check` (default) layer-checks them like other imports; `ignore` leaves them out of layer checks (package and resolution checks still apply).',
      ),
  })
  .strict()
  .describe('Architectural boundaries and dependency hygiene, checked per file as you type. See rules/docs/boundaries/.');

export type BoundariesConfig = z.infer<typeof boundariesSchema>;
export type LayerConfig = z.infer<typeof layerSchema>;
