/**
 * The mapping file: how the names in the records correspond to the program's learners,
 * items and sessions where they differ. Everything in it is explicit; the evaluator never
 * matches a name "approximately".
 *
 *   timeZone: Asia/Seoul              # the zone of times written without an offset (Zoom exports)
 *   learners:                          # the roster: who is evaluated
 *     - id: ana-lopez
 *       name: Ana López
 *       email: ana.lopez@example.org
 *       also: [Ana Lopez, ana@gmail.com]   # other names and addresses the records use
 *   items:                             # a column, activity id or item name → an item
 *     "Quiz: Caring cities (Real)": { module: what-is-a-caring-city, max: 10 }
 *     "Essay (48213)": { assignment: essay }
 *   sessions:                          # a Zoom meeting id → a live session
 *     "812 3456 7890": orientation
 *   ignore:
 *     columns: ["Attendance (Real)"]
 *     people: [SHRDC Host]
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { MappingShape } from '../diagnostics/messages.ts';
import type { Location } from '../diagnostics/reporter.ts';
import type { Reporter } from '../diagnostics/reporter.ts';
import type { Curriculum, GradedCategory } from '../model/types.ts';
import { checkZone } from '../time/zones.ts';
import { normalizeEmail, normalizeName } from './evidence.ts';
import { RecordsText } from './source.ts';

export interface RosterEntry {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
  readonly names: readonly string[];
  readonly emails: readonly string[];
  readonly where: Location;
}

export interface ItemTarget {
  readonly category: GradedCategory;
  readonly id: string;
  /** The maximum score of a gradebook column of points (Moodle "Real"), where it is not 100. */
  readonly max?: number;
}

export interface Mapping {
  readonly file?: string;
  readonly timeZone?: string;
  readonly learners: readonly RosterEntry[];
  /** By the name as written, normalized (normalizeName). */
  readonly items: ReadonlyMap<string, ItemTarget>;
  readonly sessions: ReadonlyMap<string, string>;
  readonly ignoreColumns: ReadonlySet<string>;
  /** Names and e-mail addresses, normalized. */
  readonly ignorePeople: ReadonlySet<string>;
}

export const emptyMapping: Mapping = { learners: [], items: new Map(), sessions: new Map(), ignoreColumns: new Set(), ignorePeople: new Set() };

const categories: Record<string, GradedCategory> = { module: 'module', assignment: 'assignment', session: 'session', exam: 'exam', assessment: 'assessment' };

export function readMapping(path: string, text: string, curriculum: Curriculum, reporter: Reporter): Mapping {
  const source = new RecordsText(path, text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (node: YamlNode | null | undefined): Location => (node?.range ? source.at(node.range[0], node.range[1]) : { file: path, range: source.range(0, 0) });
  const invalid = (node: YamlNode | null | undefined, value: string, expected: MappingShape) => reporter.report('records_value_invalid', { kind: 'mapping', value, expected }, at(node));
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    reporter.report('records_value_invalid', { kind: 'mapping', value: error.message.split('\n')[0]!, expected: 'yaml' }, source.at(error.pos[0], error.pos[1]));
    return { ...emptyMapping, file: path };
  }
  const root = doc.contents;
  if (root === null) return { ...emptyMapping, file: path };
  if (!isMap(root)) {
    invalid(root, String(doc.toJS()), 'file');
    return { ...emptyMapping, file: path };
  }
  let timeZone: string | undefined;
  const learners: RosterEntry[] = [];
  const items = new Map<string, ItemTarget>();
  const sessions = new Map<string, string>();
  const ignoreColumns = new Set<string>();
  const ignorePeople = new Set<string>();
  const strings = (node: unknown): { value: string; node: YamlNode }[] => {
    if (isScalar(node)) return [{ value: String(node.value), node }];
    if (isSeq(node)) return node.items.flatMap((item) => strings(item));
    invalid(node as YamlNode, String(node), 'texts');
    return [];
  };
  const knownIds = (category: GradedCategory): readonly string[] =>
    category === 'module'
      ? curriculum.modules.map((m) => m.id)
      : category === 'assignment'
        ? curriculum.assignments.map((a) => a.id)
        : category === 'session'
          ? curriculum.schedule.sessions.map((s) => s.id)
          : (curriculum.policy.grading?.items ?? []).filter((i) => i.category === category).map((i) => i.id);

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    switch (key) {
      case 'timeZone': {
        const zone = isScalar(value) ? String(value.value) : '';
        const check = checkZone(zone);
        if (check.ok) timeZone = check.zone;
        else invalid(value, zone, 'time-zone');
        break;
      }
      case 'learners': {
        if (!isSeq(value)) {
          invalid(value, '', 'learners');
          break;
        }
        const seen = new Map<string, YamlNode>();
        for (const entry of value.items) {
          if (!isMap(entry)) {
            invalid(entry as YamlNode, String(entry), 'learner');
            continue;
          }
          const get = (k: string) => entry.items.find((p) => isScalar(p.key) && p.key.value === k)?.value as YamlNode | undefined;
          const idNode = get('id');
          const id = isScalar(idNode) ? String(idNode.value) : undefined;
          if (!id) {
            invalid(entry, '', 'learner-id');
            continue;
          }
          if (seen.has(id)) {
            reporter.report('records_row_duplicate', { what: id }, at(idNode), { related: [{ role: 'first-defined', ...at(seen.get(id)) }] });
            continue;
          }
          seen.set(id, idNode!);
          const nameNode = get('name');
          const emailNode = get('email');
          const name = isScalar(nameNode) ? String(nameNode.value) : undefined;
          const email = isScalar(emailNode) ? String(emailNode.value) : undefined;
          const also = get('also') ? strings(get('also')).map((s) => s.value) : [];
          const all = [...(name ? [name] : []), ...(email ? [email] : []), ...also];
          learners.push({
            id,
            ...(name ? { name } : {}),
            ...(email ? { email } : {}),
            names: all.filter((x) => !x.includes('@')).map(normalizeName),
            emails: all.filter((x) => x.includes('@')).map(normalizeEmail),
            where: at(entry),
          });
        }
        break;
      }
      case 'items': {
        if (!isMap(value)) {
          invalid(value, '', 'items');
          break;
        }
        for (const item of value.items) {
          const name = isScalar(item.key) ? String(item.key.value) : '';
          const target = item.value as YamlNode | null;
          if (!isMap(target)) {
            invalid(target, String(target), 'item-target');
            continue;
          }
          let found: ItemTarget | undefined;
          let max: number | undefined;
          for (const p of target.items) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            const v = p.value as YamlNode | null;
            if (k === 'max') {
              const n = isScalar(v) ? Number(v.value) : NaN;
              if (Number.isFinite(n) && n > 0) max = n;
              else invalid(v, String(isScalar(v) ? v.value : ''), 'item-max');
              continue;
            }
            const category = categories[k];
            if (!category) {
              invalid(p.key as YamlNode, k, 'item-key');
              continue;
            }
            const id = isScalar(v) ? String(v.value) : '';
            if (!knownIds(category).includes(id)) {
              reporter.report('records_item_unknown', { name: id, category, known: knownIds(category) }, at(v));
              continue;
            }
            found = { category, id };
          }
          if (found) items.set(normalizeName(name), max !== undefined ? { ...found, max } : found);
        }
        break;
      }
      case 'sessions': {
        if (!isMap(value)) {
          invalid(value, '', 'sessions');
          break;
        }
        for (const item of value.items) {
          const meeting = isScalar(item.key) ? String(item.key.value) : '';
          const v = item.value as YamlNode | null;
          const id = isScalar(v) ? String(v.value) : '';
          const known = curriculum.schedule.sessions.map((s) => s.id);
          if (!known.includes(id)) reporter.report('records_item_unknown', { name: id, category: 'session', known }, at(v));
          else sessions.set(meetingKey(meeting), id);
        }
        break;
      }
      case 'ignore': {
        if (!isMap(value)) {
          invalid(value, '', 'ignore');
          break;
        }
        for (const p of value.items) {
          const k = isScalar(p.key) ? String(p.key.value) : '';
          if (k === 'columns') for (const s of strings(p.value)) ignoreColumns.add(normalizeName(s.value));
          else if (k === 'people') for (const s of strings(p.value)) ignorePeople.add(s.value.includes('@') ? normalizeEmail(s.value) : normalizeName(s.value));
          else invalid(p.key as YamlNode, k, 'ignore-key');
        }
        break;
      }
      default:
        invalid(pair.key as YamlNode, key, 'file-key');
    }
  }
  return { file: path, ...(timeZone ? { timeZone } : {}), learners, items, sessions, ignoreColumns, ignorePeople };
}

/** Zoom writes meeting ids with and without spaces ("812 3456 7890", "81234567890"). */
export function meetingKey(id: string): string {
  return id.replace(/\s+/g, '');
}
