import FAQModel
import Foundation

/// The emitter fixtures: model dumps in `Fixtures/*.json` (made by the readers from
/// `Tests/FAQReadersTests/Fixtures/*.md`, or written by hand where a model shape matters
/// more than its source: `crossrefs`, `crossref-dead`), so emitters are tested apart from readers.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every fixture name: `everything`, `hostile`, `eventlet-removal-faq`, `seed-004`…
    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func document(_ name: String) throws -> FAQDocument {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        return try JSONDecoder().decode(FAQDocument.self, from: data)
    }
}
