import type { Severity } from './severity.ts';

/** A catalogue entry: what a diagnostic means, why it matters and what to do. Codes are permanent. */
export interface CatalogueEntry {
  readonly severity: Severity;
  /** What happened, in one sentence. */
  readonly title: string;
  /** Why it matters. */
  readonly why: string;
  /** What to do about it. */
  readonly fix: string;
}

/**
 * Every diagnostic the compiler can report. The code is the key, `<subject>_<problem>`,
 * and never changes meaning once published; `curriculum explain <code>` prints the entry and
 * `docs/diagnostics.md` is generated from it.
 */
export const catalogue = {
  // ── Files and YAML ──────────────────────────────────────────────────────────
  file_unreadable: {
    severity: 'error',
    title: 'A source file or folder could not be read.',
    why: 'The compiler cannot check or build what it cannot read.',
    fix: 'Check that the path exists and that you have permission to read it.',
  },
  file_not_utf8: {
    severity: 'error',
    title: 'A source file is not valid UTF-8 text.',
    why: 'Curriculum sources must be UTF-8 so that every tool (editors, git, the compiler, LMSs) reads the same characters. A file with NUL bytes is binary (an image, a document), not text.',
    fix: 'Re-save the file as UTF-8 in your editor (in VS Code: "Save with Encoding" → UTF-8); move a binary file out of the folders that hold documents.',
  },
  file_empty: {
    severity: 'error',
    title: 'A source file is empty.',
    why: 'An empty document defines nothing; usually the content was lost or the file was created by mistake.',
    fix: 'Write the document, or delete the file.',
  },
  file_too_large: {
    severity: 'error',
    title: 'A source file is larger than the compiler accepts.',
    why: 'A curriculum document is a few kilobytes; a file of many megabytes is almost always generated or pasted by mistake, and parsing it would use a lot of memory.',
    fix: 'Split the content into smaller files (one per module), or move large media out of the YAML and link to it.',
  },
  yaml_syntax: {
    severity: 'error',
    title: 'The file is not valid YAML.',
    why: 'Nothing in a file can be checked until it parses.',
    fix: 'Fix the syntax at the position shown. Common causes: a tab used for indentation, a missing space after `:`, an unclosed quote, or a value that starts with a special character such as `@`, `` ` `` or `*` and needs quotes.',
  },
  yaml_duplicate_key: {
    severity: 'error',
    title: 'A mapping has the same key twice.',
    why: 'YAML parsers disagree on which value wins, so the document would mean different things in different tools.',
    fix: 'Remove or rename one of the two keys.',
  },
  yaml_alias_limit: {
    severity: 'error',
    title: 'The file uses too many YAML aliases.',
    why: 'Aliases that expand into aliases grow exponentially (a "billion laughs" document) and can exhaust memory.',
    fix: 'Write the values out instead of using `*alias` references, or use fewer of them.',
  },
  yaml_multiple_documents: {
    severity: 'error',
    title: 'A file holds more than one YAML document.',
    why: 'Each file is one document of one kind; a second document after `---` would be silently ignored.',
    fix: 'Move the second document into a file of its own.',
  },
  yaml_comment_in_value: {
    severity: 'warning',
    title: 'A `#` after a space ends a value: the text after it is a comment.',
    why: 'In YAML, ` #` starts a comment, so `title: Week #3` is the title "Week" and the comment "3": the rest of the text is silently lost. Comments are written `# ` with a space; a `#` followed by text is usually meant as part of the value.',
    fix: 'Put the whole value in quotes (`title: "Week #3"`); if it is a comment, write a space after the `#`.',
  },
  document_unknown: {
    severity: 'warning',
    title: 'A YAML file in a program folder is not a known document kind.',
    why: 'The compiler recognises documents by their place in the folder (`program.yaml`, `modules/<id>.yaml`, ...); a file elsewhere is not read, which usually means it was misnamed.',
    fix: 'Rename or move the file to where its kind belongs (see the README), or delete it.',
  },
  program_missing: {
    severity: 'error',
    title: 'No program was found.',
    why: 'A program folder is recognised by its `program.yaml`; without one there is nothing to check or build.',
    fix: 'Point the command at a program folder (one with `program.yaml`) or at a folder of program folders, or start one with `curriculum init <dir>`.',
  },
  document_missing: {
    severity: 'error',
    title: 'A document that the program needs is missing.',
    why: 'The schedule and the completion policy are part of every program: learners need to know when things happen and what earns the certificate.',
    fix: 'Create the missing file in the program folder (`curriculum new <kind>` writes a documented starting point); the hint shows the smallest useful content, and the JSON Schemas in `schemas/` document every key.',
  },
  calendar_lock_invalid: {
    severity: 'error',
    title: 'A program’s `calendar-lock.json` is not valid JSON or not of the lock’s shape.',
    why: 'The lock records, per calendar event, the revision (`SEQUENCE`) and time (`LAST-MODIFIED`) it was last published with; calendar apps take an event they imported before as updated only when its `SEQUENCE` is higher. A lock that cannot be read would restart every revision from 0, so the build stops and writes nothing instead.',
    fix: 'Restore the file from version control (it is written by `curriculum build` and committed with the sources), or correct it at the place shown. Deleting it starts every event’s revision again from 0: calendars that imported an event before ignore its changes until it has changed more times than before.',
  },
  accepted_warning_unmatched: {
    severity: 'warning',
    title: 'An entry of `accepted-warnings.yaml` matches no warning.',
    why: 'An acceptance names one known warning by its code, file and value. When it matches nothing, the warning was fixed or what it points at changed; a stale acceptance would silently accept a different warning later.',
    fix: 'Delete the entry if the warning was fixed; otherwise correct its `code`, `file` or `value` to those the compiler now prints.',
  },

  // ── Schema ──────────────────────────────────────────────────────────────────
  schema_property_unknown: {
    severity: 'error',
    title: 'A key is not part of this document kind.',
    why: 'An unknown key is usually a typo; if it were ignored, the value you meant to set would silently have no effect.',
    fix: 'Correct the spelling (the hint suggests the closest known key) or remove the key.',
  },
  schema_property_missing: {
    severity: 'error',
    title: 'A required key is missing.',
    why: 'Without it the compiler cannot produce a complete page, calendar or package.',
    fix: 'Add the key named in the message.',
  },
  schema_type_mismatch: {
    severity: 'error',
    title: 'A value has the wrong type.',
    why: 'For example a list where one value is expected, or text where a number is expected.',
    fix: 'Change the value to the type named in the message. Quote text that YAML would otherwise read as a number, a boolean or a date.',
  },
  schema_value_invalid: {
    severity: 'error',
    title: 'A value is not one of the accepted values or does not have the required form.',
    why: 'Ids, dates, colours, URLs and choices from a fixed list have a precise form so that every output can rely on them.',
    fix: 'Use one of the accepted values or forms listed in the message.',
  },

  // ── Identity and references ─────────────────────────────────────────────────
  id_duplicate: {
    severity: 'error',
    title: 'Two things of the same kind have the same id.',
    why: 'Ids are how modules, sessions and assignments are referenced, linked and tracked in LMSs and calendars; a duplicate makes every reference ambiguous.',
    fix: 'Give one of them a different id (and update references to it).',
  },
  program_id_reserved: {
    severity: 'error',
    title: 'A program id is a name the site itself uses.',
    why: 'A program is published in the folder named by its id; `search`, `pagefind` and `schemas` hold the site’s search page, search index and schemas.',
    fix: 'Rename the program folder and its id.',
  },
  namespace_missing: {
    severity: 'warning',
    title: 'A program declares no namespace for its permanent identifiers.',
    why: 'cmi5 course and AU ids, calendar UIDs and structured-data ids must stay the same for as long as the program is published, wherever the site moves; without a namespace they fall back to `urn:curriculum:<program id>`, which another program with the same id would share.',
    fix: 'Add `namespace:` to `program.yaml` (or to `catalog.yaml` for every program): a `tag:` URI with a domain your organization owns and a year it owned it, such as `tag:example.org,2024:my-program`.',
  },
  namespace_shared: {
    severity: 'error',
    title: 'Two programs have the same namespace.',
    why: 'Every stable identifier of a program (calendar UIDs, cmi5 course, block and AU IRIs, credential and achievement ids) is its namespace followed by a kind and an id: two programs with one namespace would give the same identifier to different sessions, modules or credentials, and calendar apps and LMSs would take one for the other. A namespace written as another program’s derived one (`urn:curriculum:<id>`, or the catalog’s namespace and its id) counts too.',
    fix: 'Give each program a namespace of its own. If one of them is already published, keep its namespace and change the other’s: a published namespace must never change.',
  },
  id_filename_mismatch: {
    severity: 'error',
    title: "A document's id differs from its file name.",
    why: 'One file per module or question bank is named by its id so that a reader can find a module by its id, and so that renaming one never silently leaves the other behind.',
    fix: 'Rename the file to `<id>.yaml`, or change the id to match the file name.',
  },
  reference_unknown: {
    severity: 'error',
    title: 'A reference names something that is not defined.',
    why: 'A module that develops an unknown competence, or a week that schedules an unknown module, would produce broken links and packages.',
    fix: 'Correct the id (the hint suggests the closest defined one) or define the missing item.',
  },
  content_path_outside: {
    severity: 'error',
    title: 'A content file reference points outside the program folder.',
    why: 'Content is published with the program; a path such as `../../etc/passwd` would publish files that do not belong to it.',
    fix: 'Move the content file into the program folder and reference it by a path inside it, such as `content/intro.md`.',
  },
  content_file_missing: {
    severity: 'error',
    title: 'A referenced content file does not exist.',
    why: 'The module page and its LMS package would be missing their content.',
    fix: 'Create the file, or correct the path (relative to the program folder).',
  },
  content_file_kind: {
    severity: 'error',
    title: 'A content file is not Markdown or MDX.',
    why: 'Module content is rendered from Markdown (`.md`) or MDX (`.mdx`); other files cannot be turned into pages and packages.',
    fix: 'Convert the content to Markdown and reference the `.md` file.',
  },
  link_target_missing: {
    severity: 'error',
    title: 'A relative link in Markdown points to a file that does not exist.',
    why: 'Learners who follow it on the site or in an LMS package reach an error page.',
    fix: 'Correct the path (relative to the file the Markdown is written in), or create the file.',
  },
  link_outside_program: {
    severity: 'error',
    title: 'A relative link or image in Markdown points outside the program folder.',
    why: 'Only the program folder is published; a path that leaves it would be broken on the site, or would publish a file that does not belong to the program.',
    fix: 'Move the file into the program folder and link it by a path inside it.',
  },
  link_external_broken: {
    severity: 'warning',
    title: 'A web address in Markdown is broken (found with `--check-external`).',
    why: 'Learners who follow the link or load the image get an error page or nothing. Web addresses are fetched only when `check` or `build` is given `--check-external`; a server that is down for a moment gives this warning too.',
    fix: 'Correct the address, or link a working copy (the publisher’s new address, an archived copy); if the server was only down, check again later.',
  },
  image_missing: {
    severity: 'error',
    title: 'An image in Markdown does not exist or is not an image.',
    why: 'The page and every LMS package that shows it would show a broken image.',
    fix: 'Correct the path (relative to the file the Markdown is written in), or add the image (PNG, JPEG, GIF, SVG, WebP or AVIF).',
  },
  image_too_large: {
    severity: 'error',
    title: 'An image in Markdown is larger than 2 MiB.',
    why: 'The image is copied into the site and into every LMS package that shows it, and learners download it on every visit, often on slow or metered connections.',
    fix: 'Compress or resize the image (an SVG or a WebP is often a tenth of the size).',
  },
  svg_active_content: {
    severity: 'error',
    title: 'An SVG image or linked SVG file holds script or other active content.',
    why: 'The file is published as it is. Opened by itself (a learner opens the image in a new tab, or follows the link), its script runs with the course site’s address, where it can read what the site keeps in the browser; inside an LMS package it runs beside the LMS’s SCORM API and could record a result. A static site cannot send a header that stops it.',
    fix: 'Export the image as a plain SVG (drawing only: no scripts, event handlers, javascript: links, HTML inside it), for example with an optimizer’s “remove scripts” option, or use a PNG.',
  },

  // ── Dates and times ─────────────────────────────────────────────────────────
  date_invalid: {
    severity: 'error',
    title: 'A date or time does not exist.',
    why: 'For example 2023-02-30 or 24:30: calendars and LMSs would reject it or move it to another day.',
    fix: 'Correct the date or time.',
  },
  period_reversed: {
    severity: 'error',
    title: 'Something ends before it starts.',
    why: 'A program, period, break, week, series or exam whose end precedes its start cannot be shown or put in a calendar.',
    fix: 'Swap or correct the two dates.',
  },
  session_reversed: {
    severity: 'error',
    title: 'A live session ends before or when it starts.',
    why: 'A session without a positive duration cannot be attended or put in a calendar; usually the end time is mistyped, or a session that runs past midnight was given the start date as its end date.',
    fix: 'Correct the end time; a session that runs past midnight ends on the next day.',
  },
  session_too_long: {
    severity: 'warning',
    title: 'A live session lasts more than 12 hours.',
    why: 'Live sessions last hours, not days: a longer one is usually a mistyped end date or a 12-hour clock time (08:00 for 20:00), and it would fill learners\' calendars.',
    fix: 'Correct the end date or time; for an event over several days, give each day a session of its own.',
  },
  timezone_unknown: {
    severity: 'error',
    title: 'A time zone is not a known IANA time zone.',
    why: 'Live-session times are converted to every learner’s own zone; that needs a real zone with its daylight-saving rules.',
    fix: 'Use an IANA zone name such as `Europe/Paris` or `Asia/Seoul` (the hint suggests the closest one).',
  },
  timezone_noncanonical: {
    severity: 'warning',
    title: 'A time zone is written in another case or by a retired name.',
    why: 'Runtimes accept `europe/madrid` or `US/Eastern`, but calendar apps and LMSs match zone names exactly and may not know the old ones; the outputs use the canonical name instead.',
    fix: 'Write the zone’s canonical IANA name, which the message gives.',
  },
  timezone_abbreviation: {
    severity: 'error',
    title: 'A time zone is given as an abbreviation such as CEST.',
    why: 'Abbreviations are ambiguous (CST is used in three continents) and name only half of the year (CEST is summer time): a session would move by an hour when the season differs.',
    fix: 'Use the IANA zone of the place where the time is kept; the hint lists zones that use this abbreviation.',
  },
  local_time_nonexistent: {
    severity: 'error',
    title: 'A local time falls in a daylight-saving gap and never happens.',
    why: 'When clocks spring forward, an hour is skipped; a session at a skipped time would be shown at different times by different calendars.',
    fix: 'Move the time out of the gap; the message gives the clock times that are skipped.',
  },
  local_time_ambiguous: {
    severity: 'warning',
    title: 'A local time happens twice because clocks fall back.',
    why: 'When daylight-saving time ends an hour repeats; the compiler takes the first occurrence, which may not be what was meant.',
    fix: 'Move the session out of the repeated hour, or give the time in a zone without the change.',
  },
  session_overlap: {
    severity: 'error',
    title: 'Two live sessions overlap in time.',
    why: 'Learners are expected to attend every live session; they cannot attend two at once.',
    fix: 'Move one of the sessions, or shorten the first so that it ends before the second starts.',
  },
  event_in_break: {
    severity: 'warning',
    title: 'A session or exam falls on a day of a declared break.',
    why: 'A break declares days without classes; an event on one of them is either a mistyped date or a break that is declared too long, and learners would not expect it.',
    fix: 'Move the event out of the break, or correct the break’s dates. Series skip break days by themselves.',
  },
  series_date_not_occurrence: {
    severity: 'error',
    title: 'A date listed in a series is not one of its occurrences.',
    why: 'Only a meeting day of the series between `from` and `until` can be skipped, cancelled or moved; any other date is a typo, and the occurrence meant is still held as planned.',
    fix: 'Write the date the occurrence was planned for: a day of the series’ `days` between `from` and `until`, not in a break and listed once.',
  },
  series_empty: {
    severity: 'warning',
    title: 'A series of sessions has no session.',
    why: 'None of its days falls between `from` and `until`, or every one is skipped, cancelled or in a break: nothing of it reaches the page or the calendars, which is rarely what was meant.',
    fix: 'Check `days`, `from` and `until`, and the dates listed in `except` and `cancelled`; remove the series if it is not held.',
  },
  series_too_long: {
    severity: 'error',
    title: 'A series of sessions runs for years.',
    why: 'A weekly series over years is almost always a mistyped year in `from` or `until`, and would expand into hundreds of sessions on the page and in calendars.',
    fix: 'Correct the year of `from` or `until`.',
  },
  exam_slots_overflow: {
    severity: 'error',
    title: 'An exam’s slots do not fit between its start and end.',
    why: 'Each learner takes one slot of the given length; more slots than the exam’s time holds means some learners have no slot.',
    fix: 'Lower the count or the minutes of `slots`, or end the exam later.',
  },
  date_outside_program: {
    severity: 'warning',
    title: 'Something is scheduled before the program starts.',
    why: 'Learners who join on the start date would have missed it.',
    fix: 'Check the date, or move the program start date.',
  },

  // ── Structure ───────────────────────────────────────────────────────────────
  prerequisite_cycle: {
    severity: 'error',
    title: 'Module prerequisites form a cycle.',
    why: 'No module in a cycle can ever be started, because each waits for another.',
    fix: 'Remove one of the prerequisites named in the cycle.',
  },
  week_order: {
    severity: 'error',
    title: 'Weeks are not numbered or dated in order.',
    why: 'Week numbers and start dates must both increase, or the schedule contradicts itself.',
    fix: 'Correct the week numbers or their start dates so both increase.',
  },
  module_scheduled_twice: {
    severity: 'warning',
    title: 'A module is scheduled in more than one place.',
    why: 'Its dates on the site and in calendars would be ambiguous.',
    fix: 'Schedule each module once, in one week or period.',
  },
  module_unscheduled: {
    severity: 'warning',
    title: 'A module is not scheduled in any week or period.',
    why: 'Learners will not know when to study it, and it will not appear in the calendar.',
    fix: 'Add the module to a week or period in `schedule.yaml`.',
  },
  module_phase_mismatch: {
    severity: 'warning',
    title: "A module's phase differs from the phase of the week it is scheduled in.",
    why: 'The site groups modules by phase and the schedule by week; the two would contradict each other.',
    fix: 'Set the module’s `phase` to the phase of its week, or move it to a week of its phase.',
  },

  // ── Assessment and policy ───────────────────────────────────────────────────
  pass_mark_missing: {
    severity: 'error',
    title: 'A module has an assessment but no pass mark.',
    why: 'Without a pass mark the LMS packages cannot decide between passed and failed, and learners cannot know what is expected.',
    fix: 'Set `modules.pass.minScore` in `policy.yaml` (the rule for every module), or `assessment.pass.minScore` in the module.',
  },
  pass_mark_unreachable: {
    severity: 'error',
    title: 'A pass mark can never be reached.',
    why: 'A minimum score above the maximum (more than 100 %, or more than the points available) means no learner can pass.',
    fix: 'Set the pass mark as a percentage between 0 and 100.',
  },
  pass_mark_fraction: {
    severity: 'error',
    title: 'A pass mark is between 0 and 1: a fraction where a percentage is expected.',
    why: 'Pass marks are percentages of the maximum score, so `0.6` means 0.6 %, which every learner passes; it was almost certainly meant as 60 %.',
    fix: 'Write the pass mark as a percentage: `60` for 60 %.',
  },
  requirement_unmeetable: {
    severity: 'error',
    title: 'A completion requirement asks for more than exists.',
    why: 'For example "at least 3 of" two modules, or choosing 2 options of an assignment that offers 1: no learner could earn the certificate.',
    fix: 'Lower the required number or add the missing items.',
  },
  question_bank_too_small: {
    severity: 'error',
    title: 'An assessment draws more questions than its bank holds.',
    why: 'Each attempt would run out of questions.',
    fix: 'Add questions to the bank, or draw fewer.',
  },
  question_answer_invalid: {
    severity: 'error',
    title: 'A question has no correct answer, or a single-answer question has several.',
    why: 'The LMS package scores answers against the correct options; without exactly the right number the question cannot be scored.',
    fix: 'Mark the correct option(s) with `correct: true` (exactly one for `single`, at least one for `multiple`).',
  },
  accent_contrast_low: {
    severity: 'error',
    title: 'The accent colour does not contrast enough with white.',
    why: 'Links and buttons use the accent on a white page; WCAG 2.2 AA needs a contrast ratio of at least 4.5:1 for text.',
    fix: 'Choose a darker accent colour; the hint gives a darker shade of the same hue that passes.',
  },
  asset_missing: {
    severity: 'error',
    title: 'A referenced asset such as a logo does not exist.',
    why: 'The site would show a broken image.',
    fix: 'Add the file inside the program folder, or correct the path.',
  },
  grading_weights_sum: {
    severity: 'error',
    title: 'The weights of the grading components do not add up to 100 (or to the points total).',
    why: 'A final total computed from weights that do not add up cannot reach the top of the scale, or goes beyond it: the bands and the pass would mean something else than the syllabus says.',
    fix: 'Correct the weights so that they add up to 100 with `scale: percent`, or to `total` with `scale: points`.',
  },
  grading_bands_order: {
    severity: 'error',
    title: 'The grade bands are not listed best first, each starting lower than the one before.',
    why: 'Each band runs from its `min` up to the next better band’s `min`; out of order, or with two equal starts, some bands would be empty and a total could fall in two bands.',
    fix: 'List the bands from the best grade down, each with a lower `min` than the one above it.',
  },
  grading_bands_gap: {
    severity: 'error',
    title: 'The grade bands do not cover every total from 0 to the maximum.',
    why: 'A total below the lowest band would have no grade, and a band that starts above the maximum can never be earned.',
    fix: 'Let the last band start at 0 (an F or “fail” band), and keep every `min` at or below the maximum total.',
  },
  grading_item_weight_mismatch: {
    severity: 'error',
    title: 'A per-item weight does not match the component’s weight shared among its items.',
    why: 'When a syllabus says “each problem set 4 %” but six of them share 25 %, the page and the gradebook would disagree with the syllabus; per-item weights that do not add up to the component’s weight change the component’s weight.',
    fix: 'Correct the stated weight (`each`), the component’s `weight`, `dropLowest`, or the items; with a per-item `split`, give each item of the component a weight, adding up to the component’s.',
  },
  grading_item_twice: {
    severity: 'error',
    title: 'An item is graded in two components.',
    why: 'Its score would count twice, and the items’ weights would no longer add up to 100.',
    fix: 'Select the item in one component only (narrow the other selection with `ids` or `kind`).',
  },
  grading_selector_empty: {
    severity: 'error',
    title: 'A grading selection matches no item.',
    why: 'A component without items carries weight that no learner can earn; an adjustment or late rule over nothing never applies.',
    fix: 'Correct the selection (the kind, the category), or add the items it is meant to select.',
  },
  grading_drop_too_many: {
    severity: 'error',
    title: 'A component drops as many items as it has, or more.',
    why: 'With every item dropped, nothing is left to count and the component’s weight is lost.',
    fix: 'Lower `dropLowest` below the number of items in the component, or add items.',
  },
  grading_pass_unreachable: {
    severity: 'error',
    title: 'A pass or a minimum total can never be reached.',
    why: 'A pass above the highest total a learner can reach (the maximum plus every bonus) means that no one can pass.',
    fix: 'Lower the pass (or the required total) to at most the maximum total, or correct the scale.',
  },
  grade_unknown: {
    severity: 'error',
    title: 'A grade is named that is not one of the grading’s bands.',
    why: 'A pass or a requirement on an unknown grade cannot be decided.',
    fix: 'Use the `grade` of one of the bands in `grading.bands` (they are case-sensitive), or add the band.',
  },
  grading_missing: {
    severity: 'error',
    title: 'A requirement names a grade or a total, but the policy has no grading.',
    why: 'Without `grading` there is no final grade for the requirement to refer to.',
    fix: 'Add `grading:` to `policy.yaml` (components, bands, pass), or require items instead of a grade.',
  },

  // ── Records (`curriculum evaluate`) ─────────────────────────────────────────
  records_format_unknown: {
    severity: 'error',
    title: 'A records file is of no format the evaluation reads, or is named as an unknown one.',
    why: 'Reading a file as a format it is not would turn its columns into wrong results; the evaluation reads only the formats it knows, by their headers.',
    fix: 'Name the format after the path (`grades.csv:moodle`, `zoom.csv:zoom`, …) or export the file again in one of the formats listed in the README.',
  },
  records_value_invalid: {
    severity: 'error',
    title: 'A value in a records file or in the mapping cannot be read.',
    why: 'A cell that is no number, time or valid entry would otherwise be dropped or misread without anyone noticing.',
    fix: 'Correct the value at the position shown, or export the file again.',
  },
  records_column_unknown: {
    severity: 'error',
    title: 'A gradebook column names no module, assignment or session of the program.',
    why: 'Its grades would count for nothing; usually the column is an item named differently in the LMS.',
    fix: 'Map the column to an item under `items:` in the mapping file, or list it under `ignore: { columns }`.',
  },
  records_learner_unknown: {
    severity: 'error',
    title: 'A record is about someone who is not among the learners.',
    why: 'A record that matches no learner is lost: usually the person wrote their name or address differently there.',
    fix: 'Add the name or address to the learner’s `also:` in the mapping file, or list the person under `ignore: { people }` (a host, a guest).',
  },
  records_item_unknown: {
    severity: 'error',
    title: 'A record names an item, activity or time that is not in the program.',
    why: 'The result cannot count for any requirement.',
    fix: 'Map the name to an item in the mapping file, or correct the record.',
  },
  records_row_duplicate: {
    severity: 'error',
    title: 'The same record appears twice.',
    why: 'A repeated row or statement would count twice (an attempt more, a learner twice).',
    fix: 'Remove the repeated row, or export the file again.',
  },
  records_score_out_of_range: {
    severity: 'error',
    title: 'A score is below 0 or above the maximum.',
    why: 'A score outside its range is a mistake in the export or in the maximum, and would pass or fail someone wrongly.',
    fix: 'Correct the score, or give the column’s maximum as `max:` in the mapping file.',
  },
  records_time_zone_missing: {
    severity: 'error',
    title: 'A time in the records has no offset, and no time zone was given for it.',
    why: 'Deadlines and sessions are instants; a local time without its zone could be hours off (Zoom and Moodle export local times).',
    fix: 'Give the zone of the export with `--zone <IANA zone>` or `timeZone:` in the mapping file.',
  },
  records_other_course: {
    severity: 'warning',
    title: 'An xAPI statement is about an activity outside this program.',
    why: 'An LRS holds the statements of every course; those of another course do not count here.',
    fix: 'Query the LRS for this program’s activities only, or ignore the warning if the file holds several courses.',
  },

  // ── Facts stated in the documents that disagree with the data ──────────────
  end_date_before_last_item: {
    severity: 'warning',
    title: 'The stated end date is before the last scheduled item.',
    why: 'Learners plan around the end date; work scheduled after it is easily missed, and calendars and LMSs may close the program too early.',
    fix: 'Move the program end date to the last scheduled day, or reschedule the item.',
  },
  stated_count_mismatch: {
    severity: 'warning',
    title: 'A count stated in the program text differs from what is defined.',
    why: 'Texts such as "20 modules" or "three lectures" are copied into brochures and LMSs; when they disagree with the data, one of them is wrong.',
    fix: 'Correct the stated count (and the text it quotes) or the definitions.',
  },
  effort_mismatch: {
    severity: 'warning',
    title: 'The stated total effort is far from the sum of the module workloads.',
    why: 'Learners and credit frameworks rely on the stated effort; a large difference means one of them is wrong.',
    fix: 'Correct the stated effort or the module workloads.',
  },
  week_start_irregular: {
    severity: 'warning',
    title: 'A week does not start seven days after the previous one, and no break explains it.',
    why: 'A gap or overlap between weeks is usually a typing mistake in a date, or a holiday that should be declared as a break so that learners see it.',
    fix: 'Correct the start date, or declare a break in `schedule.yaml` that covers the gap.',
  },
  deadline_implicit: {
    severity: 'warning',
    title: 'A required item has no deadline; the program end date is used.',
    why: 'Learners need to know by when to submit; the documents leave it open.',
    fix: 'Add a deadline for the item in `schedule.yaml`.',
  },
} as const satisfies Record<string, CatalogueEntry>;

/** Every stable diagnostic code. */
export type DiagnosticCode = keyof typeof catalogue;

export const diagnosticCodes = Object.keys(catalogue) as DiagnosticCode[];

/**
 * Where the catalogue is published: each diagnostic's `url` is this plus `#<code>`, the
 * anchor of its entry. The package names no repository, so the reference is relative to
 * the project root; change it here to point at a published copy.
 */
export const catalogueDocUrl = 'docs/diagnostics.md';

/** The address of a code's entry in the published catalogue. */
export function catalogueUrl(code: DiagnosticCode): string {
  return `${catalogueDocUrl}#${code}`;
}

export function isDiagnosticCode(value: string): value is DiagnosticCode {
  return Object.hasOwn(catalogue, value);
}
