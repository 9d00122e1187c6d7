/**
 * Loads the QuickJS WebAssembly module (the release build with a separate .wasm file, whose
 * Emscripten glue uses no eval or new Function, so it runs under a CSP without 'unsafe-eval').
 * In the browser the worker passes the URL the bundler gave the .wasm file; in Node the
 * variant reads the file beside itself.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import { QuickJsEngine } from './quickjs-engine.ts';

export function loadQuickJs(wasmLocation?: string): Promise<QuickJSWASMModule> {
	return newQuickJSWASMModuleFromVariant(wasmLocation ? newVariant(variant, { wasmLocation }) : variant);
}

/** An engine that runs in this thread: for Vitest, the bench and the worker itself. */
export async function createQuickJsEngine(wasmLocation?: string): Promise<QuickJsEngine> {
	return new QuickJsEngine(await loadQuickJs(wasmLocation));
}
