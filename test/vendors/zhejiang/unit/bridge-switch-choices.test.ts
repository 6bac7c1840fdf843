import { describe, expect, it } from 'vitest';
import { CODEC_SWITCHES } from '../../../../electron/drivers/zhejiang/options.ts';
import { SWITCH_CHOICES } from '../../../../renderer/src/stores/bridge-words.ts';

/** The Bridge page's Advanced section offers the driver's switch values (the renderer cannot import the core). */
describe('Bridge page switch choices', () => {
  it('are the driver’s CODEC_SWITCHES, name for name and value for value', () => {
    expect(SWITCH_CHOICES).toEqual(CODEC_SWITCHES);
  });
});
