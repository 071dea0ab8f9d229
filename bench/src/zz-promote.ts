import { promoteRebuild } from './replay';
promoteRebuild('postgres://postgres@127.0.0.1:5432/tt1m', 'all').then((r) => { console.log(r); process.exit(0); }, (e) => { console.error(e); process.exit(1); });
