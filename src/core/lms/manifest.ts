/**
 * Package manifests: `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th edition, `cmi5.xml` for
 * cmi5. Pure string builders; `tests/unit/lms/manifest-schema.test.ts` validates their output
 * against the standards' published XSDs (kept in `vendor/lms-xsd/`).
 *
 * Every package is one SCO (one AU): its launch file is the first module's page; a path or
 * course package moves between its modules itself and keeps its place in the bookmark.
 */
import { activityIri, launchFile, type PackageScope } from './scope.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** Text escaped for XML element content and attribute values. */
export function xmlEscape(s: string): string {
	return (
		s
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
			.replace(/'/g, '&apos;')
			// Control characters other than tab and newlines are not allowed in XML 1.0 at all.
			.replace(CONTROL, '')
	);
}

export interface ManifestOptions {
	/** The site's public origin (site.url), for activity IRIs. */
	siteUrl: string;
	/** Every file in the package, relative to its root (listed in the SCORM resource). */
	files: readonly string[];
	/** Language tag of the titles and descriptions. */
	lang?: string;
}

/** An XML ID (NCName) for the package: `saa-<kind>-<id>`. */
export function manifestIdentifier(scope: Pick<PackageScope, 'kind' | 'id'>): string {
	return `saa-${scope.kind}-${scope.id}`.replace(/[^A-Za-z0-9._-]/g, '-');
}

function firstLaunch(scope: PackageScope): string {
	const first = scope.modules[0];
	if (!first) throw new Error(`package "${scope.id}" has no modules`);
	return launchFile(first.id);
}

function fileList(files: readonly string[], indent: string): string {
	return files.map((f) => `${indent}<file href="${xmlEscape(f)}"/>`).join('\n');
}

/** Mastery as a percentage for SCORM 1.2 (`adlcp:masteryscore`, 0-100). */
function percent(scaled: number): string {
	return String(Math.round(scaled * 10000) / 100);
}

/**
 * SCORM 1.2 has no description outside IMS LOM 1.2.1 metadata, whose published schema libxml2
 * cannot compile (its content models are not deterministic), so the 1.2 manifest carries the
 * title only; the description reaches the LMS in the 2004 and cmi5 manifests.
 */
export function scorm12Manifest(scope: PackageScope, opts: ManifestOptions): string {
	const id = manifestIdentifier(scope);
	const mastery =
		scope.masteryScore === undefined
			? ''
			: `\n\t\t\t\t<adlcp:masteryscore>${percent(scope.masteryScore)}</adlcp:masteryscore>`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
	xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>1.2</schemaversion>
	</metadata>
	<organizations default="${id}-org">
		<organization identifier="${id}-org">
			<title>${xmlEscape(scope.title)}</title>
			<item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
				<title>${xmlEscape(scope.title)}</title>${mastery}
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${xmlEscape(firstLaunch(scope))}">
${fileList(opts.files, '\t\t\t')}
		</resource>
	</resources>
</manifest>
`;
}

export function scorm2004Manifest(scope: PackageScope, opts: ManifestOptions): string {
	const id = manifestIdentifier(scope);
	const lang = opts.lang ?? 'en';
	// The primary objective is satisfied by the measure: an LMS sets cmi.scaled_passing_score from it.
	const objectives =
		scope.masteryScore === undefined
			? ''
			: `
					<imsss:objectives>
						<imsss:primaryObjective objectiveID="${id}-mastery" satisfiedByMeasure="true">
							<imsss:minNormalizedMeasure>${scope.masteryScore}</imsss:minNormalizedMeasure>
						</imsss:primaryObjective>
					</imsss:objectives>`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
	xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
	xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
	xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
	xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>2004 4th Edition</schemaversion>
		<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
			<general>
				<title><string language="${lang}">${xmlEscape(scope.title)}</string></title>
				<description><string language="${lang}">${xmlEscape(scope.description)}</string></description>
			</general>
		</lom>
	</metadata>
	<organizations default="${id}-org">
		<organization identifier="${id}-org">
			<title>${xmlEscape(scope.title)}</title>
			<item identifier="${id}-item" identifierref="${id}-sco">
				<title>${xmlEscape(scope.title)}</title>
				<imsss:sequencing>${objectives}
					<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
				</imsss:sequencing>
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${xmlEscape(firstLaunch(scope))}">
${fileList(opts.files, '\t\t\t')}
		</resource>
	</resources>
</manifest>
`;
}

/** cmi5's moveOn: completed and passed where there is an assessment, completed otherwise. */
export function moveOnFor(scope: PackageScope): 'CompletedAndPassed' | 'Completed' {
	return scope.masteryScore === undefined ? 'Completed' : 'CompletedAndPassed';
}

export function cmi5Manifest(scope: PackageScope, opts: Pick<ManifestOptions, 'siteUrl' | 'lang'>): string {
	const lang = opts.lang ?? 'en';
	const iri = activityIri(opts.siteUrl, scope);
	const text = (s: string) => `<langstring lang="${lang}">${xmlEscape(s)}</langstring>`;
	const mastery = scope.masteryScore === undefined ? '' : ` masteryScore="${scope.masteryScore}"`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
	<course id="${xmlEscape(iri)}">
		<title>${text(scope.title)}</title>
		<description>${text(scope.description)}</description>
	</course>
	<au id="${xmlEscape(`${iri}/au`)}" moveOn="${moveOnFor(scope)}"${mastery} launchMethod="AnyWindow">
		<title>${text(scope.title)}</title>
		<description>${text(scope.description)}</description>
		<url>${xmlEscape(firstLaunch(scope))}</url>
	</au>
</courseStructure>
`;
}
