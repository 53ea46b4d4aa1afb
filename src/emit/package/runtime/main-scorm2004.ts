/** The script of a SCORM 2004 package: the session with the SCORM 2004 adapter. */
import { boot } from './boot.ts';
import { createScorm2004Adapter } from './scorm2004.ts';

boot(createScorm2004Adapter);
