// Validates content records against the JSON Schemas of `minhbach schema`
// with a real validator (ajv, draft 2020-12), as VS Code's YAML extension
// would: every record of SOURCE/content must pass (a .md file: its front
// matter), and two broken copies of a record must fail, one with a
// misspelled key, one with a value of the wrong type.
//
//   node tests/schemas.mjs SCHEMA_DIR SOURCE_DIR
//
// Run by tests/e2e.d/tools.sh; ajv, ajv-formats and yaml come from
// tests/browser/node_modules (sh tests/browser/deps.sh).  Exit 0 when
// everything is as expected, 1 otherwise, 3 when a module is missing.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(
    new URL("./browser/node_modules/", import.meta.url));
let Ajv2020, addFormats, YAML;
try {
	Ajv2020 = require("ajv/dist/2020").default;
	addFormats = require("ajv-formats").default;
	YAML = require("yaml");
} catch (e) {
	console.error(`schemas: ${e.message}`);
	process.exit(3);
}

const [schemaDir, source] = process.argv.slice(2);
if (!schemaDir || !source) {
	console.error("usage: node tests/schemas.mjs SCHEMA_DIR SOURCE_DIR");
	process.exit(2);
}

const ajv = new Ajv2020({ allErrors: true, strict: true,
    allowUnionTypes: true });
addFormats(ajv);
const validators = new Map();
function validator(kind) {
	if (!validators.has(kind)) {
		const file = join(schemaDir, `${kind}.json`);
		validators.set(kind, ajv.compile(JSON.parse(
		    readFileSync(file, "utf8"))));
	}
	return validators.get(kind);
}

// The record's data: a .yaml file whole, a .md file's front matter.
// YAML 1.2 core schema, as minhbach reads it (2020-01-15 is a string).
function record(path) {
	let text = readFileSync(path, "utf8");
	if (path.endsWith(".md")) {
		const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
		text = m ? m[1] : "";
	}
	return YAML.parse(text, { version: "1.2", schema: "core" }) ?? {};
}

let failures = 0, checked = 0;
const site = YAML.parse(readFileSync(join(source, "content/site.yaml"),
    "utf8"));
let sample = null;
for (const [folder, conf] of Object.entries(site.collections ?? {})) {
	let names;
	try {
		names = readdirSync(join(source, "content", folder));
	} catch {
		continue;
	}
	for (const name of names.sort()) {
		if (!/\.(md|yaml)$/.test(name))
			continue;
		const path = join(source, "content", folder, name);
		const data = record(path);
		const validate = validator(conf.kind);
		checked++;
		if (!validate(data)) {
			failures++;
			console.error(`schemas: ${path} is refused:`);
			console.error(ajv.errorsText(validate.errors,
			    { separator: "\n  " }));
		} else if (conf.kind === "call" && sample === null) {
			sample = data;
		}
	}
}
console.log(`schemas: ${checked} records checked against their schema`);
if (checked === 0) {
	console.error("schemas: no records found");
	failures++;
}

// The two mistakes an editor makes most: a misspelled key, and text
// where a number belongs.  Both must be refused, for the reason given.
function mustRefuse(what, data, keyword) {
	const validate = validator("call");
	if (validate(data)) {
		console.error(`schemas: ${what} was accepted`);
		failures++;
	} else if (!validate.errors.some((e) => e.keyword === keyword)) {
		console.error(`schemas: ${what} was refused, but not by ` +
		    `${keyword}: ${ajv.errorsText(validate.errors)}`);
		failures++;
	} else {
		console.log(`schemas: ${what} refused (${keyword})`);
	}
}
if (sample === null) {
	console.error("schemas: the sample has no valid call record");
	failures++;
} else {
	const misspelled = { ...sample, tittle: sample.title };
	delete misspelled.title;
	mustRefuse("a call with 'tittle' for 'title'", misspelled,
	    "additionalProperties");
	mustRefuse("a call with area_ha: \"bốn\"",
	    { ...sample, area_ha: "bốn" }, "type");
}
process.exit(failures ? 1 : 0);
