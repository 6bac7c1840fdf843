import { parseArgs } from 'node:util';
import { ApiError } from '../../shared/contract/errors.ts';
import { createTranslator, isLang, langFromLocale, type Lang } from '../../shared/i18n/index.ts';
import { localizeError } from '../../shared/i18n/errors.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { resolveDataDir } from '../core/data-dir.ts';
import { InputFileError, UsageError } from './cli-error.ts';
import { terminalText } from './terminal-text.ts';
import { alarms } from './commands/alarms.ts';
import { backend, callEndpoint } from './commands/backend.ts';
import { db } from './commands/db.ts';
import { endpoints } from './commands/endpoints.ts';
import { doorTest } from './commands/door-test.ts';
import { enroll, outbox, sync } from './commands/enroll.ts';
import { events } from './commands/events.ts';
import { importPeople } from './commands/import.ts';
import { people } from './commands/people.ts';
import { receiver } from './commands/receiver.ts';
import { report } from './commands/report.ts';
import { sign } from './commands/sign.ts';
import { scan } from './commands/scan.ts';
import { sim } from './commands/sim.ts';
import { sites } from './commands/sites.ts';
import { version } from './commands/version.ts';
import { visitors } from './commands/visitors.ts';
import { doors } from './commands/doors.ts';
import { bridge } from './commands/bridge.ts';
import type { Command, CommandContext } from './context.ts';

interface CliIo {
  /** A line (the newline is the writer's). */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Writes to stderr as is, no newline: present only when stderr is a terminal (progress lines). */
  readonly terminal?: ((text: string) => void) | undefined;
  readonly env: NodeJS.ProcessEnv;
}

const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const USAGE_ERROR_CODES = new Set(['invalid_input', 'backend_invalid_params']);

const commands: Readonly<Record<string, Command>> = { version, sites, db, backend, endpoints, call: callEndpoint, sim, sign, receiver, 'door-test': doorTest, report, enroll, sync, outbox, import: importPeople, people, scan, events, alarms, visitors, doors, bridge };

const HELP = `Commands:
  version                      app and schema version
  sites list                   the sites (* marks the current one)
  sites add <name> [--time-zone <zone>]   add a site, prints its id (zone: IANA name, default this computer's)
  sites rename <id> <name>     rename a site
  sites timezone <id> <zone>   the zone the site's times are shown in (IANA name, e.g. Asia/Shanghai)
  sites address <id> <address>   set the site's address for the report's sign-off ("" clears it)
  sites remove <id>            remove a site and everything stored for it
  sites select <id>|none       choose the current site
  db status                    the database file, its schema version and size
  backend add --site <id> --vendor zkbio --url <url> --token <token> [--name N]
  backend add --site <id> --vendor hongtu --url <url> --app-key <cappkey> --secret <secretKey> [--name N]
  backend add --site <id> --vendor k30 --url <url> --company-no <16-char 企业编号> [--name N]
              [--tls verify|pinned|accept-any] [--fingerprint <sha256>]   add a backend, prints its id
  backend list [--site <id>]   the backends
  backend test <id>            test the connection: a verdict and what to do (exit 1 unless ok)
  backend inventory <id> [--cached]   devices, doors, readers, levels, departments (read now, or as stored)
  backend remove <id>          remove a backend
  endpoints <vendor>           every endpoint of the vendor's document (id, method, path)
  call <backend-id> <endpoint-id> [--params <json>] [--force]   call any endpoint, fields by name
  sign hongtu --uri <path> [--method POST] [--query k=v&…] [--body <json> | --body-md5 <hex> | --upload]
              --secret <secretKey> --app-key <appKey> [--timestamp <ms>] [--nonce <6 chars>]
                               the string to sign and csign (settle signature disputes)
       k30 --fields <json: the envelope's fields, data as plaintext JSON> --secret <companyno>
                               K30: the string to sign, the sign and the encrypted data
       zhejiang --apicode <C_AUTH|C_HEARTBEAT|…> --fields <json: the request's fields, param as JSON> --secret <accessSecret>
                [--img-sign delete|empty-string]   Zhejiang: the string to sign and the MD5 (with "success": a response's)
  door-test <backend-id> --door <door-id> [--test open|mode|walk] [--person <pin>] [--timeout s] [--installer name]
                               run a door test; prints the verdict and latency (exit 0 only for pass)
  report <site-id> --pdf <file> [--html <file>] [--installer name] [--customer name]
                               the commissioning report (in --lang), printed with Chromium; the names
                               go above the sign-off's signature lines (blank lines without them)
  enroll --site <id> --pin <p> --name <n> [--id-number …] [--phone …] [--gender M|F] [--card …] [--department …]
         [--photo <jpeg/png> [--force-photo] | --no-face-reason <why>] --backend <id> [--backend <id>…] [--levels a,b]
                               save a person locally with an outbox entry per backend; the photo (at most
                               50 megapixels and 20 MB) must pass the face checks of the backends' vendors
                               (--force-photo: record the failures); without one the person is marked
                               "no face" (--no-face-reason says why); an ID number someone else has is refused
  import <file.csv|xlsx> --site <id> [--photos <dir>] [--backend <id>…] [--levels a,b] [--dry-run] [--rejected <file.csv>]
         [--no-face-check] [--force-photo]
                               bulk import: every problem by row and column; good rows saved and queued;
                               each photo passes the face checks (strictest vendor; ~½ min per 1,000 ID-size
                               photos) and is kept cut around the face (--no-face-check: format and size
                               only, for very large imports; --force-photo: keep failing photos, recording
                               the failures)
  events list --from <date|datetime> --to <date|datetime> [--site <id>] [--backend <id>…] [--door [<backend-id>:]<door-id>]
              [--result pass|denied|…] [--person <pin|name>] [--export <file.csv|xlsx>]
                               the site's stored events, newest first, times in the site's zone (--to a date: the whole day)
  people list|export <file.csv|xlsx> --site <id>   the site's people (export: the import's columns, then "no face")
  visitors list [--site <id>] [--date yyyy-MM-dd]   the site's visitors that day (default today), arrived / left
  visitors add --backend <id> --name <n> --host <pin> [--reason …] [--from …] [--to …] [--id-type national-id|passport|drivers-license|work-permit|other]
         [--id-number …] [--phone …] [--company …] [--photo <f.jpg>]   register a visitor (default: now to the end of today)
  visitors checkout|retry <id>  end a visit on its backend / send one the backend did not receive
  doors list [--site <id>]     the site's doors, their state and what each backend lets you do
  doors open <backend-id> <door-id> [--seconds 5]   open a door (audited: station, guard, time, result)
  doors close <backend-id> <door-id>                close a door where the backend can
  doors mode <backend-id> <door-id> normally-open|normally-closed|normal   hold a door open / closed, or back to normal
  doors log [--site <id>]      the door actions' audit log, newest first, times in the site's zone
  bridge add --site <id> --tcp <host:port> --url <https-url> --access-id … --access-key … --access-secret …
             [--tls verify|pinned|accept-any] [--fingerprint <sha256>] [--name N] [--settings <json>]
                               add a Zhejiang platform bridge, prints its id; the three credentials may come
                               from $DOORMAN_ZJ_ACCESS_ID, $DOORMAN_ZJ_ACCESS_KEY, $DOORMAN_ZJ_ACCESS_SECRET
                               instead (out of the shell history); an http:// URL (test platforms) is warned about
  bridge update <bridge-id> [--tcp …] [--url …] [--tls …] [--name …] [--access-id|--access-key|--access-secret …]
                [--settings <json: switches, layout A|B, fieldNumbers, responseSignCheck, heartbeatSeconds,
                maxFrameBytes, deviceVersion>]   change what is given; prints the bridge and its settings
  bridge list [--site <id>]    the bridges (credentials: only which are set)
  bridge remove <bridge-id>    remove a bridge with its devices, tasks and queued records
  bridge device add|list|remove <bridge-id> [--sn <sn>] [--door <backend-id>:<door-id>…] [--level <backend-id>:<level-id>…] [<device-id>]
                               the devices as registered with the platform, the site's doors each stands for, and
                               the access levels its workers get (none given: the backend's levels covering those doors)
  bridge device update <bridge-id> <device-id> [--door <backend-id>:<door-id>…] [--level <backend-id>:<level-id>…]
                               replace a device's doors and/or its workers' access levels
  bridge tasks|queue <bridge-id>   the task history / the attendance queue (depth, oldest, failures and their errors)
  bridge run <bridge-id>       run the bridge here: device sessions, tasks, attendance; prints changes; Ctrl+C stops
  bridge status <bridge-id> [--json]   the device sessions: online, last heartbeat, token age, queue, last error
  bridge test <bridge-id> [--sn <sn>]  TCP reach, C_AUTH, clock offset, HTTPS reach, each ok/failed with advice; exit 1 on failure
  sync [--once]                send the outbox (--once: until nothing is due; else until Ctrl+C)
  outbox list [--site <id>] [--state pending|sending|done|failed|cancelled]
  receiver start|stop|status <backend-id> [--host <address>] [--port N] [--sign-check off|warn|strict]
                               push receiver for a backend that pushes: start runs until Ctrl+C; Hongtu is
                               registered by Doorman, K30's URL is printed to type into the K30 software
  events watch [--site <id>] [--jsonl]   each event as it arrives (time in the site's zone, backend, source
                               push|poll|monitor, door, person, result) and each stream state change, until Ctrl+C
  scan <targets…> [--exclude <targets>] [--ports 80,443,8000-8010] [--timeout ms] [--concurrency n] [--rate n]
       [--allow-large] [--onvif] [--site <id>] [--jsonl]
                               find and name the systems on the LAN: targets are 192.168.1.0/24, 192.168.1.10-50,
                               single addresses, or local (this computer's subnets); saved with the site if one is chosen;
                               --onvif also asks ONVIF cameras/panels (one WS-Discovery multicast per LAN)
  scan interfaces              this computer's IPv4 subnets
  scan list|hosts [--site <id>]   the site's scans / every host its scans found (first and last seen)
  scan diff <from-id> <to-id>  what changed between two scans
  alarms list [--site <id>] [--open]   the site's alarms, newest first (--open: only unacknowledged)
  alarms ack <id> [--note <text>] [--as <guard name>]   acknowledge an alarm (who: --as, else Settings' guard name)
  sim zkbio|hongtu|k30 [--host 127.0.0.2] [--port 8098] [--token T] [--tls on] [--company <16 chars> (k30)]
                               run a vendor simulator; K30 also takes [--callback-url <url>] (where it posts its
                               callbacks) [--callback-form strings|integers|example] [--company-mismatch caller-signed|own-number]
  sim zhejiang [--host 127.0.0.5] [--tcp-port 8900] [--https-port 8943] [--http on] [--device <sn,…>]
                               run the Zhejiang platform simulator: prints its TCP address, HTTPS URL, accessId,
                               accessKey, accessSecret and the admin token of its /__sim routes
Options:
  --data-dir DIR   data folder (default: $DOORMAN_DATA_DIR, else the per-user folder)
  --json           machine-readable output on stdout only
  --lang zh-CN|en  language of messages (default: from $LANG)`;

function langOf(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag && isLang(flag)) return flag;
  return langFromLocale(env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG']);
}

/**
 * Runs one CLI command; returns the exit code (0 ok, 1 failure, 2 usage). Never throws. Everything
 * it writes goes through terminalText (terminal-text.ts), results, messages and progress alike.
 */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const clearLine = '\r\u001b[K';
  const terminal = rawIo.terminal;
  let statusShown = false;
  const status = (text: string | null) => {
    if (!terminal || (text === null && !statusShown)) return;
    terminal(text === null ? clearLine : `${clearLine}${terminalText(text)}`);
    statusShown = text !== null;
  };
  const io = {
    env: rawIo.env,
    stdout: (text: string) => {
      status(null);
      rawIo.stdout(terminalText(text));
    },
    stderr: (text: string) => {
      status(null);
      rawIo.stderr(terminalText(text));
    },
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        site: { type: 'string' },
        vendor: { type: 'string' },
        url: { type: 'string' },
        token: { type: 'string' },
        name: { type: 'string' },
        tls: { type: 'string' },
        fingerprint: { type: 'string' },
        params: { type: 'string' },
        force: { type: 'boolean' },
        cached: { type: 'boolean' },
        host: { type: 'string' },
        port: { type: 'string' },
        uri: { type: 'string' },
        method: { type: 'string' },
        query: { type: 'string' },
        body: { type: 'string' },
        'body-md5': { type: 'string' },
        upload: { type: 'boolean' },
        secret: { type: 'string' },
        'app-key': { type: 'string' },
        company: { type: 'string' },
        fields: { type: 'string' },
        apicode: { type: 'string' },
        'img-sign': { type: 'string' },
        'callback-url': { type: 'string' },
        'callback-form': { type: 'string' },
        'company-mismatch': { type: 'string' },
        'tcp-port': { type: 'string' },
        'https-port': { type: 'string' },
        http: { type: 'string' },
        'admin-token': { type: 'string' },
        device: { type: 'string' },
        'company-no': { type: 'string' },
        'sign-check': { type: 'string' },
        timestamp: { type: 'string' },
        nonce: { type: 'string' },
        door: { type: 'string', multiple: true },
        level: { type: 'string', multiple: true },
        tcp: { type: 'string' },
        'access-id': { type: 'string' },
        'access-key': { type: 'string' },
        'access-secret': { type: 'string' },
        sn: { type: 'string' },
        settings: { type: 'string' },
        test: { type: 'string' },
        person: { type: 'string' },
        timeout: { type: 'string' },
        installer: { type: 'string' },
        'time-zone': { type: 'string' },
        customer: { type: 'string' },
        pdf: { type: 'string' },
        html: { type: 'string' },
        pin: { type: 'string' },
        'id-number': { type: 'string' },
        phone: { type: 'string' },
        gender: { type: 'string' },
        card: { type: 'string' },
        department: { type: 'string' },
        'valid-from': { type: 'string' },
        'valid-to': { type: 'string' },
        photo: { type: 'string' },
        'force-photo': { type: 'boolean' },
        'no-face-reason': { type: 'string' },
        backend: { type: 'string', multiple: true },
        levels: { type: 'string' },
        once: { type: 'boolean' },
        state: { type: 'string' },
        photos: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'no-face-check': { type: 'boolean' },
        rejected: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        ports: { type: 'string' },
        concurrency: { type: 'string' },
        rate: { type: 'string' },
        'allow-large': { type: 'boolean' },
        jsonl: { type: 'boolean' },
        onvif: { type: 'boolean' },
        open: { type: 'boolean' },
        note: { type: 'string' },
        as: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        result: { type: 'string' },
        export: { type: 'string' },
        reason: { type: 'string' },
        'id-type': { type: 'string' },
        date: { type: 'string' },
        seconds: { type: 'string' },
      },
    });
  } catch (error) {
    const t = createTranslator(langOf(undefined, io.env)).t;
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${t('cli.usage')}\n${HELP}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const lang = langOf(values.lang, io.env);
  const i18n = createTranslator(lang);
  const t = i18n.t.bind(i18n);
  const json = values.json;

  if (values.lang !== undefined && !isLang(values.lang)) {
    io.stderr(`--lang: zh-CN | en\n${t('cli.usage')}`);
    return EXIT.usage;
  }
  const [name, ...args] = positionals;
  if (values.help || name === undefined || name === 'help') {
    io.stdout(`${t('cli.usage')}\n${HELP}`);
    return values.help || name === 'help' ? EXIT.ok : EXIT.usage;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`${t('cli.unknownCommand', { command: name })}\n${t('cli.usage')}\n${HELP}`);
    return EXIT.usage;
  }

  const dataDir = resolveDataDir({ flag: values['data-dir'], env: io.env });
  let core: Core | undefined;
  const ctx: CommandContext = {
    lang,
    t,
    dataDir,
    env: io.env,
    options: values,
    core: () => (core ??= createCore({ dataDir, runtime: 'node' })),
    print: io.stdout,
    say: io.stderr,
    status,
  };
  try {
    const result = await command(ctx, args);
    if (!result.silent) io.stdout(json ? JSON.stringify(result.json, null, 2) : result.text);
    return result.exitCode ?? EXIT.ok;
  } catch (error) {
    // The mistake and one line of what to do; the whole command list is one `--help` away.
    if (error instanceof UsageError) {
      io.stderr(`${t(error.key, error.params)}\n${t('cli.usage')}\n${t('cli.helpHint')}`);
      return EXIT.usage;
    }
    if (error instanceof InputFileError) {
      const message = t(error.key, error.params);
      if (json) io.stdout(JSON.stringify({ error: { code: 'input_file', message } }, null, 2));
      io.stderr(`${message}\n${t(error.hintKey)}`);
      return EXIT.failure;
    }
    const apiError = error instanceof ApiError ? error : new ApiError('internal', error instanceof Error ? error.message : String(error));
    const message = localizeError(i18n, apiError.toBody());
    if (json) io.stdout(JSON.stringify({ error: { ...apiError.toBody(), message } }, null, 2));
    io.stderr(message);
    // A call that cannot be made as typed (unknown endpoint, a missing or malformed field) is a usage error.
    return USAGE_ERROR_CODES.has(apiError.code) ? EXIT.usage : EXIT.failure;
  } finally {
    await core?.close();
  }
}
