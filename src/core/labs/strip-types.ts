/**
 * Type stripping for TypeScript labs: sucrase's `typescript` transform removes type annotations,
 * interfaces and type-only imports and leaves the rest of the code as written (no down-levelling:
 * QuickJS runs modern JavaScript). Chosen over ts-blank-space (needs the whole TypeScript
 * compiler, megabytes in a browser) and amaro (SWC compiled to WebAssembly, also megabytes).
 */
import { transform } from 'sucrase';

export class TypeStripError extends Error {}

export function stripTypes(source: string): string {
	try {
		return transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
	} catch (e) {
		throw new TypeStripError(`your code could not be read as TypeScript: ${(e as Error).message}`);
	}
}
