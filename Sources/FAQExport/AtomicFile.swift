import FAQEmitters
import Foundation
import Glibc

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
            try file.sink.write(bytes)
            try file.finish()
        } catch {
            file.discard()
            throw file.error(error)
        }
        try file.commit()
    }
}

/// The temporary file of one output: written through `sink` (an emitter streams into it),
/// flushed by `finish`, then either renamed over the target (`commit`) or removed
/// (`discard`), so a run that fails leaves every target as it was.
public final class PendingFile: @unchecked Sendable {
    public let path: String
    public let sink: OutputSink
    private let tempPath: String
    private var fd: Int32

    public init(replacing path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        sink = OutputSink(fileDescriptor: fd)
    }

    /// Permissions and fsync; the file stays temporary until `commit`.
    public func finish() throws {
        // New files get the usual permissions (mkstemp makes them 0600).
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        guard fsync(fd) == 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
        fd = -1
    }

    public func commit() throws {
        guard rename(tempPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tempPath)
            throw AtomicFile.WriteError(path: path, reason: reason)
        }
    }

    public func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unlink(tempPath)
    }

    /// `error` as a `WriteError` naming the target.
    func error(_ error: Error) -> AtomicFile.WriteError {
        error as? AtomicFile.WriteError ?? AtomicFile.WriteError(path: path, reason: "\(error)")
    }
}
