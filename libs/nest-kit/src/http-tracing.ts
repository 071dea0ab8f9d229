import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { requestIdsOf } from './request-context';
import { contextFrom, SpanKind, tracer } from './tracing';

type TracedRequest = Request & { traceId?: string };

const UNTRACED = /^\/(health|metrics)(\/|$)/;

/**
 * Express middleware (traces on only): a server span per request, continuing the caller's W3C
 * `traceparent` when it sends one; everything the request causes (command, append) runs in it.
 * Named by method and route template, never by a path with ids; the correlation id is an attribute,
 * and the request's log line names the trace id (`traceId`). /health and /metrics are not traced.
 */
export function httpTracing() {
  return (req: TracedRequest, res: Response, next: NextFunction): void => {
    // Probes and scrapes ask every few seconds: their spans would bury the requests worth following.
    if (UNTRACED.test(req.path)) return next();
    const parent = contextFrom(req.headers as Record<string, unknown>);
    const span = tracer().startSpan(
      req.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': req.method,
          'url.path': (req.originalUrl ?? req.url).split('?')[0],
          'regie.correlation_id': requestIdsOf(req).correlationId,
        },
      },
      parent,
    );
    req.traceId = span.spanContext().traceId;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route = (req.route as { path?: string } | undefined)?.path;
      if (route) {
        span.updateName(`${req.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(parent, span), next);
  };
}
