/**
 * Validates LMS manifests against the standards' published XML schemas (vendor/lms-xsd/, see its
 * README for sources and licences) with libxml2's xmllint compiled to WebAssembly
 * (xmllint-wasm): a validator we did not write, and no system package needed.
 *
 * A manifest mixes several namespaces, so validation starts from a tiny driver schema that only
 * imports each standard schema by its namespace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import type { LmsFormat } from '../../src/core/lms/scope.ts';

const ROOT = new URL('../../vendor/lms-xsd/', import.meta.url).pathname;

const SETS: Record<LmsFormat, { dir: string; imports: [string, string][] }> = {
	scorm12: {
		dir: 'scorm12',
		imports: [
			['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
			['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
		],
	},
	scorm2004: {
		dir: 'scorm2004-4th',
		imports: [
			['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
			['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
			['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
			['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
			['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
		],
	},
	cmi5: {
		dir: 'cmi5',
		imports: [['https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', 'CourseStructure.xsd']],
	},
};

/** The schema files of one format (also copied into SCORM packages, as is customary). */
export function schemaFiles(format: LmsFormat): { fileName: string; contents: string }[] {
	const dir = join(ROOT, SETS[format].dir);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.xsd'))
		.sort()
		.map((fileName) => ({ fileName, contents: readFileSync(join(dir, fileName), 'utf8') }));
}

/**
 * The files given to the validator. SCORM 1.2's `ims_xml.xsd` declares the XML namespace as its
 * default namespace, which current libxml2 refuses ("xml namespace URI cannot be the default
 * namespace"); it only defines xml:lang and xml:base, so the W3C's own xml.xsd (shipped with the
 * SCORM 2004 set) stands in for it under the same name. The package keeps ADL's file unchanged.
 */
function validatorFiles(format: LmsFormat): { fileName: string; contents: string }[] {
	const files = schemaFiles(format);
	if (format !== 'scorm12') return files;
	const w3c = readFileSync(join(ROOT, SETS.scorm2004.dir, 'xml.xsd'), 'utf8');
	return files.map((f) => (f.fileName === 'ims_xml.xsd' ? { fileName: f.fileName, contents: w3c } : f));
}

function driver(format: LmsFormat): string {
	const imports = SETS[format].imports
		.map(([ns, loc]) => `<xs:import namespace="${ns}" schemaLocation="${loc}"/>`)
		.join('');
	return `<?xml version="1.0" encoding="UTF-8"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:saa:lms-driver" elementFormDefault="qualified">${imports}</xs:schema>`;
}

export interface SchemaCheck {
	valid: boolean;
	/** xmllint's messages, one per line (file name, line, what is wrong). */
	errors: string[];
}

/** Validates one manifest's text against its format's schemas. */
export async function validateManifest(
	format: LmsFormat,
	xml: string,
	name = 'manifest.xml',
): Promise<SchemaCheck> {
	const result = await validateXML({
		xml: [{ fileName: name, contents: xml }],
		schema: [{ fileName: 'driver.xsd', contents: driver(format) }],
		preload: validatorFiles(format),
		maxMemoryPages: 2048,
	});
	return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage.trim()) };
}
