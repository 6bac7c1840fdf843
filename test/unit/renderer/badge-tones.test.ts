import { describe, expect, it } from 'vitest';
import { VERDICTS } from '../../../shared/contract/backends.ts';
import { DOOR_TEST_VERDICTS } from '../../../shared/contract/door-tests.ts';
import { ImportProblemSchema } from '../../../shared/contract/imports.ts';
import { OUTBOX_STATES } from '../../../shared/contract/people.ts';
import { DOOR_TEST_TONES, OUTBOX_TONES, SEVERITY_TONES, TONES, VERDICT_TONES, verdictTone } from '../../../renderer/src/components/tones.ts';

const SEVERITIES = ImportProblemSchema.shape.severity.options;

describe('badge tones: every state of every list means one tone', () => {
  it('maps each contract state to a known tone, and nothing else', () => {
    const tables = [
      [OUTBOX_TONES, OUTBOX_STATES],
      [SEVERITY_TONES, SEVERITIES],
      [VERDICT_TONES, VERDICTS],
      [DOOR_TEST_TONES, DOOR_TEST_VERDICTS],
    ] as const;
    for (const [table, states] of tables) {
      expect(Object.keys(table).sort()).toEqual([...states].sort());
      for (const tone of Object.values(table)) expect(TONES).toContain(tone);
    }
  });

  it('gives failures the bad tone and successes the ok tone, never the same', () => {
    expect(OUTBOX_TONES.failed).toBe('bad');
    expect(OUTBOX_TONES.done).toBe('ok');
    expect(SEVERITY_TONES.error).toBe('bad');
    expect(SEVERITY_TONES.warning).toBe('warn');
    expect(DOOR_TEST_TONES.pass).toBe('ok');
    expect(DOOR_TEST_TONES.fail).toBe('bad');
    expect(DOOR_TEST_TONES.error).toBe('bad');
    expect(VERDICT_TONES.ok).toBe('ok');
    for (const verdict of VERDICTS.filter((v) => v !== 'ok')) expect(VERDICT_TONES[verdict]).toBe('bad');
  });

  it('does not call an unknown stored verdict ok', () => {
    expect(verdictTone('ok')).toBe('ok');
    expect(verdictTone('unreachable')).toBe('bad');
    expect(verdictTone('some-future-code')).toBe('warn');
  });
});
