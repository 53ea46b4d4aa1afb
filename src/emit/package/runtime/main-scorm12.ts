/** The script of a SCORM 1.2 package: the session with the SCORM 1.2 adapter. */
import { boot } from './boot.ts';
import { createScorm12Adapter } from './scorm12.ts';

boot(createScorm12Adapter);
