@testable import FAQEmitters
import FAQModel
import Foundation
import Testing

/// Validates JSON documents against `schema/faqexport.schema.json` with python's
/// `jsonschema` (draft 2020-12), all in one run.
enum SchemaValidator {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("schema/faqexport.schema.json").path

    /// Returns one error line per invalid document (empty when all are valid).
    static func errors(_ documents: [String: String]) throws -> [String] {
        var paths: [String] = []
        var names: [String: String] = [:]
        for (name, text) in documents.sorted(by: { $0.key < $1.key }) {
            let path = try ExternalTool.temporaryFile(Array(text.utf8), suffix: ".json")
            paths.append(path)
            names[path] = name
        }
        defer { for path in paths { try? FileManager.default.removeItem(atPath: path) } }
        let script = """
            import json, sys, jsonschema
            sys.setrecursionlimit(20000)  # the model nests up to 64 levels, ~15 frames each
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path))):
                    print(path, "/".join(map(str, error.absolute_path)), error.message[:200])
            """
        let run = try ExternalTool.run(["python3", "-c", script, schema] + paths)
        guard run.status == 0 else { return ["validator failed: \(run.stderr)"] }
        return run.stdout.split(separator: "\n").map { line in
            var line = String(line)
            for (path, name) in names { line = line.replacingOccurrences(of: path, with: name) }
            return line
        }
    }
}

@Suite struct JSONEmitterTests {
    static func json(_ document: FAQDocument, baseURL: String? = nil) throws -> String {
        let result = try JSONEmitter().emit(document, options: EmitOptions(baseURL: baseURL))
        return result.text
    }

    @Test(arguments: Fixtures.names)
    func golden(_ name: String) throws {
        try Golden.check(Self.json(try Fixtures.document(name)), "\(name).json")
    }

    @Test(arguments: Fixtures.names)
    func roundTrip(_ name: String) throws {
        let document = try Fixtures.document(name)
        let decoded = try JSONDecoder().decode(FAQDocument.self, from: Data(Self.json(document).utf8))
        #expect(decoded == document)
    }

    /// Every output (every fixture, with and without a base URL, and the goldens) validates.
    @Test func validatesAgainstSchema() throws {
        var outputs: [String: String] = [:]
        for name in Fixtures.names {
            let document = try Fixtures.document(name)
            outputs["\(name).json"] = try Self.json(document)
            outputs["\(name)+base.json"] = try Self.json(document, baseURL: "https://faq.example.net/docs/")
        }
        outputs["escapes.json"] = try Self.json(Self.escapes)
        outputs["flat-empty.json"] = try Self.json(FAQDocument(metadata: Metadata(), body: .entries([])))
        // The deepest model the readers make: the schema picks each node's kind by its type,
        // so this is linear (a oneOf over the kinds took ×4 per level: minutes at depth 8).
        var quote: Block = .paragraph(Paragraph([.text("q")]))
        var list: Block = .paragraph(Paragraph([.text("l")]))
        var inline: Inline = .text("i")
        for level in 0..<64 {
            quote = .quote(BlockQuote([quote]))
            list = .list(ListBlock(kind: level % 2 == 0 ? .bullet : .ordered, items: [ListItem(content: [list])]))
            inline = level % 2 == 0 ? .emphasis([inline]) : .link(Link(url: "https://e.org/", content: [.strong([inline])]))
        }
        outputs["deep.json"] = try Self.json(FAQDocument(metadata: Metadata(), body: .entries([
            Entry(id: "deep", question: [.text("Deep?")], answer: [quote, list, .paragraph(Paragraph([inline]))]),
        ])))
        let errors = try SchemaValidator.errors(outputs)
        #expect(errors.isEmpty, "\(errors.prefix(20).joined(separator: "\n"))")
    }

    @Test func schemaMatchesContract() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: SchemaValidator.schema))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let id = try #require(schema["$id"] as? String)
        let major = JSONContract.version.split(separator: ".")[0]
        #expect(id.contains("/v\(major)/"))
        let version = (schema["properties"] as? [String: Any])?["version"] as? [String: Any]
        let pattern = try #require(version?["pattern"] as? String)
        #expect(JSONContract.version.range(of: pattern, options: .regularExpression) != nil)
    }

    @Test func keyOrderAndExtras() throws {
        let text = try Self.json(try Fixtures.document("everything"))
        #expect(text.hasPrefix("{\n  \"format\": \"faqexport\",\n  \"version\": \"\(JSONContract.version)\",\n  \"metadata\": {\n    \"title\": "))
        #expect(text.contains("\"url\": \"https://example.org/faq/#what-is-this\""))
        #expect(text.contains("\"answer_text\": \"A fixture. It has a hard line break here\\nand continues."))
        let flat = try Self.json(try Fixtures.document("seed-004"), baseURL: "https://docs.example.net/")
        #expect(flat.contains("\"url\": \"https://docs.example.net/guide/faq/#"))
        let none = try Self.json(FAQDocument(metadata: Metadata(), body: .entries([Entry(id: "a", question: [.text("Q")], answer: [])])))
        #expect(!none.contains("\"url\""))
    }

    static let escapes = FAQDocument(
        metadata: Metadata(title: "Quotes \" and \\ backslash / slash", extra: ["k\u{1}": "v\u{1F}"]),
        body: .entries([
            Entry(
                id: "esc", question: [.text("Ctl \u{0}\u{7}\u{8}\u{C}\t\n\r\u{7F} é 日本 👩\u{200D}👩\u{200D}👧 \u{2028}")],
                answer: [.code(CodeBlock(language: "c", text: "printf(\"%s\\n\");\n\ttab"))]),
        ]))

    @Test func stringEscaping() throws {
        let text = try Self.json(Self.escapes)
        #expect(text.contains(#""question": "Ctl \u0000\u0007\u0008\u000c\t\n\r"#))
        #expect(text.contains("\u{7F} é 日本 👩\u{200D}👩\u{200D}👧 \u{2028}\""))
        #expect(text.contains(#""title": "Quotes \" and \\ backslash / slash""#))
        #expect(text.contains(#""k\u0001": "v\u001f""#))
        let decoded = try JSONDecoder().decode(FAQDocument.self, from: Data(text.utf8))
        #expect(decoded == Self.escapes)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    /// A FAQ of about 7 MB of JSON: the debug build must stay within seconds (release is
    /// several times faster); prints the time.
    @Test func largeDocument() throws {
        let base = try Fixtures.document("everything")
        var sections: [Section] = []
        if case .sections(let s) = base.body {
            for i in 0..<360 {
                sections += s.map { section in
                    var copy = section
                    copy.id += "-\(i)"
                    copy.entries = copy.entries.map { var e = $0; e.id += "-\(i)"; return e }
                    return copy
                }
            }
        }
        let big = FAQDocument(metadata: base.metadata, preamble: base.preamble, body: .sections(sections))
        let clock = ContinuousClock()
        var size = 0
        let elapsed = try clock.measure { size = try Self.json(big).utf8.count }
        print("JSON of \(size) bytes in \(elapsed)")
        #expect(size > 7_000_000)
        #expect(elapsed < .seconds(20))
    }
}

/// `answer_html` is the xhtml output's sanitized markup, for consumers that show HTML.
@Suite struct JSONAnswerHTMLTests {
    @Test func everyEntryCarriesSanitizedAnswerHTML() throws {
        for name in Fixtures.names {
            let document = try Fixtures.document(name)
            let result = try JSONEmitter().emit(document, options: EmitOptions(timestamp: 0))
            let text = result.text
            let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let entries = (object["entries"] as? [[String: Any]])
                ?? ((object["sections"] as? [[String: Any]]) ?? []).flatMap { ($0["entries"] as? [[String: Any]]) ?? [] }
            #expect(entries.count == document.allEntries.count)
            for entry in entries {
                let html = try #require(entry["answer_html"] as? String, "\(name): no answer_html")
                let lowered = html.lowercased()
                for banned in ["<script", "javascript:", "vbscript:", "data:", " onclick", " onerror", "<iframe", " style="] {
                    #expect(!lowered.contains(banned), "\(name): \(banned) in answer_html")
                }
                // Well-formed: the fragment parses as the content of one element.
                let wrapped = "<div xmlns=\"http://www.w3.org/1999/xhtml\">\(html)</div>"
                let run = try ExternalTool.run(["xmllint", "--noout", "-"], stdin: Array(wrapped.utf8))
                #expect(run.status == 0, "\(name): \(run.stderr)")
            }
        }
    }
}
