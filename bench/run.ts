// Runs the benchmark sections in order: `npx tsx bench/run.ts [name-substring ...]`.
import { runArtBench } from './art-render.js';
import { runGuideBench } from './guide-generate.js';
import { runServeBench } from './guide-serve.js';
import { runGzipLevels } from './gzip-levels.js';
import { runInstancesBench } from './instances.js';
import { runHostileBench } from './hostile-playlist.js';
import { runLlmNicknamesBench } from './llm-nicknames.js';
import { runParseBench } from './playlist-parse.js';
import { runXmltvBench } from './xmltv-write.js';

interface Section {
  name: string;
  run(): Promise<void>;
}

const SECTIONS: Section[] = [
  { name: 'playlist-parse', run: () => runParseBench() },
  { name: 'xmltv-write', run: () => runXmltvBench() },
  { name: 'guide-generate', run: () => runGuideBench() },
  { name: 'gzip-levels', run: () => runGzipLevels() },
  { name: 'guide-serve', run: () => runServeBench() },
  { name: 'hostile-playlist', run: () => runHostileBench() },
  { name: 'llm-nicknames', run: () => runLlmNicknamesBench() },
  { name: 'art-render', run: () => runArtBench() },
  { name: 'instances', run: () => runInstancesBench() },
];

const wanted = process.argv.slice(2);
for (const section of SECTIONS) {
  if (wanted.length > 0 && !wanted.some((w) => section.name.includes(w))) continue;
  await section.run();
}
