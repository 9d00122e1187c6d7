/**
 * `npm run certify -- <command>`: organisation countersigning, run on a trusted machine with the
 * private key kept off the site. See docs/certificates.md.
 *
 *   keygen --kid <key name> --private-out <file>    new P-256 (ES256) key; its public half is written to
 *                                                    public/keys/<key name>.jwk.json (the address its "kid" names,
 *                                                    under site.url) and added to public/keys/jwks.json
 *   sign   --key <private key file> --in <credential.jwt> [--out <file.jwt>]
 *                                                    checks the learner's self-issued credential and re-scores its
 *                                                    record, then issues it as the organisation (VC-JWT, ES256)
 *   revoke --credential <urn:uuid:…> [--reason "…"] | --kid <key name or its kid URL>
 *                                                    adds to public/keys/revoked.json (rebuild and deploy after)
 *   verify --in <file.jwt>                           checks a signed credential (self-issued, or against the site's keys)
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { certificateCatalog } from '../src/core/catalog/projections.ts';
import { looksLikeJwt } from '../src/core/certificates/credential.ts';
import { type CertificateCatalog, labForCertificates } from '../src/core/certificates/eligibility.ts';
import {
	formOf,
	generateSigningKey,
	JwksSchema,
	organisationKidOf,
	RevocationListSchema,
	type SignatureResult,
	signCredential,
	verifySelfIssued,
	verifySignedCredential,
} from '../src/core/certificates/signing.ts';
import { judge, NON_CLAIM_FIELDS, type VerdictContext } from '../src/core/certificates/verdict.ts';
import { parseJson } from '../src/core/envelope/untrusted-json.ts';
import { createQuickJsEngine } from '../src/core/labs/quickjs-module.ts';
import { type LabPassCheck, recheckLabPasses } from '../src/core/labs/recheck.ts';
import { publishedSuite } from '../src/core/labs/suite.ts';
import { TRACK_TITLES } from '../src/core/progress/labels.ts';
import { bankOf, type EvidenceLab } from '../src/core/quiz/evidence.ts';
import { loadContent } from '../src/lib/content-files.ts';
import { loadLabs } from '../src/lib/labs.ts';
import { loadSiteConfig } from '../src/lib/site-config.ts';

const root = resolve(new URL('..', import.meta.url).pathname);
/** Where the site's public keys live; ACADEMY_KEYS_DIR points elsewhere (tests, staging). */
const KEYS = resolve(process.env.ACADEMY_KEYS_DIR ?? join(root, 'public/keys'));
const JWKS = join(KEYS, 'jwks.json');
const REVOKED = join(KEYS, 'revoked.json');

class UsageError extends Error {}

function readJson(file: string, what: string): unknown {
	if (!existsSync(file)) throw new UsageError(`${what} not found: ${file}`);
	try {
		return parseJson(readFileSync(file, 'utf8'));
	} catch (e) {
		throw new UsageError(`${what} ${file} is not valid JSON (${(e as Error).message})`);
	}
}

const readJwks = () => JwksSchema.parse(readJson(JWKS, 'The public key set'));
const readRevoked = () => RevocationListSchema.parse(readJson(REVOKED, 'The revocation list'));
const write = (file: string, value: unknown) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

const siteConfig = () =>
	loadSiteConfig(process.env.ACADEMY_CONFIG ? undefined : join(root, 'academy.config.yaml'));

/** The organisation this site names as issuer (as src/site.ts does). */
function organisation(): string {
	const config = siteConfig();
	return config.certificates.organisation ?? config.organisation.name ?? config.site.name;
}

/** The site's public address, origin + base path, ending in "/" (as src/site.ts does). */
function siteUrl(): string {
	const config = siteConfig();
	return `${config.site.url.replace(/\/$/, '')}${config.site.basePath}`;
}

/**
 * The verdict the verify page gives (src/core/certificates/verdict.ts), on this checkout's content
 * and configuration: the problems, or the record and achievement title when it is valid.
 */
async function verdictOn(value: unknown, holder?: VerdictContext['holder']) {
	const { catalog, bank } = content();
	const verdict = await judge(value, {
		catalog,
		organisation: organisation(),
		bankFor: () => bank,
		checkLabs: recheckInNode,
		...(holder ? { holder } : {}),
	});
	if (verdict.kind === 'unreadable') throw new UsageError(verdict.message);
	return verdict;
}

/**
 * Runs recorded lab passes again in this process, with the same QuickJS engine the site's worker
 * runs, against the suites this checkout would publish (labs/<id>.suite.json).
 */
async function recheckInNode(entries: EvidenceLab[]): Promise<LabPassCheck[]> {
	const { labs } = loadLabs(root);
	const suites = labs.map(publishedSuite);
	const engine = await createQuickJsEngine();
	try {
		return await recheckLabPasses(entries, async (ids) => suites.filter((s) => ids.includes(s.id)), engine);
	} finally {
		engine.dispose();
	}
}

/** The catalog and quiz bank from this checkout's content (what the built site publishes). */
function content(): { catalog: CertificateCatalog; bank: ReturnType<typeof bankOf> } {
	const { catalog, quizArchive, problems } = loadContent(root);
	if (problems.length) throw new UsageError('The content has problems; run `npm run validate` first.');
	return {
		catalog: {
			...certificateCatalog({
				principles: catalog.principles.map((p) => p.data),
				modules: catalog.modules.map((m) => m.data),
				quizzes: catalog.quizzes.map((q) => q.data),
			}),
			labs: loadLabs(root).labs.map((l) => labForCertificates(l.data)),
			trackTitles: TRACK_TITLES,
		},
		// Earlier revisions too, so a certificate earned before a quiz changed can still be checked.
		bank: bankOf([...catalog.quizzes, ...quizArchive].map((q) => q.data)),
	};
}

async function keygen(name: string | undefined, out: string | undefined) {
	if (!name || !/^[A-Za-z0-9._-]{1,80}$/.test(name)) {
		throw new UsageError('Give a key name with --kid, e.g. --kid example-org-2026 (letters, digits, . _ -).');
	}
	// Open Badges 3.0 §8.2: the kid is a URI that dereferences to the public JWK, so it is the address
	// of the file this writes, under the site's configured address.
	const url = siteUrl();
	if (url.startsWith('http://127.0.0.1') || url.startsWith('http://localhost'))
		console.warn(
			`certify: warning: site.url is ${url}, so the key's address (its kid) will only work on this machine. Set site.url in academy.config.yaml to the public address first.`,
		);
	const kid = organisationKidOf(url, name);
	const publicFile = join(KEYS, `${name}.jwk.json`);
	if (!out)
		throw new UsageError('Give --private-out <file>: where to keep the private key, outside this project.');
	const target = resolve(out);
	const rel = relative(root, target);
	if (!rel.startsWith('..') && !isAbsolute(rel)) {
		throw new UsageError(
			`Refusing to write the private key inside the project (${rel}): it must never be deployed or committed. Choose a path outside ${root}.`,
		);
	}
	if (existsSync(target)) throw new UsageError(`${target} exists; refusing to overwrite a key.`);
	const jwks = readJwks();
	if (jwks.keys.some((k) => k.kid === kid) || existsSync(publicFile))
		throw new UsageError(`The site already publishes a key "${name}"; choose a new name.`);
	const { privateJwk, publicJwk } = await generateSigningKey(kid);
	if (!existsSync(dirname(target))) throw new UsageError(`Folder ${dirname(target)} does not exist.`);
	write(target, privateJwk);
	chmodSync(target, 0o600);
	write(JWKS, { keys: [...jwks.keys, publicJwk] });
	write(publicFile, publicJwk);
	console.log(
		`Private key written to ${target} (readable by you only). Keep it off the site and back it up.`,
	);
	console.log(
		`Public key "${name}" added to ${relative(root, JWKS)} and written to ${relative(root, publicFile)}; its kid is ${kid}. Rebuild and deploy the site to publish it.`,
	);
}

/** Checks a VC-JWT's proof: a self-issued one by the key it carries, a countersigned one against the site's keys. */
async function checkProof(token: string): Promise<Extract<SignatureResult, { ok: true }>> {
	const result =
		formOf(token) === 'self-issued'
			? await verifySelfIssued(token)
			: await verifySignedCredential(token, readJwks(), readRevoked());
	if (!result.ok) throw new UsageError(result.message);
	return result;
}

const holderOf = (proof: Extract<SignatureResult, { ok: true }>): VerdictContext['holder'] =>
	proof.form === 'self-issued' ? { form: 'self-issued', did: proof.kid } : { form: 'organisation' };

async function sign(keyFile: string | undefined, input: string | undefined, output: string | undefined) {
	if (!keyFile || !input)
		throw new UsageError(
			'Usage: npm run certify -- sign --key <private key file> --in <credential.jwt> [--out <file.jwt>]',
		);
	const key = readJson(resolve(keyFile), 'The private key') as Record<string, unknown>;
	if (typeof key.d !== 'string')
		throw new UsageError(`${keyFile} is not a private key (no "d"): use the file keygen wrote.`);
	if (key.kty !== 'EC' || key.crv !== 'P-256')
		throw new UsageError(
			`${keyFile} is not a P-256 key: credentials are now signed with ES256 (Open Badges 3.0 §8.2). Make a new key with keygen and publish it.`,
		);
	const jwks = readJwks();
	if (!jwks.keys.some((k) => k.kid === key.kid && k.kty === 'EC' && k.x === key.x && k.y === key.y)) {
		throw new UsageError(
			`The key "${String(key.kid)}" is not in ${relative(root, JWKS)}, so the verify page would reject what it signs. Add it with keygen, or deploy the matching public key.`,
		);
	}
	if (!existsSync(resolve(input))) throw new UsageError(`The credential not found: ${resolve(input)}`);
	const text = readFileSync(resolve(input), 'utf8').trim();
	if (!looksLikeJwt(text))
		throw new UsageError(
			`${input} is not a signed credential. Credentials made before this site signed them name no subject, so they cannot be countersigned: ask the learner to download the credential again from the certificate page (a .jwt file).`,
		);
	const proof = await checkProof(text);
	if (proof.form !== 'self-issued')
		throw new UsageError(
			`${input} is already countersigned (by "${proof.kid}"); sign the learner's own credential.`,
		);
	const verdict = await verdictOn(proof.payload, holderOf(proof));
	if (!verdict.valid) {
		throw new UsageError(
			`Not signed: the record does not hold together, or the credential claims what its record does not back (the verify page would say "Not valid").\n  - ${verdict.problems.join('\n  - ')}`,
		);
	}
	// The same credential, issued by the organisation: its issuer becomes the site, its subject stays the learner's did:jwk.
	const credential: Record<string, unknown> = { ...proof.payload };
	for (const k of NON_CLAIM_FIELDS) delete credential[k];
	const site = verdict.record.evidence.site.url;
	credential.issuer = { id: site, type: ['Profile'], name: organisation(), url: site };
	const again = await verdictOn(credential, { form: 'organisation' });
	if (!again.valid) throw new UsageError(`Not signed: ${again.problems.join('; ')}`);
	const jwt = await signCredential(credential as Parameters<typeof signCredential>[0], key);
	const target = resolve(output ?? `${input.replace(/\.(jwt|json)$/i, '')}.countersigned.jwt`);
	writeFileSync(target, `${jwt}\n`);
	console.log(
		`Re-scored: consistent and complete, and every claim matches the record (${verdict.check.status.title}, ${verdict.record.evidence.learner.name}).`,
	);
	console.log(`Signed with "${String(key.kid)}": ${target}`);
}

function revoke(credential: string | undefined, kid: string | undefined, reason: string | undefined) {
	if (!credential && !kid) throw new UsageError('Give --credential <urn:uuid:…> or --kid <key id>.');
	const list = readRevoked();
	if (credential) {
		if (!/^urn:uuid:[0-9a-f-]{36}$/.test(credential))
			throw new UsageError(
				'A credential id looks like urn:uuid:xxxxxxxx-xxxx-8xxx-xxxx-xxxxxxxxxxxx (its "id" field).',
			);
		if (!list.credentials.some((c) => c.id === credential)) {
			list.credentials.push({
				id: credential,
				...(reason ? { reason } : {}),
				date: new Date().toISOString().slice(0, 10),
			});
		}
	}
	// A key is revoked by its kid, the address of its public file; its short name is accepted too.
	const kidUrl = kid && !/^https?:/.test(kid) ? organisationKidOf(siteUrl(), kid) : kid;
	if (kidUrl && !list.keys.includes(kidUrl)) list.keys.push(kidUrl);
	write(REVOKED, list);
	console.log(
		`Updated ${relative(root, REVOKED)}. Rebuild and deploy the site for the verify page to see it.`,
	);
}

async function verify(input: string | undefined) {
	if (!input) throw new UsageError('Usage: npm run certify -- verify --in <file.jwt>');
	if (!existsSync(resolve(input))) throw new UsageError(`The credential not found: ${resolve(input)}`);
	const proof = await checkProof(readFileSync(resolve(input), 'utf8').trim());
	const verdict = await verdictOn(proof.payload, holderOf(proof));
	if (!verdict.valid)
		throw new UsageError(
			`Not valid. Signature good, but the record does not hold together or the credential claims what its record does not back:\n  - ${verdict.problems.join('\n  - ')}`,
		);
	const by =
		proof.form === 'self-issued'
			? 'self-issued by the learner (no organisation vouches for it)'
			: `signed with "${proof.kid}"`;
	console.log(`Verified: ${by}; ${verdict.check.status.title}; ${verdict.record.evidence.learner.name}.`);
}

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		kid: { type: 'string' },
		'private-out': { type: 'string' },
		key: { type: 'string' },
		in: { type: 'string' },
		out: { type: 'string' },
		credential: { type: 'string' },
		reason: { type: 'string' },
	},
});

try {
	const command = positionals[0];
	if (command === 'keygen') await keygen(values.kid, values['private-out']);
	else if (command === 'sign') await sign(values.key, values.in, values.out);
	else if (command === 'revoke') revoke(values.credential, values.kid, values.reason);
	else if (command === 'verify') await verify(values.in);
	else throw new UsageError('Commands: keygen, sign, revoke, verify. See docs/certificates.md.');
} catch (e) {
	if (e instanceof UsageError) {
		console.error(`certify: ${e.message}`);
		process.exit(1);
	}
	throw e;
}
