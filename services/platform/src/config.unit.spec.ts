import { ConfigError, loadConfig } from './config';

describe('configuration of login', () => {
  it('uses the local accounts in the embedded default', () => {
    expect(loadConfig({}).REGIE_AUTH).toBe('local');
  });

  it('cannot enable the local accounts in production mode', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', REGIE_AUTH: 'local' })).toThrow(
      /REGIE_AUTH: lokale accounts kunnen niet aan in productie/,
    );
    expect(() => loadConfig({ REGIE_MODE: 'production', REGIE_AUTH: 'local' })).toThrow(ConfigError);
  });

  it('needs an OIDC issuer and JWKS in production mode', () => {
    expect(() => loadConfig({ REGIE_MODE: 'production' })).toThrow(
      /REGIE_OIDC_ISSUER: OIDC heeft REGIE_OIDC_ISSUER en REGIE_OIDC_JWKS_URL nodig/,
    );
    const config = loadConfig({
      REGIE_MODE: 'production',
      REGIE_OIDC_ISSUER: 'https://login.example.nl/realms/vws',
      REGIE_OIDC_JWKS_URL: 'https://login.example.nl/realms/vws/certs',
    });
    expect(config.REGIE_AUTH).toBe('oidc');
  });

  it('refuses a local password shorter than 8 characters', () => {
    expect(() => loadConfig({ REGIE_LOCAL_PASSWORD: 'kort' })).toThrow(/REGIE_LOCAL_PASSWORD: minstens 8 tekens/);
  });
});

describe('configuration of the hosted services and the portal', () => {
  it('hosts every service and the portal by default', () => {
    expect(loadConfig({}).REGIE_SERVICES).toEqual(['actions', 'commitments', 'meetings', 'monitoring', 'portal']);
  });

  it('runs the portal alone only with the address of the API', () => {
    expect(() => loadConfig({ REGIE_SERVICES: 'portal' })).toThrow(
      /REGIE_API_URL: een proces met alleen het portaal heeft de API van de services nodig/,
    );
    expect(loadConfig({ REGIE_SERVICES: 'portal', REGIE_API_URL: 'http://regie-api:3000' }).REGIE_SERVICES).toEqual(['portal']);
  });

  it('still needs Kafka when some but not all contexts run here, with or without the portal', () => {
    expect(() => loadConfig({ REGIE_SERVICES: 'actions,portal' })).toThrow(/REGIE_SERVICES: losse services praten met elkaar via Kafka/);
    expect(() => loadConfig({ REGIE_SERVICES: 'actions,commitments,meetings,monitoring' })).not.toThrow();
  });
});

describe('configuration of the reverse proxy', () => {
  it('believes no proxy by default, so X-Forwarded-Proto cannot switch on HSTS', () => {
    expect(loadConfig({}).REGIE_TRUST_PROXY).toBe(false);
  });

  it('takes true, a number of hops, or the proxy addresses and subnets', () => {
    expect(loadConfig({ REGIE_TRUST_PROXY: 'true' }).REGIE_TRUST_PROXY).toBe(true);
    expect(loadConfig({ REGIE_TRUST_PROXY: '1' }).REGIE_TRUST_PROXY).toBe(1);
    expect(loadConfig({ REGIE_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).REGIE_TRUST_PROXY).toBe('loopback, 10.0.0.0/8,fd00::1');
  });

  it('refuses anything else with a Dutch message that shows the forms', () => {
    for (const value of ['ja', '10.0.0.0/33', '10.0.0.300', 'proxy.example.nl'])
      expect(() => loadConfig({ REGIE_TRUST_PROXY: value })).toThrow(/REGIE_TRUST_PROXY: verwacht false, true, een aantal proxy-stappen/);
  });
});

describe('configuration of readiness', () => {
  it('allows a read model 1000 events behind by default, or the configured number', () => {
    expect(loadConfig({}).REGIE_READY_MAX_LAG).toBe(1000);
    expect(loadConfig({ REGIE_READY_MAX_LAG: '50' }).REGIE_READY_MAX_LAG).toBe(50);
  });

  it('refuses a bound that is not a whole number of events, in Dutch', () => {
    expect(() => loadConfig({ REGIE_READY_MAX_LAG: 'veel' })).toThrow(/REGIE_READY_MAX_LAG: verwacht een aantal events/);
    expect(() => loadConfig({ REGIE_READY_MAX_LAG: '-1' })).toThrow(/REGIE_READY_MAX_LAG: verwacht 0 of meer events/);
    expect(() => loadConfig({ REGIE_READY_MAX_LAG: '1.5' })).toThrow(/REGIE_READY_MAX_LAG: verwacht een geheel aantal/);
  });
});

describe('configuration of time travel', () => {
  it('brings the snapshots up to date every 10 minutes by default, or as configured, or only at a look (0)', () => {
    expect(loadConfig({}).REGIE_TIME_TRAVEL_KEEP_UP_MINUTES).toBe(10);
    expect(loadConfig({ REGIE_TIME_TRAVEL_KEEP_UP_MINUTES: '30' }).REGIE_TIME_TRAVEL_KEEP_UP_MINUTES).toBe(30);
    expect(loadConfig({ REGIE_TIME_TRAVEL_KEEP_UP_MINUTES: '0' }).REGIE_TIME_TRAVEL_KEEP_UP_MINUTES).toBe(0);
  });

  it('refuses an interval that is not a number of minutes, in Dutch', () => {
    expect(() => loadConfig({ REGIE_TIME_TRAVEL_KEEP_UP_MINUTES: 'vaak' })).toThrow(
      /REGIE_TIME_TRAVEL_KEEP_UP_MINUTES: verwacht een aantal minuten/,
    );
    expect(() => loadConfig({ REGIE_TIME_TRAVEL_KEEP_UP_MINUTES: '-5' })).toThrow(/REGIE_TIME_TRAVEL_KEEP_UP_MINUTES: verwacht 0 \(uit\)/);
  });
});

describe('configuration of traces', () => {
  const kafkaWithKey = {
    REGIE_BUS: 'kafka',
    KAFKA_BROKERS: 'localhost:9092',
    REGIE_BUS_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  };
  it('is off unless an exporter is named, and names each process of the distributed shape after its services', () => {
    expect(loadConfig({}).OTEL_TRACES_EXPORTER).toBe('none');
    expect(loadConfig({}).OTEL_SERVICE_NAME).toBe('regie');
    expect(loadConfig({ REGIE_SERVICES: 'actions', ...kafkaWithKey }).OTEL_SERVICE_NAME).toBe('regie-actions');
    expect(loadConfig({ OTEL_SERVICE_NAME: 'regie-test', OTEL_TRACES_EXPORTER: 'zipkin' }).OTEL_SERVICE_NAME).toBe('regie-test');
  });

  it('refuses an exporter or an endpoint it cannot use, in Dutch', () => {
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/OTEL_TRACES_EXPORTER: kies zipkin, otlp/);
    expect(() => loadConfig({ OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'zipkin:9411' })).toThrow(
      /OTEL_EXPORTER_ZIPKIN_ENDPOINT: verwacht de span-URL/,
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: verwacht de URL/);
  });
});

describe('configuration of the bus keys and the broker connection', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const kafka = { REGIE_BUS: 'kafka', KAFKA_BROKERS: 'localhost:9092' };

  it('needs no bus key in the embedded default', () => {
    expect(loadConfig({}).REGIE_BUS_KEYS).toBeUndefined();
  });

  it('refuses to run on Kafka without a key to sign and verify messages, saying how to make one', () => {
    expect(() => loadConfig(kafka)).toThrow(/REGIE_BUS_KEYS: REGIE_BUS=kafka heeft REGIE_BUS_KEYS nodig.*openssl rand -base64 32/);
    expect(loadConfig({ ...kafka, REGIE_BUS_KEYS: `k1:${key}` }).REGIE_BUS_KEYS).toBe(`k1:${key}`);
  });

  it('refuses a badly written key, or a signing key id that is not among the keys', () => {
    expect(() => loadConfig({ ...kafka, REGIE_BUS_KEYS: 'k1:kort' })).toThrow(/REGIE_BUS_KEYS: sleutel k1 moet minstens 32 bytes/);
    expect(() => loadConfig({ ...kafka, REGIE_BUS_KEYS: `k1:${key}`, REGIE_BUS_SIGNING_KID: 'k2' })).toThrow(
      /REGIE_BUS_SIGNING_KID: de ondertekensleutel staat niet in REGIE_BUS_KEYS/,
    );
  });

  it('needs a user name and password with SASL, and both halves of a client certificate', () => {
    const secured = { ...kafka, REGIE_BUS_KEYS: `k1:${key}` };
    expect(() => loadConfig({ ...secured, REGIE_KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(
      /REGIE_KAFKA_USERNAME: REGIE_KAFKA_SASL_MECHANISM heeft REGIE_KAFKA_USERNAME en REGIE_KAFKA_PASSWORD nodig/,
    );
    expect(() => loadConfig({ ...secured, REGIE_KAFKA_SASL_MECHANISM: 'kerberos' })).toThrow(/kies plain, scram-sha-256 of scram-sha-512/);
    expect(() => loadConfig({ ...secured, REGIE_KAFKA_CERT_FILE: '/etc/regie/client.pem' })).toThrow(
      /REGIE_KAFKA_KEY_FILE: een clientcertificaat/,
    );
    const config = loadConfig({
      ...secured,
      REGIE_KAFKA_SSL: 'true',
      REGIE_KAFKA_SASL_MECHANISM: 'scram-sha-512',
      REGIE_KAFKA_USERNAME: 'regie-actions',
      REGIE_KAFKA_PASSWORD: 'geheim123',
    });
    expect([config.REGIE_KAFKA_SSL, config.REGIE_KAFKA_SASL_MECHANISM]).toEqual([true, 'scram-sha-512']);
  });
});

describe('configuration of the Kafka client', () => {
  it('runs the bus on kafkajs by default, on @platformatic/kafka when chosen', () => {
    expect(loadConfig({}).REGIE_KAFKA_CLIENT).toBe('kafkajs');
    expect(loadConfig({ REGIE_KAFKA_CLIENT: 'platformatic' }).REGIE_KAFKA_CLIENT).toBe('platformatic');
  });

  it('refuses an unknown client in Dutch, naming the ones there are', () => {
    expect(() => loadConfig({ REGIE_KAFKA_CLIENT: 'rdkafka' })).toThrow(
      /REGIE_KAFKA_CLIENT: kies kafkajs \(de standaard\) of platformatic/,
    );
  });
});
