// Official MCP TypeScript clients against lakehouse's MCP server:
//   node sdk-check.mjs stdio LAKEHOUSE_BIN LAKE_DIR CALLS_JSON    SDK 1.x over stdio (`lakehouse mcp`)
//   node sdk-check.mjs http URL TOKEN CALLS_JSON                  SDK 1.x over Streamable HTTP (/mcp)
//   node sdk-check.mjs modern URL TOKEN CALLS_JSON                the 2.x client (@modelcontextprotocol/client)
//                                                                 pinned to the stateless 2026-07-28 revision
// CALLS_JSON: [[tool, args], ...]. Prints {protocolVersion, server, tools, calls} as JSON,
// where each call is {isError, text, structured} or {error} when the client threw.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import * as v2 from "@modelcontextprotocol/client";

const [mode, where, secret, callsJson] = process.argv.slice(2);
const info = { name: "lakehouse-test", version: "1.0.0" };
const auth = { requestInit: { headers: { Authorization: `Bearer ${secret}` } } };
let transport, client, stderr = "";
if (mode === "stdio") {
  transport = new StdioClientTransport({ command: where, args: ["--lake", secret, "mcp"], stderr: "pipe" });
  transport.stderr?.on("data", (d) => { stderr += d; });
  client = new Client(info);
} else if (mode === "http") {
  transport = new StreamableHTTPClientTransport(new URL(where), auth);
  client = new Client(info);
} else if (mode === "modern") {
  transport = new v2.StreamableHTTPClientTransport(new URL(where), auth);
  client = new v2.Client(info, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
} else {
  throw new Error(`unknown mode ${mode}`);
}
await client.connect(transport);
const out = {
  protocolVersion: transport._protocolVersion ?? transport.protocolVersion ?? client.getNegotiatedProtocolVersion?.() ?? null,
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
