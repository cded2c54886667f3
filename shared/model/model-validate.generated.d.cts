import type { ValidateFunction } from 'ajv';

/** The model's validator, written ahead by `validatorSource()` in validator-source.ts. */
declare const validate: ValidateFunction;
export = validate;
