/**
 * The alarm sound: three short tones made with Web Audio (no file to ship or load). One context for
 * the window, made on first use; Chromium starts it suspended until the user has touched the page,
 * so it is resumed each time (a guard room's window has been clicked long before an alarm).
 */
let context: AudioContext | null = null;

const TONE_HZ = 880;
const TONE_S = 0.18;
const GAP_S = 0.12;
const TONES = 3;

export function playAlarmSound(): void {
  try {
    context ??= new AudioContext();
    void context.resume().catch(() => undefined);
    const start = context.currentTime + 0.02;
    for (let i = 0; i < TONES; i++) {
      const at = start + i * (TONE_S + GAP_S);
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = TONE_HZ;
      // A short ramp at both ends: no click.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.2, at + 0.01);
      gain.gain.setValueAtTime(0.2, at + TONE_S - 0.02);
      gain.gain.linearRampToValueAtTime(0, at + TONE_S);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + TONE_S);
    }
  } catch {
    // No audio device, or Web Audio unavailable: the banner still shows.
  }
}
