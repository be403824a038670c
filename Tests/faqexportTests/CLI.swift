import FAQTestSupport
import Foundation

/// The built `faqexport` binary, run as users run it.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `FAQEXPORT_BIN` overrides; else the debug binary `swift test` has just built.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["FAQEXPORT_BIN"] { return path }
        return root.appendingPathComponent(".build/debug/faqexport").path
    }

    static func run(_ arguments: [String], stdin: [UInt8]? = nil, in directory: URL? = nil, environment: [String: String] = [:]) throws -> ExternalTool.Run {
        try ExternalTool.run(
            arguments, executable: binary, stdin: stdin, environment: ["SOURCE_DATE_EPOCH": "1700000000"].merging(environment) { $1 },
            directory: directory ?? root)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("faqexport-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
