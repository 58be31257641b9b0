// Parses Power Query M expressions with @microsoft/powerquery-parser. Input on stdin: [{"name", "text"}].
// Output on stdout: [{"name", "ok", "stage", "message", "line", "column"}] (line and column 1-based).
'use strict';
const pq = require('@microsoft/powerquery-parser');

function position(error) {
    const seen = new Set();
    const stack = [error && error.innerError];
    while (stack.length > 0) {
        const node = stack.shift();
        if (!node || typeof node !== 'object' || seen.has(node)) continue;
        seen.add(node);
        if (typeof node.lineNumber === 'number' && typeof node.lineCodeUnit === 'number') {
            return { line: node.lineNumber + 1, column: node.lineCodeUnit + 1 };
        }
        for (const [key, value] of Object.entries(node)) {
            if (key !== 'state') stack.push(value);
        }
    }
    return { line: null, column: null };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', async () => {
    const results = [];
    for (const item of JSON.parse(input)) {
        const tried = await pq.TaskUtils.tryLexParse(pq.DefaultSettings, item.text);
        if (pq.TaskUtils.isOk(tried)) {
            results.push({ name: item.name, ok: true });
        } else {
            const at = position(tried.error);
            results.push({ name: item.name, ok: false, stage: String(tried.stage), message: String(tried.error && tried.error.message), line: at.line, column: at.column });
        }
    }
    process.stdout.write(JSON.stringify(results));
});
