/** The script of a cmi5 package: the session with the cmi5 adapter. */
import { boot } from './boot.ts';
import { createCmi5Adapter } from './cmi5.ts';

boot(createCmi5Adapter);
