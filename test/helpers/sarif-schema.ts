import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { REPO_ROOT } from './paths';

const SARIF_SCHEMA = path.join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');

/** The official SARIF 2.1.0 schema (test/fixtures/sarif), compiled with ajv + ajv-formats: [] when valid. */
let compiled: ReturnType<Ajv['compile']> | undefined;
export function sarifValidator(): (data: unknown) => string[] {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')) as object);
  }
  const validate = compiled;
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
