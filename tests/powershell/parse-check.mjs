// Parses every PowerShell file the repository tracks with tree-sitter-powershell (no PowerShell
// runtime can be installed on the build machines) and checks the module manifest's shape.
// Prints one line per failure, then "powershell-parse: N passed, N failed"; exits 1 on failure.
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const parser = new Parser();
parser.setLanguage(PowerShell);

function firstProblem(node) {
  if (node.type === 'ERROR' || node.isMissing) return node;
  for (const child of node.children) {
    if (child.hasError || child.isMissing || child.type === 'ERROR') {
      const found = firstProblem(child);
      if (found) return found;
    }
  }
  return null;
}

// Files tracked or new (not ignored), so a fresh clone and a working tree are checked alike.
const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ps1', '*.psm1', '*.psd1'], { cwd: repo, encoding: 'utf8' })
  .split('\n').filter(f => f && existsSync(path.join(repo, f)));

let passed = 0;
let failed = 0;
const fail = (file, line, col, message) => { failed++; console.log(`${file}(${line},${col}): error XAIPS01: ${message}`); };

for (const file of listed) {
  const source = readFileSync(path.join(repo, file), 'utf8');
  const tree = parser.parse(source);
  if (tree.rootNode.hasError) {
    const bad = firstProblem(tree.rootNode) ?? tree.rootNode;
    const what = bad.isMissing ? `missing '${bad.type}'` : `cannot parse '${source.slice(bad.startIndex, Math.min(bad.endIndex, bad.startIndex + 40)).split('\n')[0]}'`;
    fail(file, bad.startPosition.row + 1, bad.startPosition.column + 1, what);
    continue;
  }
  if (file.endsWith('.psd1')) {
    // A manifest is data: exactly one hashtable literal and nothing else.
    const statements = tree.rootNode.descendantsOfType('pipeline').filter(p => p.parent?.type === 'statement_list' && p.parent.parent?.type === 'program');
    const tables = tree.rootNode.descendantsOfType('hash_literal_expression');
    if (statements.length !== 1 || tables.length === 0) {
      fail(file, 1, 1, 'a .psd1 file must hold exactly one hashtable literal');
      continue;
    }
    if (path.basename(file) === 'Xai.psd1') {
      const keys = new Set(tree.rootNode.descendantsOfType('key_expression').map(k => k.text.replace(/['"]/g, '')));
      const missing = ['RootModule', 'ModuleVersion', 'GUID', 'CmdletsToExport', 'PowerShellVersion'].filter(k => !keys.has(k));
      if (missing.length > 0) {
        fail(file, 1, 1, `module manifest lacks ${missing.join(', ')}`);
        continue;
      }
    }
  }
  passed++;
}

if (listed.length === 0) console.log('powershell-parse: no PowerShell files found');
console.log(`powershell-parse: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
