import FAQEmitters
import Foundation

/// The real validator of every registered format, by format name: each takes outputs
/// (name, bytes) and returns one line per problem (none when all are valid).
/// `FormatRegistryTests` fails when a format in `OutputFormat` has no entry here, so a new
/// format cannot ship without a check.
enum FormatValidators {
    typealias Outputs = [(name: String, bytes: [UInt8])]

    static let byName: [String: @Sendable (Outputs) throws -> [String]] = [
        "man": man,
        "xhtml": { outputs in
            let complaints = try Validators.xmllint(outputs)
            return complaints.isEmpty ? [] : [complaints]
        },
        "epub": { outputs in
            try Validators.epubcheck(outputs).filter { !$0.clean }.map { "\($0.name): \($0.output)" }
        },
        "text": { outputs in outputs.flatMap { text($0.name, $0.bytes) } },
        "json": { outputs in
            var documents: [String: String] = [:]
            for output in outputs { documents[output.name] = String(decoding: output.bytes, as: UTF8.self) }
            return try SchemaValidator.errors(documents)
        },
        "jsonld": { outputs in outputs.compactMap { jsonld($0.name, $0.bytes) } },
    ]

    /// `mandoc -Tlint -W warning` and `groff -k -Tutf8 -t -man -ww -z`, silent on each page.
    @Sendable static func man(_ outputs: Outputs) throws -> [String] {
        var problems: [String] = []
        for output in outputs {
            let path = try ExternalTool.temporaryFile(output.bytes, suffix: ".7")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let lint = try ExternalTool.run(["mandoc", "-Tlint", "-W", "warning", path])
            if lint.status != 0 || !lint.stdout.isEmpty || !lint.stderr.isEmpty {
                problems.append("\(output.name): mandoc: \(lint.stdout)\(lint.stderr)")
            }
            let groff = try ExternalTool.run(["groff", "-k", "-Tutf8", "-t", "-man", "-ww", "-z", path])
            if groff.status != 0 || !groff.stderr.isEmpty { problems.append("\(output.name): groff: \(groff.stderr)") }
        }
        return problems
    }

    /// Valid UTF-8 in NFC, no tab, carriage return or other control but the line feed,
    /// ending with a line feed.
    static func text(_ name: String, _ bytes: [UInt8]) -> [String] {
        guard let text = String(validating: bytes, as: UTF8.self) else { return ["\(name): not UTF-8"] }
        var problems: [String] = []
        if text != text.precomposedStringWithCanonicalMapping { problems.append("\(name): not NFC") }
        if text.unicodeScalars.contains(where: { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }) {
            problems.append("\(name): a control character")
        }
        if !text.hasSuffix("\n") { problems.append("\(name): no final line feed") }
        return problems
    }

    /// Parses, and is a schema.org FAQPage with a list of questions.
    static func jsonld(_ name: String, _ bytes: [UInt8]) -> String? {
        guard let root = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return "\(name): not a JSON object" }
        guard root["@context"] as? String == "https://schema.org", root["@type"] as? String == "FAQPage",
              root["mainEntity"] is [[String: Any]] else { return "\(name): not a schema.org FAQPage" }
        return nil
    }
}
