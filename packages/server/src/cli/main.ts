import { runCli } from './veche.js';

const { code, text } = await runCli(process.argv.slice(2));
(code === 0 ? process.stdout : process.stderr).write(text);
process.exitCode = code;
