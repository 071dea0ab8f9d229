import ts from 'typescript';
import { appliedTypes } from './event-types';

type Event = { type: 'Planned' } | { type: 'Achieved' } | { type: 'Reported' };

describe('appliedTypes', () => {
  const applies = appliedTypes<Event>({ Planned: true, Achieved: true, Reported: false });

  it('applies the types decided true, and not those decided false', () => {
    expect(applies('Planned')).toBe(true);
    expect(applies('Achieved')).toBe(true);
    expect(applies('Reported')).toBe(false);
  });

  it('passes over types of other contexts sharing the store', () => {
    expect(applies('CommitmentRegistered')).toBe(false);
    expect(applies('toString')).toBe(false);
  });
});

describe('appliedTypes, as the compiler sees it', () => {
  let previous: ts.Program | undefined; // the standard library is parsed once, not per snippet
  /** Type-checks a snippet that uses appliedTypes, and answers its errors. */
  const typeErrors = (snippet: string): string[] => {
    const file = 'snippet.ts';
    const source = `import { appliedTypes } from './event-types';\ntype Event = { type: 'Planned' } | { type: 'Achieved' };\n${snippet}\n`;
    const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS };
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) =>
      name === file ? ts.createSourceFile(name, source, version) : read(name.replace(/^event-types/, `${__dirname}/event-types`), version);
    host.fileExists = (name) => name === file || ts.sys.fileExists(name.replace(/^event-types/, `${__dirname}/event-types`));
    host.resolveModuleNames = (names) => names.map(() => ({ resolvedFileName: `${__dirname}/event-types.ts`, extension: ts.Extension.Ts }));
    const program = ts.createProgram([file], options, host, previous);
    previous = program;
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };

  it('refuses a map that forgets an event type, so a new event type cannot go unhandled', () => {
    expect(typeErrors(`appliedTypes<Event>({ Planned: true });`).join('\n')).toMatch(/Property 'Achieved' is missing/);
  });

  it('refuses a type the union does not have (a typo or a removed event)', () => {
    expect(typeErrors(`appliedTypes<Event>({ Planned: true, Achieved: false, Parked: true });`).join('\n')).toMatch(/'Parked'/);
  });

  it('accepts a map that decides every type', () => {
    expect(typeErrors(`appliedTypes<Event>({ Planned: true, Achieved: false });`)).toEqual([]);
  });
});
