// Types of the generated validators.js (one standalone ajv validator per document kind).
import type { ValidateFunction } from 'ajv';

export declare const catalog: ValidateFunction;
export declare const program: ValidateFunction;
export declare const competences: ValidateFunction;
export declare const module: ValidateFunction;
export declare const assessment: ValidateFunction;
export declare const assignments: ValidateFunction;
export declare const schedule: ValidateFunction;
export declare const policy: ValidateFunction;
