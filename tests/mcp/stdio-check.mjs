// The official MCP TypeScript SDK (1.x) as a client of `lakehouse mcp` over stdio:
// node stdio-check.mjs LAKEHOUSE_BIN LAKE_DIR CALLS_JSON
// CALLS_JSON: [[tool, args], ...]. Prints {protocolVersion, server, tools, calls} as JSON,
// where each call is {isError, text, structured} or {error} when the SDK threw.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [bin, lake, callsJson] = process.argv.slice(2);
const transport = new StdioClientTransport({ command: bin, args: ["--lake", lake, "mcp"], stderr: "pipe" });
let stderr = "";
transport.stderr?.on("data", (d) => { stderr += d; });
const client = new Client({ name: "lakehouse-test", version: "1.0.0" });
await client.connect(transport);
const out = {
  protocolVersion: transport._protocolVersion ?? null,
  server: client.getServerVersion(),
  instructions: client.getInstructions(),
  tools: (await client.listTools()).tools,
  calls: [],
};
for (const [name, args] of JSON.parse(callsJson)) {
  try {
    const r = await client.callTool({ name, arguments: args });
    out.calls.push({ isError: r.isError ?? false, text: r.content?.[0]?.text, structured: r.structuredContent ?? null });
  } catch (e) {
    out.calls.push({ error: String(e.message ?? e) });
  }
}
await client.close();
out.stderr = stderr;
console.log(JSON.stringify(out));
