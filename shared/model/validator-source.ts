import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { modelJsonSchema, nodes, nullAsType } from './model-validator';

type JsonSchema = ReturnType<typeof modelJsonSchema>;

/** The JSON Schema the validator is compiled from, checked for what Ajv would not check. */
function validatorSchema(schema: JsonSchema): JsonSchema {
  for (const node of nodes(schema)) {
    // The uuid format is checked by the regex zod writes beside it; a format without one would
    // silently check nothing.
    if (node.format !== undefined && node.pattern === undefined) {
      throw new Error(`model schema: format ${node.format} without a pattern`);
    }
  }
  return nullAsType(schema);
}

/**
 * The code of the model's validator, as Ajv writes it from the zod schema: what
 * `model-validate.generated.cjs` holds (a CommonJS module whose export is the function). Kept
 * apart from model-validator.ts, so that what checks files loads none of Ajv's compiler.
 */
export function validatorSource(): string {
  const ajv = new Ajv({
    allErrors: false,
    // Unknown keywords, ignored keywords and loose types throw here rather than check less.
    strict: true,
    // The uuid pattern beside the format (checked in `validatorSchema`) does the checking. String
    // lengths need no option: like zod's min()/max(), Ajv counts code points (a test holds them
    // equal).
    formats: { uuid: true },
    code: { source: true },
  });
  const validate = ajv.compile(validatorSchema(modelJsonSchema()));
  return `// Written by validatorSource() in validator-source.ts from the zod schema: do not edit.\n${standaloneCode(ajv, validate)}\n`;
}
