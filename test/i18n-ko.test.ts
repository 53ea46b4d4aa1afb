import { describe, expect, it } from 'vitest';
import { andList, josa, orList } from '../src/i18n/ko/josa.ts';

// Korean particles follow the sound of the word before them; the programs' own titles, names
// and numbers reach the Korean dictionary, so the choice must be right for each kind of word.
describe('Korean particles', () => {
  it('follow the final consonant of a Hangul word', () => {
    expect(josa('월요일', '과/와')).toBe('월요일과');
    expect(josa('화요일', '을/를')).toBe('화요일을');
    expect(josa('모듈', '을/를')).toBe('모듈을');
    expect(josa('과제', '을/를')).toBe('과제를');
    expect(josa('학교', '이/가')).toBe('학교가');
  });
  it('treat ㄹ as open before 으로/로 only', () => {
    expect(josa('서울', '으로/로')).toBe('서울로');
    expect(josa('서울', '은/는')).toBe('서울은');
    expect(josa('부산', '으로/로')).toBe('부산으로');
  });
  it('read digits, acronyms and English words as Korean says them', () => {
    expect(josa('Lab 09', '과/와')).toBe('Lab 09와'); // 구
    expect(josa('Lab 10', '을/를')).toBe('Lab 10을'); // 십 (read from its last digit, 영)
    expect(josa('SCORM', '을/를')).toBe('SCORM을'); // …엠
    expect(josa('LMS', '을/를')).toBe('LMS를'); // …에스
    expect(josa('Moodle', '을/를')).toBe('Moodle을'); // 무들
    expect(josa('Canvas', '을/를')).toBe('Canvas를'); // 캔버스
    expect(josa('“Midterm exam”', '을/를')).toBe('“Midterm exam”을');
  });
  it('write both forms when the ending cannot be told', () => {
    expect(josa('…', '을/를')).toBe('…을(를)');
  });
  it('join lists with the particle the last-but-one item needs', () => {
    expect(andList(['월요일', '수요일'])).toBe('월요일과 수요일');
    expect(andList(['화요일', '목요일', '금요일'])).toBe('화요일, 목요일과 금요일');
    expect(orList(['A', 'B', 'C'])).toBe('A, B 또는 C');
    expect(andList(['하나'])).toBe('하나');
  });
});
