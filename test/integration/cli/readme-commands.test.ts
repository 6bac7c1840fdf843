import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every command the CLI's --help lists is in the README, so a newcomer who reads the README finds
 * each one (issue 12: keep the README true as each capability lands).
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** "people list|export <file>" → [['people', 'list'], ['people', 'export']]; "call <id> …" → [['call']]. */
function commandsOf(help: string): string[][] {
  const section = help.split(/^Commands:$/m)[1]?.split(/^Options:$/m)[0] ?? '';
  const found: string[][] = [];
  for (const line of section.split('\n')) {
    const match = /^ {2}([a-z][a-z-]*)(?: ([a-z][a-z0-9|-]*))?(?: |$)/.exec(line);
    if (!match?.[1]) continue;
    const [, name, sub] = match;
    if (sub === undefined) found.push([name]);
    else for (const alternative of sub.split('|')) found.push([name, alternative]);
  }
  return found;
}

/** The command lines the README shows: its code spans and the `cli -- …` lines of its code blocks. */
function readmeCommands(readme: string): string[][] {
  const spans = [...readme.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  const blockLines = [...readme.matchAll(/cli -- (?:--[a-z-]+ \S+ )*([^\n]+)/g)].map((m) => m[1] ?? '');
  return [...spans, ...blockLines].map((text) => {
    const [name = '', second = ''] = text.replaceAll('\\|', '|').trim().split(/\s+/);
    return [name, ...second.split('|')];
  });
}

describe('the README names every CLI command', () => {
  const help = execFileSync(process.execPath, ['electron/cli/main.ts', '--help'], { cwd: root, encoding: 'utf8' });
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const shown = readmeCommands(readme);
  const commands = commandsOf(help);

  it('reads the help', () => {
    expect(commands.length).toBeGreaterThan(20);
    expect(commands).toContainEqual(['people', 'export']);
    expect(commands).toContainEqual(['call']);
  });

  it.each(commands.map((c) => [c.join(' '), c] as const))('%s', (_label, [name, sub]) => {
    const present = shown.some(([shownName, ...subs]) => shownName === name && (sub === undefined || subs.includes(sub)));
    expect(present, `README.md shows no \`${name}${sub ? ` ${sub}` : ''}\``).toBe(true);
  });
});
