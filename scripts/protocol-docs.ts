// Writes docs/realtime.md, the live-sitting protocol, from the zod schemas in packages/protocol,
// the permissions in packages/domain and the hash chain in packages/server.
//
//   npx tsx scripts/protocol-docs.ts          write the file
//   npx tsx scripts/protocol-docs.ts --check  exit 1 if the file is not what it would write
//
// scripts/protocol-docs.test.ts fails when the committed file differs from a fresh one.
import type { ConductingCommandType } from '@veche/domain';
import type { WireCommandType } from '@veche/protocol';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { z } from 'zod';

export const COMMAND = 'npx tsx scripts/protocol-docs.ts';
export const REALTIME_DOC = fileURLToPath(new URL('../docs/realtime.md', import.meta.url));
/** Its `paths` point `@veche/*` at the sources, as vitest's aliases do. */
const SOURCE_TSCONFIG = fileURLToPath(new URL('../tsconfig.test.json', import.meta.url));

/** What each command does, in a line; the type makes a command without one a compile error. */
const PURPOSE: Record<WireCommandType, string> = {
  'sitting.convene': 'Convenes a draft sitting.',
  'sitting.open': 'Opens the sitting.',
  'sitting.suspend': 'Suspends the sitting (a break), with an optional reason.',
  'sitting.resume': 'Resumes a suspended sitting.',
  'sitting.close': 'Closes the sitting.',
  'quorum.start': 'Starts a quorum check: members confirm their presence until it closes.',
  'presence.confirm': 'Confirms presence during a quorum check.',
  'quorum.close': 'Closes the running quorum check before its time is up.',
  'presence.mark': 'Marks a member present or absent (arrivals and departures in the hall).',
  'agenda.set_current': 'Moves the sitting to an agenda item (or to none).',
  'agenda.amend': 'Inserts, removes or moves an agenda item, optionally citing the vote behind it.',
  'speaker.request': 'Asks for the floor, or queues someone else.',
  'speaker.withdraw': 'Withdraws a request for the floor.',
  'speaker.grant': 'Gives the floor to a queued request (null: the next in line).',
  'speaker.extend': 'Gives the current speaker more time.',
  'speaker.end': 'Ends the current speech.',
  'vote.open': 'Opens a vote on a subject, with its kind, majority rule, options and duration.',
  'vote.cast': 'Casts a ballot.',
  'vote.extend': 'Gives the open vote more time.',
  'vote.close': 'Closes the open vote before its time is up.',
  'vote.annul': 'Annuls a closed vote, with a reason.',
  'vote.repeat': 'Repeats an annulled vote as a new vote.',
  'chat.send':
    'Sends a text message to the conductors (operator and chair), to all members of the sitting, or (conductors only) privately to one member. Kept in the log; readable only by its audience.',
};

/** Who may send the commands that are not simply "the operator or the chair". */
const PARTICIPANTS: Record<Exclude<WireCommandType, ConductingCommandType>, string> = {
  'presence.confirm':
    'A member of the sitting, for themselves only: `memberId`, when given, must be their own. ' +
    'Conductors record other members with `presence.mark`.',
  'speaker.request':
    'A member, for themselves. The operator or the chair may also queue another member ' +
    '(`memberId`) or a resident whose request the office approved (`resident`).',
  'speaker.withdraw':
    'The member whose request it is; the operator or the chair may withdraw any request, a ' +
    'resident\u2019s included.',
  'vote.cast':
    'A member, for themselves (the rules then check that they are entitled to this vote). Only ' +
    'the operator, not the chair, enters a ballot for another member, with `memberId` and ' +
    '`proxyReason`; the ballot records that operator.',
  'chat.send':
    'A member, as themselves, to the conductors or to all members; the operator or the chair ' +
    'also privately to one member (`to: "member"` with `memberId`). From convening until the ' +
    'sitting closes.',
};

/** A deadline's close, as the server's timer sends it. */
const SYSTEM_CLOSE: Partial<Record<WireCommandType, string>> = {
  'quorum.close': 'deadline:quorum:<checkId>',
  'vote.close': 'deadline:vote:<voteId>',
};

const json = (value: unknown): string =>
  ['```json', JSON.stringify(value, null, 2), '```'].join('\n');
const code = (text: string): string => `\`${text}\``;
const list = (items: readonly string[]): string => items.map(code).join(', ');

/** The markdown of docs/realtime.md, formatted as prettier formats it. */
export async function renderRealtimeDoc(): Promise<string> {
  const protocol = await import('@veche/protocol');
  const domain = await import('@veche/domain');
  const openapi = await import('../packages/server/src/http/openapi.js');
  const chain = await import('../packages/server/src/storage/event-chain.js');
  const { default: canonicalize } = await import('canonicalize');
  const prettier = await import('prettier');

  const schemas = new Map<string, z.ZodType>(
    protocol.wireCommandSchema.options.map((option) => [option.shape.type.value, option]),
  );
  const conductors = list(domain.CONDUCTING_ROLES);

  // A worked example of the chain, computed by the server's own functions.
  const sittingId = '5f0c6a8e-2d1b-4c3a-9e7f-0a1b2c3d4e5f';
  const operatorId = '0d9c7e52-8a41-4f3e-b6a2-6c1f0e9d2b14';
  const genesis = chain.genesisHash(sittingId);
  const at = new Date('2026-03-02T08:00:00.000Z');
  const first = {
    seq: 1,
    type: 'sitting.opened',
    payload: { type: 'sitting.opened', at: at.getTime() },
    actorUserId: operatorId,
    at,
  };
  const firstHash = chain.chainHash(genesis, first);
  const verdict = chain.verifyChain(sittingId, [{ ...first, prevHash: genesis, hash: firstHash }]);
  if (!verdict.ok) throw new Error('the worked example does not verify');
  const body = canonicalize({ ...first, at: at.toISOString() }) ?? '';

  const out: string[] = [];
  const add = (...blocks: string[]): void => {
    out.push(...blocks);
  };

  add(
    `<!-- Generated by \`${COMMAND}\` from the zod schemas in packages/protocol, the permissions in packages/domain and packages/server/src/storage/event-chain.ts. Do not edit by hand: change those and run the command again. -->`,
    '# The live-sitting protocol',
    `> Generated by \`${COMMAND}\`; do not edit by hand. The HTTP API as a whole is documented in OpenAPI at \`/api/docs\` (\`/api/docs/openapi.json\`).`,
    'A live sitting is an event log. Clients send **commands** (`area.verb`, such as `vote.open`); the server checks who sent them (`authorize` in packages/domain), decides them against the state folded from the log (`decide`), and appends the resulting **events** (past tense, such as `vote.opened`) to the sitting\u2019s log, each chained to the previous one by a hash. The state anyone sees is the log folded by `evolve`, filtered by who is looking.',
    'Commands travel over HTTP or over the WebSocket (the last section), with the same ids and outcomes; clients read the state and the log over HTTP and follow the sitting live over the WebSocket.',
  );

  add(
    '## Sending a command',
    '`POST /api/sittings/{sittingId}/commands`, signed in (the `veche_session` cookie), same-origin, with a JSON body:',
    json({
      commandId: '6c1e4a8f-3b2d-4e9a-8f71-2d5c0b9e3a46',
      command: { type: 'vote.close', voteId: 'v-12' },
    }),
    `\`commandId\` is made up by the client, one per thing the user meant to do (a random UUID will do). It must match:`,
    json(openapi.toJsonSchema(protocol.commandRequestSchema.shape.commandId, 'input')),
    '### Retries are safe',
    'The server acts once per command id in a sitting. When an answer is lost (a dropped connection, a timeout), send the **same** body again: a command that was already decided is not decided again, and the answer repeats its first outcome with `replayed: true`, whether it was accepted or refused. A new attempt at the same intent after a refusal needs a new id. The same id sent by another user is refused with 409 `command_id_reused`. Permission refusals (403) and invalid input (400) are not recorded under the id: nothing was decided.',
    '### The answer',
    '`200` with the events the command caused:',
    json(openapi.inlineRefs(openapi.openApiDocument().components.schemas.CommandAccepted)),
    '- `seq` is the log\u2019s last sequence number after the command.',
    '- A vote that closes is followed by its `vote.sealed` event: the number of ballots, a SHA-256 digest over the ballots in RFC 8785 canonical JSON (open and named votes: `{ voteId, ballots }` with `{ memberId, choice, enteredByUserId }` sorted by member; secret votes: `{ voteId, participants, counts }`, participants sorted), and for named votes the named list itself.',
    '- A ballot (`vote.cast`) is not appended to the log: it goes to the ballot box and is sealed into the log when the vote closes. An open or named ballot answers with its `vote.cast_recorded` event and the unchanged `seq`; a secret ballot answers with no events, so that nothing ties the member to the choice.',
    '### Refusals',
    `Every refusal has the API\u2019s one error shape \`{ error: { code, message, field?, issues?, facts? } }\`, and changes nothing.`,
    [
      '- **400** `validation_failed`: the body does not match the schemas below; `field` and `issues` name each bad field.',
      '- **401** `unauthenticated`: no valid session.',
      `- **403** \`forbidden\`: the sender may not send this command. \`facts.command\` names it and \`facts.reason\` says why: one of ${list(domain.FORBIDDEN_REASONS)}.`,
      '- **403** `csrf_rejected`: the request came from another origin.',
      '- **404** `not_found`: no such sitting, or one the sender may not see.',
      '- **409** a rejection code: the rules refuse the command now (the vote is closed, there is no quorum, ...). `code` is the rejection, `facts` its numbers and ids, plus `commandId` and `replayed`.',
      '- **409** `command_id_reused`: another user sent this command id.',
      '- **503** `unavailable`: the database is unreachable, or the sitting changed too fast to apply the command; retry with the same id.',
    ].join('\n'),
    `Rejection codes: ${list(openapi.REJECTION_CODES)}.`,
  );

  add(
    '## Reading the sitting',
    '- `GET /api/sittings/{sittingId}/state`: `{ seq, state }`, the state folded from the log up to `seq` as the caller may see it. No member\u2019s choice shows while a vote runs: a named vote\u2019s choices appear once it has closed (in its `tally.choices`, and in its `vote.sealed` event); while a secret or open vote runs, only who has voted shows, and its counts come with the result. An open or secret vote\u2019s choices never show.',
    '- `GET /api/sittings/{sittingId}/events?after=n`: the log after sequence number `n` (default 0: all of it), in order. Each event:',
    json({
      seq: 1,
      type: first.type,
      payload: first.payload,
      actorUserId: operatorId,
      at: at.toISOString(),
      prevHash: genesis,
      hash: firstHash,
    }),
    `\`type\` is one of ${list(openapi.LOG_EVENT_TYPES)}. \`payload\` is the event itself (its \`at\` in epoch milliseconds); \`at\` beside it is the same time in ISO 8601; \`actorUserId\` is whoever sent the command, or \`null\` for the server (a deadline).`,
    'A chat message the reader may not read (one member\u2019s message to the conductors, read by another member) comes redacted: `seq`, `type`, `at`, `prevHash` and `hash` as stored, with `payload: null`, `actorUserId: null` and `redacted: true`. Its place in the chain can still be checked; its content cannot be read or recomputed.',
  );

  add(
    '## Verifying the log',
    'The log is a hash chain, so anyone holding it can check that no event was changed, removed, inserted or reordered. For a sitting with id `sittingId`:',
    [
      '1. The genesis hash is `sha256("veche:sitting:" + sittingId)`, as lower-case hex of the SHA-256 of the UTF-8 text.',
      '2. Events are numbered `seq` = 1, 2, 3, ... without gaps, and each event\u2019s `prevHash` is the previous event\u2019s `hash` (the genesis hash for event 1).',
      '3. Each `hash` is `sha256(prevHash + "\\n" + canonical)`, where `canonical` is the RFC 8785 canonical JSON (JCS: keys sorted, no spaces, numbers and strings in their one canonical form) of `{ seq, type, payload, actorUserId, at }`, with `at` as the ISO 8601 text the API returns (`Date.prototype.toISOString()`: UTC, milliseconds, `Z`).',
    ].join('\n'),
    'Worked example (computed by the server\u2019s own code when this file was generated), for the sitting `' +
      sittingId +
      '`:',
    [
      '```text',
      `genesis   = ${genesis}`,
      `canonical = ${body}`,
      `hash      = ${firstHash}`,
      '```',
    ].join('\n'),
    'In JavaScript, with the `canonicalize` package (any RFC 8785 implementation will do):',
    [
      '```js',
      "import { createHash } from 'node:crypto';",
      "import canonicalize from 'canonicalize';",
      '',
      "const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');",
      '',
      'export function verify(sittingId, events) {',
      '  let prevHash = sha256(`veche:sitting:${sittingId}`);',
      '  for (const [i, { seq, type, payload, actorUserId, at, redacted, ...hashes }] of events.entries()) {',
      '    if (seq !== i + 1 || hashes.prevHash !== prevHash) return { ok: false, seq };',
      '    // A redacted entry cannot be recomputed; the next entry still checks its hash.',
      '    if (redacted) {',
      '      prevHash = hashes.hash;',
      '      continue;',
      '    }',
      '    const canonical = canonicalize({ seq, type, payload, actorUserId, at });',
      '    if (sha256(`${prevHash}\\n${canonical}`) !== hashes.hash) return { ok: false, seq };',
      '    prevHash = hashes.hash;',
      '  }',
      '  return { ok: true, lastHash: prevHash };',
      '}',
      '```',
    ].join('\n'),
    'A chain cut short at the end is still a valid chain: what guards the end is a copy of the last hash kept elsewhere (to come: published with the results and the minutes).',
  );

  add(
    '## Commands',
    `Each command is a JSON object with its \`type\`; unknown fields are refused. The JSON Schemas below are generated from the protocol\u2019s zod schemas (input side: what a client may send). Who may send a command is checked first (403 \`forbidden\`); whether it makes sense now (the sitting is open, the vote is running) is for the rules (409). The conducting roles are ${conductors}.`,
  );
  for (const type of protocol.WIRE_COMMAND_TYPES) {
    const schema = schemas.get(type);
    if (schema === undefined) throw new Error(`no schema for ${type}`);
    const who = domain.isConductingCommand(type)
      ? `The operator or the chair (council roles ${conductors}).`
      : PARTICIPANTS[type];
    const close = SYSTEM_CLOSE[type];
    add(
      `### \`${type}\``,
      PURPOSE[type],
      `**Who may send it:** ${who}` +
        (close === undefined
          ? ''
          : ` A person\u2019s close is recorded as closed by the operator; only the server\u2019s own deadline timer closes "by system", once, under the command id \`${close}\`.`),
      json(openapi.toJsonSchema(schema, 'input')),
    );
  }

  add(
    '## WebSocket',
    'One socket per client at `/api/live` (`ws://` or `wss://` on the same host). A signed-in browser\u2019s socket carries its session cookie and may send commands; without a session the socket is the public\u2019s and may follow any published sitting. A socket opened from another site\u2019s page is refused (403). Messages are JSON text, at most 64 KiB each; a larger one closes that socket (1009). Every server message carries `serverTime` (epoch milliseconds): use it to correct the local clock for deadlines and speaking timers. The server pings every 30 s and drops a socket that did not answer the previous ping. When the server stops, sockets close with 1001: reconnect (perhaps to another server process) and subscribe again with the last `seq` seen.',
    '### Following a sitting',
    '1. Send `subscribe` with the last sequence number seen (`afterSeq`, 0 the first time). A signed-in socket that shows the sitting to the public (the hall display on a computer signed in as the operator) adds `as: "public"`: it is then sent exactly what the public sees.',
    '2. The server answers `subscribed` with its last `seq`. A client starting afresh (`afterSeq` 0), or more than 200 events behind, then receives a `snapshot`: the state at that `seq` as it may see it.',
    '3. Then `event` messages follow, each with its `seq`, in order, with no gap and no duplicate: first those missed after `afterSeq` (read from the database), then each new one as it is appended. A client that sees a gap anyway should subscribe again with its last `seq`. A chat message this client may not read arrives in its place as `{ type: "chat.sent", redacted: true }`, so that the numbering has no gap.',
    '4. While a vote runs, `tally` messages come at most five times a second: how many have voted and, for members and conductors, who; for conductors, whose ballot the operator entered for them (`proxied`); and for named votes the counts (secret and open votes show their counts with the result, since counts moving beside the list of voters would tell who chose what). Each tally carries the `seq` it reflects: ignore one older than an event already shown.',
    '### Commands',
    '`command` carries the same `commandId` and `command` as the HTTP body and is answered by `command.result` with that id: `accepted: true` with `seq` and `replayed`, or `accepted: false` with the same `error` as the HTTP refusal (`code`, `message`, `facts`). The events a command causes arrive as `event` messages to everyone following the sitting, the sender included. Retries are safe exactly as over HTTP: after a dropped connection, send the same `commandId` again.',
    '### Client messages',
    json(openapi.toJsonSchema(protocol.clientMessageSchema, 'input')),
    '### Server messages',
    json(openapi.toJsonSchema(protocol.serverMessageSchema, 'output')),
    'A message the server cannot take (not JSON, an unknown type, a bad field, an unknown sitting) is answered by an `error` message and changes nothing; the socket stays open.',
  );

  const config = (await prettier.resolveConfig(REALTIME_DOC)) ?? {};
  return prettier.format(`${out.join('\n\n')}\n`, { ...config, parser: 'markdown' });
}

/** Reads the protocol from its sources, or the file could describe a stale build. */
function onSources(): boolean {
  return import.meta.resolve('@veche/protocol').includes('/packages/protocol/src/');
}

async function main(args: readonly string[]): Promise<number> {
  if (!onSources()) {
    if (process.env.TSX_TSCONFIG_PATH === SOURCE_TSCONFIG) {
      process.stderr.write('@veche/protocol does not resolve to its sources; run it with tsx.\n');
      return 1;
    }
    // Again, with tsconfig.test.json's paths: `@veche/*` as sources rather than builds.
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), ...args],
      { stdio: 'inherit', env: { ...process.env, TSX_TSCONFIG_PATH: SOURCE_TSCONFIG } },
    );
    return child.status ?? 1;
  }
  const fresh = await renderRealtimeDoc();
  if (args.includes('--check')) {
    const current = readFileSync(REALTIME_DOC, 'utf8');
    if (current === fresh) return 0;
    process.stderr.write(`docs/realtime.md is out of date: run ${COMMAND}\n`);
    return 1;
  }
  writeFileSync(REALTIME_DOC, fresh);
  process.stdout.write(`wrote docs/realtime.md (${String(fresh.length)} characters)\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
