import FAQEmitters
import FAQModel
@testable import FAQReaders
import FAQTestSupport
import Foundation

/// Reader fixtures (`Fixtures/`) and their golden model dumps (`Golden/`).
enum ReaderFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Fixtures")
    static let golden = GoldenFiles(directory: root.appendingPathComponent("Golden"))

    /// Reads `Fixtures/<relative>`; the document's source is the relative path, so goldens
    /// hold no absolute paths.
    static func read(_ relative: String, options: ReaderOptions = ReaderOptions()) throws -> FAQReader.Result {
        let url = fixtures.appendingPathComponent(relative)
        let bytes = [UInt8](try Data(contentsOf: url))
        var options = options
        if options.site == nil { options.site = FAQReader.jekyllSite(near: url.path) }
        if options.generator == nil { options.generator = FAQReader.siteGenerator(near: url.path) }
        options.filePath = url.path
        return try FAQReader.read(bytes: bytes, path: relative, options: options)
    }

    /// The model as the tool ships it: the `json` format's writer, with default options.
    static func json(_ document: FAQDocument) throws -> [UInt8] {
        try JSONEmitter().emit(document, options: EmitOptions()).bytes
    }
}

extension FAQDocument {
    /// The document without source paths and positions, to compare two renditions.
    var withoutLocations: FAQDocument {
        var copy = self
        copy.source = nil
        switch body {
        case .entries(let entries):
            copy.body = .entries(entries.map { var e = $0; e.location = nil; return e })
        case .sections(let sections):
            copy.body = .sections(sections.map { section in
                var s = section
                s.location = nil
                s.entries = s.entries.map { var e = $0; e.location = nil; return e }
                return s
            })
        }
        return copy
    }
}
