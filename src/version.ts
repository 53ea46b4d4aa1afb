import pkg from '../package.json' with { type: 'json' };

/** The compiler's version, from package.json. */
export const version: string = pkg.version;
