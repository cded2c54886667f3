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
  return shared(nullAsType(schema));
}

/**
 * The schema with the pathway (the same for the as-is and the to-be map), its touchpoint and its
 * transition written once, as definitions the two maps refer to: Ajv then writes a function for
 * each (`inlineRefs: false`) instead of one function holding the whole pathway twice. The checks
 * are the same; the code is half as long, and each thread compiles it to machine code in a
 * fraction of the time (TurboFan's work grows faster than a function's length).
 */
function shared(schema: JsonSchema): JsonSchema {
  const { asIs, toBe } = schema.properties!;
  if (JSON.stringify(asIs) !== JSON.stringify(toBe)) {
    throw new Error('model schema: the two maps are no longer checked alike');
  }
  const pathway = asIs!;
  const { touchpoints, transitions } = pathway.properties!;
  const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
  return {
    ...schema,
    properties: { ...schema.properties, asIs: ref('pathway'), toBe: ref('pathway') },
    definitions: {
      pathway: {
        ...pathway,
        properties: {
          ...pathway.properties,
          touchpoints: { ...touchpoints, items: ref('touchpoint') },
          transitions: { ...transitions, items: ref('transition') },
        },
      },
      touchpoint: touchpoints!.items!,
      transition: transitions!.items!,
    },
  };
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
    // A function per definition (see `shared`), not their code copied into the one that uses it.
    inlineRefs: false,
    code: { source: true },
  });
  const validate = ajv.compile(validatorSchema(modelJsonSchema()));
  return `// Written by validatorSource() in validator-source.ts from the zod schema: do not edit.\n${standaloneCode(ajv, validate)}\n`;
}
