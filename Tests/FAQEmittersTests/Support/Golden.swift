import Foundation
import Testing

/// Golden files under `Golden/`. `FAQEXPORT_RECORD=1 swift test` rewrites them, and the
/// recording run fails, so nothing is accepted without a reviewer reading `git diff Tests/`.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["FAQEXPORT_RECORD"] == "1" }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Compares `actual` with `Golden/name`; records it instead when asked to.
    static func check(_ actual: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = url(name)
        if recording {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual).write(to: file)
            Issue.record("recorded \(name); unset FAQEXPORT_RECORD and review git diff", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? Data(contentsOf: file) else {
            Issue.record("missing golden file \(name); run with FAQEXPORT_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        #expect([UInt8](expected) == actual, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(Array(actual.utf8), name, sourceLocation: sourceLocation)
    }
}
