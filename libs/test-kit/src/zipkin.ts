/**
 * The Zipkin server of this run (ZIPKIN_URL, e.g. http://127.0.0.1:9411, as `infra/zipkin/zipkin.sh start`
 * prints). In CI a missing Zipkin (no Java, no jar) fails the run; locally the trace suites are skipped
 * with a loud warning.
 */
export function zipkinForTests(suite: string): string | undefined {
  const url = process.env.ZIPKIN_URL?.trim().replace(/\/+$/, '');
  if (url) return url;
  if (process.env.CI === 'true') throw new Error(`${suite}: ZIPKIN_URL is not set; CI must start Zipkin (infra/zipkin/zipkin.sh start)`);
  console.warn(
    `\n*** ${suite} SKIPPED: ZIPKIN_URL is not set. Start Zipkin with infra/zipkin/zipkin.sh start and export ZIPKIN_URL=http://127.0.0.1:9411 ***\n`,
  );
  return undefined;
}
