import FAQEmitters

/// Writes a file so that readers see the old bytes or the new ones, never a mix: a temporary
/// file beside the target, flushed, then renamed over it. On failure nothing is left behind.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): error: cannot write: \(reason)" }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try PendingFile(replacing: path)
        do {
            try file.open().write(bytes)
            try file.finish()
        } catch {
            file.discard()
            throw file.error(error)
        }
        try file.commit()
    }
}
