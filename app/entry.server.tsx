import { Writable } from 'node:stream';
import { renderToPipeableStream } from 'react-dom/server';
import type { EntryContext, RouterContextProvider } from 'react-router';
import { isRouteErrorResponse, ServerRouter } from 'react-router';
import { requestStateContext } from './context';

// The server reads the context key from the built module, so both sides share one key.
export { requestStateContext };

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const state = loadContext.get(requestStateContext);
  const nonce = state.nonce;
  // The whole page into one buffer, then one write (issue 13): our loaders finish before the
  // render, so streaming the shell gained nothing, while dozens of small chunks through a
  // PassThrough, a web stream and the socket cost a writev each. A known length also lets the
  // compression middleware skip tiny bodies.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let shellRendered = false;
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        callback();
      },
      final(callback) {
        clearTimeout(timeoutId);
        timeoutId = undefined;
        const body = Buffer.concat(chunks);
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
        responseHeaders.set('Content-Length', String(body.length));
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      onShellReady() {
        shellRendered = true;
      },
      onAllReady() {
        pipe(sink);
      },
      onShellError(error: unknown) {
        clearTimeout(timeoutId);
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) state.services.log.error({ reqId: state.requestId, err: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } }, 'render error');
      },
    });
  });
}

/** Unexpected errors go to our logger (with the request id), never to the console. */
export function handleError(error: unknown, { request, context }: { request: Request; context: RouterContextProvider }) {
  if (request.signal.aborted) return;
  // A thrown 4xx response (not found, forbidden, bad request) is an answer, not an error: the
  // request log line already has its status at info level.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const message = error instanceof Error ? error.message : isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  // Expected "no route" / "no action" answers are 404 / 405 responses, not errors.
  if (/^No route matches URL|did not provide an `action`|did not provide a `loader`/.test(message)) return;
  let requestId: string | undefined;
  try {
    const state = context.get(requestStateContext);
    requestId = state.requestId;
    state.services.log.error({ reqId: requestId, err: { message, stack: error instanceof Error ? error.stack : undefined } }, 'unhandled error in a route');
  } catch {
    /* no state: nothing more to log with */
  }
}
