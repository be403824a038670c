import Foundation
import Testing

/// Golden files in one directory. `FAQEXPORT_RECORD=1 swift test` rewrites them, and the
/// recording run fails, so nothing is accepted without a reviewer reading `git diff Tests/`.
public struct GoldenFiles: Sendable {
    public let directory: URL
    public init(directory: URL) { self.directory = directory }

    public static var recording: Bool { ProcessInfo.processInfo.environment["FAQEXPORT_RECORD"] == "1" }

    public func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Compares `actual` with `name`; records it instead when asked to.
    public func check(_ actual: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = url(name)
        if Self.recording {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual).write(to: file)
            Issue.record("recorded \(name); unset FAQEXPORT_RECORD and review git diff", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? Data(contentsOf: file) else {
            Issue.record("missing golden file \(name); run with FAQEXPORT_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        if [UInt8](expected) != actual {
            Issue.record("output differs from golden \(name): \(Self.firstDifference([UInt8](expected), actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first differing line, short enough to read in a test log.
    static func firstDifference(_ expected: [UInt8], _ actual: [UInt8]) -> String {
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end of file>"
            let al = i < a.count ? String(a[i]) : "<end of file>"
            if el != al { return "line \(i + 1): expected \(el.prefix(200).debugDescription), got \(al.prefix(200).debugDescription)" }
        }
        return "bytes differ (\(expected.count) vs \(actual.count))"
    }

    public func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(Array(actual.utf8), name, sourceLocation: sourceLocation)
    }
}
