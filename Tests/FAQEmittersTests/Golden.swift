@_exported import FAQTestSupport
import Foundation
import Testing

/// The emitter goldens in `Tests/FAQEmittersTests/Golden/`.
enum Golden {
    static let files = GoldenFiles(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"))
    static var directory: URL { files.directory }
    static var recording: Bool { GoldenFiles.recording }
    static func url(_ name: String) -> URL { files.url(name) }

    static func check(_ actual: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try files.check(actual, name, sourceLocation: sourceLocation)
    }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try files.check(actual, name, sourceLocation: sourceLocation)
    }
}
