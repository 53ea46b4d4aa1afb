/** LMS package (SCORM, cmi5) strings, in English. */
export const lmsPackage = {
  startAssessment: 'Start the assessment',
} as const;
